//! Number literals that an IEEE double would not hold faithfully.
//!
//! JCS (RFC 8785) signs the double a literal parses to, so the text a
//! signer wrote and the value a verifier shows can differ. RFC 8785 accepts
//! ordinary rounding (`4.50` is `4.5`, `1E30` the double nearest 10^30);
//! these rules refuse the literals where the difference hides information:
//!
//! - an integer literal (no fraction, no exponent) that is not the text its
//!   double is written as: any up to ±2^53 passes, beyond that only the
//!   shortest form JCS itself writes (`4.55e17` as `455555555000000000`),
//!   so an identifier written as a number (a GTIN, a serial) cannot change;
//! - more than 17 significant digits: no double carries that many, so two
//!   different literals would sign the same;
//! - a non-zero literal that underflows to zero.
//!
//! serde_json hands the visitor only the parsed double, so the literals are
//! read here from the raw text (a small scan that skips string contents).

use super::JsonError;

/// Every integer up to 2^53 is a double.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// Most significant digits a literal may carry.
const MAX_SIGNIFICANT_DIGITS: usize = 17;

/// Checks every number literal in `text`, which must already be valid JSON.
pub(super) fn check_literals(text: &[u8]) -> Result<(), JsonError> {
    let mut i = 0;
    let mut in_string = false;
    while let Some(&byte) = text.get(i) {
        if in_string {
            match byte {
                b'\\' => i += 1, // the escaped byte cannot end the string
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let end = text[i..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(text.len(), |n| i + n);
                check_literal(&text[i..end])?;
                i = end;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Checks one literal (JSON number grammar, already validated by serde_json).
fn check_literal(literal: &[u8]) -> Result<(), JsonError> {
    let text = std::str::from_utf8(literal).map_err(|_| JsonError::ImpreciseNumber)?;
    let body = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if exponent.is_none() && fraction.is_empty() {
        // A plain integer must read back as itself: any up to 2^53; beyond,
        // only the text JCS writes for its double (ECMAScript's number
        // formatting, by ryu-js as serde_json_canonicalizer writes it; from
        // 10^21 that is an exponent, so no integer literal that long passes).
        let small = integer.len() <= 16
            && integer
                .parse::<u64>()
                .is_ok_and(|magnitude| magnitude <= MAX_EXACT_INTEGER);
        let exact = small
            || parse_double(integer).is_ok_and(|double| {
                double.is_finite() && ryu_js::Buffer::new().format_finite(double) == integer
            });
        return if exact {
            Ok(())
        } else {
            Err(JsonError::ImpreciseNumber)
        };
    }
    let digits: String = integer.chars().chain(fraction.chars()).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.len() > MAX_SIGNIFICANT_DIGITS {
        return Err(JsonError::ImpreciseNumber);
    }
    let value = parse_double(text)?;
    if !value.is_finite() || (value == 0.0 && !significant.is_empty()) {
        return Err(JsonError::ImpreciseNumber);
    }
    Ok(())
}

/// The double nearest a JSON number literal. serde_json's `float_roundtrip`
/// parser is correctly rounded, like `str::parse`; using it here, not a
/// second parser, keeps one set of float tables in the widget's download.
fn parse_double(literal: &str) -> Result<f64, JsonError> {
    serde_json::from_str::<f64>(literal).map_err(|_| JsonError::ImpreciseNumber)
}

#[cfg(test)]
mod tests {

    use super::*;

    fn check(text: &str) -> Result<(), JsonError> {
        check_literals(text.as_bytes())
    }

    #[test]
    fn accepts_what_rfc8785_rounds_ordinarily() {
        for ok in [
            "333333333.33333329",
            "1E30",
            "4.50",
            "2e-3",
            "0.000000000000000000000000001",
            "-0",
            "-0.0",
            "9007199254740992",
            "-9007199254740992",
            "1.0000000000000000000000",
            "5e-324",
            "1.7976931348623157e308",
            // Integers past 2^53 written as JCS writes their doubles.
            "455555555000000000",
            "9007199254740993000",
            "18446744073709552000",
            "100000000000000000000",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_literals_a_double_would_change() {
        for bad in [
            "9007199254740993",
            "-9007199254740993",
            "123456789012345678901234567890",
            "18446744073709551617",
            "18446744073709551615",
            // Exactly a double, but not as JCS writes it: refused too.
            "18446744073709551616",
            // JCS writes 10^21 and beyond with an exponent (`1e+21`).
            "1000000000000000000000",
            "0.30000000000000000001",
            "1.2345678901234567890e5",
            "1e-400",
            "-2.5e-999",
        ] {
            assert_eq!(check(bad), Err(JsonError::ImpreciseNumber), "{bad}");
        }
    }

    #[test]
    fn skips_numbers_inside_strings_and_keys() {
        assert_eq!(
            check(r#"{"9007199254740993":"123456789012345678901234567890\"1e-400"}"#),
            Ok(())
        );
        assert_eq!(
            check(r#"["\\", 9007199254740993]"#),
            Err(JsonError::ImpreciseNumber)
        );
    }
}
