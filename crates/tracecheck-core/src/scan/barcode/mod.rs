//! Linear barcodes (EAN-13, EAN-8, UPC-A, UPC-E) and GS1 DataMatrix beside
//! the QR pipeline: every read carries its [`Format`], and only
//! checksum-verified reads come back (a check digit, several scanlines
//! agreeing; for DataMatrix, Reed-Solomon).

mod datamatrix;
mod dm_decode;
mod ean;

use super::budget::{Budget, FRAME_UNITS, STILL_UNITS};
use super::{Luma, Payload};

/// The symbology a code was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// QR Code (rqrr and the QR pipeline).
    Qr,
    /// EAN-13 (a leading 0 reads as UPC-A, as ZXing reports it).
    Ean13,
    /// EAN-8.
    Ean8,
    /// UPC-A (12 digits).
    UpcA,
    /// UPC-E (8 digits: number system, six digits, check digit).
    UpcE,
    /// Data Matrix ECC 200.
    DataMatrix,
}

impl Format {
    /// The name the browser's `BarcodeDetector` uses for it.
    pub fn detector_name(self) -> &'static str {
        match self {
            Format::Qr => "qr_code",
            Format::Ean13 => "ean_13",
            Format::Ean8 => "ean_8",
            Format::UpcA => "upc_a",
            Format::UpcE => "upc_e",
            Format::DataMatrix => "data_matrix",
        }
    }

    /// The format a `BarcodeDetector` name stands for.
    pub fn from_detector_name(name: &str) -> Option<Format> {
        Some(match name {
            "qr_code" => Format::Qr,
            "ean_13" => Format::Ean13,
            "ean_8" => Format::Ean8,
            "upc_a" => Format::UpcA,
            "upc_e" => Format::UpcE,
            "data_matrix" => Format::DataMatrix,
            _ => return None,
        })
    }

    /// Every format, QR first.
    pub const ALL: [Format; 6] = [
        Format::Qr,
        Format::Ean13,
        Format::Ean8,
        Format::UpcA,
        Format::UpcE,
        Format::DataMatrix,
    ];
}

/// A barcode read: its format and its text as ZXing reports it (EAN/UPC:
/// the digits; DataMatrix: the decoded text, GS1 data as `]d2` + element
/// string with GS separators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Barcode {
    /// Which symbology.
    pub format: Format,
    /// What it holds.
    pub text: String,
}

impl Barcode {
    /// The text as a scanner with symbology identifiers sends it, for
    /// [`crate::code::read`]: EAN-13 and UPC-A as `]E0` + 13 digits, UPC-E
    /// expanded to its UPC-A, EAN-8 as `]E4`; DataMatrix text unchanged
    /// (GS1 data already starts `]d2`).
    pub fn scan_data(&self) -> String {
        match self.format {
            Format::Ean13 => format!("]E0{}", self.text),
            Format::UpcA => format!("]E00{}", self.text),
            Format::Ean8 => format!("]E4{}", self.text),
            Format::UpcE => match upce_as_upca(&self.text) {
                Some(upca) => format!("]E00{upca}"),
                None => self.text.clone(),
            },
            Format::Qr | Format::DataMatrix => self.text.clone(),
        }
    }
}

/// The 12-digit UPC-A a UPC-E's 8 digits stand for.
fn upce_as_upca(text: &str) -> Option<String> {
    let digits: Vec<u8> = text.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 8 || digits.iter().any(|&d| d > 9) || digits[0] > 1 {
        return None;
    }
    let mut upca = ean::upce_to_upca(digits[0], &digits[1..7]);
    upca.push(digits[7]);
    Some(upca.iter().map(|&d| char::from(b'0' + d)).collect())
}

