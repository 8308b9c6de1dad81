//! Properties of the code reader over generated inputs: Digital Link →
//! element string → Digital Link is stable, and no input makes any parser
//! panic. `PROPTEST_CASES` raises the case count for a long run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tracecheck_core::code::{
    Element, GS1_STEM, Options, Symbology, generate_scan_data, gtin_check_digit, parse_bracketed,
    parse_digital_link, parse_digital_link_with, parse_element_string, process_scan_data, read,
    to_digital_link, uri_escape, uri_unescape,
};

/// A GTIN-14 with a correct check digit.
fn gtin() -> impl Strategy<Value = String> {
    "[0-9]{13}".prop_map(|data| {
        let check = gtin_check_digit(&data).unwrap_or('0');
        format!("{data}{check}")
    })
}

/// CSET 82 text of 1 to `max` characters.
fn cset82(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[A-Za-z0-9!\"%&'()*+,\\-./:;<=>?_]{{1,{max}}}"))
        .unwrap_or_else(|_| unreachable!("valid regex"))
}

/// A valid `YYMMDD` (day 01–28 is valid in every month).
fn date() -> impl Strategy<Value = String> {
    (0u32..100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:02}{m:02}{d:02}"))
}

/// A GTIN with optional qualifiers (one alternative) and attributes.
fn trade_item() -> impl Strategy<Value = Vec<Element>> {
    (
        gtin(),
        prop::option::of(cset82(20)),
        prop::option::of(cset82(20)),
        prop::option::of(cset82(20)),
        prop::option::of(cset82(28)),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of("[0-9]{6}"),
        prop::option::of(cset82(30)),
    )
        .prop_map(
            |(gtin, cpv, lot, serial, tpx, expiry, packed, weight, internal)| {
                let mut elements = vec![Element::new("01", gtin)];
                if let Some(tpx) = tpx {
                    elements.push(Element::new("235", tpx));
                } else {
                    if let Some(cpv) = cpv {
                        elements.push(Element::new("22", cpv));
                    }
                    if let Some(lot) = lot {
                        elements.push(Element::new("10", lot));
                    }
                    if let Some(serial) = serial {
                        elements.push(Element::new("21", serial));
                    }
                }
                if let Some(expiry) = expiry {
                    elements.push(Element::new("17", expiry));
                }
                if let Some(packed) = packed {
                    elements.push(Element::new("13", packed));
                }
                if let Some(weight) = weight {
                    elements.push(Element::new("3103", weight));
                }
                if let Some(internal) = internal {
                    elements.push(Element::new("91", internal));
                }
                elements
            },
        )
}

/// Text that looks like the inputs the parsers see, with damage.
fn code_like() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("https://".to_owned()),
            Just("HTTP://".to_owned()),
            Just("id.gs1.org".to_owned()),
            Just("/01/".to_owned()),
            Just("/10/".to_owned()),
            Just("/21/".to_owned()),
            Just("/235/".to_owned()),
            Just("?17=".to_owned()),
            Just("&".to_owned()),
            Just("%".to_owned()),
            Just("%2F".to_owned()),
            Just("^".to_owned()),
            Just("\u{1d}".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
            Just("]Q1".to_owned()),
            Just("]d2".to_owned()),
            Just("]E0".to_owned()),
            Just("|]e0".to_owned()),
            Just("8110".to_owned()),
            Just("8030".to_owned()),
            Just("09520123456788".to_owned()),
            "[0-9]{1,20}",
            "[ -~]{0,8}",
            "\\PC{0,4}",
        ],
        0..12,
    );
    pieces.prop_map(|p| p.concat())
}

fn exercise_every_parser(text: &str) {
    let permissive = Options {
        permit_unknown_ais: true,
        permit_zero_suppressed_gtin: true,
        permit_convenience_alphas: true,
        unknown_ai_not_dl_attribute: false,
    };
    let _ = read(text);
    let _ = parse_digital_link(text);
    if let Ok(code) = parse_digital_link_with(text, &permissive) {
        let _ = code.try_digital_link(GS1_STEM);
        let _ = code.digital_link("");
        let _ = code.key_path();
    }
    for options in [Options::default(), permissive] {
        if let Ok(elements) = parse_bracketed(text, &options) {
            let _ = to_digital_link(GS1_STEM, &elements);
        }
    }
    let _ = parse_element_string(text);
    let _ = process_scan_data(text);
    for symbology in [
        Symbology::Qr,
        Symbology::DataBarExpanded,
        Symbology::Ean13,
        Symbology::UpcE,
    ] {
        let _ = generate_scan_data(symbology, text, true);
        let _ = generate_scan_data(symbology, text, false);
    }
    let _ = uri_unescape(text, true);
    let _ = uri_escape(text, false);
}

proptest! {
    #[test]
    fn digital_link_round_trips_through_element_strings(elements in trade_item()) {
        let uri = to_digital_link("https://resolver.example.vn/stem", &elements)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let code = parse_digital_link(&uri).map_err(|e| TestCaseError::fail(format!("{uri}: {e:?}")))?;
        // Same elements, whatever order the URI put them in.
        let mut got = code.elements.clone();
        let mut want = elements.clone();
        got.sort_by(|a, b| a.ai.cmp(&b.ai));
        want.sort_by(|a, b| a.ai.cmp(&b.ai));
        prop_assert_eq!(got, want);
        // DL → element string → DL gives the same URI.
        let again = parse_element_string(&code.element_string())
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(
            to_digital_link("https://resolver.example.vn/stem", &again),
            Ok(uri.clone())
        );
        prop_assert_eq!(code.digital_link("https://resolver.example.vn/stem"), uri.clone());
        // And read() accepts it as a Digital Link.
        prop_assert!(read(&uri).is_ok(), "{}", uri);
    }

    #[test]
    fn escaping_round_trips(value in "\\PC{0,40}", in_query in any::<bool>()) {
        let escaped = uri_escape(&value, in_query);
        let back = uri_unescape(&escaped, in_query);
        if value.contains('\0') {
            prop_assert_eq!(back, None);
        } else {
            prop_assert_eq!(back, Some(value.into_bytes()));
        }
    }

    #[test]
    fn no_input_panics(text in code_like()) {
        exercise_every_parser(&text);
    }

    #[test]
    fn no_arbitrary_text_panics(text in "\\PC{0,120}") {
        exercise_every_parser(&text);
    }
}
