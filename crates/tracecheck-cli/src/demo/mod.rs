//! The demo registry: four Hưng Yên products with passports, certifications
//! and supply-chain steps, the keys and trust list that vouch for them, and
//! deliberately bad samples for each way a record can fail.
//!
//! Everything is derived from fixed seeds and a reference date, so the same
//! date gives byte-identical files; dates are relative to it so the demo
//! never goes stale.

mod actors;
mod build;
mod media;
mod products;
mod samples;

pub use actors::{Actor, Actors};
pub use build::build;
pub use samples::{Expectation, Sample};

use time::{Date, OffsetDateTime, UtcOffset};

/// What the demo is built for.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Where the registry will be served, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    /// The reference date: products were harvested a few days before it.
    pub today: Date,
}

/// Vietnam's time zone (UTC+7, no daylight saving).
pub const VIETNAM_OFFSET: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// `days` after the reference date at `hour:minute` Vietnam time.
pub(crate) fn at(today: Date, days: i64, hour: u8, minute: u8) -> OffsetDateTime {
    let date = today + time::Duration::days(days);
    let time = time::Time::from_hms(hour, minute, 0).unwrap_or(time::Time::MIDNIGHT);
    date.with_time(time).assume_offset(VIETNAM_OFFSET)
}

/// `YYYY-MM-DD`, `days` after the reference date.
pub(crate) fn day(today: Date, days: i64) -> String {
    let date = today + time::Duration::days(days);
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// RFC 3339 with the Vietnam offset, as the records write event times.
pub(crate) fn stamp(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
