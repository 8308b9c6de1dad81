//! The only place rqrr is called. rqrr 0.11 can panic on some pictures
//! (an assertion in its perspective code, see [`super::surround`]). A panic
//! in the browser would take the page down, so: the known trigger is
//! removed before rqrr sees the picture; natively every call is also
//! wrapped in `catch_unwind`; in WebAssembly (where panics abort) the
//! caller decodes in a Web Worker it restarts after a crash.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Luma, Payload, surround};

/// Reads every QR code rqrr finds in a greyscale image, thresholded by
/// rqrr itself.
pub fn read_greyscale(image: Luma<'_>) -> Vec<Payload> {
    if image.width < MIN_SIDE || image.height < MIN_SIDE {
        return Vec::new();
    }
    let mut pixels = image.pixels[..image.width * image.height].to_vec();
    let split = surround::mean(&pixels);
    surround::clear(image.width, image.height, &mut pixels, |p| p < split, 255);
    shielded(|| {
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
                pixels[y * image.width + x]
            });
        decode_grids(prepared.detect_grids())
    })
}

/// Reads every QR code rqrr finds in a black-and-white image (1 = black).
pub fn read_bitmap(width: usize, height: usize, mut bits: Vec<u8>) -> Vec<Payload> {
    if width < MIN_SIDE || height < MIN_SIDE || bits.len() < width * height {
        return Vec::new();
    }
    surround::clear(width, height, &mut bits, |b| b != 0, 0);
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

/// Runs `read`, turning a panic into "nothing found".
fn shielded(read: impl FnOnce() -> Vec<Payload>) -> Vec<Payload> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_default()
}
