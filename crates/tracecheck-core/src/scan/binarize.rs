//! Turning greyscale into black and white. rqrr's own thresholding averages
//! along each row only, which loses codes in dark, low-contrast or
//! glare-streaked photos; two local methods here look at a square
//! neighbourhood instead, and one global level suits evenly lit screens.
//! Each is a few loops over the pixels, so they are written here.

use super::Luma;
use super::filter::SummedArea;

/// One byte per pixel: 1 is black (a module), 0 is white.
pub type Bitmap = Vec<u8>;

/// Black where a pixel is darker than the mean of the square of side
/// `2 * radius + 1` around it, by more than `bias` levels. A summed-area
/// table makes this one pass whatever the radius.
pub fn local_mean(image: Luma<'_>, radius: usize, bias: u8) -> Bitmap {
    let (w, h) = (image.width, image.height);
    let table = SummedArea::new(image);
    let mut out = vec![0u8; w * h];
    let bias = u32::from(bias);
    for y in 0..h {
        for x in 0..w {
            let (sum, area) = table.around(x, y, radius);
            let pixel = u32::from(image.pixels[y * w + x]);
            // pixel < mean - bias, without dividing.
            out[y * w + x] = u8::from((pixel + bias) * area < sum);
        }
    }
    out
}

/// Black where a pixel is at or under one level for the whole picture,
/// the one that best splits its histogram in two (Otsu's method: largest
/// variance between the two classes). Suits clean pictures such as
/// screenshots and generated codes, where light is even.
pub fn global(image: Luma<'_>) -> Bitmap {
    let pixels = &image.pixels[..image.width * image.height];
    let mut histogram = [0u64; 256];
    for &p in pixels {
        histogram[usize::from(p)] += 1;
    }
    let total = pixels.len() as f64;
    let sum_all: f64 = histogram
        .iter()
        .enumerate()
        .map(|(level, &n)| level as f64 * n as f64)
        .sum();
    let (mut below, mut sum_below) = (0.0, 0.0);
    let (mut best, mut best_level) = (-1.0, 127u8);
    for (level, &n) in histogram.iter().enumerate() {
        below += n as f64;
        sum_below += level as f64 * n as f64;
        let above = total - below;
        if below == 0.0 || above == 0.0 {
            continue;
        }
        let difference = sum_below / below - (sum_all - sum_below) / above;
        let between = below * above * difference * difference;
        if between > best {
            best = between;
            best_level = level as u8;
        }
    }
    pixels.iter().map(|&p| u8::from(p <= best_level)).collect()
}

/// Side of the blocks [`blocks`] measures.
const BLOCK: usize = 8;
/// A block whose darkest and lightest pixels differ by less than this is
/// taken as flat (all paper or all ink), not as an edge.
const FLAT_RANGE: u32 = 24;

/// Black where a pixel is darker than a threshold set per 8×8 block: the
/// block's mean where it has contrast, and for a flat block a value just
/// under its level (so paper stays white and solid ink black); each
/// block's threshold is then averaged with its neighbours' over 5×5 blocks
/// so that module edges never fall between two unrelated thresholds.
pub fn blocks(image: Luma<'_>) -> Bitmap {
    let (w, h) = (image.width, image.height);
    let (bw, bh) = (w.div_ceil(BLOCK), h.div_ceil(BLOCK));
    let mut level = vec![0u32; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let (mut sum, mut count, mut min, mut max) = (0u32, 0u32, 255u32, 0u32);
            for y in by * BLOCK..((by + 1) * BLOCK).min(h) {
                for &p in &image.pixels[y * w + bx * BLOCK..y * w + ((bx + 1) * BLOCK).min(w)] {
                    let p = u32::from(p);
                    sum += p;
                    count += 1;
                    min = min.min(p);
                    max = max.max(p);
                }
            }
            let mean = sum / count.max(1);
            level[by * bw + bx] = if max - min >= FLAT_RANGE {
                mean
            } else {
                // Flat: if a neighbour above or to the left already has a
                // lower threshold, this is probably paper inside the code:
                // share that threshold; otherwise sit just under the level.
                let mut flat = min / 2;
                if by > 0 && bx > 0 {
                    let around = (level[(by - 1) * bw + bx]
                        + 2 * level[by * bw + bx - 1]
                        + level[(by - 1) * bw + bx - 1])
                        / 4;
                    if min < around {
                        flat = around;
                    }
                }
                flat
            };
        }
    }
    let mut threshold = vec![0u32; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let (top, bottom) = (by.saturating_sub(2), (by + 3).min(bh));
            let (left, right) = (bx.saturating_sub(2), (bx + 3).min(bw));
            let mut sum = 0;
            for y in top..bottom {
                sum += level[y * bw + left..y * bw + right].iter().sum::<u32>();
            }
            threshold[by * bw + bx] = sum / ((bottom - top) * (right - left)) as u32;
        }
    }
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        let row = &threshold[(y / BLOCK) * bw..(y / BLOCK + 1) * bw];
        for x in 0..w {
            out[y * w + x] = u8::from(u32::from(image.pixels[y * w + x]) <= row[x / BLOCK]);
        }
    }
    out
}

/// Swaps black and white, for light codes printed on dark backgrounds.
pub fn invert(bitmap: &mut Bitmap) {
    for bit in bitmap.iter_mut() {
        *bit ^= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 32×32 picture, left half dark (40) and right half light (200),
    /// under a brightness ramp from left to right.
    fn halves() -> Vec<u8> {
        let mut pixels = Vec::new();
        for _ in 0..32 {
            for x in 0..32u8 {
                let base: u8 = if x < 16 { 40 } else { 200 };
                pixels.push(base.saturating_add(x));
            }
        }
        pixels
    }

    #[test]
    fn local_mean_finds_the_dark_side_of_an_edge() {
        let pixels = halves();
        let image = Luma {
            width: 32,
            height: 32,
            pixels: &pixels,
        };
        let bits = local_mean(image, 4, 2);
        // Near the edge the dark side is black and the light side white.
        assert_eq!(bits[16 * 32 + 14], 1);
        assert_eq!(bits[16 * 32 + 17], 0);
    }

    #[test]
    fn blocks_keep_flat_light_areas_white_and_dark_ones_black() {
        let pixels = halves();
        let image = Luma {
            width: 32,
            height: 32,
            pixels: &pixels,
        };
        let bits = blocks(image);
        assert_eq!(bits[16 * 32 + 15], 1);
        assert_eq!(bits[16 * 32 + 16], 0);
        assert_eq!(bits[16 * 32 + 31], 0);
    }

    #[test]
    fn global_splits_two_levels() {
        let pixels = [30, 200, 35, 210, 32, 190];
        let bits = global(Luma {
            width: 3,
            height: 2,
            pixels: &pixels,
        });
        assert_eq!(bits, vec![1, 0, 1, 0, 1, 0]);
    }

    #[test]
    fn invert_swaps_every_bit() {
        let mut bits = vec![0, 1, 1, 0];
        invert(&mut bits);
        assert_eq!(bits, vec![1, 0, 0, 1]);
    }
}
