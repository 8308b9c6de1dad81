//! Content checks for AI components: the character sets and the "linters"
//! that the GS1 Barcode Syntax Dictionary names. Written here from the rules
//! GS1 documents for its reference linters (the GS1 Barcode Syntax Tests);
//! no Rust crate covers them.

mod checksum;
mod coupon;
mod date;
mod lists;

use super::ValueProblem;
use super::dictionary::{Charset, Linter};

pub(crate) use checksum::mod10_check_digit;

/// Checks that every character of `value` is in `charset`.
pub(crate) fn check_charset(charset: Charset, value: &str) -> Result<(), ValueProblem> {
    match charset {
        Charset::Numeric => first_bad(value, |c| c.is_ascii_digit()).map_or(Ok(()), |character| {
            Err(ValueProblem::NonDigit { character })
        }),
        Charset::Cset82 => first_bad(value, is_cset82).map_or(Ok(()), |character| {
            Err(ValueProblem::NotCset82 { character })
        }),
        Charset::Cset39 => first_bad(value, is_cset39).map_or(Ok(()), |character| {
            Err(ValueProblem::NotCset39 { character })
        }),
        Charset::Cset64 => check_cset64(value),
    }
}

fn first_bad(value: &str, allowed: impl Fn(char) -> bool) -> Option<char> {
    value.chars().find(|&c| !allowed(c))
}

/// GS1 AI encodable character set 82.
pub(crate) fn is_cset82(c: char) -> bool {
    // '%'..='?' is % & ' ( ) * + , - . / 0-9 : ; < = > ?
    matches!(c, 'A'..='Z' | 'a'..='z' | '!' | '"' | '%'..='?' | '_')
}

/// GS1 AI encodable character set 39.
fn is_cset39(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase() || "#-/".contains(c)
}

/// Base64url with optional `=` padding: at most two pad characters, and
/// with padding the whole length a multiple of three (GS1's rule).
fn check_cset64(value: &str) -> Result<(), ValueProblem> {
    let body = value.trim_end_matches('=');
    let pads = value.len() - body.len();
    if pads > 2 || (pads > 0 && value.len() % 3 != 0) {
        return Err(ValueProblem::Cset64Padding);
    }
    first_bad(body, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .map_or(Ok(()), |character| {
            Err(ValueProblem::NotCset64 { character })
        })
}

/// Runs one linter over one component.
pub(crate) fn run(linter: Linter, value: &str) -> Result<(), ValueProblem> {
    use ValueProblem as P;
    match linter {
        Linter::Csum => checksum::csum(value),
        Linter::Csumalpha => checksum::csumalpha(value),
        Linter::Gcppos1 => checksum::company_prefix(value),
        Linter::Gcppos2 => checksum::company_prefix(value.get(1..).unwrap_or_default()),
        Linter::Yymmd0 => date::yymmdd(value, true),
        Linter::Yymmdd => date::yymmdd(value, false),
        Linter::Yyyymmdd => date::yyyymmdd(value),
        Linter::Hhmi => date::hhmi(value),
        Linter::Hh => date::hour(value),
        Linter::Mi => date::minute(value),
        Linter::Ss => date::second(value),
        Linter::Iso3166 => in_list(lists::ISO3166_NUMERIC, value, P::NotCountry),
        Linter::Iso3166999 if value == "999" => Ok(()),
        Linter::Iso3166999 => in_list(lists::ISO3166_NUMERIC, value, P::NotCountryOr999),
        Linter::Iso3166alpha2 => in_list(lists::ISO3166_ALPHA2, value, P::NotCountryAlpha2),
        Linter::Iso4217 => in_list(lists::ISO4217_NUMERIC, value, P::NotCurrency),
        Linter::Iso5218 => ok_if(matches!(value, "0" | "1" | "2" | "9"), P::BadSexCode),
        Linter::Iban => {
            checksum::iban(value, |cc| lists::ISO3166_ALPHA2.binary_search(&cc).is_ok())
        }
        Linter::Pcenc => percent_escapes(value),
        Linter::Yesno => ok_if(matches!(value, "0" | "1"), P::NotZeroOrOne),
        Linter::Hyphen => ok_if(value.bytes().all(|b| b == b'-'), P::NotHyphen),
        Linter::Latitude => at_most(value, 1_800_000_000, P::BadLatitude),
        Linter::Longitude => at_most(value, 3_600_000_000, P::BadLongitude),
        Linter::Importeridx => importer_index(value),
        Linter::Packagetype => in_list(lists::PACKAGE_TYPES, value, P::BadPackageType),
        Linter::Mediatype => media_type(value),
        Linter::Posinseqslash => position_in_sequence(value),
        Linter::Nonzero => ok_if(value.bytes().any(|b| b != b'0'), P::MustNotBeZero),
        Linter::Zero => ok_if(value == "0", P::MustBeZero),
        Linter::Nozeroprefix => ok_if(!value.starts_with('0'), P::ZeroPrefix),
        Linter::Hasnondigit => ok_if(value.bytes().any(|b| !b.is_ascii_digit()), P::NeedsNonDigit),
        Linter::Pieceoftotal => piece_of_total(value),
        Linter::Winding => ok_if(matches!(value, "0" | "1" | "9"), P::BadWindingDirection),
        Linter::Couponcode => coupon::coupon_code(value),
        Linter::Couponposoffer => coupon::positive_offer(value),
    }
}

fn ok_if(condition: bool, problem: ValueProblem) -> Result<(), ValueProblem> {
    if condition { Ok(()) } else { Err(problem) }
}

fn in_list(list: &[&str], value: &str, problem: ValueProblem) -> Result<(), ValueProblem> {
    ok_if(list.binary_search(&value).is_ok(), problem)
}

/// A 10-digit number no greater than `max` (the component is numeric and
/// fixed-length already).
fn at_most(value: &str, max: u64, problem: ValueProblem) -> Result<(), ValueProblem> {
    ok_if(value.parse::<u64>().is_ok_and(|n| n <= max), problem)
}

fn percent_escapes(value: &str) -> Result<(), ValueProblem> {
    let bytes = value.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'%' {
            let hex = |j: usize| bytes.get(i + j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(1) && hex(2)) {
                return Err(ValueProblem::BadPercentEscape);
            }
        }
    }
    Ok(())
}

