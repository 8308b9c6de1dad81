//! Generated barcodes (our own encoder below, from the symbologies' tables)
//! and, in tests/barcodes.rs, photos from ZXing's corpus.

use super::*;
use crate::scan::FRAME_UNITS;

const L: [&str; 10] = [
    "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011",
    "0110111", "0001011",
];

fn g(digit: usize) -> String {
    // G: the R code (L inverted) reversed.
    L[digit]
        .chars()
        .rev()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect()
}

fn r(digit: usize) -> String {
    L[digit]
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect()
}

/// The 95 modules of an EAN-13.
pub(crate) fn ean13_modules_for_tests(code: &str) -> String {
    let d: Vec<usize> = code.bytes().map(|b| usize::from(b - b'0')).collect();
    let parity = [
        0b000000, 0b001011, 0b001101, 0b001110, 0b010011, 0b011001, 0b011100, 0b010101, 0b010110,
        0b011010,
    ][d[0]];
    let mut m = String::from("101");
    for (k, &digit) in d[1..7].iter().enumerate() {
        if parity & (1 << (5 - k)) != 0 {
            m += &g(digit);
        } else {
            m += L[digit];
        }
    }
    m += "01010";
    for &digit in &d[7..13] {
        m += &r(digit);
    }
    m + "101"
}

/// A picture of `modules` at `scale` pixels a module, `height` high, with a
/// 12-module quiet zone, drawn `turned` (rows become columns).
pub(crate) fn render(
    modules: &str,
    scale: usize,
    height: usize,
    turned: bool,
) -> (usize, usize, Vec<u8>) {
    let quiet = 12 * scale;
    let width = modules.len() * scale + 2 * quiet;
    let mut row = vec![255u8; width];
    for (i, c) in modules.chars().enumerate() {
        if c == '1' {
            row[quiet + i * scale..quiet + (i + 1) * scale].fill(20);
        }
    }
    let mut pixels = Vec::with_capacity(width * height);
    for _ in 0..height {
        pixels.extend_from_slice(&row);
    }
    if !turned {
        return (width, height, pixels);
    }
    let mut turned_pixels = vec![0u8; width * height];
    for y in 0..height {
        for x in 0..width {
            turned_pixels[x * height + (height - 1 - y)] = pixels[y * width + x];
        }
    }
    (height, width, turned_pixels)
}

fn read(w: usize, h: usize, pixels: &[u8]) -> Vec<Barcode> {
    scan_linear(
        Luma::new(w, h, pixels),
        Effort::Still,
        &mut Budget::units(u64::MAX),
    )
}

#[test]
fn reads_a_generated_ean13_both_ways_round() {
    let modules = ean13_modules_for_tests("8935001000013");
    for turned in [false, true] {
        let (w, h, px) = render(&modules, 3, 60, turned);
        let found = read(w, h, &px);
        assert_eq!(
            found,
            vec![Barcode {
                format: Format::Ean13,
                text: "8935001000013".into()
            }],
            "turned {turned}"
        );
    }
    // Upside down: the runs come in reverse.
    let reversed: String = modules.chars().rev().collect();
    let (w, h, px) = render(&reversed, 2, 40, false);
    assert_eq!(read(w, h, &px)[0].text, "8935001000013");
}

#[test]
fn the_public_encoder_draws_what_the_test_tables_draw() {
    assert_eq!(
        ean13_modules("8935001000013").as_deref(),
        Some(ean13_modules_for_tests("8935001000013").as_str())
    );
    assert_eq!(ean13_modules("8935001000014"), None, "check digit");
    assert_eq!(ean13_modules("893500100001"), None, "length");
}

#[test]
fn a_leading_zero_is_upc_a() {
    let (w, h, px) = render(&ean13_modules_for_tests("0012345678905"), 2, 40, false);
    let found = read(w, h, &px);
    assert_eq!(found[0].format, Format::UpcA);
    assert_eq!(found[0].text, "012345678905");
    assert_eq!(found[0].scan_data(), "]E00012345678905");
}

#[test]
fn a_wrong_check_digit_reads_nothing() {
    // 8935001000013 with its check digit changed: every digit decodes, the
    // sum does not hold.
    let (w, h, px) = render(&ean13_modules_for_tests("8935001000014"), 3, 60, false);
    assert_eq!(read(w, h, &px), Vec::new());
}

#[test]
fn blank_and_noise_read_nothing() {
    let blank = vec![255u8; 200 * 100];
    assert_eq!(read(200, 100, &blank), Vec::new());
    let mut state = 12345u32;
    let noise: Vec<u8> = (0..200 * 100)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 24) as u8
        })
        .collect();
    assert_eq!(read(200, 100, &noise), Vec::new());
}

#[test]
fn scan_data_for_the_code_parser() {
    let upce = Barcode {
        format: Format::UpcE,
        text: "04252614".into(),
    };
    assert_eq!(upce.scan_data(), "]E00042100005264");
    let ean8 = Barcode {
        format: Format::Ean8,
        text: "96385074".into(),
    };
    assert_eq!(ean8.scan_data(), "]E496385074");
    for name in [
        "qr_code",
        "ean_13",
        "ean_8",
        "upc_a",
        "upc_e",
        "data_matrix",
    ] {
        assert_eq!(
            Format::from_detector_name(name).map(Format::detector_name),
            Some(name)
        );
    }
    assert_eq!(Format::from_detector_name("aztec"), None);
}

