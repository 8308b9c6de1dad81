//! The current time, from the browser's clock.

use time::OffsetDateTime;

/// Now, to the millisecond.
pub fn now() -> OffsetDateTime {
    let millis = js_sys::Date::now() as i128;
    OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A moment from the browser's clock (ms since 1970) in the device's own
/// time zone, for showing "you scanned this on …".
pub fn local(at_ms: f64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp_nanos(at_ms as i128 * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    // getTimezoneOffset is minutes *behind* UTC (Vietnam: -420).
    let minutes = -(js_sys::Date::new(&at_ms.into()).get_timezone_offset() as i32);
    let offset = time::UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(time::UtcOffset::UTC);
    utc.to_offset(offset)
}

/// Milliseconds on a monotonic clock (`performance.now()`), for deadlines:
/// unlike the wall clock it never jumps when the phone sets its time.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}
