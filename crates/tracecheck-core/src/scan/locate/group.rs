//! Three finder patterns that could be one code: which is the corner,
//! which way round, and how many modules across.

use super::finder::Finder;
use super::geometry::{Point, cross};
use super::image::Bits;

/// Three finder centres in code order, and the code's estimated size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Triple {
    pub top_left: Point,
    pub top_right: Point,
    pub bottom_left: Point,
    /// Module size near each finder, along the code's sides.
    pub modules: [f64; 3],
    /// Indices of the three finders in the list given to [`triples`].
    pub members: [usize; 3],
    /// Lower is a better-shaped right isosceles triangle.
    pub score: f64,
}

impl Triple {
    /// Modules across, rounded to a valid size (17 + 4 × version).
    pub fn version_estimate(&self) -> u8 {
        let [tl, tr, bl] = self.modules;
        let across_top = self.top_left.distance(self.top_right) / ((tl + tr) / 2.0);
        let across_left = self.top_left.distance(self.bottom_left) / ((tl + bl) / 2.0);
        // Centres are 3.5 modules in from each edge.
        let side = (across_top + across_left) / 2.0 + 7.0;
        let version = ((side - 17.0) / 4.0).round();
        version.clamp(1.0, 40.0) as u8
    }
}

/// At most this many finders are combined (the strongest ones).
const MAX_COMBINED: usize = 16;

/// Plausible triples of `finders`, best shaped first.
pub fn triples(bits: &Bits<'_>, finders: &[Finder]) -> Vec<Triple> {
    let n = finders.len().min(MAX_COMBINED);
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            for c in b + 1..n {
                if let Some(t) = shape(bits, finders, [a, b, c]) {
                    out.push(t);
                }
            }
        }
    }
    out.sort_by(|x, y| x.score.total_cmp(&y.score));
    out
}

/// The triple `members` of `finders` in code order, if it is shaped like
/// one code's corners.
fn shape(bits: &Bits<'_>, finders: &[Finder], members: [usize; 3]) -> Option<Triple> {
    let f = members.map(|i| finders[i]);
    let (small, big) = f.iter().fold((f64::MAX, 0.0f64), |(lo, hi), p| {
        (lo.min(p.module), hi.max(p.module))
    });
    if big > small * 2.0 {
        return None;
    }
    // The corner is opposite the longest side.
    let d = [
        f[1].centre.distance(f[2].centre),
        f[0].centre.distance(f[2].centre),
        f[0].centre.distance(f[1].centre),
    ];
    let corner = (0..3).max_by(|&i, &j| d[i].total_cmp(&d[j]))?;
    let (mut one, mut two) = ((corner + 1) % 3, (corner + 2) % 3);
    let origin = f[corner].centre;
    let (mut u, mut v) = (f[one].centre.minus(origin), f[two].centre.minus(origin));
    // With y down, top-right × bottom-left is positive. A mirrored code
    // comes out transposed, which rqrr's decoder also tries.
    if cross(u, v) < 0.0 {
        std::mem::swap(&mut one, &mut two);
        std::mem::swap(&mut u, &mut v);
    }
    let (lu, lv) = (
        u.distance(Point::new(0.0, 0.0)),
        v.distance(Point::new(0.0, 0.0)),
    );
    if lu < 8.0 * small || lv < 8.0 * small {
        return None;
    }
    let ratio = (lu / lv).ln().abs();
    let cos = (u.x * v.x + u.y * v.y) / (lu * lv);
    // Perspective bends both; beyond these it is not one code.
    if ratio > 0.7 || cos.abs() > 0.55 {
        return None;
    }
    let (tl, tr, bl) = (f[corner], f[one], f[two]);
    let modules = [
        (module_along(bits, tl.centre, tr.centre, tl.module)
            + module_along(bits, tl.centre, bl.centre, tl.module))
            / 2.0,
        module_along(bits, tr.centre, tl.centre, tr.module),
        module_along(bits, bl.centre, tl.centre, bl.module),
    ];
    if modules.iter().any(|m| !m.is_finite() || *m <= 0.0) {
        return None;
    }
    Some(Triple {
        top_left: tl.centre,
        top_right: tr.centre,
        bottom_left: bl.centre,
        modules,
        members: [members[corner], members[one], members[two]],
        score: ratio + cos.abs(),
    })
}

/// Module size of the finder at `from`, measured along the line to `to`:
/// from its centre out to the far edge of the outer black ring is 3.5
/// modules each way. Falls back to `guess` when the walk fails.
fn module_along(bits: &Bits<'_>, from: Point, to: Point, guess: f64) -> f64 {
    let len = from.distance(to);
    if len < 1.0 {
        return guess;
    }
    let step = to.minus(from).scaled(1.0 / len);
    let limit = (guess * 6.0).ceil().max(4.0) as usize;
    let mut total = 0.0;
    for sign in [1.0, -1.0] {
        let dir = step.scaled(sign);
        // Black core, white ring, black ring: the end of the third run.
        let mut stage = 0;
        let mut t = 0usize;
        while stage < 3 && t < limit {
            let p = from.plus(dir.scaled(t as f64));
            let want_black = stage != 1;
            if bits.black_at(p) != want_black {
                stage += 1;
                continue;
            }
            t += 1;
        }
        if stage < 3 {
            return guess;
        }
        total += t as f64;
    }
    let m = total / 7.0;
    // A walk cut short by noise is far off the run-length estimate.
    if m < guess / 2.0 || m > guess * 2.0 {
        guess
    } else {
        m
    }
}
