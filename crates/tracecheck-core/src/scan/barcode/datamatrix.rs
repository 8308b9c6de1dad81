//! Finding Data Matrix symbols: on a black-and-white picture, each large
//! group of touching dark pixels whose bounding box has two solid edges
//! (the L-shaped finder) and two alternating ones (the timing pattern) is
//! sampled at every size that fits, and kept only when Reed-Solomon and the
//! data decoding accept it ([`super::dm_decode`]). Symbols upright or
//! turned by a quarter, half or three quarters; not skewed.

use super::super::Luma;
use super::super::binarize;
use super::super::budget::Budget;
use super::dm_decode::{SIZES, decode};

/// The fewest pixels a module may span.
const MIN_MODULE: f32 = 1.5;

/// A box of pixels, ends inclusive.
#[derive(Debug, Clone, Copy)]
struct Box {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

/// Every Data Matrix text read in `image`.
/// `thorough`: a still picture, which also gets the 8×8-block threshold.
pub(super) fn scan(image: Luma<'_>, thorough: bool, budget: &mut Budget<'_>) -> Vec<String> {
    let (w, h) = (image.width, image.height);
    let mut found: Vec<String> = Vec::new();
    for pass in 0..if thorough { 2 } else { 1 } {
        // A threshold and a flood fill: a few units a pixel.
        if !budget.spend((w * h) as u64 * 6) {
            break;
        }
        let bitmap = if pass == 0 {
            binarize::global(image)
        } else {
            binarize::blocks(image)
        };
        for candidate in components(&bitmap, w, h) {
            if let Some(text) = read_box(&bitmap, w, candidate)
                && !found.contains(&text)
            {
                found.push(text);
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    found
}

/// Bounding boxes of groups of 8-connected dark pixels at least 8 pixels
/// each way, largest first.
fn components(bitmap: &[u8], w: usize, h: usize) -> Vec<Box> {
    let mut seen = vec![false; w * h];
    let mut boxes = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if bitmap[start] == 0 || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut b = Box {
            x0: start % w,
            y0: start / w,
            x1: start % w,
            y1: start / w,
        };
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            b.x0 = b.x0.min(x);
            b.x1 = b.x1.max(x);
            b.y0 = b.y0.min(y);
            b.y1 = b.y1.max(y);
            for dy in [-1isize, 0, 1] {
                for dx in [-1isize, 0, 1] {
                    let (nx, ny) = (x as isize + dx, y as isize + dy);
                    if nx < 0 || ny < 0 || nx >= w as isize || ny >= h as isize {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if bitmap[j] != 0 && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        if b.x1 - b.x0 >= 7 && b.y1 - b.y0 >= 7 {
            boxes.push(b);
        }
    }
    boxes.sort_by_key(|b| std::cmp::Reverse((b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1)));
    boxes.truncate(8);
    boxes
}

/// Tries the four quarter turns and every size on one box.
fn read_box(bitmap: &[u8], w: usize, b: Box) -> Option<String> {
    let (bw, bh) = (b.x1 - b.x0 + 1, b.y1 - b.y0 + 1);
    let at = |x: usize, y: usize| bitmap[(b.y0 + y) * w + b.x0 + x] != 0;
    for turn in 0..4u8 {
        // Width and height of the symbol as it stands upright.
        let (sw, sh) = if turn % 2 == 0 { (bw, bh) } else { (bh, bw) };
        // (x, y) of the upright symbol to the box's pixels.
        let upright = |x: usize, y: usize| -> bool {
            match turn {
                0 => at(x, y),
                // Turned a quarter clockwise: the upright left edge is at the top.
                1 => at(bw - 1 - y, x),
                2 => at(bw - 1 - x, bh - 1 - y),
                _ => at(y, bh - 1 - x),
            }
        };
        if !solid_l(&upright, sw, sh) {
            continue;
        }
        let mut best: Option<(f32, usize)> = None;
        for (index, size) in SIZES.iter().enumerate() {
            let (mw, mh) = (sw as f32 / size.cols as f32, sh as f32 / size.rows as f32);
            if mw < MIN_MODULE || mh < MIN_MODULE || mw / mh > 1.6 || mh / mw > 1.6 {
                continue;
            }
            let score = timing_score(&upright, size.rows, size.cols, mw, mh);
            if score > 0.85 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, index));
            }
        }
        // The best timing fit first, then any other that fits well.
        let mut order: Vec<usize> = best.map(|(_, i)| i).into_iter().collect();
        for (index, size) in SIZES.iter().enumerate() {
            let (mw, mh) = (sw as f32 / size.cols as f32, sh as f32 / size.rows as f32);
            if Some(index) != order.first().copied()
                && mw >= MIN_MODULE
                && mh >= MIN_MODULE
                && timing_score(&upright, size.rows, size.cols, mw, mh) > 0.95
            {
                order.push(index);
            }
        }
        for index in order {
            let size = &SIZES[index];
            let (mw, mh) = (sw as f32 / size.cols as f32, sh as f32 / size.rows as f32);
            let sample = |r: usize, c: usize| -> bool {
                module(
                    &upright,
                    sw,
                    sh,
                    (c as f32 + 0.5) * mw,
                    (r as f32 + 0.5) * mh,
                    mw,
                    mh,
                )
            };
            if let Some(text) = decode(size, &sample) {
                return Some(text);
            }
        }
    }
    None
}

/// A module's colour: the majority of up to nine pixels around its centre.
fn module(
    upright: &dyn Fn(usize, usize) -> bool,
    sw: usize,
    sh: usize,
    cx: f32,
    cy: f32,
    mw: f32,
    mh: f32,
) -> bool {
    let mut dark = 0;
    let mut total = 0;
    for dy in [-0.25f32, 0.0, 0.25] {
        for dx in [-0.25f32, 0.0, 0.25] {
            let x = (cx + dx * mw).floor();
            let y = (cy + dy * mh).floor();
            if x < 0.0 || y < 0.0 || x as usize >= sw || y as usize >= sh {
                continue;
            }
            total += 1;
            dark += usize::from(upright(x as usize, y as usize));
        }
    }
    total > 0 && dark * 2 > total
}

/// The left column and bottom row (just inside the box) are mostly dark.
fn solid_l(upright: &dyn Fn(usize, usize) -> bool, sw: usize, sh: usize) -> bool {
    let inset_x = 1.min(sw - 1);
    let inset_y = sh.saturating_sub(2);
    let left = (0..sh).filter(|&y| upright(inset_x, y)).count();
    let bottom = (0..sw).filter(|&x| upright(x, inset_y)).count();
    left * 10 >= sh * 9 && bottom * 10 >= sw * 9
}

/// How well the top row and right column alternate, module by module, as
/// the timing pattern does for `rows` × `cols` (0 to 1).
fn timing_score(
    upright: &dyn Fn(usize, usize) -> bool,
    rows: usize,
    cols: usize,
    mw: f32,
    mh: f32,
) -> f32 {
    let sample = |x: f32, y: f32| upright(x as usize, y as usize);
    let mut good = 0;
    for c in 0..cols {
        good += usize::from(sample((c as f32 + 0.5) * mw, 0.5 * mh) == (c % 2 == 0));
    }
    let right = (cols as f32 - 0.5) * mw;
    for r in 0..rows {
        good += usize::from(sample(right, (r as f32 + 0.5) * mh) == ((rows - 1 - r) % 2 == 0));
    }
    good as f32 / (rows + cols) as f32
}
