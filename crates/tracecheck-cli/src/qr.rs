//! QR codes for labels and tests: SVG for printing, and Y4M video that
//! Chromium's fake camera plays (`--use-file-for-fake-video-capture`), so
//! camera scanning is tested end to end.

use std::io::Write;

use qrcode::{Color, QrCode};

/// An SVG QR code at least `size` pixels wide.
pub fn svg(text: &str, size: u32) -> Result<String, String> {
    let code = QrCode::new(text.as_bytes()).map_err(|e| format!("cannot encode: {e}"))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(size, size)
        .quiet_zone(true)
        .build())
}

/// Writes a 640×480 greyscale Y4M video showing each text's QR code for
/// `frames_each` frames at 10 frames per second, in order.
pub fn write_y4m(out: &mut impl Write, texts: &[String], frames_each: usize) -> Result<(), String> {
    const WIDTH: usize = 640;
    const HEIGHT: usize = 480;
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg").map_err(io)?;
    // Chroma planes at 128: no colour.
    let chroma = vec![128u8; WIDTH * HEIGHT / 2];
    for text in texts {
        let luma = render_frame(text, WIDTH, HEIGHT)?;
        for _ in 0..frames_each.max(1) {
            out.write_all(b"FRAME\n").map_err(io)?;
            out.write_all(&luma).map_err(io)?;
            out.write_all(&chroma).map_err(io)?;
        }
    }
    Ok(())
}

/// A light-grey frame with the QR code (and its quiet zone) centred, about
/// two thirds of the frame's height, as a phone held at a label sees it.
fn render_frame(text: &str, width: usize, height: usize) -> Result<Vec<u8>, String> {
    let code = QrCode::new(text.as_bytes()).map_err(|e| format!("cannot encode: {e}"))?;
    let modules = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let scale = (height * 2 / 3) / (modules + 2 * quiet);
    let side = (modules + 2 * quiet) * scale;
    let (left, top) = ((width - side) / 2, (height - side) / 2);
    let mut frame = vec![200u8; width * height];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / scale) as isize - quiet as isize,
                (y / scale) as isize - quiet as isize,
            );
            let dark = mx >= 0
                && my >= 0
                && (mx as usize) < modules
                && (my as usize) < modules
                && colors[my as usize * modules + mx as usize] == Color::Dark;
            frame[(top + y) * width + left + x] = if dark { 20 } else { 245 };
        }
    }
    Ok(frame)
}
