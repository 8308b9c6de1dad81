//! Reading QR codes from pixels. Pixels come in as a greyscale buffer, so
//! the core never depends on a browser or image type.
//!
//! rqrr does the finding and decoding; around it, a pipeline of
//! [`Attempt`]s (resize, turn, grey filters, thresholds, inversion, shape
//! changes, border: see docs/scanning.md) reads the photos rqrr
//! alone misses: [`scan`] runs them all on a still image, [`FrameScanner`]
//! spreads them over successive camera frames.

mod attempt;
mod barcode;
mod binarize;
mod budget;
mod filter;
mod frames;
mod grey;
mod guard;
mod locate;
mod morph;
mod payload;
mod pipeline;

pub use attempt::{Attempt, BadAttempt, Prepared, Reader, Resample, Threshold};
pub use barcode::{
    Barcode, Effort, Format, data_matrix_modules, ean13_modules, scan_all_within, scan_barcodes,
    scan_codes_other_than_qr, scan_linear,
};
pub use budget::{Budget, FRAME_UNITS, STILL_UNITS};
pub use filter::Filter;
pub use frames::{CAMERA, FrameScanner};
pub use grey::Grey;
pub use morph::Shape;
pub use payload::{Charset, Payload};
pub use pipeline::{STILL, scan, scan_from, scan_within};

/// A greyscale image: one byte per pixel, row by row.
#[derive(Debug, Clone, Copy)]
pub struct Luma<'a> {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height` bytes.
    pub pixels: &'a [u8],
}

impl<'a> Luma<'a> {
    /// A `width`×`height` picture over `pixels` (`width * height` bytes).
    pub const fn new(width: usize, height: usize, pixels: &'a [u8]) -> Luma<'a> {
        Luma {
            width,
            height,
            pixels,
        }
    }
}

/// Converts RGBA bytes (as a canvas gives them) to greyscale (BT.601 luma).
pub fn rgba_to_luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect()
}

/// Every QR code text the pipeline reads in `image` (Shift_JIS payloads,
/// which need a decoder the caller has, are left out: see [`scan`]).
pub fn decode_qr(image: Luma<'_>) -> Vec<String> {
    scan(image).iter().filter_map(Payload::text).collect()
}
