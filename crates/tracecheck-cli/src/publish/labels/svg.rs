//! The label sheet as SVG, in millimetres (prints at true size).

use std::fmt::Write;

use super::{Label, LabelError, QUIET_ZONE, Sheet, Symbol, text_lines};

/// Text made safe in SVG content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sheet for `label`.
pub fn svg(label: &Label) -> Result<String, LabelError> {
    let symbol = Symbol::new(&label.code)?;
    let x = symbol.module_mm;
    let mut qr = String::new();
    for (row, column, length) in symbol.runs() {
        let _ = write!(
            qr,
            "M{:.3} {:.3}h{:.3}v{:.3}h-{:.3}z",
            (column + QUIET_ZONE) as f64 * x,
            (row + QUIET_ZONE) as f64 * x,
            length as f64 * x,
            x,
            length as f64 * x
        );
    }
    let (text_left, lines) = text_lines(label, &symbol);
    let mut text = String::new();
    for (y, size, bold, line) in &lines {
        let weight = if *bold { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            text,
            "<text x=\"{text_left:.2}\" y=\"{y:.2}\" font-size=\"{size}\"{weight}>{}</text>",
            escape(line)
        );
    }
    let top = (Sheet::LABEL.1 - symbol.side_mm()) / 2.0;
    let symbol_group = format!(
        "<g transform=\"translate({:.2} {top:.2})\"><rect width=\"{side:.3}\" height=\"{side:.3}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{qr}\"/></g>",
        Sheet::PADDING,
        side = symbol.side_mm()
    );
    // One label, drawn once and placed 21 times.
    let label_group = format!(
        "<g id=\"label\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" fill=\"#000\"><rect width=\"{}\" height=\"{}\" rx=\"2\" fill=\"none\" stroke=\"#bbb\" stroke-width=\"0.1\"/>{symbol_group}{text}</g>",
        Sheet::LABEL.0,
        Sheet::LABEL.1
    );
    let mut body = String::new();
    for (left, top) in Sheet::origins() {
        let _ = write!(
            body,
            "<use href=\"#label\" transform=\"translate({left:.2} {top:.2})\"/>"
        );
    }
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">\
<title>{title}</title><defs>{label_group}</defs>{body}</svg>\n",
        w = Sheet::WIDTH,
        h = Sheet::HEIGHT,
        title = escape(&label.code),
    ))
}
