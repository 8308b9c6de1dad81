//! An owned greyscale image and the resampling the pipeline needs: box
//! downscaling for large photos, bilinear upscaling for tiny ones, and
//! bilinear enlarging. Written here because these few loops are all we need and
//! an image crate would bring codecs we never use into the browser build.

use super::Luma;

/// A greyscale image that owns its pixels (one byte each, row by row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grey {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height` bytes; 0 is black.
    pub pixels: Vec<u8>,
}

impl Grey {
    /// Copies a borrowed image; `None` when its buffer is shorter than
    /// `width * height` or a side is zero.
    pub fn from_luma(image: Luma<'_>) -> Option<Grey> {
        let len = image.width.checked_mul(image.height)?;
        if len == 0 || image.pixels.len() < len {
            return None;
        }
        Some(Grey {
            width: image.width,
            height: image.height,
            pixels: image.pixels[..len].to_vec(),
        })
    }

    /// Borrows this image.
    pub fn as_luma(&self) -> Luma<'_> {
        Luma {
            width: self.width,
            height: self.height,
            pixels: &self.pixels,
        }
    }
}

/// Scales `image` so its longer side is about `side` pixels: an area
/// average when shrinking (keeps thin modules grey rather than dropping
/// them), bilinear when enlarging (gives tiny codes whole pixels per module).
pub fn resize_to(image: Luma<'_>, side: usize) -> Grey {
    let longer = image.width.max(image.height).max(1);
    if side >= longer {
        let factor = (side / longer).max(1);
        if factor == 1 {
            return copy(image);
        }
        upscale(image, factor)
    } else {
        downscale(image, longer.div_ceil(side.max(1)))
    }
}

fn copy(image: Luma<'_>) -> Grey {
    Grey {
        width: image.width,
        height: image.height,
        pixels: image.pixels[..image.width * image.height].to_vec(),
    }
}

/// Averages `factor`×`factor` blocks (the last row/column of blocks may be
/// partial).
pub fn downscale(image: Luma<'_>, factor: usize) -> Grey {
    let factor = factor.max(1);
    let (width, height) = (image.width.div_ceil(factor), image.height.div_ceil(factor));
    let mut sums = vec![0u32; width * height];
    let mut counts = vec![0u32; width * height];
    for y in 0..image.height {
        let row = &image.pixels[y * image.width..(y + 1) * image.width];
        let out = (y / factor) * width;
        for (x, &p) in row.iter().enumerate() {
            sums[out + x / factor] += u32::from(p);
            counts[out + x / factor] += 1;
        }
    }
    let pixels = sums
        .iter()
        .zip(&counts)
        .map(|(&s, &c)| (s / c.max(1)) as u8)
        .collect();
    Grey {
        width,
        height,
        pixels,
    }
}

/// Enlarges by an integer `factor` with bilinear interpolation.
pub fn upscale(image: Luma<'_>, factor: usize) -> Grey {
    let (w, h) = (image.width, image.height);
    let (width, height) = (w * factor, h * factor);
    let mut pixels = Vec::with_capacity(width * height);
    let at = |x: usize, y: usize| u32::from(image.pixels[y.min(h - 1) * w + x.min(w - 1)]);
    let f = factor as u32;
    for y in 0..height {
        // Sample centres: output pixel y covers source (y + 0.5) / f - 0.5.
        let sy = (2 * y as u32 + 1) * 128 / f;
        let (y0, fy) = (sy.saturating_sub(128) / 256, sy.saturating_sub(128) % 256);
        for x in 0..width {
            let sx = (2 * x as u32 + 1) * 128 / f;
            let (x0, fx) = (sx.saturating_sub(128) / 256, sx.saturating_sub(128) % 256);
            let (x0, y0) = (x0 as usize, y0 as usize);
            let top = at(x0, y0) * (256 - fx) + at(x0 + 1, y0) * fx;
            let bottom = at(x0, y0 + 1) * (256 - fx) + at(x0 + 1, y0 + 1) * fx;
            pixels.push(((top * (256 - fy) + bottom * fy) >> 16) as u8);
        }
    }
    Grey {
        width,
        height,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luma(width: usize, height: usize, pixels: &[u8]) -> Luma<'_> {
        Luma {
            width,
            height,
            pixels,
        }
    }

    #[test]
    fn downscale_averages_blocks_including_partial_ones() {
        let pixels = [0, 100, 50, 200, 0, 10];
        let out = downscale(luma(3, 2, &pixels), 2);
        assert_eq!((out.width, out.height), (2, 1));
        assert_eq!(out.pixels, vec![75, 30]);
    }

    #[test]
    fn upscale_keeps_flat_areas_flat_and_blends_edges() {
        let pixels = [0, 255];
        let out = upscale(luma(2, 1, &pixels), 4);
        assert_eq!((out.width, out.height), (8, 4));
        let row = &out.pixels[..8];
        assert_eq!(row[0], 0);
        assert_eq!(row[7], 255);
        assert!(row.windows(2).all(|w| w[0] <= w[1]), "{row:?}");
    }

    #[test]
    fn resize_picks_a_direction() {
        let pixels = vec![9u8; 100 * 50];
        let image = luma(100, 50, &pixels);
        assert_eq!(resize_to(image, 50).width, 50);
        assert_eq!(resize_to(image, 200).width, 200);
        assert_eq!(resize_to(image, 120).width, 100);
    }
}