#[test]
fn each_linear_read_becomes_a_gtin_only_code() {
    use crate::code::{CodeForm, ReadCode, Symbology, read};
    for (format, text, gtin) in [
        (Format::Ean13, "8935001000013", "08935001000013"),
        (Format::UpcA, "012345678905", "00012345678905"),
        (Format::UpcE, "04252614", "00042100005264"),
        (Format::Ean8, "96385074", "00000096385074"),
    ] {
        let scanned = Barcode {
            format,
            text: text.into(),
        }
        .scan_data();
        let Ok(ReadCode::Gs1(code)) = read(&scanned) else {
            panic!("{scanned} did not read as GS1 data");
        };
        assert_eq!(code.form, CodeForm::PlainGtin, "{scanned}");
        assert_eq!(code.elements.len(), 1, "{scanned}: a GTIN and nothing else");
        assert_eq!(code.elements[0].ai, "01");
        assert_eq!(code.elements[0].value, gtin, "{scanned}");
        let expected = if format == Format::Ean8 {
            Symbology::Ean8
        } else {
            Symbology::Ean13
        };
        assert_eq!(code.symbology, Some(expected), "{scanned}");
    }
}

/// A picture of a Data Matrix at `scale` pixels a module with a 3-module
/// margin, turned by `quarters` quarter turns clockwise.
fn render_matrix(rows: &[Vec<bool>], scale: usize, quarters: u8) -> (usize, usize, Vec<u8>) {
    let margin = 3 * scale;
    let (h, w) = (
        rows.len() * scale + 2 * margin,
        rows[0].len() * scale + 2 * margin,
    );
    let mut px = vec![235u8; w * h];
    for (r, row) in rows.iter().enumerate() {
        for (c, &dark) in row.iter().enumerate() {
            if dark {
                for y in 0..scale {
                    let start = (margin + r * scale + y) * w + margin + c * scale;
                    px[start..start + scale].fill(25);
                }
            }
        }
    }
    let (mut w, mut h) = (w, h);
    for _ in 0..quarters {
        let mut turned = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                turned[x * h + (h - 1 - y)] = px[y * w + x];
            }
        }
        px = turned;
        std::mem::swap(&mut w, &mut h);
    }
    (w, h, px)
}

#[test]
fn a_medicine_datamatrix_reads_as_gtin_lot_expiry_and_serial() {
    use crate::code::{ReadCode, Symbology, read};
    let data = "010893500100001317271231\u{1d}10LOT42\u{1d}21SER123";
    let rows = data_matrix_modules(&format!("]d2{data}")).expect("fits");
    for quarters in 0..4 {
        let (w, h, px) = render_matrix(&rows, 4, quarters);
        let found = super::scan_barcodes(Luma::new(w, h, &px));
        assert_eq!(
            found,
            vec![Barcode {
                format: Format::DataMatrix,
                text: format!("]d2{data}"),
            }],
            "turned {quarters} quarters"
        );
        let Ok(ReadCode::Gs1(code)) = read(&found[0].scan_data()) else {
            panic!("not GS1 data");
        };
        assert_eq!(code.symbology, Some(Symbology::DataMatrix));
        let elements: Vec<(&str, &str)> = code
            .elements
            .iter()
            .map(|e| (e.ai.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            elements,
            [
                ("01", "08935001000013"),
                ("17", "271231"),
                ("10", "LOT42"),
                ("21", "SER123")
            ]
        );
    }
}

#[test]
fn a_damaged_datamatrix_is_corrected_or_not_read_at_all() {
    let rows = data_matrix_modules("]d20108935001000013").expect("fits");
    // Two modules flipped inside the data: Reed-Solomon corrects them.
    let mut damaged = rows.clone();
    damaged[3][4] = !damaged[3][4];
    damaged[7][8] = !damaged[7][8];
    let (w, h, px) = render_matrix(&damaged, 3, 0);
    let found = scan_codes_other_than_qr(
        Luma::new(w, h, &px),
        Effort::Still,
        &mut Budget::units(u64::MAX),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "]d20108935001000013");
    // Half the data region scrambled: nothing, rather than a guess.
    let mut ruined = rows.clone();
    let size = ruined.len();
    for (r, row) in ruined.iter_mut().enumerate().skip(1).take(size / 2) {
        for (c, module) in row.iter_mut().enumerate().skip(1).take(size - 2) {
            *module = (r * 7 + c * 3) % 5 < 2;
        }
    }
    let (w, h, px) = render_matrix(&ruined, 3, 0);
    let found = scan_codes_other_than_qr(
        Luma::new(w, h, &px),
        Effort::Still,
        &mut Budget::units(u64::MAX),
    );
    assert_eq!(found, Vec::new());
}

#[test]
fn a_camera_frame_reads_a_datamatrix_within_its_budget() {
    let rows = data_matrix_modules("]d20108935001000013").expect("fits");
    let (w, h, px) = render_matrix(&rows, 12, 0);
    // A 640×480 frame around it.
    let mut frame = vec![200u8; 640 * 480];
    for y in 0..h.min(480) {
        for x in 0..w.min(640) {
            frame[(100 + y) * 640 + 200 + x] = px[y * w + x];
        }
    }
    let found = scan_codes_other_than_qr(
        Luma::new(640, 480, &frame),
        Effort::Frame,
        &mut Budget::units(FRAME_UNITS),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].format, Format::DataMatrix);
}
