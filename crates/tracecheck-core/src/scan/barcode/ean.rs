//! EAN-13, EAN-8, UPC-A and UPC-E from scanlines (our own reader; why not
//! a crate: docs/scanning.md, "Barcodes").
//!
//! Each scanline (a row or a column of the picture) is cut into bars and
//! spaces at sub-pixel edges (where the grey level crosses a threshold,
//! interpolated between pixels), with two thresholds: the midpoint of the
//! local darkest and lightest levels, and the line's own midpoint. Runs are
//! matched against the symbologies' guard patterns and digit widths, read
//! in both directions, and kept only when the check digit holds; a caller
//! keeps a value only when several scanlines agree on it.

use super::Format;

/// One scanline's read: format and digits as ZXing reports them (EAN-13:
/// 13 digits; UPC-A: 12; EAN-8: 8; UPC-E: 8, number system first).
pub(super) type LineRead = (Format, String);

/// Widths of the L (odd parity) digit codes, space-bar-space-bar, in modules.
pub(super) const L_CODES: [[u8; 4]; 10] = [
    [3, 2, 1, 1],
    [2, 2, 2, 1],
    [2, 1, 2, 2],
    [1, 4, 1, 1],
    [1, 1, 3, 2],
    [1, 2, 3, 1],
    [1, 1, 1, 4],
    [1, 3, 1, 2],
    [1, 2, 1, 3],
    [3, 1, 1, 2],
];

/// For EAN-13, the parity of the six left digits (bit 5 first; set = G)
/// gives the leading digit.
pub(super) const EAN13_FIRST: [u8; 10] = [
    0b000000, 0b001011, 0b001101, 0b001110, 0b010011, 0b011001, 0b011100, 0b010101, 0b010110,
    0b011010,
];

/// For UPC-E with number system 0, the parity of its six digits (set = G)
/// gives the check digit; number system 1 is the complement.
const UPCE_CHECK: [u8; 10] = [
    0b111000, 0b110100, 0b110010, 0b110001, 0b101100, 0b100110, 0b100011, 0b101010, 0b101001,
    0b100101,
];

/// Largest mean mismatch per module for a digit (ZXing uses about 0.48).
const MAX_DIGIT_VARIANCE: f32 = 0.48;
/// Largest mismatch of a single element, in modules.
const MAX_ELEMENT_VARIANCE: f32 = 0.85;

/// Bars and spaces along one scanline, at sub-pixel precision. `dark_first`
/// says whether `widths[0]` is a bar.
#[derive(Debug, Default)]
pub(super) struct Runs {
    pub widths: Vec<f32>,
    pub dark_first: bool,
}

/// Cuts `line` into runs at `threshold[i]` (per pixel). A pixel darker than
/// its threshold is a bar.
pub(super) fn runs(line: &[u8], threshold: &[u8]) -> Runs {
    let mut out = Runs::default();
    let n = line.len().min(threshold.len());
    if n < 2 {
        return out;
    }
    let dark = |i: usize| line[i] < threshold[i];
    out.dark_first = dark(0);
    let mut last_edge = 0.0f32;
    let mut state = dark(0);
    for i in 0..n - 1 {
        let next = dark(i + 1);
        if next != state {
            // Where the level crosses the threshold between i and i+1.
            let (a, b) = (f32::from(line[i]), f32::from(line[i + 1]));
            let t = (f32::from(threshold[i]) + f32::from(threshold[i + 1])) / 2.0;
            let frac = if (b - a).abs() > f32::EPSILON {
                ((t - a) / (b - a)).clamp(0.0, 1.0)
            } else {
                0.5
            };
            let edge = i as f32 + frac;
            out.widths.push((edge - last_edge).max(0.01));
            last_edge = edge;
            state = next;
        }
    }
    out.widths.push((n as f32 - last_edge).max(0.01));
    out
}

