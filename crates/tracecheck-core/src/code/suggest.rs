//! A likely correction for a typed code: when the only problem is a check
//! digit, the code with the digit that makes it valid (a shopper who typed
//! one digit wrong gets "did you mean …?" rather than "not a product code").

use super::{CodeError, ValueProblem, is_valid_gtin, read};

/// The input with its wrong check digit replaced, if that is what `error`
/// says and the corrected text then reads as a code.
pub fn suggest_correction(input: &str, error: &CodeError) -> Option<String> {
    let CodeError::Invalid {
        problem: ValueProblem::CheckDigit { expected, found },
        ..
    } = error
    else {
        return None;
    };
    // Each run of digits (spaces inside it allowed, as people type GTINs),
    // whose last digit is the wrong one and whose corrected form is a GTIN.
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let mut end = chars.len();
    while end > 0 {
        let (last_at, last) = chars[end - 1];
        if last != *found {
            end -= 1;
            continue;
        }
        let mut digits = String::new();
        let mut start = end;
        while start > 0 && (chars[start - 1].1.is_ascii_digit() || chars[start - 1].1 == ' ') {
            start -= 1;
            if chars[start].1.is_ascii_digit() {
                digits.insert(0, chars[start].1);
            }
        }
        // Candidate GTINs are the run's last 8, 12, 13 or 14 digits.
        for length in [14, 13, 12, 8] {
            if digits.len() < length {
                continue;
            }
            let mut gtin = digits[digits.len() - length..].to_owned();
            gtin.pop();
            gtin.push(*expected);
            if is_valid_gtin(&gtin) {
                let mut corrected = input.to_owned();
                corrected.replace_range(last_at..last_at + last.len_utf8(), &expected.to_string());
                if read(&corrected).is_ok() {
                    return Some(corrected);
                }
            }
        }
        end -= 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(input: &str) -> Option<String> {
        let error = read(input).err()?;
        suggest_correction(input, &error)
    }

    #[test]
    fn a_wrong_check_digit_gets_the_right_one() {
        assert_eq!(suggest("8935001000014").as_deref(), Some("8935001000013"));
        assert_eq!(
            suggest("893 5001 00001 4").as_deref(),
            Some("893 5001 00001 3")
        );
        assert_eq!(
            suggest("(01)08935001000014(10)NL2611").as_deref(),
            Some("(01)08935001000013(10)NL2611")
        );
        assert_eq!(
            suggest("https://id.gs1.org/01/08935001000014/10/A1").as_deref(),
            Some("https://id.gs1.org/01/08935001000013/10/A1")
        );
    }

    #[test]
    fn other_problems_get_no_guess() {
        assert_eq!(suggest("8935001000013"), None, "valid: no error at all");
        assert_eq!(suggest("89350010000"), None, "a length problem");
        assert_eq!(suggest("hello"), None);
    }
}
