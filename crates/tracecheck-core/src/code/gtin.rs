//! GTINs typed or scanned as bare numbers.

/// The GS1 mod-10 check digit for `data` (all digits but the last; weights
/// 3,1,3,… from the rightmost), or `None` if a character is not a digit.
pub fn gtin_check_digit(data: &str) -> Option<char> {
    super::lint::mod10_check_digit(data)
}

/// True for a GTIN-8, -12, -13 or -14 whose last digit is its check digit.
pub fn is_valid_gtin(digits: &str) -> bool {
    matches!(digits.len(), 8 | 12 | 13 | 14)
        && digits.is_ascii()
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
