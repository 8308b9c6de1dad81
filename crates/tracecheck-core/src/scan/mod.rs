//! Reading QR codes from pixels. Pixels come in as a greyscale buffer, so
//! the core never depends on a browser or image type.

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

/// Converts RGBA bytes (as a canvas gives them) to greyscale (BT.601 luma).
pub fn rgba_to_luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect()
}

/// Every QR code text rqrr can read in `image`.
pub fn decode_qr(image: Luma<'_>) -> Vec<String> {
    if image.width == 0 || image.height == 0 || image.pixels.len() < image.width * image.height {
        return Vec::new();
    }
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
            image.pixels[y * image.width + x]
        });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}