/// The local threshold: midpoint of the darkest and lightest level within
/// `radius` pixels, or the line's midpoint where the window is flat.
pub(super) fn local_threshold(line: &[u8], radius: usize) -> Vec<u8> {
    let (lo, hi) = (
        line.iter().copied().min().unwrap_or(0),
        line.iter().copied().max().unwrap_or(0),
    );
    let global = ((u16::from(lo) + u16::from(hi)) / 2) as u8;
    let mins = sliding(line, radius, |a, b| a <= b);
    let maxs = sliding(line, radius, |a, b| a >= b);
    mins.iter()
        .zip(&maxs)
        .map(|(&mn, &mx)| {
            if mx.saturating_sub(mn) < 24 {
                global
            } else {
                ((u16::from(mn) + u16::from(mx)) / 2) as u8
            }
        })
        .collect()
}

/// The line's own midpoint, between its 5th and 95th percentile levels.
pub(super) fn line_threshold(line: &[u8]) -> Vec<u8> {
    let mut histogram = [0usize; 256];
    for &p in line {
        histogram[usize::from(p)] += 1;
    }
    let percentile = |fraction: usize| {
        let target = line.len() * fraction / 100;
        let mut seen = 0;
        for (level, &count) in histogram.iter().enumerate() {
            seen += count;
            if seen > target {
                return level;
            }
        }
        255
    };
    let mid = ((percentile(5) + percentile(95)) / 2) as u8;
    vec![mid; line.len()]
}

/// The line with each pixel's difference from its neighbours doubled
/// (`(4c - l - r) / 2`): thin spaces blurred to grey come back light
/// enough to cross a threshold.
pub(super) fn sharpened(line: &[u8]) -> Vec<u8> {
    (0..line.len())
        .map(|i| {
            let c = i32::from(line[i]);
            let l = i32::from(line[i.saturating_sub(1)]);
            let r = i32::from(*line.get(i + 1).unwrap_or(&line[i]));
            ((4 * c - l - r) / 2).clamp(0, 255) as u8
        })
        .collect()
}

/// Sliding-window extreme (min or max, by `keep`) over ±`radius`, O(n).
fn sliding(line: &[u8], radius: usize, keep: impl Fn(u8, u8) -> bool) -> Vec<u8> {
    let n = line.len();
    let mut out = Vec::with_capacity(n);
    let mut window: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    let mut next = 0;
    for i in 0..n {
        let hi = (i + radius).min(n - 1);
        while next <= hi {
            while window.back().is_some_and(|&j| keep(line[next], line[j])) {
                window.pop_back();
            }
            window.push_back(next);
            next += 1;
        }
        while window.front().is_some_and(|&j| j + radius < i) {
            window.pop_front();
        }
        out.push(window.front().map_or(0, |&j| line[j]));
    }
    out
}

/// Every EAN/UPC read on these runs, forwards and backwards.
pub(super) fn read_runs(runs: &Runs, found: &mut Vec<LineRead>) {
    let forward = &runs.widths;
    read_direction(forward, runs.dark_first, found);
    let backward: Vec<f32> = forward.iter().rev().copied().collect();
    let dark_last = runs.dark_first == (forward.len() % 2 == 1);
    read_direction(&backward, dark_last, found);
}

fn read_direction(widths: &[f32], dark_first: bool, found: &mut Vec<LineRead>) {
    // Bars are at even indices when the line starts dark.
    let first_bar = usize::from(!dark_first);
    let mut i = first_bar;
    while i + 3 <= widths.len() {
        if i > 0 && is_guard(&widths[i..i + 3]) {
            let module = (widths[i] + widths[i + 1] + widths[i + 2]) / 3.0;
            if widths[i - 1] >= 2.5 * module {
                for read in [
                    read_ean13(widths, i),
                    read_ean8(widths, i),
                    read_upce(widths, i),
                ]
                .into_iter()
                .flatten()
                {
                    found.push(read);
                }
            }
        }
        i += 2;
    }
}

/// Bar, space, bar of about one module each.
fn is_guard(w: &[f32]) -> bool {
    let module = w.iter().sum::<f32>() / w.len() as f32;
    w.iter().all(|&x| x > 0.4 * module && x < 1.7 * module)
}

