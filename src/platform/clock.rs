//! The current time, from the browser's clock.

use time::OffsetDateTime;

/// Now, to the millisecond.
pub fn now() -> OffsetDateTime {
    let millis = js_sys::Date::now() as i128;
    OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
