//! The order of attempts for a still image (a photo or a file), chosen on
//! the corpus in docs/scanning.md: each attempt after the first reads
//! pictures none before it could. The first two settle most pictures; the
//! last seven ("late attempts") were added for pictures all the earlier
//! ones miss, so they only ever run on those.

use super::attempt::{Attempt, Resample, Threshold};
use super::budget::{Budget, STILL_UNITS};
use super::{Luma, Payload};

const fn attempt(side: u16, threshold: Threshold, invert: bool) -> Attempt {
    let plain = Attempt::new(side, threshold);
    if invert { plain.inverted() } else { plain }
}

/// [`Threshold::Mean`] in one short call, to keep the table readable.
const fn mean(radius: u8, bias: u8) -> Threshold {
    Threshold::Mean { radius, bias }
}

/// Attempts for a still image, in order.
pub const STILL: &[Attempt] = &[
    // The core's own locator first: it reads what rqrr's detector reads on
    // most photos, faster, plus dense and warped codes rqrr cannot fit
    // (docs/scanning.md, "The locator").
    attempt(0, Threshold::Blocks, false).located(),
    attempt(0, Threshold::Blocks, false),
    // Small pictures enlarged (rqrr needs a few pixels per module), large
    // ones reduced (big modules and sensor noise confuse its flood fill).
    attempt(800, Threshold::Blocks, false),
    attempt(1000, mean(16, 2), false),
    attempt(1000, Threshold::Rows, false),
    attempt(1200, Threshold::Blocks, false),
    attempt(480, Threshold::Blocks, false),
    attempt(0, mean(4, 2), false),
    attempt(0, Threshold::Rows, true),
    attempt(480, Threshold::Rows, false),
    attempt(800, mean(20, 2), false),
    // Light modules on a dark photo: a local mean keeps a dark surround dark.
    attempt(0, mean(8, 2), true),
    // Late attempts, for pictures all of the above miss (docs/scanning.md,
    // "Late attempts"). A turn of a few degrees moves module edges off the
    // pixel grid: rqrr's grid fit, stuck on one picture, settles elsewhere
    // on the turned one.
    attempt(0, mean(32, 2), false).turned(3),
    // A wide mean with a larger bias: big modules under uneven light,
    // where a smaller square sees only ink and sensor noise.
    attempt(0, mean(48, 10), false),
    attempt(800, Threshold::Blocks, false).turned(-2),
    // Light modules on a dark background under even light (screens).
    attempt(0, Threshold::Global, true),
    attempt(0, Threshold::Blocks, false).turned(6),
    attempt(0, mean(48, 6), false).turned(12),
    // Very dense codes (version 40 at 4–5 pixels per module): enlarged by
    // a fraction, which whole-factor resizing cannot do.
    attempt(1100, Threshold::Rows, false).resampled(Resample::Smooth),
    // The locator again on what rqrr's attempts all missed: reduced (large
    // modules), a local mean, light-on-dark.
    attempt(800, Threshold::Blocks, false).located(),
    attempt(0, mean(16, 2), false).located(),
    attempt(0, mean(8, 2), true).located(),
];

/// Runs the attempts in [`STILL`] until one reads something; returns the
/// payloads of that attempt (several when the picture holds several codes).
pub fn scan(image: Luma<'_>) -> Vec<Payload> {
    scan_from(image, 0, |_| ())
}

/// [`scan`] starting at attempt `first`, telling `before` each attempt's
/// index before running it: a caller that lost its decoder to a crash knows
/// which attempt crashed and resumes after it.
pub fn scan_from(image: Luma<'_>, first: usize, before: impl FnMut(usize)) -> Vec<Payload> {
    scan_within(image, first, before, &mut Budget::units(STILL_UNITS))
}

/// [`scan_from`] within `budget`: attempts stop once it is spent, and an
/// attempt that would not fit in what is left is skipped.
pub fn scan_within(
    image: Luma<'_>,
    first: usize,
    mut before: impl FnMut(usize),
    budget: &mut Budget<'_>,
) -> Vec<Payload> {
    let Some(len) = image.width.checked_mul(image.height) else {
        return Vec::new();
    };
    if len == 0 || image.pixels.len() < len {
        return Vec::new();
    }
    for (index, attempt) in STILL.iter().enumerate().skip(first) {
        if budget.is_spent() {
            break;
        }
        before(index);
        let found = attempt.run_within(image, budget);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}
