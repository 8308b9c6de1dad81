//! Check digits and check characters: GS1 mod 10, the GS1 alphanumeric
//! check-character pair (GS1 General Specifications 7.9.5), company prefixes
//! and IBAN mod 97 (ISO 13616).

use super::super::ValueProblem;

/// The GS1 mod-10 check digit for `data` (weights 3,1,3,… from the right),
/// or `None` if a character is not a digit.
pub(crate) fn mod10_check_digit(data: &str) -> Option<char> {
    let mut sum = 0u32;
    for (i, b) in data.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let digit = u32::from(b - b'0');
        sum += if i % 2 == 0 { digit * 3 } else { digit };
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// The last digit is the mod-10 check digit of the others.
pub(super) fn csum(value: &str) -> Result<(), ValueProblem> {
    let Some((data, found)) = value.len().checked_sub(1).map(|n| value.split_at(n)) else {
        return Err(ValueProblem::TooShortForCheckDigit);
    };
    let found = found.chars().next().unwrap_or('?');
    match mod10_check_digit(data) {
        Some(expected) if expected == found => Ok(()),
        Some(expected) => Err(ValueProblem::CheckDigit { expected, found }),
        None => Err(ValueProblem::CheckDigit {
            expected: '?',
            found,
        }),
    }
}

/// CSET 82 in GS1's order: a character's position is its value.
const CSET82: &[u8] =
    b"!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/// CSET 32, the check characters.
const CSET32: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Weights from the rightmost data character leftwards.
const PRIMES: [u32; 23] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
];

/// The two check characters for `data`, or `None` when `data` is too long
/// or holds a character outside CSET 82.
pub(super) fn alpha_check_pair(data: &str) -> Option<String> {
    if data.len() > PRIMES.len() {
        return None;
    }
    let mut sum = 0u32;
    for (b, weight) in data.bytes().rev().zip(PRIMES) {
        let value = CSET82.iter().position(|&c| c == b)?;
        sum += u32::try_from(value).ok()? * weight;
    }
    let sum = sum % 1021;
    let pair = [CSET32[(sum >> 5) as usize], CSET32[(sum & 31) as usize]];
    Some(String::from_utf8_lossy(&pair).into_owned())
}

/// The last two characters are the check pair of the others.
pub(super) fn csumalpha(value: &str) -> Result<(), ValueProblem> {
    if value.len() < 2 {
        return Err(ValueProblem::TooShortForCheckPair);
    }
    let (data, found) = value.split_at(value.len() - 2);
    match alpha_check_pair(data) {
        Some(expected) if expected == found => Ok(()),
        Some(expected) => Err(ValueProblem::CheckPair {
            expected,
            found: found.to_owned(),
        }),
        None if data.len() > PRIMES.len() => Err(ValueProblem::TooLongForCheckPair),
        None => Err(ValueProblem::CheckPair {
            expected: "??".into(),
            found: found.to_owned(),
        }),
    }
}

/// The shortest GS1 Company Prefix has four digits.
const COMPANY_PREFIX_MIN: usize = 4;

/// Starts with (at least the shortest possible) GS1 Company Prefix. Without
/// a registry of allocations only its shape can be checked.
pub(super) fn company_prefix(value: &str) -> Result<(), ValueProblem> {
    let Some(prefix) = value.get(..COMPANY_PREFIX_MIN) else {
        return Err(ValueProblem::TooShortForCompanyPrefix);
    };
    if prefix.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ValueProblem::BadCompanyPrefix)
    }
}

/// ISO 13616: a country code, two check digits, mod 97 of the rearranged
/// number is 1. GS1 takes more than 10 characters as the least that can
/// carry a meaningful account.
pub(super) fn iban(value: &str, is_country: impl Fn(&str) -> bool) -> Result<(), ValueProblem> {
    if value.len() <= 10 {
        return Err(ValueProblem::IbanTooShort);
    }
    if value.len() > 34 {
        return Err(ValueProblem::IbanTooLong);
    }
    if let Some(character) = value
        .chars()
        .find(|c| !(c.is_ascii_digit() || c.is_ascii_uppercase()))
    {
        return Err(ValueProblem::IbanCharacter { character });
    }
    if !is_country(&value[..2]) {
        return Err(ValueProblem::IbanCountry);
    }
    let rearranged = value[4..].bytes().chain(value[..4].bytes());
    let mut remainder = 0u32;
    for b in rearranged {
        let n = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        remainder = if n >= 10 {
            (remainder * 100 + n) % 97
        } else {
            (remainder * 10 + n) % 97
        };
    }
    if remainder == 1 {
        Ok(())
    } else {
        Err(ValueProblem::IbanChecksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod10() {
        assert_eq!(mod10_check_digit("0952012345678"), Some('8'));
        assert_eq!(mod10_check_digit("12a"), None);
        assert!(csum("12345678901231").is_ok());
        assert_eq!(
            csum("12345678901234"),
            Err(ValueProblem::CheckDigit {
                expected: '1',
                found: '4'
            })
        );
    }

    #[test]
    fn alphanumeric_check_pair_matches_the_gs1_example() {
        // GS1 General Specifications, GMN example for AI (8013).
        assert!(csumalpha("1987654Ad4X4bL5ttr2310c2K").is_ok());
        assert!(matches!(
            csumalpha("1987654Ad4X4bL5ttr2310c2J"),
            Err(ValueProblem::CheckPair { .. })
        ));
    }

    #[test]
    fn iban_mod97() {
        let country = |cc: &str| matches!(cc, "GB" | "FR");
        assert!(iban("GB82WEST12345698765432", country).is_ok());
        assert_eq!(
            iban("GB83WEST12345698765432", country),
            Err(ValueProblem::IbanChecksum)
        );
        assert_eq!(iban("FR1234", country), Err(ValueProblem::IbanTooShort));
    }
}
