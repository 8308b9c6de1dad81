//! Finder patterns: the three 7×7 squares whose rows and columns read
//! black, white, black, white, black in widths 1:1:3:1:1. Rows are scanned
//! for that ratio; each hit is checked down its column and again along its
//! row, which also centres it. One outer black may be any width, since a
//! code without a quiet zone merges it with what is around.

use super::geometry::Point;
use super::image::Bits;
use crate::scan::budget::Budget;

/// One finder pattern seen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finder {
    /// Centre, in pixels.
    pub centre: Point,
    /// Module size along rows and columns, in pixels.
    pub module: f64,
    /// How many scanned rows confirmed it.
    pub hits: u32,
}

/// At most this many distinct patterns are kept: a busy photo has a few
/// dozen look-alikes, and grouping tries triples of them.
const MAX_FINDERS: usize = 64;

/// Every finder pattern in `bits`, strongest first.
pub fn find(bits: &Bits<'_>, budget: &mut Budget<'_>) -> Vec<Finder> {
    // Rows through the 3-module core are enough; skipping some rows in big
    // pictures halves the work and still crosses cores of 2 px modules.
    let step = match bits.height {
        0..=800 => 1,
        801..=1600 => 2,
        _ => 3,
    };
    let mut found: Vec<Finder> = Vec::new();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for y in (0..bits.height).step_by(step) {
        if !budget.spend(2 * bits.width as u64) {
            break;
        }
        row_runs(bits.row(y), &mut runs);
        // runs[k] = (start, length); colours alternate, and the first run
        // is black when the row starts black.
        let first_black = bits.row(y).first().is_some_and(|&p| p != 0);
        for k in 0..runs.len().saturating_sub(4) {
            let black = (k % 2 == 0) == first_black;
            if !black {
                continue;
            }
            let widths = [
                runs[k].1,
                runs[k + 1].1,
                runs[k + 2].1,
                runs[k + 3].1,
                runs[k + 4].1,
            ];
            let Some(module) = ratio(widths) else {
                continue;
            };
            let (start, len) = runs[k + 2];
            let x = start as f64 + len as f64 / 2.0;
            if let Some(finder) = confirm(bits, x, y as f64 + 0.5, module, budget) {
                remember(&mut found, finder);
            }
        }
        if found.len() > 4 * MAX_FINDERS {
            break;
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.hits));
    found.truncate(MAX_FINDERS);
    found
}

/// Run lengths of one row, into `runs` as (start, length).
fn row_runs(row: &[u8], runs: &mut Vec<(usize, usize)>) {
    runs.clear();
    let mut start = 0;
    for x in 1..=row.len() {
        if x == row.len() || (row[x] != 0) != (row[start] != 0) {
            runs.push((start, x - start));
            start = x;
        }
    }
}

/// The module size if five run widths read 1:1:3:1:1 (one outer black
/// may be longer, see the module comment).
fn ratio(w: [usize; 5]) -> Option<f64> {
    let inner = (w[1] + w[2] + w[3]) as f64;
    if inner < 3.0 {
        return None;
    }
    let m = inner / 5.0;
    let near = |width: usize, modules: f64, slack: f64| {
        (width as f64 - modules * m).abs() <= slack * m.max(1.0)
    };
    if !(near(w[1], 1.0, 0.7) && near(w[3], 1.0, 0.7) && near(w[2], 3.0, 1.3)) {
        return None;
    }
    let outer_fits = |width: usize| near(width, 1.0, 0.7);
    let outer_long = |width: usize| width as f64 >= 0.4 * m;
    let fits = (outer_fits(w[0]) && outer_long(w[4])) || (outer_long(w[0]) && outer_fits(w[4]));
    fits.then_some(m)
}

/// Walks from (x, y) along (dx, dy) one pixel at a time, counting the
/// widths of the core (both ways), the white rings and the outer blacks;
/// the five widths and the core's centre offset along the line.
fn cross(
    bits: &Bits<'_>,
    x: f64,
    y: f64,
    dx: i64,
    dy: i64,
    limit: usize,
) -> Option<([usize; 5], f64)> {
    let (x0, y0) = (x.floor() as i64, y.floor() as i64);
    if !bits.black(x0, y0) {
        return None;
    }
    // For each direction: core, white, black widths.
    let mut sides = [[0usize; 3]; 2];
    for (side, sign) in [(0usize, -1i64), (1, 1)] {
        let mut t: i64 = if side == 0 { 0 } else { 1 };
        for (stage, want_black) in [(0usize, true), (1, false), (2, true)] {
            while sides[side][stage] < limit {
                let (px, py) = (x0 + sign * t * dx, y0 + sign * t * dy);
                if bits.black(px, py) != want_black {
                    break;
                }
                sides[side][stage] += 1;
                t += 1;
            }
            if sides[side][stage] == 0 || (stage < 2 && sides[side][stage] >= limit) {
                return None;
            }
        }
    }
    let core = sides[0][0] + sides[1][0];
    let widths = [sides[0][2], sides[0][1], core, sides[1][1], sides[1][2]];
    // The core covers pixels start-(before-1) ..= start+after: its centre,
    // in continuous coordinates, is this far from the start pixel's edge.
    let offset = (sides[1][0] as f64 - sides[0][0] as f64 + 2.0) / 2.0;
    Some((widths, offset))
}

/// Checks a row hit down its column and back along its row; the centred
/// pattern when both read 1:1:3:1:1.
fn confirm(
    bits: &Bits<'_>,
    x: f64,
    y: f64,
    module: f64,
    budget: &mut Budget<'_>,
) -> Option<Finder> {
    let limit = (module * 12.0).ceil() as usize + 2;
    budget.spend(20 * limit as u64);
    let (down, offset) = cross(bits, x, y, 0, 1, limit)?;
    let vertical = ratio(down)?;
    if vertical > module * 2.0 || vertical < module / 2.0 {
        return None;
    }
    let y = y.floor() + offset;
    let (along, offset) = cross(bits, x, y, 1, 0, limit)?;
    let horizontal = ratio(along)?;
    let x = x.floor() + offset;
    // Again down, now from the centre: a stray hit off-centre fails here.
    let (down, offset) = cross(bits, x, y, 0, 1, limit)?;
    let vertical = ratio(down)?;
    let y = y.floor() + offset;
    Some(Finder {
        centre: Point::new(x, y),
        module: (horizontal + vertical) / 2.0,
        hits: 1,
    })
}

/// Adds `finder` to `found`, merged with a pattern already seen there.
fn remember(found: &mut Vec<Finder>, finder: Finder) {
    for known in found.iter_mut() {
        let close = known.centre.distance(finder.centre) <= known.module.max(finder.module) * 2.0;
        let similar = known.module <= finder.module * 2.0 && finder.module <= known.module * 2.0;
        if close && similar {
            let n = f64::from(known.hits);
            known.centre = known
                .centre
                .scaled(n)
                .plus(finder.centre)
                .scaled(1.0 / (n + 1.0));
            known.module = (known.module * n + finder.module) / (n + 1.0);
            known.hits += 1;
            return;
        }
    }
    found.push(finder);
}
