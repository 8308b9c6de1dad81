//! Timestamps as credentials write them (RFC 3339 / xsd:dateTimeStamp) and
//! calendar dates (`YYYY-MM-DD`).

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, macros::format_description};

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

/// Parses a calendar date (`2026-07-15`).
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
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
    let well_formed = parse_date_time_stamp(text).is_some()
        || time::PrimitiveDateTime::parse(
            text,
            format_description!(
                version = 2,
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
            ),
        )
        .is_ok();
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
        ] {
            assert_eq!(read_calendar_date(bad), None, "{bad}");
        }
    }
}
