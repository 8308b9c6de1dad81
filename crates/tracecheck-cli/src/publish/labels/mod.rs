//! Label sheets to print: an A4 sheet of 21 stickers (3 × 7, 63.5 × 38.1 mm,
//! a common self-adhesive layout) for one batch, each with the batch's
//! Digital Link as a QR code at a printable size and its human-readable
//! text: the product name, the GS1 element string in brackets, the dates
//! and the link itself. The same layout is drawn as SVG and as PDF.

mod pdf;
mod svg;

pub use pdf::pdf;
pub use svg::svg;

use qrcode::{Color, EcLevel, QrCode};

use super::LabelJob;
use super::values::format_date;

/// Module size aimed at: GS1 asks 0.396–0.990 mm for a QR Code on consumer
/// items read by phones and scanners (GS1 General Specifications, as GS1
/// Norway's and others' guides summarise it); 0.5 mm leaves room for
/// printer spread.
pub const TARGET_MODULE_MM: f64 = 0.5;
/// The smallest module the GS1 range allows.
pub const MIN_MODULE_MM: f64 = 0.396;
/// The quiet zone QR Code needs around the symbol, in modules (ISO/IEC 18004).
pub const QUIET_ZONE: usize = 4;

/// The sheet: A4, three columns and seven rows of labels.
pub struct Sheet;

impl Sheet {
    /// Page size, mm.
    pub const WIDTH: f64 = 210.0;
    /// Page height, mm.
    pub const HEIGHT: f64 = 297.0;
    /// Columns and rows.
    pub const COLUMNS: usize = 3;
    /// Rows.
    pub const ROWS: usize = 7;
    /// One label, mm.
    pub const LABEL: (f64, f64) = (63.5, 38.1);
    /// Left and top margins, mm.
    pub const MARGIN: (f64, f64) = (7.2, 15.15);
    /// Distance between label origins, mm.
    pub const PITCH: (f64, f64) = (66.0, 38.1);
    /// Inner padding of a label, mm.
    pub const PADDING: f64 = 1.5;

    /// Top-left corner of every label, mm from the page's top-left.
    pub fn origins() -> impl Iterator<Item = (f64, f64)> {
        (0..Self::ROWS).flat_map(|row| {
            (0..Self::COLUMNS).map(move |column| {
                (
                    Self::MARGIN.0 + column as f64 * Self::PITCH.0,
                    Self::MARGIN.1 + row as f64 * Self::PITCH.1,
                )
            })
        })
    }
}

/// What one label shows.
#[derive(Debug, Clone)]
pub struct Label {
    /// The Digital Link URI in the QR code.
    pub code: String,
    /// The product name.
    pub name: String,
    /// Human-readable GS1 data, one AI a line: `(01) 08935001000013`.
    pub hri: Vec<String>,
    /// `NSX 2026-11-27  HSD 2026-12-11` (production and expiry dates).
    pub dates: Option<String>,
}

/// Why a label could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    /// The link is too long for any QR Code.
    TooLong,
    /// The symbol would need modules smaller than GS1 allows on this label.
    TooDense { modules: usize },
}

impl std::fmt::Display for LabelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabelError::TooLong => write!(f, "the link is too long for a QR code"),
            LabelError::TooDense { modules } => write!(
                f,
                "the QR code needs {modules} modules a side: too dense to print at {MIN_MODULE_MM} mm on a label; use a shorter base URL or lot"
            ),
        }
    }
}

/// The QR symbol laid out for a label.
pub struct Symbol {
    /// Modules a side (without the quiet zone).
    pub modules: usize,
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
    /// Module size, mm.
    pub module_mm: f64,
}

impl Symbol {
    /// Encodes `code` (error correction M, as GS1 recommends for QR Code)
    /// at the target module size, shrunk to fit the label when needed.
    pub fn new(code: &str) -> Result<Symbol, LabelError> {
        let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)
            .map_err(|_| LabelError::TooLong)?;
        let modules = qr.width();
        let room = Sheet::LABEL.1 - 2.0 * Sheet::PADDING;
        let module_mm = TARGET_MODULE_MM.min(room / (modules + 2 * QUIET_ZONE) as f64);
        if module_mm < MIN_MODULE_MM {
            return Err(LabelError::TooDense { modules });
        }
        Ok(Symbol {
            modules,
            dark: qr
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
            module_mm,
        })
    }

    /// Side of the symbol with its quiet zone, mm.
    pub fn side_mm(&self) -> f64 {
        (self.modules + 2 * QUIET_ZONE) as f64 * self.module_mm
    }

    /// Runs of dark modules: `(row, first column, length)`.
    pub fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for row in 0..self.modules {
            let mut column = 0;
            while column < self.modules {
                if self.dark[row * self.modules + column] {
                    let start = column;
                    while column < self.modules && self.dark[row * self.modules + column] {
                        column += 1;
                    }
                    runs.push((row, start, column - start));
                } else {
                    column += 1;
                }
            }
        }
        runs
    }
}

