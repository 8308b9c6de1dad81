//! RFC 8785 vectors (cyberphone/json-canonicalization): document pairs and
//! ES6 number serialisation lines.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Tally, read_json, read_text, vectors_dir};
use tracecheck_core::json::{Limits, canonicalize, parse};

#[test]
fn canonicalizes_every_document_pair() {
    let manifest = read_json("jcs-rfc8785/manifest.json");
    let mut tally = Tally::new("jcs-rfc8785/testdata");
    for name in manifest["testdata_cases_main"]
        .as_array()
        .expect("case list")
    {
        let name = name.as_str().expect("name");
        let input =
            std::fs::read(vectors_dir().join(format!("jcs-rfc8785/testdata/input/{name}.json")))
                .expect("input");
        let expected =
            std::fs::read(vectors_dir().join(format!("jcs-rfc8785/testdata/output/{name}.json")))
                .expect("output");
        let got = parse(&input, Limits::DEFAULT).map(|v| canonicalize(&v));
        tally.record(name, got.as_ref() == Ok(&expected), || {
            format!(
                "got {:?}",
                got.map(|b| String::from_utf8_lossy(&b).into_owned())
            )
        });
    }
    tally.finish();
}

#[test]
fn serialises_numbers_as_es6() {
    let text = read_text("jcs-rfc8785/es6-numbers/es6testfile-first10000-main.txt");
    let mut tally = Tally::new("jcs-rfc8785/es6-numbers");
    for line in text.lines() {
        let (hex, expected) = line.split_once(',').expect("hex,expected");
        let bits = u64::from_str_radix(hex, 16).expect("hex");
        let number = f64::from_bits(bits);
        let value = serde_json::Value::from(number);
        let got = String::from_utf8(canonicalize(&value)).expect("utf-8");
        // The serialisation must also pass the strict parser, back to the same double.
        let reparsed = parse(expected.as_bytes(), Limits::DEFAULT)
            .ok()
            .and_then(|v| v.as_f64());
        let round_trips = reparsed == Some(number);
        tally.record(hex, got == expected && round_trips, || {
            format!("got {got}, want {expected}")
        });
    }
    tally.finish();
}
