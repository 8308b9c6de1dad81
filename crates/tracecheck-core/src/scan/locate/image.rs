//! Black-and-white pixels with every read bounds-checked: the locator
//! walks lines that may leave the picture.

use super::geometry::Point;

/// A thresholded picture (1 = black), `width * height` bytes.
#[derive(Debug, Clone, Copy)]
pub struct Bits<'a> {
    pub width: usize,
    pub height: usize,
    pixels: &'a [u8],
}

impl<'a> Bits<'a> {
    /// `None` when `pixels` is shorter than `width * height`.
    pub fn new(width: usize, height: usize, pixels: &'a [u8]) -> Option<Bits<'a>> {
        let len = width.checked_mul(height)?;
        (pixels.len() >= len).then_some(Bits {
            width,
            height,
            pixels,
        })
    }

    /// Black at (x, y); outside the picture is white (a quiet zone).
    pub fn black(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= self.width || y >= self.height {
            return false;
        }
        self.pixels.get(y * self.width + x).is_some_and(|&p| p != 0)
    }

    /// Black at the pixel holding `p`.
    pub fn black_at(&self, p: Point) -> bool {
        if !p.is_finite() || p.x.abs() > 1e9 || p.y.abs() > 1e9 {
            return false;
        }
        self.black(floor(p.x), floor(p.y))
    }

    /// One row, an empty slice past the end.
    pub fn row(&self, y: usize) -> &'a [u8] {
        let start = y.saturating_mul(self.width);
        self.pixels
            .get(start..start.saturating_add(self.width))
            .unwrap_or(&[])
    }
}

/// `x.floor() as i64` for |x| ≤ 1e9 without the library call native x86-64
/// makes for `floor` (a third of the locator's time there; WebAssembly has
/// an instruction for it either way).
fn floor(x: f64) -> i64 {
    let truncated = x as i64;
    if (truncated as f64) > x {
        truncated - 1
    } else {
        truncated
    }
}

#[cfg(test)]
mod tests {
    use super::floor;

    #[test]
    fn floor_matches_the_library() {
        for x in [
            -2.5, -2.0, -1e-9, -0.0, 0.0, 0.3, 1.0, 1.999, 7.5, -1e9, 1e9,
        ] {
            assert_eq!(floor(x), x.floor() as i64, "{x}");
        }
    }
}
