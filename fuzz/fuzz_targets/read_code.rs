//! `code::read`, the widget's front door, on any UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracecheck_core::code::{GS1_STEM, ReadCode, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ReadCode::Gs1(code)) = read(text) {
        // Whatever read() accepts can be written as a Digital Link and read back.
        let uri = code
            .try_digital_link(GS1_STEM)
            .unwrap_or_else(|e| panic!("read() accepted {text:?} but cannot write it: {e:?}"));
        let again = read(&uri).unwrap_or_else(|e| panic!("{uri} does not read back: {e:?}"));
        let ReadCode::Gs1(again) = again else {
            panic!("{uri} read back as another system");
        };
        assert_eq!(again.try_digital_link(GS1_STEM).ok().as_deref(), Some(uri.as_str()));
        let _ = code.element_string();
        let _ = code.bracketed();
    }
});
