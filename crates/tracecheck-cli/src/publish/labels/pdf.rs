//! The label sheet as PDF (pdf-writer). Text uses the standard Helvetica
//! faces, which every PDF reader has, so nothing is embedded; they cover
//! Latin-1 only, so Vietnamese diacritics are dropped in the PDF's text
//! ("Nhan long Hung Yen") — the SVG sheet keeps them. The codes, dates and
//! link, which scanners and people copy, are ASCII either way.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Label, LabelError, QUIET_ZONE, Sheet, Symbol, text_lines};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// `Nhãn lồng Hưng Yên` → `Nhan long Hung Yen`; anything else non-ASCII → `?`.
pub fn ascii_fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            '…' => '~',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect()
}

fn mm(value: f64) -> f32 {
    value as f32 * PT_PER_MM
}

/// zlib-compressed, as a FlateDecode stream holds it.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The sheet for `label`: the label drawn once (a form XObject) and
/// placed 21 times.
pub fn pdf(label: &Label) -> Result<Vec<u8>, LabelError> {
    let symbol = Symbol::new(&label.code)?;
    let (catalog, tree, page, regular, bold, contents, info, form) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, mm(Sheet::WIDTH), mm(Sheet::HEIGHT)));
    p.parent(tree);
    p.contents(contents);
    p.resources().x_objects().pair(Name(b"L"), form);
    p.finish();
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(&label.code))
        .producer(TextStr("tracecheck publish"));

    // The label in its own space: mm from its top-left, PDF's y pointing up.
    let (width, height) = Sheet::LABEL;
    let y = |top_mm: f64| mm(height - top_mm);
    let (text_left, lines) = text_lines(label, &symbol);
    let x = symbol.module_mm;
    let qr_left = Sheet::PADDING;
    let qr_top = (height - symbol.side_mm()) / 2.0;
    let mut drawing = Content::new();
    drawing.set_fill_gray(0.0);
    for (row, column, length) in symbol.runs() {
        let module_left = qr_left + (column + QUIET_ZONE) as f64 * x;
        let module_top = qr_top + (row + QUIET_ZONE) as f64 * x;
        drawing.rect(
            mm(module_left),
            y(module_top + x),
            mm(length as f64 * x),
            mm(x),
        );
    }
    drawing.fill_nonzero();
    for (top, size, heavy, line) in &lines {
        drawing.begin_text();
        drawing.set_font(Name(if *heavy { b"F2" } else { b"F1" }), mm(*size));
        drawing.next_line(mm(text_left), y(*top));
        drawing.show(Str(ascii_fold(line).as_bytes()));
        drawing.end_text();
    }
    drawing.set_stroke_gray(0.75);
    drawing.set_line_width(0.3);
    drawing.rect(0.0, 0.0, mm(width), mm(height));
    drawing.stroke();
    let drawing = deflate(&drawing.finish());
    let mut xobject = pdf.form_xobject(form, &drawing);
    xobject.filter(Filter::FlateDecode);
    xobject.bbox(Rect::new(0.0, 0.0, mm(width), mm(height)));
    let mut resources = xobject.resources();
    let mut fonts = resources.fonts();
    fonts.pair(Name(b"F1"), regular);
    fonts.pair(Name(b"F2"), bold);
    fonts.finish();
    resources.finish();
    xobject.finish();

    let mut sheet = Content::new();
    for (left, top) in Sheet::origins() {
        sheet.save_state();
        sheet.transform([
            1.0,
            0.0,
            0.0,
            1.0,
            mm(left),
            mm(Sheet::HEIGHT - top - height),
        ]);
        sheet.x_object(Name(b"L"));
        sheet.restore_state();
    }
    pdf.stream(contents, &sheet.finish());
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_folds_to_ascii() {
        assert_eq!(
            ascii_fold("Nhãn lồng Hưng Yên — Đông Tảo"),
            "Nhan long Hung Yen ? Dong Tao"
        );
    }
}
