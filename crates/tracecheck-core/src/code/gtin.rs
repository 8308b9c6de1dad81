//! GS1 mod-10 check digits (weights 3,1,3,… from the rightmost data digit).

/// The check digit for `data` (all digits but the last), or `None` if a
/// character is not a digit.
pub fn gtin_check_digit(data: &str) -> Option<char> {
    let mut sum = 0u32;
    for (i, c) in data.chars().rev().enumerate() {
        let digit = c.to_digit(10)?;
        sum += if i % 2 == 0 { digit * 3 } else { digit };
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// True for a GTIN-8, -12, -13 or -14 whose last digit is its check digit.
pub fn is_valid_gtin(digits: &str) -> bool {
    matches!(digits.len(), 8 | 12 | 13 | 14)
        && digits.len() > 1
        && gtin_check_digit(&digits[..digits.len() - 1]) == digits.chars().last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_known_check_digits() {
        assert_eq!(gtin_check_digit("0952012345678"), Some('8'));
        assert_eq!(gtin_check_digit("893123456789"), Some('7'));
        assert_eq!(gtin_check_digit("9501234"), Some('6'));
        assert_eq!(gtin_check_digit("12a"), None);
        assert!(is_valid_gtin("09520123456788"));
        assert!(is_valid_gtin("95012346"));
        assert!(!is_valid_gtin("09520123456787"));
        assert!(!is_valid_gtin("0952012345"));
    }
}
