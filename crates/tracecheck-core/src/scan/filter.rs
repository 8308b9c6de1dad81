//! Grey-level filters applied before thresholding: box blur (joins round
//! dots, smooths sensor noise), unsharp masking (steepens blurred module
//! edges) and contrast stretching (spreads a dim picture over 0–255). A few
//! loops each over a summed-area table, so written here.

use super::Luma;
use super::grey::Grey;

/// How the grey levels are changed before thresholding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Left as they are.
    None,
    /// Mean of the square of side `2 * radius + 1` around each pixel.
    Blur {
        /// Half the side of the square, in pixels.
        radius: u8,
    },
    /// Unsharp mask: each pixel moves away from its neighbourhood mean by
    /// `amount` quarters of the difference.
    Sharpen {
        /// Half the side of the neighbourhood square, in pixels.
        radius: u8,
        /// Strength, in quarters (4 doubles the local contrast).
        amount: u8,
    },
    /// The darkest 1% become black and the lightest 1% white, linearly.
    Stretch,
}

impl Filter {
    /// The filtered picture, or `None` when this filter leaves it as it is.
    pub fn apply(self, image: Luma<'_>) -> Option<Grey> {
        match self {
            Filter::None => None,
            Filter::Blur { radius } => Some(box_blur(image, usize::from(radius))),
            Filter::Sharpen { radius, amount } => {
                Some(sharpen(image, usize::from(radius), i32::from(amount)))
            }
            Filter::Stretch => Some(stretch(image)),
        }
    }
}

/// Sums of every rectangle from the origin: `table[y * (w + 1) + x]` is
/// the sum of the pixels above and left of (x, y). One pass, then any
/// square's sum costs four look-ups. The sums wrap around past `u32::MAX`
/// (a picture over 16.8 megapixels): a square's sum, taken with wrapping
/// arithmetic too, is still exact because it is far below that.
pub(super) struct SummedArea {
    table: Vec<u32>,
    stride: usize,
    width: usize,
    height: usize,
}

impl SummedArea {
    pub(super) fn new(image: Luma<'_>) -> SummedArea {
        let (w, h) = (image.width, image.height);
        let stride = w + 1;
        let mut table = vec![0u32; stride * (h + 1)];
        for y in 0..h {
            let mut row_sum = 0u32;
            for x in 0..w {
                row_sum += u32::from(image.pixels[y * w + x]);
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1].wrapping_add(row_sum);
            }
        }
        SummedArea {
            table,
            stride,
            width: w,
            height: h,
        }
    }

    /// Sum and pixel count of the square of half-side `radius` around
    /// (x, y), clipped to the picture.
    pub(super) fn around(&self, x: usize, y: usize, radius: usize) -> (u32, u32) {
        let (top, bottom) = (y.saturating_sub(radius), (y + radius + 1).min(self.height));
        let (left, right) = (x.saturating_sub(radius), (x + radius + 1).min(self.width));
        let s = self.stride;
        let sum = self.table[bottom * s + right]
            .wrapping_add(self.table[top * s + left])
            .wrapping_sub(self.table[top * s + right])
            .wrapping_sub(self.table[bottom * s + left]);
        (sum, ((bottom - top) * (right - left)) as u32)
    }
}

/// Mean of the square of side `2 * radius + 1` around each pixel.
pub fn box_blur(image: Luma<'_>, radius: usize) -> Grey {
    let table = SummedArea::new(image);
    let mut pixels = Vec::with_capacity(image.width * image.height);
    for y in 0..image.height {
        for x in 0..image.width {
            let (sum, count) = table.around(x, y, radius);
            pixels.push((sum / count.max(1)) as u8);
        }
    }
    Grey {
        width: image.width,
        height: image.height,
        pixels,
    }
}

/// Unsharp mask: `p + amount / 4 * (p - mean)`, clamped to 0–255.
pub fn sharpen(image: Luma<'_>, radius: usize, amount: i32) -> Grey {
    let table = SummedArea::new(image);
    let mut pixels = Vec::with_capacity(image.width * image.height);
    for y in 0..image.height {
        for x in 0..image.width {
            let (sum, count) = table.around(x, y, radius);
            let p = i32::from(image.pixels[y * image.width + x]);
            let mean = (sum / count.max(1)) as i32;
            pixels.push((p + amount * (p - mean) / 4).clamp(0, 255) as u8);
        }
    }
    Grey {
        width: image.width,
        height: image.height,
        pixels,
    }
}

/// Maps the 1st percentile of the levels to 0 and the 99th to 255.
pub fn stretch(image: Luma<'_>) -> Grey {
    let pixels = &image.pixels[..image.width * image.height];
    let mut histogram = [0usize; 256];
    for &p in pixels {
        histogram[usize::from(p)] += 1;
    }
    let tail = pixels.len() / 100;
    let level_at = |from_top: bool| {
        let mut seen = 0;
        for i in 0..256 {
            let level = if from_top { 255 - i } else { i };
            seen += histogram[level];
            if seen > tail {
                return level as i32;
            }
        }
        if from_top { 255 } else { 0 }
    };
    let (low, high) = (level_at(false), level_at(true));
    let span = (high - low).max(1);
    let pixels = pixels
        .iter()
        .map(|&p| ((i32::from(p) - low) * 255 / span).clamp(0, 255) as u8)
        .collect();
    Grey {
        width: image.width,
        height: image.height,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blur_averages_the_neighbourhood() {
        let pixels = [0, 0, 0, 0, 90, 0, 0, 0, 0];
        let out = box_blur(Luma::new(3, 3, &pixels), 1);
        assert_eq!(out.pixels[4], 10);
        // A corner sees four pixels, one of them the bright one.
        assert_eq!(out.pixels[0], 22);
    }

    #[test]
    fn square_sums_stay_exact_when_the_table_wraps() {
        // 4100 × 4100 white pixels sum to 4.3e9, past u32::MAX.
        let side = 4100;
        let pixels = vec![255u8; side * side];
        let table = SummedArea::new(Luma::new(side, side, &pixels));
        assert_eq!(table.around(side - 1, side - 1, 2), (255 * 9, 9));
        assert_eq!(table.around(2000, 3000, 3), (255 * 49, 49));
    }

    #[test]
    fn sharpen_steepens_an_edge_and_leaves_flat_areas() {
        let pixels = [100, 100, 100, 140, 140, 140];
        let out = sharpen(Luma::new(6, 1, &pixels), 1, 4);
        assert_eq!(out.pixels[0], 100);
        assert!(out.pixels[2] < 100, "{:?}", out.pixels);
        assert!(out.pixels[3] > 140, "{:?}", out.pixels);
        assert_eq!(out.pixels[5], 140);
    }

    #[test]
    fn stretch_spreads_a_dim_picture() {
        let pixels: Vec<u8> = (0..200).map(|i| 60 + (i % 40) as u8).collect();
        let out = stretch(Luma::new(20, 10, &pixels));
        assert_eq!(out.pixels.iter().min(), Some(&0));
        assert_eq!(out.pixels.iter().max(), Some(&255));
    }
}
