//! The project's own QR locator: finds finder patterns, groups them into
//! codes, estimates the version, fits the module grid to alignment
//! patterns and reads the modules; rqrr only decodes the grid read.
//! Unlike rqrr's detector it fits dense codes piecewise over all their
//! alignment patterns and stops when its [`Budget`] is spent.
//! docs/scanning.md, "The locator", has the steps.

mod align;
mod finder;
mod geometry;
mod group;
mod image;
mod sample;

use self::geometry::{Perspective, Point, cross};
use self::group::Triple;
use self::image::Bits;
use self::sample::Model;
use super::Payload;
use super::budget::Budget;
use super::guard;

/// At most this many triples are tried per picture.
const MAX_TRIES: usize = 24;

/// Share of the timing patterns a sampled grid must read right before
/// rqrr's decoder gets it: every grid the decoder read on the shared
/// corpus had 0.88 or more, and 0.7 turns away 97% of those it failed
/// (docs/scanning.md, "Time cap").
const MIN_TIMING: f64 = 0.7;

/// How far (in modules) the bottom-right alignment pattern is searched
/// from where the finders put it, ever wider: perspective moves it
/// furthest. [`NARROW`] once a code of the picture is read.
const WIDE: &[f64] = &[3.0, 7.0, 14.0];
const NARROW: &[f64] = &[3.0];

/// Work units per module to sample a grid.
const SAMPLE_UNITS: u64 = 30;

/// Work units per module for rqrr's decoder (format, syndromes, error
/// correction, the mirrored try).
const DECODE_UNITS: u64 = 500;

/// Every code the locator reads in `pixels` (1 = black, `width * height`
/// bytes), within `budget`.
pub fn read(width: usize, height: usize, pixels: &[u8], budget: &mut Budget<'_>) -> Vec<Payload> {
    let Some(bits) = Bits::new(width, height, pixels) else {
        return Vec::new();
    };
    let finders = finder::find(&bits, budget);
    if finders.len() >= 3 {
        let found = read_finders(&bits, finders, budget);
        if !found.is_empty() {
            return found;
        }
    }
    // Nothing read: light modules on a dark ground (screens, etched
    // metal) have their finders in the inverse, and one more locator pass
    // costs little next to rqrr's attempts.
    if !budget.spend(width as u64 * height as u64) {
        return Vec::new();
    }
    let inverse: Vec<u8> = pixels[..width * height]
        .iter()
        .map(|&p| u8::from(p == 0))
        .collect();
    let Some(bits) = Bits::new(width, height, &inverse) else {
        return Vec::new();
    };
    let finders = finder::find(&bits, budget);
    if finders.len() < 3 {
        return Vec::new();
    }
    read_finders(&bits, finders, budget)
}

