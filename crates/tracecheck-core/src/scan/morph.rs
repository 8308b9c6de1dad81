//! Shape changes of a black-and-white picture (mathematical morphology with
//! a square): growing black joins round dots into square modules and closes
//! gaps printed between modules; shrinking it separates modules that blur
//! or ink spread merged. Two running minimum/maximum passes, written here.

use super::binarize::Bitmap;

/// How black areas change shape after thresholding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Left as they are.
    None,
    /// Black grows by `radius` pixels on every side.
    Grow {
        /// Pixels added on each side.
        radius: u8,
    },
    /// Black shrinks by `radius` pixels on every side.
    Shrink {
        /// Pixels removed on each side.
        radius: u8,
    },
    /// Grow then shrink: fills white gaps narrower than `2 * radius + 1`
    /// while keeping black areas their size.
    Close {
        /// Half the widest gap filled.
        radius: u8,
    },
    /// Shrink then grow: removes black specks narrower than `2 * radius + 1`.
    Open {
        /// Half the widest speck removed.
        radius: u8,
    },
}

impl Shape {
    /// Changes `bits` (1 = black) of a `width` × `height` picture in place.
    pub fn apply(self, bits: &mut Bitmap, width: usize, height: usize) {
        match self {
            Shape::None => {}
            Shape::Grow { radius } => spread(bits, width, height, radius, 1),
            Shape::Shrink { radius } => spread(bits, width, height, radius, 0),
            Shape::Close { radius } => {
                spread(bits, width, height, radius, 1);
                spread(bits, width, height, radius, 0);
            }
            Shape::Open { radius } => {
                spread(bits, width, height, radius, 0);
                spread(bits, width, height, radius, 1);
            }
        }
    }
}

/// Every pixel within `radius` (square) of a pixel equal to `value` takes
/// that value: separable, a row pass then a column pass.
fn spread(bits: &mut Bitmap, width: usize, height: usize, radius: u8, value: u8) {
    let r = usize::from(radius);
    if r == 0 || bits.len() < width * height {
        return;
    }
    let mut line = Vec::new();
    for y in 0..height {
        line.clear();
        line.extend_from_slice(&bits[y * width..(y + 1) * width]);
        spread_line(&line, r, value, |x, v| bits[y * width + x] = v);
    }
    for x in 0..width {
        line.clear();
        line.extend((0..height).map(|y| bits[y * width + x]));
        spread_line(&line, r, value, |y, v| bits[y * width + x] = v);
    }
}

/// One line of [`spread`]: `set(i, value)` for every index within `r` of
/// an index holding `value`, scanning with the distance to the last one
/// seen from each side.
fn spread_line(line: &[u8], r: usize, value: u8, mut set: impl FnMut(usize, u8)) {
    let n = line.len();
    let mut hit = vec![false; n];
    let mut since = usize::MAX;
    for i in 0..n {
        since = if line[i] == value {
            0
        } else {
            since.saturating_add(1)
        };
        hit[i] = since <= r;
    }
    since = usize::MAX;
    for i in (0..n).rev() {
        since = if line[i] == value {
            0
        } else {
            since.saturating_add(1)
        };
        if hit[i] || since <= r {
            set(i, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grow_and_shrink_move_edges_by_the_radius() {
        // One black pixel in the middle of a 5×5 picture.
        let mut bits = vec![0u8; 25];
        bits[12] = 1;
        Shape::Grow { radius: 1 }.apply(&mut bits, 5, 5);
        let black: Vec<usize> = (0..25).filter(|&i| bits[i] == 1).collect();
        assert_eq!(black, vec![6, 7, 8, 11, 12, 13, 16, 17, 18]);
        Shape::Shrink { radius: 1 }.apply(&mut bits, 5, 5);
        assert_eq!((0..25).filter(|&i| bits[i] == 1).collect::<Vec<_>>(), [12]);
    }

    #[test]
    fn close_fills_a_narrow_gap_and_open_removes_a_speck() {
        // Black columns 0–1 and 3–4, a one-pixel white gap between them,
        // white columns 5–6 on the right.
        let mut bits: Vec<u8> = (0..42).map(|i| u8::from(i % 7 != 2 && i % 7 < 5)).collect();
        Shape::Close { radius: 1 }.apply(&mut bits, 7, 6);
        assert!((0..6).all(|y| bits[y * 7 + 2] == 1), "{bits:?}");
        assert!((0..6).all(|y| bits[y * 7 + 5] == 0), "{bits:?}");

        let mut speck = vec![0u8; 25];
        speck[12] = 1;
        Shape::Open { radius: 1 }.apply(&mut speck, 5, 5);
        assert!(speck.iter().all(|&b| b == 0));
    }
}
