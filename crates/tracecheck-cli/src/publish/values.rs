//! Reading cell values: GTINs and GLNs (check digits), dates as Vietnamese
//! spreadsheets write them, times in the publisher's time zone, lists,
//! yes/no, scheme codes, and lots and serials a Digital Link can carry.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
use tracecheck_core::code::{ai_spec, gtin_check_digit};

use super::error::Problem;

/// The scheme codes a conformity credential may name (the verifier's
/// fixed table: badge names and stars come from the code, not from text).
pub const SCHEMES: &[&str] = &[
    "vietgap",
    "vietgahp",
    "globalgap",
    "organic",
    "haccp",
    "iso22000",
    "gmp",
    "ocop",
];

/// A GTIN-8/12/13/14 with a valid check digit, as GTIN-14.
pub fn gtin(text: &str) -> Result<String, Problem> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !matches!(digits.len(), 8 | 12 | 13 | 14) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::GtinLength);
    }
    check_digit(&digits)?;
    Ok(format!("{digits:0>14}"))
}

/// A 13-digit GLN with a valid check digit.
pub fn gln(text: &str) -> Result<String, Problem> {
    if text.len() != 13 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::GlnLength);
    }
    check_digit(text)?;
    Ok(text.to_owned())
}

fn check_digit(digits: &str) -> Result<(), Problem> {
    let (data, last) = digits.split_at(digits.len() - 1);
    let expected = gtin_check_digit(data).ok_or(Problem::GtinLength)?;
    if last.starts_with(expected) {
        Ok(())
    } else {
        Err(Problem::CheckDigit { expected })
    }
}

/// A lot (AI 10) or serial (AI 21): the GS1 character set, at most 20
/// characters, and no path segment a static file server would rewrite
/// (`.`, `..`, or an empty one between slashes).
pub fn code_value(ai: &str, text: &str) -> Result<String, Problem> {
    let max = ai_spec(ai)
        .and_then(|spec| spec.components.first().map(|c| c.max))
        .unwrap_or(20);
    if text.chars().count() > max {
        return Err(Problem::CodeValue {
            reason: "longer than 20 characters",
        });
    }
    // GS1 AI encodable character set 82 (GS1 General Specifications §7.11).
    let cset82 = |c: char| c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c);
    if !text.chars().all(cset82) {
        return Err(Problem::CodeValue {
            reason: "only A–Z, a–z, 0–9 and !\"%&'()*+,-./:;<=>?_ are allowed (no spaces or diacritics)",
        });
    }
    if text
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err(Problem::CodeValue {
            reason: "a '/' must sit between other characters, and '.' or '..' cannot stand alone between slashes",
        });
    }
    Ok(text.to_owned())
}

/// A calendar date: `YYYY-MM-DD`, or day first as Vietnam writes it
/// (`DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`).
pub fn date(text: &str) -> Result<Date, Problem> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y), number(m), number(d)),
        [d, m, y] if y.len() == 4 && d.len() <= 2 => (number(y), number(m), number(d)),
        _ => return Err(Problem::Date),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(Problem::Date);
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(Problem::Date)?;
    let day = u8::try_from(day).map_err(|_| Problem::Date)?;
    let year = i32::try_from(year).map_err(|_| Problem::Date)?;
    Date::from_calendar_date(year, month, day).map_err(|_| Problem::Date)
}

/// A point in time: RFC 3339 with an offset, or a date and `HH:MM[:SS]`
/// (`T` or a space between) in `zone`, or a date alone (midnight in `zone`).
pub fn time(text: &str, zone: UtcOffset) -> Result<OffsetDateTime, Problem> {
    if let Some(at) = tracecheck_core::time::parse_timestamp(text) {
        return Ok(at);
    }
    let (day, clock) = match text.split_once(['T', ' ']) {
        Some((day, clock)) => (day, Some(clock.trim())),
        None => (text, None),
    };
    let day = date(day).map_err(|_| Problem::Time)?;
    let clock = match clock {
        None => Time::MIDNIGHT,
        Some(clock) => {
            let parts: Vec<u8> = clock
                .split(':')
                .map(|p| {
                    p.parse::<u8>()
                        .ok()
                        .filter(|_| !p.is_empty() && p.len() <= 2)
                })
                .collect::<Option<_>>()
                .ok_or(Problem::Time)?;
            match parts.as_slice() {
                [h, m] => Time::from_hms(*h, *m, 0),
                [h, m, s] => Time::from_hms(*h, *m, *s),
                _ => return Err(Problem::Time),
            }
            .map_err(|_| Problem::Time)?
        }
    };
    Ok(PrimitiveDateTime::new(day, clock).assume_offset(zone))
}

