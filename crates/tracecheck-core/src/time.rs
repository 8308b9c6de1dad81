//! Timestamps as credentials write them (RFC 3339 / xsd:dateTimeStamp) and
//! calendar dates (`YYYY-MM-DD`).

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime};

/// Parses an RFC 3339 timestamp with its offset (`2026-01-01T00:00:00Z`).
pub fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// Parses an xsd:dateTimeStamp as VCDM 2.0 and Data Integrity require it:
/// RFC 3339 with an upper-case `T`, seconds, and a `Z` or `±hh:mm` offset
/// (RFC 3339 alone would also take a lower-case `t`/`z` or a space).
pub fn parse_date_time_stamp(text: &str) -> Option<OffsetDateTime> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() >= 20
        && bytes.get(10) == Some(&b'T')
        && !bytes.contains(&b't')
        && !bytes.contains(&b'z')
        && (bytes.ends_with(b"Z") || matches!(bytes.get(bytes.len() - 6), Some(b'+' | b'-')));
    shape_ok.then(|| parse_timestamp(text)).flatten()
}

/// Parses a calendar date (`2026-07-15`): four digits of year, two of
/// month and two of day, a real day of that month, nothing else.
///
/// Read by hand, not with a `time` format description: those bring `time`'s
/// general parser (about 6 KB of the widget's gzipped WebAssembly) for two
/// fixed shapes (docs/performance.md).
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[..4])?;
    let month = Month::try_from(u8::try_from(digits(&b[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&b[8..])?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, day).ok()
}

/// The number `b` spells in ASCII digits (all of it, at least one).
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0u32, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

/// `hh:mm:ss[.fraction]` with an hour, minute and second that exist (no
/// leap second, no offset), as an `xsd:dateTime` without a zone writes it.
fn is_local_time(b: &[u8]) -> bool {
    let in_range = |part: &[u8], max: u32| digits(part).is_some_and(|n| n <= max);
    let (clock, fraction) = b.split_at(b.len().min(8));
    clock.len() == 8
        && clock[2] == b':'
        && clock[5] == b':'
        && in_range(&clock[..2], 23)
        && in_range(&clock[3..5], 59)
        && in_range(&clock[6..], 59)
        && (fraction.is_empty()
            || (fraction[0] == b'.'
                && fraction.len() > 1
                && fraction[1..].iter().all(u8::is_ascii_digit)))
}

/// The one reader for the calendar dates a verdict depends on (a product's
/// production and expiry dates): `xsd:date` (`2026-07-15`) or an
/// `xsd:dateTime` with or without an offset (`2026-07-15T00:00:00Z`), whose
/// date as written is taken. Anything else is `None`, and callers treat
/// that as a failure, never as "no date" (fail closed).
pub fn read_calendar_date(text: &str) -> Option<Date> {
    if let Some(date) = parse_date(text) {
        return Some(date);
    }
    let (date, time_part) = text.split_once('T')?;
    let date = parse_date(date)?;
    // The time must itself be well-formed: hh:mm:ss[.fraction][Z|±hh:mm].
    let well_formed = parse_date_time_stamp(text).is_some() || is_local_time(time_part.as_bytes());
    (well_formed && !time_part.is_empty()).then_some(date)
}

/// Formats a timestamp as RFC 3339 in UTC, to the second.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    let at = at
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(at);
    at.format(&Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_credential_timestamps_and_dates() {
        let t = parse_timestamp("2023-02-24T23:36:38Z").expect("valid");
        assert_eq!(t.unix_timestamp(), 1_677_281_798);
        assert!(
            parse_timestamp("2023-02-24T23:36:38").is_none(),
            "offset is required"
        );
        assert!(parse_timestamp("yesterday").is_none());
        assert_eq!(format_timestamp(t), "2023-02-24T23:36:38Z");
        assert!(parse_date("2026-02-29").is_none());
        for good in [
            "2023-02-26T01:02:58.447Z",
            "2023-02-25T19:10:39-06:00",
            "4023-02-26T01:02:58Z",
        ] {
            assert!(parse_date_time_stamp(good).is_some(), "{good}");
        }
        for bad in [
            "2023-02-26t01:02:58Z",
            "2023-02-26T01:02:58z",
            "2023-02-26 01:02:58Z",
            "2023-02-26T01:02:58",
            "2023-02-26T01:02Z",
            "Sun, 26 Feb 2023 01:22:14 +0000",
            "2023-02-26",
        ] {
            assert!(parse_date_time_stamp(bad).is_none(), "{bad}");
        }
        assert!(parse_date("2028-02-29").is_some());
        assert_eq!(
            parse_date("2026-07-15").map(|d| d.to_string()).as_deref(),
            Some("2026-07-15")
        );
        for bad in [
            "2026-7-15",
            "2026-07-5",
            "26-07-15",
            "+2026-07-15",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-04-00",
            "2026/04/01",
            "2026-04-01 ",
            " 2026-04-01",
            "2026-0a-01",
            "２０２６-04-01",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    /// The hand-written readers agree with `time`'s own format descriptions
    /// on every string built from date-like pieces, except that a year
    /// with a sign (`+2026`), which `time` reads, is refused here.
    #[test]
    fn hand_readers_agree_with_time_format_descriptions() {
        use time::macros::format_description;
        let oracle_date =
            |t: &str| Date::parse(t, format_description!("[year]-[month]-[day]")).ok();
        let oracle_local = |t: &str| {
            time::PrimitiveDateTime::parse(
                t,
                format_description!(
                    version = 2,
                    "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
                ),
            )
            .is_ok()
        };
        let dates = [
            "2026-02-28",
            "2026-02-29",
            "2028-02-29",
            "1900-02-29",
            "2000-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-12-32",
            "2026-11-31",
            "2026-1-01",
            "2026-01-1",
            "2026-01-011",
        ];
        let times = [
            "",
            "T",
            "T00:00:00",
            "T23:59:59",
            "T24:00:00",
            "T12:60:00",
            "T12:00:60",
            "T12:00:00.",
            "T12:00:00.0",
            "T12:00:00.123456789",
            "T12:00:00.1234567891",
            "T12:00:00Z",
            "T12:00",
            "T12:00:00+07:00",
            "t12:00:00",
            " 12:00:00",
            "T1:00:00",
            "T12:00:00.5 ",
        ];
        assert!(oracle_date("+2026-07-15").is_some() && parse_date("+2026-07-15").is_none());
        for date in dates {
            assert_eq!(parse_date(date), oracle_date(date), "{date}");
            for time_part in times {
                let text = format!("{date}{time_part}");
                assert_eq!(parse_date(&text), oracle_date(&text), "{text}");
                if let Some(rest) = time_part.strip_prefix('T') {
                    let ours = parse_date(date).is_some() && is_local_time(rest.as_bytes());
                    assert_eq!(ours, oracle_local(&text), "{text}");
                }
            }
        }
    }

    #[test]
    fn calendar_dates_read_as_written_or_not_at_all() {
        let day = |text| read_calendar_date(text).map(|d| d.to_string());
        assert_eq!(day("2027-01-31").as_deref(), Some("2027-01-31"));
        assert_eq!(day("2027-01-31T00:00:00Z").as_deref(), Some("2027-01-31"));
        assert_eq!(
            day("2027-01-31T23:59:59+07:00").as_deref(),
            Some("2027-01-31")
        );
        assert_eq!(day("2027-01-31T10:00:00.5").as_deref(), Some("2027-01-31"));
        assert_eq!(
            day("2027-01-31T23:59:59.123456789012").as_deref(),
            Some("2027-01-31")
        );
        assert_eq!(day("2027-01-31T00:00:00").as_deref(), Some("2027-01-31"));
        for bad in [
            "",
            "31/01/2027",
            "2027-1-31",
            "2027-02-30",
            "2027-01-31T",
            "2027-01-31T25:00:00Z",
            "2027-01-31 10:00:00",
            "tomorrow",
            "2027-01-31Tnoon",
            "2027-01-31T10:00",
            "2027-01-31T10:00:60",
            "2027-01-31T10:60:00",
            "2027-01-31T24:00:00",
            "2027-01-31T10:00:00.",
            "2027-01-31T10:00:00.5x",
            "2027-01-31T10:00:00,5",
            "2027-01-31T1:00:00",
            "2027-01-31T10:00:00 ",
        ] {
            assert_eq!(read_calendar_date(bad), None, "{bad}");
        }
    }
}
