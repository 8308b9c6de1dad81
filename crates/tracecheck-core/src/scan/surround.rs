//! The known rqrr panic trigger, removed before rqrr sees the picture.
//!
//! rqrr 0.11 panics (`assertion failed: x <= i32::MAX as f64` in
//! `Perspective::map`) when a finder pattern's region runs into a large
//! dark area: a light label on a dark surface with a quiet zone thinner
//! than a module (zxing-qrcode-6/7.png in the corpus). The merged region
//! gives the finder a folded quadrilateral, the alignment estimate lands
//! inside the code, and the perspective built from them divides by zero.
//! A printed code always has a light quiet zone, so dark pixels connected
//! to the picture's edge are background, never modules: when they cover a
//! large part of the picture, they are painted light.

use std::collections::VecDeque;

/// Dark area touching the edge, as a share of the picture, from which it
/// is treated as background.
const BACKGROUND_SHARE: usize = 4; // 1/4

/// Paints light every pixel for which `dark` holds and that is connected
/// (4-neighbours) to the picture's edge through such pixels, when they are
/// at least a quarter of the picture. Returns whether it painted.
pub fn clear(
    width: usize,
    height: usize,
    pixels: &mut [u8],
    dark: impl Fn(u8) -> bool,
    light: u8,
) -> bool {
    let len = width * height;
    if len == 0 || pixels.len() < len {
        return false;
    }
    let mut seen = vec![false; len];
    let mut queue = VecDeque::new();
    let push = |i: usize, seen: &mut Vec<bool>, queue: &mut VecDeque<usize>| {
        if !seen[i] && dark(pixels[i]) {
            seen[i] = true;
            queue.push_back(i);
        }
    };
    for x in 0..width {
        push(x, &mut seen, &mut queue);
        push((height - 1) * width + x, &mut seen, &mut queue);
    }
    for y in 0..height {
        push(y * width, &mut seen, &mut queue);
        push(y * width + width - 1, &mut seen, &mut queue);
    }
    let mut area = Vec::new();
    while let Some(i) = queue.pop_front() {
        area.push(i);
        let (x, y) = (i % width, i / width);
        if x > 0 {
            push(i - 1, &mut seen, &mut queue);
        }
        if x + 1 < width {
            push(i + 1, &mut seen, &mut queue);
        }
        if y > 0 {
            push(i - width, &mut seen, &mut queue);
        }
        if y + 1 < height {
            push(i + width, &mut seen, &mut queue);
        }
    }
    if area.len() * BACKGROUND_SHARE < len {
        return false;
    }
    for i in area {
        pixels[i] = light;
    }
    true
}

/// The mean grey level, as the dark/light split for [`clear`] on a
/// greyscale picture.
pub fn mean(pixels: &[u8]) -> u8 {
    let sum: u64 = pixels.iter().map(|&p| u64::from(p)).sum();
    (sum / (pixels.len().max(1) as u64)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clears_a_large_dark_surround_but_not_dark_marks_inside_light() {
        // 8×8: dark frame two pixels wide, light inside, one dark dot inside.
        let mut pixels = vec![0u8; 64];
        for y in 2..6 {
            for x in 2..6 {
                pixels[y * 8 + x] = 1;
            }
        }
        pixels[3 * 8 + 3] = 0;
        // Here 0 is dark (bitmap style inverted for the test).
        assert!(clear(8, 8, &mut pixels, |p| p == 0, 1));
        assert_eq!(pixels[0], 1);
        assert_eq!(pixels[3 * 8 + 3], 0, "an enclosed dark dot is kept");
    }

    #[test]
    fn leaves_a_small_dark_edge_alone() {
        let mut pixels = vec![200u8; 100];
        pixels[0] = 10;
        let before = pixels.clone();
        assert!(!clear(10, 10, &mut pixels, |p| p < 100, 255));
        assert_eq!(pixels, before);
    }
}