/// The 95 modules (`'1'` a bar) of the EAN-13 for 13 digits whose check
/// digit holds: what the demo sheet and the fake camera's video draw.
pub fn ean13_modules(digits: &str) -> Option<String> {
    let d: Vec<u8> = digits.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if d.len() != 13 || d.iter().any(|&v| v > 9) || !ean::check_digit_holds(&d) {
        return None;
    }
    let l = |digit: u8| -> String {
        ean::L_CODES[usize::from(digit)]
            .iter()
            .enumerate()
            .map(|(k, &w)| if k % 2 == 0 { "0" } else { "1" }.repeat(usize::from(w)))
            .collect()
    };
    let invert = |m: String| -> String {
        m.chars()
            .map(|c| if c == '0' { '1' } else { '0' })
            .collect()
    };
    let parity = ean::EAN13_FIRST[usize::from(d[0])];
    let mut out = String::from("101");
    for (k, &digit) in d[1..7].iter().enumerate() {
        if parity & (1 << (5 - k)) != 0 {
            out += &invert(l(digit)).chars().rev().collect::<String>();
        } else {
            out += &l(digit);
        }
    }
    out += "01010";
    for &digit in &d[7..13] {
        out += &invert(l(digit));
    }
    Some(out + "101")
}

/// The modules (`rows[r][c]`, true for dark) of a Data Matrix holding
/// `text`, in ASCII mode, the smallest square size it fits: GS1 data when
/// `text` starts `]d2` (FNC1 first, GS for each later FNC1), as
/// [`Barcode::text`] gives it back. For the demo sheet, the fake camera's
/// video and the tests.
pub fn data_matrix_modules(text: &str) -> Option<Vec<Vec<bool>>> {
    match text.strip_prefix("]d2") {
        Some(data) => dm_decode::encode_symbol(data, true),
        None => dm_decode::encode_symbol(text, false),
    }
}

/// How hard to look: a still picture gets many scanlines, a camera frame
/// a few.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// A photo or file.
    Still,
    /// One camera frame.
    Frame,
}

/// Scanlines each way (rows, then columns).
const fn lines(effort: Effort) -> usize {
    match effort {
        Effort::Still => 48,
        Effort::Frame => 12,
    }
}

/// Slopes of the scanlines (rise over run, across the line's direction):
/// straight, and about 10° and 20° either way for a tilted pack (tried
/// in turn until some pass agree).
const SLOPES_STILL: [f32; 5] = [0.0, 0.18, -0.18, 0.36, -0.36];
const SLOPES_FRAME: [f32; 1] = [0.0];

/// Every EAN/UPC code read in `image` on at least two scanline passes,
/// most agreed first.
pub fn scan_linear(image: Luma<'_>, effort: Effort, budget: &mut Budget<'_>) -> Vec<Barcode> {
    let (w, h) = (image.width, image.height);
    if w < 8 || h < 8 || image.pixels.len() < w * h {
        return Vec::new();
    }
    let n = lines(effort);
    let slopes: &[f32] = match effort {
        Effort::Still => &SLOPES_STILL,
        Effort::Frame => &SLOPES_FRAME,
    };
    let mut found: Vec<ean::LineRead> = Vec::new();
    let mut line = Vec::new();
    'all: for &slope in slopes {
        for vertical in [false, true] {
            let (length, across) = if vertical { (h, w) } else { (w, h) };
            for k in 0..n {
                // Two thresholds on the line and on it sharpened.
                if !budget.spend(length as u64 * 80) {
                    break 'all;
                }
                let at = (across * (2 * k + 1)) as f32 / (2 * n) as f32;
                sample_line(image, vertical, at, slope, &mut line);
                if line.len() < 30 {
                    continue;
                }
                let radius = (line.len() / 10).max(12);
                let sharp = ean::sharpened(&line);
                for pixels in [&line, &sharp] {
                    for threshold in [
                        ean::local_threshold(pixels, radius),
                        ean::line_threshold(pixels),
                    ] {
                        let runs = ean::runs(pixels, &threshold);
                        ean::read_runs(&runs, &mut found);
                    }
                }
            }
        }
        // Tilted lines only when the straight ones agreed on nothing.
        if found.len() >= 2 && !vote(found.clone()).is_empty() {
            break;
        }
    }
    vote(found)
}