/// Digit value and whether it was a G code, for the four widths `w`
/// (space-bar-space-bar for left digits, whose L or G code this finds;
/// `right` for bar-space-bar-space R codes, which share L's widths).
fn digit(w: &[f32], allow_g: bool) -> Option<(u8, bool)> {
    let total: f32 = w.iter().sum();
    let unit = total / 7.0;
    let mut best: Option<(f32, u8, bool)> = None;
    let mut second = f32::MAX;
    for (value, code) in L_CODES.iter().enumerate() {
        for g in [false, true] {
            if g && !allow_g {
                continue;
            }
            let mut variance = 0.0f32;
            let mut worst = 0.0f32;
            for k in 0..4 {
                let want = f32::from(if g { code[3 - k] } else { code[k] });
                let diff = (w[k] / unit - want).abs();
                variance += diff;
                worst = worst.max(diff);
            }
            if worst > MAX_ELEMENT_VARIANCE {
                continue;
            }
            let variance = variance / 7.0;
            match best {
                Some((b, _, _)) if variance >= b => second = second.min(variance),
                _ => {
                    if let Some((b, _, _)) = best {
                        second = second.min(b);
                    }
                    best = Some((variance, value as u8, g));
                }
            }
        }
    }
    let (variance, value, g) = best?;
    (variance <= MAX_DIGIT_VARIANCE && second - variance > 0.04).then_some((value, g))
}

/// The widths of a run of `count` elements starting at `from` are each
/// about one module (of `module`'s width).
fn plain_guard(widths: &[f32], from: usize, count: usize) -> Option<f32> {
    let w = widths.get(from..from + count)?;
    let module = w.iter().sum::<f32>() / count as f32;
    w.iter()
        .all(|&x| x > 0.35 * module && x < 1.8 * module)
        .then_some(module)
}

/// The quiet zone after the last bar at `end - 1`: a space of at least
/// 2.5 modules, or the end of the line.
fn quiet_after(widths: &[f32], end: usize, module: f32) -> bool {
    widths.get(end).is_none_or(|&w| w >= 2.5 * module)
}

/// Digits from `count` four-element groups starting at `from`; with
/// `allow_g`, the parity bits too (bit set = G, first digit highest).
fn digits(widths: &[f32], from: usize, count: usize, allow_g: bool) -> Option<(Vec<u8>, u8)> {
    let mut out = Vec::with_capacity(count);
    let mut parity = 0u8;
    for k in 0..count {
        let w = widths.get(from + 4 * k..from + 4 * k + 4)?;
        let (value, g) = digit(w, allow_g)?;
        out.push(value);
        parity = (parity << 1) | u8::from(g);
    }
    Some((out, parity))
}

/// Checks a module size across the symbol: each digit spans about 7 of
/// the guard's modules (perspective allows some drift).
fn widths_agree(widths: &[f32], from: usize, count: usize, module: f32) -> bool {
    (0..count).all(|k| {
        let sum: f32 = widths[from + 4 * k..from + 4 * k + 4].iter().sum();
        sum > 7.0 * module * 0.6 && sum < 7.0 * module * 1.6
    })
}

fn read_ean13(w: &[f32], start: usize) -> Option<LineRead> {
    // start guard 3, 6 digits, middle 5, 6 digits, end 3.
    let left = start + 3;
    let middle = left + 24;
    let right = middle + 5;
    let end = right + 24;
    let guard = plain_guard(w, start, 3)?;
    plain_guard(w, middle, 5)?;
    let end_module = plain_guard(w, end, 3)?;
    if !widths_agree(w, left, 6, guard) || !widths_agree(w, right, 6, end_module) {
        return None;
    }
    if !quiet_after(w, end + 3, end_module) {
        return None;
    }
    let (left_digits, parity) = digits(w, left, 6, true)?;
    let (right_digits, _) = digits(w, right, 6, false)?;
    let first = EAN13_FIRST.iter().position(|&p| p == parity)? as u8;
    let mut all = vec![first];
    all.extend(left_digits);
    all.extend(right_digits);
    if !check_digit_holds(&all) {
        return None;
    }
    let text = to_text(&all);
    Some(if first == 0 {
        (Format::UpcA, text[1..].to_owned())
    } else {
        (Format::Ean13, text)
    })
}

