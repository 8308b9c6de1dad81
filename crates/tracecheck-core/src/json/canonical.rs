//! RFC 8785 JSON Canonicalization Scheme.
//!
//! `serde_json_canonicalizer` passes every RFC 8785 vector we hold (see
//! `tests/jcs_vectors.rs`): keys sorted by UTF-16 code units, ES6 number
//! formatting, minimal string escaping, no Unicode normalisation.

use serde_json::Value;

/// The canonical UTF-8 bytes of `value`.
pub fn canonicalize(value: &Value) -> Vec<u8> {
    // Serialising an in-memory `Value` cannot fail: every number in it is finite.
    serde_json_canonicalizer::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_by_utf16_code_units_not_code_points() {
        // U+10000 is D800 DC00 in UTF-16, so it sorts before U+FFFF there,
        // although it comes after it in UTF-8 and code-point order.
        let v = json!({"\u{ffff}": 1, "\u{10000}": 2, "a": 3});
        let text = String::from_utf8(canonicalize(&v)).expect("utf-8");
        assert_eq!(text, "{\"a\":3,\"\u{10000}\":2,\"\u{ffff}\":1}");
    }

    #[test]
    fn writes_numbers_as_ecmascript_does() {
        let v = json!([-0.0, 1e30, 4.5, 0.002, 1e-7, 100]);
        assert_eq!(canonicalize(&v), b"[0,1e+30,4.5,0.002,1e-7,100]");
    }

    #[test]
    fn escapes_only_what_rfc8785_requires() {
        let v = json!("a/\u{1}\n\u{e9}\"");
        assert_eq!(canonicalize(&v), "\"a/\\u0001\\n\u{e9}\\\"\"".as_bytes());
        // Short escapes for the five that have them, lowercase \u00xx for the
        // other controls; DEL, U+2028 and non-BMP characters stay literal.
        let v = json!("\u{8}\u{9}\u{c}\r\u{1f}\u{7f}\u{2028}\u{1f600}\\");
        let want = "\"\\b\\t\\f\\r\\u001f\u{7f}\u{2028}\u{1f600}\\\\\"";
        assert_eq!(String::from_utf8(canonicalize(&v)).expect("utf-8"), want);
    }

    #[test]
    fn sorts_awkward_keys_at_every_level() {
        // Keys whose UTF-8, code-point and UTF-16 orders disagree, nested in
        // arrays and objects; the expected order is computed independently.
        let keys = [
            "\u{20ac}",
            "\r",
            "\u{fb33}",
            "1",
            "\u{e9}",
            "\u{1f600}",
            "\u{80}",
            "",
            "a",
            "A",
            "\u{ffff}",
            "\u{10000}",
            "aa",
            "\u{d7ff}",
            "\u{e000}",
        ];
        let object: serde_json::Map<String, Value> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| ((*k).to_owned(), json!(i)))
            .collect();
        let nested = json!({"z": [object.clone(), {"inner": object.clone()}], "y": object});
        let text = String::from_utf8(canonicalize(&nested)).expect("utf-8");

        let mut sorted: Vec<&str> = keys.to_vec();
        sorted.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
        let members: Vec<String> = sorted
            .iter()
            .map(|k| {
                let i = keys.iter().position(|x| x == k).expect("key");
                format!("{}:{i}", serde_json::to_string(k).expect("string"))
            })
            .collect();
        let one = format!("{{{}}}", members.join(","));
        assert_eq!(
            text,
            format!("{{\"y\":{one},\"z\":[{one},{{\"inner\":{one}}}]}}")
        );
        // The surrogate pair of U+1F600 (D83D) sorts before U+E000 and U+FFFF.
        let emoji = text.find('\u{1f600}').expect("emoji");
        assert!(emoji < text.find('\u{e000}').expect("e000"));
    }

    #[test]
    fn canonical_numbers_pass_the_strict_parser_again() {
        // Found by fuzzing: 4.55555555e17 is written as a 18-digit integer,
        // which the strict parser must accept back (it is a double).
        use crate::json::{Limits, parse};
        for text in [
            "455555555000E6",
            "1E30",
            "-0.0",
            "5e-324",
            "9007199254740993e3",
        ] {
            let value = parse(text.as_bytes(), Limits::DEFAULT).expect(text);
            let canonical = canonicalize(&value);
            let again = parse(&canonical, Limits::DEFAULT).expect("canonical form reparses");
            assert_eq!(canonicalize(&again), canonical, "{text}");
        }
    }

    #[test]
    fn writes_awkward_numbers_as_ecmascript_does() {
        let v = json!([
            1e21,
            1e20,
            1e-6,
            1e-7,
            0.1,
            -1.5e-300,
            5e-324,
            1.7976931348623157e308,
            123456789.0
        ]);
        assert_eq!(
            String::from_utf8(canonicalize(&v)).expect("utf-8"),
            "[1e+21,100000000000000000000,0.000001,1e-7,0.1,-1.5e-300,5e-324,1.7976931348623157e+308,123456789]"
        );
    }
}