/// `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// RFC 3339 in `zone`, to the second (as event times are written).
pub fn format_local(at: OffsetDateTime, zone: UtcOffset) -> String {
    let at = at.to_offset(zone).replace_nanosecond(0).unwrap_or(at);
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Ids or codes separated by `;`, `|` or `,`.
pub fn id_list(text: &str) -> Vec<String> {
    text.split([';', '|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Text items separated by `|` (commas and semicolons stay inside an item).
pub fn text_list(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// yes/no, in English or Vietnamese.
pub fn yes_no(text: &str) -> Result<bool, Problem> {
    match super::table::fold(text).as_str() {
        "yes" | "y" | "true" | "1" | "co" | "x" => Ok(true),
        "no" | "n" | "false" | "0" | "khong" => Ok(false),
        _ => Err(Problem::Choice {
            accepted: &["yes", "no", "có", "không"],
        }),
    }
}

/// A scheme code from [`SCHEMES`] (any case, `VietGAP` = `vietgap`).
pub fn scheme(text: &str) -> Result<String, Problem> {
    let code: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if SCHEMES.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(Problem::UnknownScheme {
            code: text.to_owned(),
        })
    }
}

/// A number in `min..=max`.
pub fn number(text: &str, min: i64, max: i64) -> Result<f64, Problem> {
    let out_of_range = || Problem::Number { min, max };
    let value: f64 = text.replace(',', ".").parse().map_err(|_| out_of_range())?;
    if value.is_finite() && (min as f64..=max as f64).contains(&value) {
        Ok(value)
    } else {
        Err(out_of_range())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtins_are_checked_and_padded() {
        assert_eq!(gtin("8935001000013"), Ok("08935001000013".into()));
        assert_eq!(gtin("893 5001 00001 3"), Ok("08935001000013".into()));
        assert_eq!(
            gtin("8935001000014"),
            Err(Problem::CheckDigit { expected: '3' })
        );
        assert_eq!(gtin("89350010000"), Err(Problem::GtinLength));
        let data = "893500100010";
        let good = format!("{data}{}", gtin_check_digit(data).expect("digit"));
        assert_eq!(gln(&good), Ok(good.clone()));
        assert!(gln(&format!("{data}x")).is_err());
    }

    #[test]
    fn dates_read_both_ways_round() {
        let want = Date::from_calendar_date(2026, Month::November, 29).expect("date");
        assert_eq!(date("2026-11-29"), Ok(want));
        assert_eq!(date("29/11/2026"), Ok(want));
        assert_eq!(date("29.11.2026"), Ok(want));
        assert_eq!(date("11/29/2026"), Err(Problem::Date));
        assert_eq!(date("2026-02-30"), Err(Problem::Date));
        assert_eq!(date("tomorrow"), Err(Problem::Date));
        let zone = UtcOffset::from_hms(7, 0, 0).expect("offset");
        let at = time("29/11/2026 05:30", zone).expect("time");
        assert_eq!(format_local(at, zone), "2026-11-29T05:30:00+07:00");
        assert_eq!(time("2026-11-29T05:30:00Z", zone).map(|t| t.hour()), Ok(5));
        assert_eq!(time("2026-11-29 25:00", zone), Err(Problem::Time));
    }

    #[test]
    fn lots_must_fit_a_digital_link_and_a_file_path() {
        assert_eq!(code_value("10", "NL-2611/A"), Ok("NL-2611/A".into()));
        assert!(code_value("10", "lô 1").is_err());
        assert!(code_value("10", "A//B").is_err());
        assert!(code_value("10", "../x").is_err());
        assert!(code_value("10", "ABCDEFGHIJKLMNOPQRSTU").is_err());
    }

    #[test]
    fn schemes_come_from_the_table() {
        assert_eq!(scheme("VietGAP"), Ok("vietgap".into()));
        assert_eq!(scheme("ISO 22000"), Ok("iso22000".into()));
        assert!(scheme("fairtrade").is_err());
        assert_eq!(yes_no("Có"), Ok(true));
    }
}