fn read_ean8(w: &[f32], start: usize) -> Option<LineRead> {
    let left = start + 3;
    let middle = left + 16;
    let right = middle + 5;
    let end = right + 16;
    let guard = plain_guard(w, start, 3)?;
    plain_guard(w, middle, 5)?;
    let end_module = plain_guard(w, end, 3)?;
    if !widths_agree(w, left, 4, guard) || !widths_agree(w, right, 4, end_module) {
        return None;
    }
    if !quiet_after(w, end + 3, end_module) {
        return None;
    }
    let (mut all, parity) = digits(w, left, 4, true)?;
    if parity != 0 {
        return None;
    }
    all.extend(digits(w, right, 4, false)?.0);
    check_digit_holds(&all).then(|| (Format::Ean8, to_text(&all)))
}

fn read_upce(w: &[f32], start: usize) -> Option<LineRead> {
    let left = start + 3;
    let end = left + 24;
    let guard = plain_guard(w, start, 3)?;
    // The end guard: space, bar, space, bar, space, bar.
    let end_module = plain_guard(w, end, 6)?;
    if !widths_agree(w, left, 6, guard) || !quiet_after(w, end + 6, end_module) {
        return None;
    }
    let (six, parity) = digits(w, left, 6, true)?;
    let (system, check) = if let Some(c) = UPCE_CHECK.iter().position(|&p| p == parity) {
        (0u8, c as u8)
    } else {
        let c = UPCE_CHECK.iter().position(|&p| p == !parity & 0b111111)?;
        (1u8, c as u8)
    };
    let mut upca = upce_to_upca(system, &six);
    upca.push(check);
    if !check_digit_holds(&upca) {
        return None;
    }
    let mut digits = vec![system];
    digits.extend(six);
    digits.push(check);
    Some((Format::UpcE, to_text(&digits)))
}

/// The first 11 digits of the UPC-A a UPC-E stands for.
pub(super) fn upce_to_upca(system: u8, d: &[u8]) -> Vec<u8> {
    let mut out = vec![system, d[0], d[1]];
    match d[5] {
        0..=2 => out.extend([d[5], 0, 0, 0, 0, d[2], d[3], d[4]]),
        3 => out.extend([d[2], 0, 0, 0, 0, 0, d[3], d[4]]),
        4 => out.extend([d[2], d[3], 0, 0, 0, 0, 0, d[4]]),
        _ => out.extend([d[2], d[3], d[4], 0, 0, 0, 0, d[5]]),
    }
    out
}

/// The GS1 check digit (the last digit) of `digits` holds.
pub(super) fn check_digit_holds(digits: &[u8]) -> bool {
    let Some((&check, body)) = digits.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    (10 - sum % 10) % 10 == u32::from(check)
}

fn to_text(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upce_expands_as_gs1_says() {
        // 0 425261 4 → 042100005264 (UPC-E rule for a last digit 1).
        assert_eq!(
            to_text(&upce_to_upca(0, &[4, 2, 5, 2, 6, 1])),
            "04210000526"
        );
        assert_eq!(
            to_text(&upce_to_upca(0, &[1, 2, 3, 4, 5, 9])),
            "01234500009"
        );
        assert!(check_digit_holds(&[0, 4, 2, 1, 0, 0, 0, 0, 5, 2, 6, 4]));
        assert!(!check_digit_holds(&[0, 4, 2, 1, 0, 0, 0, 0, 5, 2, 6, 5]));
    }

    #[test]
    fn sub_pixel_runs() {
        let line = [255, 255, 0, 0, 0, 255, 128, 0, 255];
        let threshold = [128u8; 9];
        let r = runs(&line, &threshold);
        assert!(!r.dark_first);
        assert_eq!(r.widths.len(), 5);
        let total: f32 = r.widths.iter().sum();
        assert!((total - 9.0).abs() < 0.01);
    }
}
