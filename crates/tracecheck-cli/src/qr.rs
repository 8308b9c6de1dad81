//! QR codes for labels and tests: SVG for printing, and Y4M video that
//! Chromium's fake camera plays (`--use-file-for-fake-video-capture`), so
//! camera scanning is tested end to end. A text written the way a scanner
//! sends a barcode is drawn as that barcode instead: `]E0` + 13 digits as an
//! EAN-13, `]d2…` as a GS1 Data Matrix (the core's encoders).

use std::io::Write;

use qrcode::{Color, QrCode};

/// Rows of modules (true dark) and the quiet zone around them, in modules.
type Modules = (Vec<Vec<bool>>, usize);

/// Modules of a barcode or Data Matrix for `text` (see the module doc);
/// `None` for a text a QR code carries.
fn other_symbol(text: &str) -> Result<Option<Modules>, String> {
    if let Some(digits) = text.strip_prefix("]E0") {
        let modules = tracecheck_core::scan::ean13_modules(digits)
            .ok_or_else(|| format!("not an EAN-13: {digits}"))?;
        let row: Vec<bool> = modules.chars().map(|c| c == '1').collect();
        // Bars 40 modules high: about the shape printed on packs.
        return Ok(Some((vec![row; 40], 10)));
    }
    if text.starts_with("]d2") {
        let rows = tracecheck_core::scan::data_matrix_modules(text)
            .ok_or_else(|| "too long for a Data Matrix here".to_owned())?;
        return Ok(Some((rows, 2)));
    }
    Ok(None)
}

/// SVG of `rows` (true dark) with `quiet` light modules around, `size`
/// pixels wide.
fn modules_svg(rows: &[Vec<bool>], quiet: usize, size: u32) -> String {
    let (h, w) = (
        rows.len() + 2 * quiet,
        rows.first().map_or(0, Vec::len) + 2 * quiet,
    );
    let height = (size as usize * h).div_ceil(w.max(1));
    let mut path = String::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, &dark) in row.iter().enumerate() {
            if dark {
                path.push_str(&format!("M{} {}h1v1h-1z", c + quiet, r + quiet));
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" standalone=\"yes\"?><svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{size}\" height=\"{height}\" viewBox=\"0 0 {w} {h}\" shape-rendering=\"crispEdges\"><path fill=\"#fff\" d=\"M0 0h{w}v{h}H0z\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    )
}

/// An SVG QR code (or barcode, see the module doc) at least `size` pixels wide.
pub fn svg(text: &str, size: u32) -> Result<String, String> {
    if let Some((rows, quiet)) = other_symbol(text)? {
        return Ok(modules_svg(&rows, quiet, size));
    }
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

/// A light-grey frame with the QR code (or barcode; and its quiet zone)
/// centred, about two thirds of the frame's height, as a phone held at a
/// label sees it.
fn render_frame(text: &str, width: usize, height: usize) -> Result<Vec<u8>, String> {
    if let Some((rows, quiet)) = other_symbol(text)? {
        let (h, w) = (
            rows.len() + 2 * quiet,
            rows.first().map_or(0, Vec::len) + 2 * quiet,
        );
        let scale = ((width * 4 / 5) / w).min((height * 2 / 3) / h).max(1);
        let (left, top) = (
            width.saturating_sub(w * scale) / 2,
            height.saturating_sub(h * scale) / 2,
        );
        let mut frame = vec![200u8; width * height];
        for y in 0..(h * scale).min(height) {
            for x in 0..(w * scale).min(width) {
                let (mr, mc) = (
                    (y / scale).checked_sub(quiet),
                    (x / scale).checked_sub(quiet),
                );
                let dark = match (mr, mc) {
                    (Some(r), Some(c)) => rows
                        .get(r)
                        .and_then(|row| row.get(c))
                        .copied()
                        .unwrap_or(false),
                    _ => false,
                };
                frame[(top + y) * width + left + x] = if dark { 20 } else { 245 };
            }
        }
        return Ok(frame);
    }
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

#[cfg(test)]
mod barcode_tests {
    use super::*;
    use tracecheck_core::scan::{Format, Luma, scan_barcodes};

    #[test]
    fn scanner_data_is_drawn_as_its_barcode_and_reads_back() {
        for (text, format) in [
            ("]E08935001000013", Format::Ean13),
            (
                "]d2010893500400001010DPH2610\u{1d}21A000123",
                Format::DataMatrix,
            ),
        ] {
            let frame = render_frame(text, 640, 480).expect("drawn");
            let found = scan_barcodes(Luma::new(640, 480, &frame));
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].format, format);
            assert_eq!(found[0].scan_data(), text);
            assert!(svg(text, 180).expect("svg").contains("<path fill=\"#000\""));
        }
        assert!(svg("]E08935001000014", 180).is_err(), "a wrong check digit");
    }
}