/// The grey levels along one scanline into `line`: a row (or column, when
/// `vertical`) through `at` at the picture's centre, tilted by `slope`,
/// interpolated between the two nearest rows (columns); only the part
/// inside the picture.
fn sample_line(image: Luma<'_>, vertical: bool, at: f32, slope: f32, line: &mut Vec<u8>) {
    line.clear();
    let (w, h) = (image.width, image.height);
    let (length, across) = if vertical { (h, w) } else { (w, h) };
    let middle = length as f32 / 2.0;
    for t in 0..length {
        let cross = at + slope * (t as f32 - middle);
        if cross < 0.0 || cross > (across - 1) as f32 {
            continue;
        }
        let low = cross.floor() as usize;
        let high = (low + 1).min(across - 1);
        let frac = cross - low as f32;
        let pixel = |c: usize| -> f32 {
            let i = if vertical { t * w + c } else { c * w + t };
            f32::from(image.pixels[i])
        };
        let value = pixel(low) * (1.0 - frac) + pixel(high) * frac;
        line.push(value.round().clamp(0.0, 255.0) as u8);
    }
}

/// Keeps the values read on at least two scanline passes, most first.
fn vote(found: Vec<ean::LineRead>) -> Vec<Barcode> {
    let mut counts: Vec<(ean::LineRead, usize)> = Vec::new();
    for read in found {
        match counts.iter_mut().find(|(r, _)| *r == read) {
            Some((_, n)) => *n += 1,
            None => counts.push((read, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|((format, text), _)| Barcode { format, text })
        .collect()
}

/// Work the QR pipeline may still do on a picture where a barcode was
/// read: its first attempts, for a pack that carries a QR code beside its
/// barcode.
const QR_AFTER_BARCODE_UNITS: u64 = 20_000_000;

/// Every code in a still picture: barcodes and DataMatrix first (a few
/// milliseconds), then the QR pipeline ([`super::scan`]) within what is
/// left of [`STILL_UNITS`]. QR codes come first in the result; a QR code
/// in Shift_JIS (no text without a decoder: [`Payload::text`]) is left
/// out, see [`scan_all_within`].
pub fn scan_barcodes(image: Luma<'_>) -> Vec<Barcode> {
    let (qr, others) = scan_all_within(image, 0, |_| (), &mut Budget::units(STILL_UNITS));
    qr.iter()
        .filter_map(|payload| {
            Some(Barcode {
                format: Format::Qr,
                text: payload.text()?,
            })
        })
        .chain(others)
        .collect()
}

/// The one pipeline for a still picture, within `budget`: barcodes and
/// DataMatrix (when `first` is 0), then the QR attempts from `first`
/// ([`super::scan_within`], `before` told each attempt's index). A picture
/// where a barcode was read gets only the QR pipeline's first attempts
/// (a pack may carry both). Returns QR payloads as bytes, and the rest.
pub fn scan_all_within(
    image: Luma<'_>,
    first: usize,
    before: impl FnMut(usize),
    budget: &mut Budget<'_>,
) -> (Vec<Payload>, Vec<Barcode>) {
    let others = if first == 0 {
        scan_codes_other_than_qr(image, Effort::Still, budget)
    } else {
        Vec::new()
    };
    let qr = if others.is_empty() {
        super::scan_within(image, first, before, budget)
    } else {
        let units = budget.left().min(QR_AFTER_BARCODE_UNITS);
        super::scan_within(image, first, before, &mut Budget::units(units))
    };
    (qr, others)
}

/// The barcodes and DataMatrix symbols in `image` (no QR).
pub fn scan_codes_other_than_qr(
    image: Luma<'_>,
    effort: Effort,
    budget: &mut Budget<'_>,
) -> Vec<Barcode> {
    let mut found = scan_linear(image, effort, budget);
    if effort == Effort::Still || found.is_empty() {
        // A camera frame's Data Matrix look gets its own frame budget: the
        // scanlines may have used up the one given.
        let mut own = Budget::units(FRAME_UNITS);
        let budget = match effort {
            Effort::Still => budget,
            Effort::Frame => &mut own,
        };
        found.extend(
            datamatrix::scan(image, effort == Effort::Still, budget)
                .into_iter()
                .map(|text| Barcode {
                    format: Format::DataMatrix,
                    text,
                }),
        );
    }
    found
}

#[cfg(test)]
mod tests;
