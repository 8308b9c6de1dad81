//! `tracecheck decode`: one JSON line per file, each code with its format.

use std::process::Command;

#[test]
fn decode_names_each_codes_format() {
    let images = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tracecheck-core/tests/images/"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .arg("decode")
        .arg(format!("{images}barcodes/ean13-3-01.png"))
        .arg(format!("{images}barcodes/datamatrix-1-C40.png"))
        .arg(format!("{images}zxing-qrcode-6-7.png"))
        .output()
        .expect("run tracecheck");
    assert_eq!(out.status.code(), Some(0), "every file had a code");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let codes: Vec<(String, String)> = lines
        .iter()
        .map(|line| {
            let code = &line["codes"][0];
            (
                code["format"].as_str().unwrap_or_default().to_owned(),
                code["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("ean_13".to_owned(), "9780764544200".to_owned()),
            ("data_matrix".to_owned(), "Testing C40".to_owned()),
            ("qr_code".to_owned(), "1234567890".to_owned()),
        ]
    );
    // The texts field stays, as before.
    assert_eq!(lines[0]["texts"][0], "9780764544200");
}