fn importer_index(value: &str) -> Result<(), ValueProblem> {
    let mut chars = value.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphanumeric() || c == '-' || c == '_' => Ok(()),
        (Some(_), None) => Err(ValueProblem::BadImporterIndex),
        _ => Err(ValueProblem::ImporterIndexLength),
    }
}

/// AIDC media types: 01–10 (ICCBBA) and 80–99 (local use).
fn media_type(value: &str) -> Result<(), ValueProblem> {
    let valid = value.len() == 2
        && value
            .parse::<u8>()
            .is_ok_and(|n| (1..=10).contains(&n) || (80..=99).contains(&n));
    ok_if(valid, ValueProblem::BadMediaType)
}

/// `<pos>/<end>`: digits, no zero or leading zero, position not past the end.
fn position_in_sequence(value: &str) -> Result<(), ValueProblem> {
    let Some((pos, end)) = value.split_once('/') else {
        return Err(ValueProblem::SequenceMalformed);
    };
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !numeric(pos) || !numeric(end) {
        return Err(ValueProblem::SequenceMalformed);
    }
    if pos.starts_with('0') || end.starts_with('0') {
        return Err(ValueProblem::ZeroPrefix);
    }
    // No leading zeros, so the longer number is the larger.
    let exceeds = pos.len() > end.len() || (pos.len() == end.len() && pos > end);
    ok_if(!exceeds, ValueProblem::PositionExceedsEnd)
}

/// Two equal-length numbers: piece, then total.
fn piece_of_total(value: &str) -> Result<(), ValueProblem> {
    if value.is_empty() || value.len() % 2 != 0 {
        return Err(ValueProblem::PieceOfTotalLength);
    }
    let (piece, total) = value.split_at(value.len() / 2);
    if piece.bytes().all(|b| b == b'0') {
        return Err(ValueProblem::ZeroPiece);
    }
    if total.bytes().all(|b| b == b'0') {
        return Err(ValueProblem::ZeroTotal);
    }
    // Equal lengths, digits only: string order is numeric order.
    ok_if(piece <= total, ValueProblem::PieceExceedsTotal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_sets() {
        assert_eq!(check_charset(Charset::Numeric, "0123"), Ok(()));
        assert_eq!(
            check_charset(Charset::Numeric, "01A3"),
            Err(ValueProblem::NonDigit { character: 'A' })
        );
        assert!(check_charset(Charset::Cset82, "AZaz09!\"%&'()*+,-./:;<=>?_").is_ok());
        assert!(check_charset(Charset::Cset82, "a b").is_err());
        assert!(check_charset(Charset::Cset39, "AB#-/09").is_ok());
        assert!(check_charset(Charset::Cset39, "ab").is_err());
        assert!(check_charset(Charset::Cset64, "AB-_12").is_ok());
        assert!(check_charset(Charset::Cset64, "AB=").is_ok());
        assert_eq!(
            check_charset(Charset::Cset64, "123="),
            Err(ValueProblem::Cset64Padding)
        );
        assert_eq!(
            check_charset(Charset::Cset64, "A==="),
            Err(ValueProblem::Cset64Padding)
        );
    }

    #[test]
    fn small_linters() {
        assert!(run(Linter::Posinseqslash, "9/10").is_ok());
        assert_eq!(
            run(Linter::Posinseqslash, "10/9"),
            Err(ValueProblem::PositionExceedsEnd)
        );
        assert_eq!(
            run(Linter::Posinseqslash, "1/02"),
            Err(ValueProblem::ZeroPrefix)
        );
        assert_eq!(
            run(Linter::Posinseqslash, "1//2"),
            Err(ValueProblem::SequenceMalformed)
        );
        assert!(run(Linter::Pieceoftotal, "0102").is_ok());
        assert!(run(Linter::Mediatype, "10").is_ok() && run(Linter::Mediatype, "11").is_err());
        assert!(run(Linter::Iso3166, "704").is_ok() && run(Linter::Iso3166, "999").is_err());
        assert!(run(Linter::Iso3166999, "999").is_ok());
        assert!(run(Linter::Iso3166alpha2, "VN").is_ok());
        assert!(run(Linter::Iso4217, "704").is_ok());
        assert!(run(Linter::Packagetype, "BX").is_ok() && run(Linter::Packagetype, "B").is_err());
        assert!(run(Linter::Pcenc, "A%2fB").is_ok() && run(Linter::Pcenc, "A%2").is_err());
        assert!(run(Linter::Importeridx, "_").is_ok());
        assert_eq!(
            run(Linter::Importeridx, "ab"),
            Err(ValueProblem::ImporterIndexLength)
        );
    }

    #[test]
    fn code_lists_are_sorted_for_binary_search() {
        for list in [
            lists::ISO3166_NUMERIC,
            lists::ISO3166_ALPHA2,
            lists::ISO4217_NUMERIC,
            lists::PACKAGE_TYPES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(lists::ISO3166_NUMERIC.len(), 249);
        assert_eq!(lists::ISO3166_ALPHA2.len(), 249);
    }
}
