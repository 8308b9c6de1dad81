//! Digital Link parsing with every option combination, and generation from
//! whatever parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracecheck_core::code::{Options, parse_digital_link_with, parse_element_string, uri_unescape};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(uri) = std::str::from_utf8(rest) else {
        return;
    };
    let options = Options {
        permit_unknown_ais: flags & 1 != 0,
        permit_zero_suppressed_gtin: flags & 2 != 0,
        permit_convenience_alphas: flags & 4 != 0,
        unknown_ai_not_dl_attribute: flags & 8 == 0,
    };
    let _ = uri_unescape(uri, flags & 16 != 0);
    if let Ok(code) = parse_digital_link_with(uri, &options) {
        let _ = code.try_digital_link("https://id.example");
        let _ = code.key_path();
        // Dictionary AIs only: the element string must read back the same.
        if !options.permit_unknown_ais {
            let elements = parse_element_string(&code.element_string())
                .unwrap_or_else(|e| panic!("{uri}: element string does not read back: {e:?}"));
            assert_eq!(elements, code.elements);
        }
    }
});
