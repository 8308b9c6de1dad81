//! Numbers as the view writes them: a fixed number of decimals, always with
//! a full stop (SVG positions, `geo:` links, input ranges; the languages
//! swap the separator themselves).
//!
//! Integer arithmetic on purpose: `format!("{x:.1}")` and `x.to_string()`
//! bring in core's float formatting (about 12 KB of WebAssembly), and these
//! few numbers need nothing of it.

/// Most decimals [`fixed`] writes.
pub const MAX_PLACES: u32 = 9;

/// `value` rounded to `places` decimals (at most [`MAX_PLACES`]), half away
/// from zero: `fixed(20.64125, 1)` is `"20.6"`. Not a number is `"0"`;
/// beyond ±9.2e9 the value is clamped there.
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(MAX_PLACES);
    let scale = 10u64.pow(places);
    let scaled = if value.is_nan() {
        0.0
    } else {
        (value * scale as f64).round()
    };
    // `as` saturates: an absurd coordinate is drawn off the map, not a panic.
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / scale, magnitude % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// [`fixed`] at [`MAX_PLACES`] without trailing zeros: `0.1`, `10`, `0.0125`
/// (a camera's zoom range and step).
pub fn short(value: f64) -> String {
    let text = fixed(value, MAX_PLACES);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "" | "-" | "-0" => "0".to_owned(),
        text => text.to_owned(),
    }
}