/// The label of a published batch.
pub fn label_for(job: &LabelJob) -> Label {
    let batch = &job.batch;
    let mut hri = vec![format!("(01) {}", batch.gtin)];
    if let Some(lot) = &batch.lot {
        hri.push(format!("(10) {lot}"));
    }
    if let Some(serial) = &batch.serial {
        hri.push(format!("(21) {serial}"));
    }
    let dates: Vec<String> = [("NSX", batch.production_date), ("HSD", batch.expiry_date)]
        .into_iter()
        .filter_map(|(tag, date)| date.map(|d| format!("{tag} {}", format_date(d))))
        .collect();
    Label {
        code: job.code.clone(),
        name: batch
            .name
            .vi
            .clone()
            .or_else(|| batch.name.en.clone())
            .unwrap_or_default(),
        hri,
        dates: (!dates.is_empty()).then(|| dates.join("  ")),
    }
}

/// Breaks `text` into lines of at most `width` characters, at spaces when
/// it can; at most `max_lines`, the last one cut with an ellipsis.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{kept}…");
        }
    }
    lines
}

/// Where the text of a label goes, mm from the label's top-left: the lines
/// with their font size, bold or not.
pub fn text_lines(label: &Label, symbol: &Symbol) -> (f64, Vec<(f64, f64, bool, String)>) {
    let left = Sheet::PADDING + symbol.side_mm() + 0.5;
    let width_mm = Sheet::LABEL.0 - left - Sheet::PADDING;
    // About half an em per character in a sans-serif face.
    let chars = |size: f64| ((width_mm / (size * 0.55)).floor() as usize).max(8);
    let mut y = Sheet::PADDING + 3.0;
    let mut lines = Vec::new();
    for line in wrap(&label.name, chars(2.8), 2) {
        lines.push((y, 2.8, true, line));
        y += 3.4;
    }
    y += 0.6;
    for line in &label.hri {
        lines.push((y, 2.5, false, line.clone()));
        y += 3.0;
    }
    if let Some(dates) = &label.dates {
        for line in wrap(dates, chars(2.2), 2) {
            lines.push((y, 2.2, false, line));
            y += 2.7;
        }
    }
    y += 0.4;
    for line in wrap(&label.code, chars(1.7), 3) {
        lines.push((y, 1.7, false, line));
        y += 2.1;
    }
    (left, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digital_link_prints_within_the_gs1_module_range() {
        let symbol =
            Symbol::new("https://registry.example.vn/01/08935001000013/10/NL2611").expect("fits");
        assert!((MIN_MODULE_MM..=0.99).contains(&symbol.module_mm));
        assert!(symbol.side_mm() <= Sheet::LABEL.1);
        let long = format!("https://registry.example.vn/{}", "x".repeat(600));
        assert!(matches!(
            Symbol::new(&long),
            Err(LabelError::TooDense { .. })
        ));
    }

    #[test]
    fn text_wraps_at_spaces_and_is_cut_when_too_long() {
        assert_eq!(
            wrap("Nhãn lồng Hưng Yên", 10, 2),
            vec!["Nhãn lồng", "Hưng Yên"]
        );
        let cut = wrap("a b c d e f g h", 3, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert_eq!(wrap("https://x.example/01/0893", 10, 3).len(), 3);
    }

    #[test]
    fn a_sheet_holds_21_labels_inside_the_page() {
        let origins: Vec<_> = Sheet::origins().collect();
        assert_eq!(origins.len(), 21);
        for (x, y) in origins {
            assert!(x + Sheet::LABEL.0 <= Sheet::WIDTH && y + Sheet::LABEL.1 <= Sheet::HEIGHT);
        }
    }
}

#[cfg(test)]
mod reading {
    use super::*;
    use tracecheck_core::scan::{Luma, scan};

    #[test]
    fn the_printed_symbol_reads_back_as_the_link() {
        let code = "https://registry.example/01/08935001000013/10/L2612%2FA";
        let symbol = Symbol::new(code).expect("fits");
        let scale = 4;
        let side = (symbol.modules + 2 * QUIET_ZONE) * scale;
        let mut pixels = vec![255u8; side * side];
        for (row, column, length) in symbol.runs() {
            for y in 0..scale {
                for x in 0..length * scale {
                    let (px, py) = (
                        (column + QUIET_ZONE) * scale + x,
                        (row + QUIET_ZONE) * scale + y,
                    );
                    pixels[py * side + px] = 0;
                }
            }
        }
        let found = scan(Luma::new(side, side, &pixels));
        assert_eq!(found.first().and_then(|p| p.text()).as_deref(), Some(code));
    }
}
