//! Alignment patterns (5×5: black ring, white ring, black centre) where
//! the version puts them, found by matching that template in the local
//! module grid around a predicted centre.

use super::geometry::Point;
use super::image::Bits;
use crate::scan::budget::Budget;

/// Row and column indices of alignment pattern centres for `version`
/// (ISO 18004 table E.1, computed: evenly spaced from 6 to size − 7 in
/// even steps, the odd spacing taken up by the first gap).
pub fn positions(version: u8) -> Vec<usize> {
    if !(2..=40).contains(&version) {
        return Vec::new();
    }
    let v = usize::from(version);
    let last = 4 * v + 10;
    let count = v / 7 + 2;
    let gaps = count - 1;
    // Version 32 is the one whose table step is not the rounded-up even
    // division (26 instead of 28).
    let step = if v == 32 {
        26
    } else {
        let raw = (last - 6).div_ceil(gaps);
        raw + raw % 2
    };
    let mut out: Vec<usize> = (0..gaps).map(|k| last - k * step).collect();
    out.push(6);
    out.reverse();
    out
}

/// Matching modules out of 25 for the pattern centred at `centre` with
/// module steps `across` and `down`; 0 once more than `25 - MIN_SCORE`
/// modules miss (the position cannot count then, and most positions miss
/// within a few modules).
fn score(bits: &Bits<'_>, centre: Point, across: Point, down: Point) -> u32 {
    let mut matches = 0;
    let mut misses = 0;
    for dr in -2i32..=2 {
        for dc in -2i32..=2 {
            let want_black = dr.abs().max(dc.abs()) != 1;
            let p = centre
                .plus(across.scaled(f64::from(dc)))
                .plus(down.scaled(f64::from(dr)));
            if bits.black_at(p) == want_black {
                matches += 1;
            } else {
                misses += 1;
                if misses > 25 - MIN_SCORE {
                    return 0;
                }
            }
        }
    }
    matches
}

/// A pattern must match this many of its 25 modules: random data does so
/// about once in 10⁴ positions.
const MIN_SCORE: u32 = 22;

/// Work units of one template score (25 samples through the map).
const SCORE_UNITS: u64 = 40;

/// The centre of the alignment pattern nearest `predicted` within
/// `radius` modules, in pixels.
pub fn find(
    bits: &Bits<'_>,
    predicted: Point,
    across: Point,
    down: Point,
    radius: f64,
    budget: &mut Budget<'_>,
) -> Option<Point> {
    let zero = Point::new(0.0, 0.0);
    let module = (across.distance(zero) + down.distance(zero)) / 2.0;
    if !predicted.is_finite() || !(0.5..1000.0).contains(&module) {
        return None;
    }
    let reach = (radius * module).ceil();
    let step = (module / 3.0).max(1.0);
    let cells = (2.0 * reach / step).ceil() as u64 + 1;
    if !budget.spend(cells * cells * SCORE_UNITS) {
        return None;
    }
    let mut best: Option<(u32, f64, Point)> = None;
    let mut dy = -reach;
    while dy <= reach {
        let mut dx = -reach;
        while dx <= reach {
            let at = predicted.plus(Point::new(dx, dy));
            let s = score(bits, at, across, down);
            if s >= MIN_SCORE {
                // Squared distance: only compared.
                let far = dx * dx + dy * dy;
                if best.is_none_or(|(bs, bf, _)| s > bs || (s == bs && far < bf)) {
                    best = Some((s, far, at));
                }
            }
            dx += step;
        }
        dy += step;
    }
    let (best_score, _, rough) = best?;
    // Centre: the mean of the best-scoring pixels around the rough hit.
    let span = step.ceil() as i32;
    let (mut sum, mut count) = (Point::new(0.0, 0.0), 0.0);
    budget.spend(((2 * span + 1) * (2 * span + 1)) as u64 * SCORE_UNITS);
    let mut top = best_score;
    let mut hits = Vec::new();
    for oy in -span..=span {
        for ox in -span..=span {
            let at = rough.plus(Point::new(f64::from(ox), f64::from(oy)));
            let s = score(bits, at, across, down);
            if s > top {
                top = s;
                hits.clear();
            }
            if s == top {
                hits.push(at);
            }
        }
    }
    for p in &hits {
        sum = sum.plus(*p);
        count += 1.0;
    }
    if count == 0.0 {
        return Some(rough);
    }
    Some(sum.scaled(1.0 / count))
}

#[cfg(test)]
mod tests {
    use super::positions;

    #[test]
    fn positions_match_the_standard_table() {
        assert!(positions(1).is_empty());
        assert_eq!(positions(2), [6, 18]);
        assert_eq!(positions(7), [6, 22, 38]);
        assert_eq!(positions(15), [6, 26, 48, 70]);
        assert_eq!(positions(22), [6, 26, 50, 74, 98]);
        assert_eq!(positions(32), [6, 34, 60, 86, 112, 138]);
        assert_eq!(positions(36), [6, 24, 50, 76, 102, 128, 154]);
        assert_eq!(positions(40), [6, 30, 58, 86, 114, 142, 170]);
    }
}
