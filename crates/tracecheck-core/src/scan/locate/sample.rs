//! From pixels to modules: a map from module coordinates to the picture
//! (one perspective, or one per cell of the alignment grid), the grid of
//! modules read through it, and the version information read the same way.

use super::geometry::{Perspective, Point};
use super::image::Bits;

/// Where module coordinates (column, row; module centres at +0.5) land in
/// the picture.
#[derive(Debug, Clone, PartialEq)]
pub enum Model {
    /// One perspective for the whole code.
    Whole(Perspective),
    /// One perspective per cell between neighbouring alignment centres
    /// (`lines` in module units, as the version places them), for curved
    /// or unevenly printed codes; cells are listed row by row.
    Cells {
        lines: Vec<f64>,
        cells: Vec<Perspective>,
    },
}

impl Model {
    pub fn map(&self, p: Point) -> Option<Point> {
        match self {
            Model::Whole(whole) => whole.map(p),
            Model::Cells { lines, cells } => {
                let n = lines.len().checked_sub(1)?;
                let cell = |v: f64| {
                    lines
                        .iter()
                        .skip(1)
                        .take(n.saturating_sub(1))
                        .filter(|&&l| l <= v)
                        .count()
                };
                let (i, j) = (cell(p.x), cell(p.y));
                cells.get(j * n + i)?.map(p)
            }
        }
    }

    /// The picture steps of one module across and one down at `p`.
    pub fn steps(&self, p: Point) -> Option<(Point, Point)> {
        let at = self.map(p)?;
        let across = self.map(p.plus(Point::new(1.0, 0.0)))?.minus(at);
        let down = self.map(p.plus(Point::new(0.0, 1.0)))?.minus(at);
        Some((across, down))
    }
}

/// A square of modules read from a picture (true = black).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modules {
    size: usize,
    black: Vec<bool>,
}

impl rqrr::BitGrid for Modules {
    fn size(&self) -> usize {
        self.size
    }

    fn bit(&self, y: usize, x: usize) -> bool {
        y.checked_mul(self.size)
            .and_then(|row| row.checked_add(x))
            .and_then(|i| self.black.get(i))
            .copied()
            .unwrap_or(false)
    }
}

impl Modules {
    /// Share of the two timing patterns (row and column 6 between the
    /// finders, alternating from black) read right: about ½ for a grid
    /// sampled off the code, near 1 for a good one.
    pub fn timing_agreement(&self) -> f64 {
        let size = self.size;
        if size < 21 {
            return 0.0;
        }
        let mut right = 0usize;
        let mut total = 0usize;
        for k in 8..size - 8 {
            let want = k % 2 == 0;
            for (row, col) in [(6, k), (k, 6)] {
                total += 1;
                if self.black.get(row * size + col).copied() == Some(want) {
                    right += 1;
                }
            }
        }
        right as f64 / total.max(1) as f64
    }
}

/// Reads a `size`×`size` grid through `model`; `None` when some module
/// maps nowhere.
pub fn grid(bits: &Bits<'_>, model: &Model, size: usize) -> Option<Modules> {
    let mut black = Vec::with_capacity(size * size);
    for row in 0..size {
        for col in 0..size {
            let p = model.map(Point::new(col as f64 + 0.5, row as f64 + 0.5))?;
            black.push(bits.black_at(p));
        }
    }
    Some(Modules { size, black })
}

/// The 18-bit version information word for `version` (7–40): the version
/// in the top 6 bits, then the remainder of its BCH(18,6) code (generator
/// x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1).
pub fn version_word(version: u8) -> u32 {
    const GENERATOR: u32 = 0x1F25;
    let data = u32::from(version) << 12;
    let mut rem = data;
    for bit in (12..18).rev() {
        if rem & (1 << bit) != 0 {
            rem ^= GENERATOR << (bit - 12);
        }
    }
    data | rem
}

/// The version the code's version information says (either copy, up to
/// 3 bits wrong), for codes of version 7 and up; `guess` sets where the
/// copies are looked for.
pub fn read_version(bits: &Bits<'_>, model: &Model, guess: u8) -> Option<u8> {
    let size = 17.0 + 4.0 * f64::from(guess);
    let mut best: Option<(u32, u8)> = None;
    for copy in 0..2 {
        let mut word = 0u32;
        for i in 0..18u32 {
            // Bit i: row i / 3, column size − 11 + i % 3 near the top-right
            // finder; the same transposed near the bottom-left one.
            let (a, b) = (f64::from(i / 3), size - 11.0 + f64::from(i % 3));
            let (col, row) = if copy == 0 { (b, a) } else { (a, b) };
            let p = model.map(Point::new(col + 0.5, row + 0.5))?;
            if bits.black_at(p) {
                word |= 1 << i;
            }
        }
        for version in 7..=40u8 {
            let wrong = (word ^ version_word(version)).count_ones();
            if wrong <= 3 && best.is_none_or(|(w, _)| wrong < w) {
                best = Some((wrong, version));
            }
        }
    }
    best.map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::version_word;

    #[test]
    fn version_words_match_the_standard() {
        // ISO 18004 table D.1.
        assert_eq!(version_word(7), 0x07C94);
        assert_eq!(version_word(20), 0x149A6);
        assert_eq!(version_word(40), 0x28C69);
    }
}
