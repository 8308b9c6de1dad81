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

/// Scales `image` so its longer side is exactly `side` pixels, by any
/// factor: each output pixel is a weighted mean of the source pixels
/// under a tent as wide as one output pixel (at least one source pixel),
/// row pass then column pass. [`resize_to`] only uses whole factors,
/// which leaves no size between, say, 780 and 390 pixels.
pub fn resize_smooth(image: Luma<'_>, side: usize) -> Grey {
    if image.width == 0 || image.height == 0 {
        return copy(image);
    }
    let longer = image.width.max(image.height).max(1);
    let scale = side.max(1) as f32 / longer as f32;
    let width = ((image.width as f32 * scale).round() as usize).max(1);
    let height = ((image.height as f32 * scale).round() as usize).max(1);
    let columns = tent_weights(image.width, width);
    let rows = tent_weights(image.height, height);
    // Rows first: source height × output width.
    let mut across = vec![0f32; image.height * width];
    for y in 0..image.height {
        let row = &image.pixels[y * image.width..(y + 1) * image.width];
        for (x, (start, weights)) in columns.iter().enumerate() {
            across[y * width + x] = weights
                .iter()
                .enumerate()
                .map(|(i, w)| w * f32::from(row[start + i]))
                .sum();
        }
    }
    let mut pixels = vec![0u8; width * height];
    for (y, (start, weights)) in rows.iter().enumerate() {
        for x in 0..width {
            let value: f32 = weights
                .iter()
                .enumerate()
                .map(|(i, w)| w * across[(start + i) * width + x])
                .sum();
            pixels[y * width + x] = value.round().clamp(0.0, 255.0) as u8;
        }
    }
    Grey {
        width,
        height,
        pixels,
    }
}

/// For each of `to` output positions along an axis of `from` source
/// pixels: the first source index it reads and the normalised weights.
fn tent_weights(from: usize, to: usize) -> Vec<(usize, Vec<f32>)> {
    let ratio = from as f32 / to as f32;
    let reach = ratio.max(1.0);
    (0..to)
        .map(|i| {
            let centre = (i as f32 + 0.5) * ratio - 0.5;
            let first = ((centre - reach).ceil().max(0.0)) as usize;
            let last = ((centre + reach).floor() as usize).min(from - 1);
            let mut weights: Vec<f32> = (first..=last)
                .map(|j| (1.0 - (j as f32 - centre).abs() / reach).max(0.0))
                .collect();
            let total: f32 = weights.iter().sum();
            if total <= 0.0 {
                // Only pixels exactly `reach` away (cannot happen with
                // `reach` ≥ 1, kept for safety): take the first.
                return (first.min(from - 1), vec![1.0]);
            }
            weights.iter_mut().for_each(|w| *w /= total);
            (first, weights)
        })
        .collect()
}

/// Sine and cosine of whole degrees from their Taylor series: only
/// additions and multiplications, so native and WebAssembly builds turn a
/// picture to exactly the same pixels (the platforms' `sin` may differ in
/// the last bit, and one pixel can decide whether a code reads).
fn sin_cos(degrees: i8) -> (f32, f32) {
    let x = f64::from(degrees) * std::f64::consts::PI / 180.0;
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut odd, mut even) = (x, 1.0);
    for k in 1..=12 {
        sin += odd;
        cos += even;
        let k = f64::from(k);
        odd *= -x * x / ((2.0 * k) * (2.0 * k + 1.0));
        even *= -x * x / ((2.0 * k - 1.0) * (2.0 * k));
    }
    (sin as f32, cos as f32)
}

/// Enlarges by an integer `factor`, each pixel becoming a square: keeps
/// module edges sharp in pictures made of whole pixels per module.
pub fn upscale_nearest(image: Luma<'_>, factor: usize) -> Grey {
    let factor = factor.max(1);
    let (width, height) = (image.width * factor, image.height * factor);
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        let row = &image.pixels[(y / factor) * image.width..(y / factor + 1) * image.width];
        for x in 0..width {
            pixels.push(row[x / factor]);
        }
    }
    Grey {
        width,
        height,
        pixels,
    }
}

/// Surrounds `image` with `border` pixels of `level` on every side: a quiet
/// zone for codes printed to the edge of the picture.
pub fn pad(image: Luma<'_>, border: usize, level: u8) -> Grey {
    let width = image.width + 2 * border;
    let height = image.height + 2 * border;
    let mut pixels = vec![level; width * height];
    for y in 0..image.height {
        let from = &image.pixels[y * image.width..(y + 1) * image.width];
        let start = (y + border) * width + border;
        pixels[start..start + image.width].copy_from_slice(from);
    }
    Grey {
        width,
        height,
        pixels,
    }
}

