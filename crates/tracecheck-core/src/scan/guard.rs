//! The only place rqrr is called.
//!
//! rqrr 0.11 can panic: `assertion failed: x <= i32::MAX as f64` in
//! `Perspective::map` (zxing-qrcode-6/7.png in the corpus). The trigger,
//! traced with a instrumented copy: a finder pattern of a small, rotated
//! code (modules about 2 px) merges with the data modules next to it, its
//! region gets a folded quadrilateral (corners 40 px off its centre), the
//! alignment estimate lands inside the code, and the perspective built from
//! those four points has its horizon across the grid, so a grid cell maps
//! through a zero denominator to infinity. The same picture enlarged 2×
//! decodes cleanly. The trigger lives in rqrr's own region growing, which
//! nothing outside rqrr can see or fix, so the guard is structural:
//! natively every call is wrapped in `catch_unwind`; in WebAssembly (where
//! panics abort) the caller decodes in a Web Worker, restarts it after a
//! crash and resumes with the next attempt (see [`super::STILL`]).

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Luma, Payload};

/// Reads every QR code rqrr finds in a greyscale image, thresholded by
/// rqrr itself.
pub fn read_greyscale(image: Luma<'_>) -> Vec<Payload> {
    if image.width < MIN_SIDE || image.height < MIN_SIDE {
        return Vec::new();
    }
    shielded(|| {
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
                image.pixels[y * image.width + x]
            });
        decode_grids(prepared.detect_grids())
    })
}

/// Reads every QR code rqrr finds in a black-and-white image (1 = black).
pub fn read_bitmap(width: usize, height: usize, bits: Vec<u8>) -> Vec<Payload> {
    if width < MIN_SIDE || height < MIN_SIDE || bits.len() < width * height {
        return Vec::new();
    }
    shielded(|| {
        let mut prepared = rqrr::PreparedImage::prepare_from_bitmap(width, height, |x, y| {
            bits[y * width + x] != 0
        });
        decode_grids(prepared.detect_grids())
    })
}

/// A version 1 code with its quiet zone is 29 modules: anything smaller
/// cannot hold one.
const MIN_SIDE: usize = 21;

/// Decodes each grid found (rqrr also tries it mirrored); grids that fail
/// error correction are skipped.
fn decode_grids<G: rqrr::BitGrid>(grids: Vec<rqrr::Grid<G>>) -> Vec<Payload> {
    let mut payloads = Vec::new();
    for grid in grids {
        let mut bytes = Vec::new();
        if grid.decode_to(&mut bytes).is_ok() {
            payloads.push(Payload(bytes));
        }
    }
    payloads
}

/// Decodes one grid of modules the locator read (rqrr also tries it
/// mirrored); `None` when error correction fails.
pub fn decode_grid<G: rqrr::BitGrid>(grid: G) -> Option<Payload> {
    let found = shielded(|| decode_grids(vec![rqrr::Grid::new(grid)]));
    found.into_iter().next()
}

/// Runs `read`, turning a panic into "nothing found".
fn shielded(read: impl FnOnce() -> Vec<Payload>) -> Vec<Payload> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_default()
}
