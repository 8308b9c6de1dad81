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
    }
}
