//! Bracketed and unbracketed element data, scan data, and the rules between
//! AIs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracecheck_core::code::{
    Options, Symbology, check_associations, generate_scan_data, parse_bracketed,
    parse_element_string, process_scan_data, to_digital_link, write_bracketed,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let permissive = Options {
        permit_unknown_ais: true,
        ..Options::default()
    };
    for options in [Options::default(), permissive] {
        if let Ok(elements) = parse_bracketed(text, &options) {
            let _ = check_associations(&elements);
            let _ = to_digital_link("", &elements);
            // Writing and reading the bracketed form gives the same elements.
            let again = parse_bracketed(&write_bracketed(&elements), &options)
                .unwrap_or_else(|e| panic!("{text:?}: bracketed form does not read back: {e:?}"));
            assert_eq!(again, elements);
        }
    }
    if let Ok(elements) = parse_element_string(text) {
        let _ = check_associations(&elements);
    }
    if let Ok(scan) = process_scan_data(text) {
        let _ = generate_scan_data(scan.symbology, &scan.data_string, false);
    }
    for symbology in [Symbology::DataMatrix, Symbology::Gs1_128Ccc, Symbology::DataBarLimited, Symbology::Ean8] {
        let _ = generate_scan_data(symbology, text, text.len() % 2 == 0);
    }
});