/// Every code whose finders are among `finders`.
fn read_finders(
    bits: &Bits<'_>,
    finders: Vec<finder::Finder>,
    budget: &mut Budget<'_>,
) -> Vec<Payload> {
    let bits = *bits;
    let mut used = vec![false; finders.len()];
    let mut found: Vec<Payload> = Vec::new();
    let mut areas: Vec<Area> = Vec::new();
    for triple in group::triples(&bits, &finders).into_iter().take(MAX_TRIES) {
        if budget.is_spent() {
            break;
        }
        if triple
            .members
            .iter()
            .any(|&i| used.get(i).copied().unwrap_or(true))
        {
            continue;
        }
        // Codes do not overlap: a triple with a finder inside a code
        // already read (look-alikes among its data modules), or around one
        // (look-alikes in the background), is not another code. A clean
        // version 3 code on the stress corpus had 23 triples round it, each
        // sampled as a version 20–30 code: 40 of the 42 ms it took.
        if areas.iter().any(|a| a.overlaps(&triple)) {
            continue;
        }
        // Once a code is read, the other triples are mostly look-alikes
        // among its data modules: they get the narrow alignment search only.
        let reach = if found.is_empty() { WIDE } else { NARROW };
        if let Some((payload, area)) = read_triple(&bits, &triple, reach, budget) {
            areas.extend(area);
            for &i in &triple.members {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
            if !found.contains(&payload) {
                found.push(payload);
            }
        }
    }
    found
}

/// Reads the code whose finders are `triple`: the estimated version first,
/// its neighbours when that fails and the code carries no readable
/// version information.
fn read_triple(
    bits: &Bits<'_>,
    triple: &Triple,
    reach: &[f64],
    budget: &mut Budget<'_>,
) -> Option<(Payload, Option<Area>)> {
    let estimate = triple.version_estimate();
    let mut versions = vec![estimate];
    if estimate >= 6 {
        if let Some(model) = corner_model(triple, estimate)
            && let Some(stated) = sample::read_version(bits, &Model::Whole(model), estimate)
        {
            versions = vec![stated];
        } else {
            versions.extend(
                [estimate.saturating_sub(1), estimate + 1]
                    .into_iter()
                    .filter(|v| (1..=40).contains(v)),
            );
        }
    } else {
        versions.extend(
            [estimate + 1, estimate.saturating_sub(1)]
                .into_iter()
                .filter(|v| (1..=6).contains(v)),
        );
    }
    for version in versions {
        if budget.is_spent() {
            return None;
        }
        if let Some(payload) = read_version(bits, triple, version, reach, budget) {
            return Some(payload);
        }
    }
    None
}

/// Module coordinates of the three finder centres for a code `size`
/// modules across.
fn finder_points(size: f64) -> [Point; 3] {
    [
        Point::new(3.5, 3.5),
        Point::new(size - 3.5, 3.5),
        Point::new(3.5, size - 3.5),
    ]
}

/// The affine map the three finders alone give (the fourth corner made
/// a parallelogram).
fn corner_model(triple: &Triple, version: u8) -> Option<Perspective> {
    let size = 17.0 + 4.0 * f64::from(version);
    let [tl, tr, bl] = finder_points(size);
    let far = Point::new(size - 3.5, size - 3.5);
    let image_far = triple
        .top_right
        .plus(triple.bottom_left)
        .minus(triple.top_left);
    Perspective::between(
        [tl, tr, far, bl],
        [
            triple.top_left,
            triple.top_right,
            image_far,
            triple.bottom_left,
        ],
    )
}

/// Where a code read lies in the picture: its four corners, in order
/// round it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Area([Point; 4]);

impl Area {
    /// The area `model` maps a code `size` modules across to.
    fn of(model: &Perspective, size: f64) -> Option<Area> {
        let corner = |x, y| model.map(Point::new(x, y));
        Some(Area([
            corner(0.0, 0.0)?,
            corner(size, 0.0)?,
            corner(size, size)?,
            corner(0.0, size)?,
        ]))
    }

    /// Whether `p` is inside (the corners go round one way, clockwise or
    /// not, so inside is on the same side of every edge).
    fn contains(&self, p: Point) -> bool {
        let sides = [0, 1, 2, 3].map(|i| {
            let (a, b) = (self.0[i], self.0[(i + 1) % 4]);
            cross(b.minus(a), p.minus(a))
        });
        sides.iter().all(|&s| s > 0.0) || sides.iter().all(|&s| s < 0.0)
    }

    /// The middle of the area.
    fn centre(&self) -> Point {
        let [a, b, c, d] = self.0;
        a.plus(b).plus(c).plus(d).scaled(0.25)
    }

    /// Whether `triple` has a finder inside this area, or this area's
    /// middle is inside the parallelogram of `triple`'s finder centres.
    fn overlaps(&self, triple: &Triple) -> bool {
        let (tl, tr, bl) = (triple.top_left, triple.top_right, triple.bottom_left);
        let around = Area([tl, tr, tr.plus(bl).minus(tl), bl]);
        [tl, tr, bl].iter().any(|&p| self.contains(p)) || around.contains(self.centre())
    }
}

/// Reads `triple` as a code of `version`: the whole-code perspective from
/// the finders and the bottom-right alignment pattern, and for version 7
/// and up the piecewise fit over every alignment pattern first. With the
/// payload, the code's area in the picture.
fn read_version(
    bits: &Bits<'_>,
    triple: &Triple,
    version: u8,
    reach: &[f64],
    budget: &mut Budget<'_>,
) -> Option<(Payload, Option<Area>)> {
    let size = 17 + 4 * usize::from(version);
    let sizef = size as f64;
    let affine = corner_model(triple, version)?;
    let mut whole = affine;
    let lines = align::positions(version);
    if let Some(&last) = lines.last() {
        // The bottom-right pattern, searched ever wider: perspective moves
        // it furthest from where the parallelogram puts it.
        let at = Point::new(last as f64 + 0.5, last as f64 + 0.5);
        let model = Model::Whole(affine);
        let predicted = model.map(at)?;
        let (across, down) = model.steps(at)?;
        let found = reach
            .iter()
            .find_map(|&radius| align::find(bits, predicted, across, down, radius, budget));
        if let Some(image_at) = found {
            let [tl, tr, bl] = finder_points(sizef);
            if let Some(fitted) = Perspective::between(
                [tl, tr, at, bl],
                [
                    triple.top_left,
                    triple.top_right,
                    image_at,
                    triple.bottom_left,
                ],
            ) {
                whole = fitted;
            }
        }
    }
    let area = Area::of(&whole, sizef);
    if lines.len() > 2
        && let Some(cells) = cells_model(bits, &whole, &lines, budget)
        && let Some(payload) = decode(bits, &cells, size, budget)
    {
        return Some((payload, area));
    }
    if let Some(payload) = decode(bits, &Model::Whole(whole), size, budget) {
        return Some((payload, area));
    }
    // No alignment pattern found or a wrong one: the parallelogram.
    if whole != affine {
        let payload = decode(bits, &Model::Whole(affine), size, budget)?;
        return Some((payload, Area::of(&affine, sizef)));
    }
    None
}

/// The piecewise model: every alignment pattern searched near where the
/// patterns found so far predict it, one perspective per cell between
/// neighbouring centres.
fn cells_model(
    bits: &Bits<'_>,
    whole: &Perspective,
    lines: &[usize],
    budget: &mut Budget<'_>,
) -> Option<Model> {
    let n = lines.len();
    let whole_model = Model::Whole(*whole);
    let module_at = |i: usize, j: usize| Point::new(lines[i] as f64 + 0.5, lines[j] as f64 + 0.5);
    // Image positions and their offsets from the whole-code map.
    let mut anchors: Vec<Option<Point>> = vec![None; n * n];
    let mut shifts: Vec<Point> = vec![Point::new(0.0, 0.0); n * n];
    for (i, j) in [(0, 0), (n - 1, 0), (0, n - 1)] {
        anchors[j * n + i] = Some(whole_model.map(module_at(i, j))?);
    }
    for diagonal in 0..=2 * (n - 1) {
        for j in 0..n {
            let Some(i) = diagonal.checked_sub(j) else {
                continue;
            };
            if i >= n || anchors[j * n + i].is_some() {
                continue;
            }
            let at = module_at(i, j);
            let base = whole_model.map(at)?;
            // Neighbours already placed carry the local bend.
            let mut shift = Point::new(0.0, 0.0);
            let mut count = 0.0;
            for (ni, nj) in [
                (i.wrapping_sub(1), j),
                (i, j.wrapping_sub(1)),
                (i.wrapping_sub(1), j.wrapping_sub(1)),
                (i + 1, j.wrapping_sub(1)),
            ] {
                if ni < n && nj < n && anchors[nj * n + ni].is_some() {
                    shift = shift.plus(shifts[nj * n + ni]);
                    count += 1.0;
                }
            }
            if count > 0.0 {
                shift = shift.scaled(1.0 / count);
            }
            let predicted = base.plus(shift);
            let (across, down) = whole_model.steps(at)?;
            let placed =
                align::find(bits, predicted, across, down, 2.5, budget).unwrap_or(predicted);
            anchors[j * n + i] = Some(placed);
            shifts[j * n + i] = placed.minus(base);
        }
    }
    let mut cells = Vec::with_capacity((n - 1) * (n - 1));
    for j in 0..n - 1 {
        for i in 0..n - 1 {
            let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let from = corners.map(|(a, b)| module_at(a, b));
            let to = corners.map(|(a, b)| anchors[b * n + a]);
            let cell = match to {
                [Some(a), Some(b), Some(c), Some(d)] => {
                    Perspective::between(from, [a, b, c, d]).unwrap_or(*whole)
                }
                _ => *whole,
            };
            cells.push(cell);
        }
    }
    Some(Model::Cells {
        lines: lines.iter().map(|&l| l as f64 + 0.5).collect(),
        cells,
    })
}

/// Reads the grid through `model` and hands it to rqrr's decoder.
fn decode(bits: &Bits<'_>, model: &Model, size: usize, budget: &mut Budget<'_>) -> Option<Payload> {
    // Sampling, then rqrr's error correction.
    if !budget.spend((size * size) as u64 * SAMPLE_UNITS) {
        return None;
    }
    let grid = sample::grid(bits, model, size)?;
    // rqrr's error correction costs about 0.5 µs a module, most of it on
    // grids sampled off the code: their timing patterns read at random.
    if grid.timing_agreement() < MIN_TIMING {
        return None;
    }
    if !budget.spend((size * size) as u64 * DECODE_UNITS) {
        return None;
    }
    guard::decode_grid(grid)
}

#[cfg(test)]
mod tests;
