//! Reads per set on a barcode corpus folder, natively (the WebAssembly
//! benchmark beside zxing-wasm is scripts/bench-barcodes.sh):
//! `cargo run --release -p tracecheck-core --example barcode_corpus -- DIR [--list] [--no-qr]`
//! (`--no-qr`: barcodes and DataMatrix only, without the QR pipeline after them).

use std::path::{Path, PathBuf};
use std::time::Instant;

use tracecheck_core::scan::{
    Budget, Effort, Luma, STILL_UNITS, rgba_to_luma, scan_barcodes, scan_codes_other_than_qr,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: barcode_corpus DIR [--list]");
        std::process::exit(2);
    };
    let flags: Vec<String> = args.collect();
    let list = flags.iter().any(|a| a == "--list");
    let no_qr = flags.iter().any(|a| a == "--no-qr");
    let mut sets: Vec<PathBuf> = entries(Path::new(&root))
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    let (mut all, mut all_ok, mut all_wrong) = (0, 0, 0);
    println!("| set | read | wrong | median ms | max ms |");
    println!("|---|---|---|---|---|");
    for set in sets {
        let mut files: Vec<PathBuf> = entries(&set)
            .into_iter()
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("png" | "jpg" | "jpeg" | "webp")
                )
            })
            .collect();
        files.sort();
        let (mut ok, mut wrong, mut ms) = (0, 0, Vec::new());
        for file in &files {
            let Ok(want) = std::fs::read_to_string(file.with_extension("txt")) else {
                continue;
            };
            let Ok(image) = image::open(file) else {
                continue;
            };
            let rgba = image.into_rgba8();
            let (w, h) = (rgba.width() as usize, rgba.height() as usize);
            let luma = rgba_to_luma(rgba.as_raw());
            // Native only: this example never runs in WebAssembly.
            #[allow(clippy::disallowed_methods)]
            let started = Instant::now();
            let image = Luma::new(w, h, &luma);
            let found = if no_qr {
                scan_codes_other_than_qr(image, Effort::Still, &mut Budget::units(STILL_UNITS))
            } else {
                scan_barcodes(image)
            };
            ms.push(started.elapsed().as_secs_f64() * 1000.0);
            let verdict = if found.iter().any(|b| b.text == want) {
                ok += 1;
                "ok"
            } else if found.is_empty() {
                "-"
            } else {
                wrong += 1;
                "WRONG"
            };
            if list || verdict == "WRONG" {
                println!(
                    "{} {verdict} {:?}",
                    file.display(),
                    found
                        .iter()
                        .map(|b| (b.format, &b.text))
                        .collect::<Vec<_>>()
                );
            }
        }
        ms.sort_by(f64::total_cmp);
        let name = set
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "| {name} | {ok}/{} | {wrong} | {:.1} | {:.1} |",
            ms.len(),
            ms.get(ms.len() / 2).copied().unwrap_or(0.0),
            ms.last().copied().unwrap_or(0.0)
        );
        all += ms.len();
        all_ok += ok;
        all_wrong += wrong;
    }
    println!("| all | {all_ok}/{all} | {all_wrong} | | |");
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}
