//! The label sheet as PDF (pdf-writer). Text uses the standard Helvetica
//! faces, which every PDF reader has, so nothing is embedded; they cover
//! Latin-1 only, so Vietnamese diacritics are dropped in the PDF's text
//! ("Nhan long Hung Yen") — the SVG sheet keeps them. The codes, dates and
//! link, which scanners and people copy, are ASCII either way.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
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

/// The sheet for `label`.
pub fn pdf(label: &Label) -> Result<Vec<u8>, LabelError> {
    let symbol = Symbol::new(&label.code)?;
    let (catalog, tree, page, regular, bold, contents, info) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, mm(Sheet::WIDTH), mm(Sheet::HEIGHT)));
    p.parent(tree);
    p.contents(contents);
    let mut resources = p.resources();
    let mut fonts = resources.fonts();
    fonts.pair(Name(b"F1"), regular);
    fonts.pair(Name(b"F2"), bold);
    fonts.finish();
    resources.finish();
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

    // PDF measures from the bottom-left; the layout from the top-left.
    let page_y = |top_mm: f64| mm(Sheet::HEIGHT - top_mm);
    let (text_left, lines) = text_lines(label, &symbol);
    let x = symbol.module_mm;
    let mut content = Content::new();
    for (left, top) in Sheet::origins() {
        let qr_left = left + Sheet::PADDING;
        let qr_top = top + (Sheet::LABEL.1 - symbol.side_mm()) / 2.0;
        content.set_fill_gray(0.0);
        for (row, column, length) in symbol.runs() {
            let module_left = qr_left + (column + QUIET_ZONE) as f64 * x;
            let module_top = qr_top + (row + QUIET_ZONE) as f64 * x;
            content.rect(
                mm(module_left),
                page_y(module_top + x),
                mm(length as f64 * x),
                mm(x),
            );
        }
        content.fill_nonzero();
        for (y, size, heavy, line) in &lines {
            content.begin_text();
            content.set_font(Name(if *heavy { b"F2" } else { b"F1" }), mm(*size));
            content.next_line(mm(left + text_left), page_y(top + y));
            content.show(Str(ascii_fold(line).as_bytes()));
            content.end_text();
        }
        content.set_stroke_gray(0.75);
        content.set_line_width(0.3);
        content.rect(
            mm(left),
            page_y(top + Sheet::LABEL.1),
            mm(Sheet::LABEL.0),
            mm(Sheet::LABEL.1),
        );
        content.stroke();
    }
    pdf.stream(contents, &content.finish());
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