/// Turns `image` by `degrees` (clockwise) about its centre, keeping its
/// size; bilinear, with the picture's edge repeated where the turned
/// picture leaves a corner empty.
pub fn rotate(image: Luma<'_>, degrees: i8) -> Grey {
    let (w, h) = (image.width, image.height);
    let (sin, cos) = sin_cos(degrees);
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let at = |x: i64, y: i64| {
        let (x, y) = (
            x.clamp(0, w as i64 - 1) as usize,
            y.clamp(0, h as i64 - 1) as usize,
        );
        image.pixels[y * w + x] as f32
    };
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        let dy = y as f32 + 0.5 - cy;
        for x in 0..w {
            let dx = x as f32 + 0.5 - cx;
            // The source of output pixel (x, y): turned back by `degrees`.
            let sx = cos * dx + sin * dy + cx - 0.5;
            let sy = -sin * dx + cos * dy + cy - 0.5;
            let (x0, y0) = (sx.floor(), sy.floor());
            let (fx, fy) = (sx - x0, sy - y0);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
            let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
            pixels.push((top * (1.0 - fy) + bottom * fy).round().clamp(0.0, 255.0) as u8);
        }
    }
    Grey {
        width: w,
        height: h,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downscale_averages_blocks_including_partial_ones() {
        let pixels = [0, 100, 50, 200, 0, 10];
        let out = downscale(Luma::new(3, 2, &pixels), 2);
        assert_eq!((out.width, out.height), (2, 1));
        assert_eq!(out.pixels, vec![75, 30]);
    }

    #[test]
    fn upscale_keeps_flat_areas_flat_and_blends_edges() {
        let pixels = [0, 255];
        let out = upscale(Luma::new(2, 1, &pixels), 4);
        assert_eq!((out.width, out.height), (8, 4));
        let row = &out.pixels[..8];
        assert_eq!(row[0], 0);
        assert_eq!(row[7], 255);
        assert!(row.windows(2).all(|w| w[0] <= w[1]), "{row:?}");
    }

    #[test]
    fn resize_picks_a_direction() {
        let pixels = vec![9u8; 100 * 50];
        let image = Luma::new(100, 50, &pixels);
        assert_eq!(resize_to(image, 50).width, 50);
        assert_eq!(resize_to(image, 200).width, 200);
        assert_eq!(resize_to(image, 120).width, 100);
    }

    #[test]
    fn smooth_resize_reaches_any_size_and_keeps_levels() {
        let pixels: Vec<u8> = (0..100u32 * 80)
            .map(|i| if (i % 100) < 50 { 20 } else { 220 })
            .collect();
        let image = Luma::new(100, 80, &pixels);
        let out = resize_smooth(image, 73);
        assert_eq!((out.width, out.height), (73, 58));
        assert_eq!(out.pixels[0], 20);
        assert_eq!(out.pixels[72], 220);
        let up = resize_smooth(image, 141);
        assert_eq!((up.width, up.height), (141, 113));
        assert_eq!(up.pixels[0], 20);
        assert_eq!(up.pixels[140], 220);
        assert!(up.pixels[..141].windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn nearest_upscale_makes_squares() {
        let pixels = [0, 255];
        let out = upscale_nearest(Luma::new(2, 1, &pixels), 3);
        assert_eq!((out.width, out.height), (6, 3));
        assert_eq!(&out.pixels[12..], &[0, 0, 0, 255, 255, 255]);
    }

    #[test]
    fn pad_surrounds_with_a_level() {
        let pixels = [7, 8];
        let out = pad(Luma::new(2, 1, &pixels), 1, 200);
        assert_eq!((out.width, out.height), (4, 3));
        assert_eq!(
            out.pixels,
            vec![200, 200, 200, 200, 200, 7, 8, 200, 200, 200, 200, 200]
        );
    }

    #[test]
    fn rotate_a_quarter_turn_moves_a_corner() {
        // A dark pixel top left of a 4×4 picture goes top right after 90°
        // clockwise.
        let mut pixels = vec![255u8; 16];
        pixels[0] = 0;
        let out = rotate(Luma::new(4, 4, &pixels), 90);
        assert_eq!(out.pixels[3], 0, "{:?}", out.pixels);
        assert_eq!(out.pixels[0], 255);
        assert_eq!(rotate(Luma::new(4, 4, &pixels), 0).pixels, pixels);
    }

    #[test]
    fn sine_and_cosine_of_whole_degrees() {
        for degrees in [-127i8, -90, -30, -3, 0, 5, 45, 127] {
            let (sin, cos) = sin_cos(degrees);
            let radians = f32::from(degrees).to_radians();
            assert!((sin - radians.sin()).abs() < 1e-6, "{degrees}");
            assert!((cos - radians.cos()).abs() < 1e-6, "{degrees}");
        }
    }
}
