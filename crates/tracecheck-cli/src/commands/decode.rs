use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use tracecheck_core::scan::{
    Attempt, BadAttempt, Budget, Format, Luma, Payload, STILL_UNITS, scan_all_within,
};

/// Arguments of `tracecheck decode`.
#[derive(clap::Args)]
pub struct Args {
    /// PNG, JPEG or WebP files to read codes from (QR, EAN-13, EAN-8,
    /// UPC-A, UPC-E, DataMatrix).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Run only this attempt instead of the pipeline: SIDE,THRESHOLD[,PART…]
    /// (e.g. `0,blocks` or `480,mean8,inv`; every part in the core's
    /// `Attempt` parser).
    #[arg(long, hide = true)]
    attempt: Option<String>,
}

/// One line of output.
#[derive(serde::Serialize)]
struct Line<'a> {
    file: &'a str,
    /// Every code's text found, in the order found (QR first).
    texts: Vec<String>,
    /// The same codes with their formats.
    codes: Vec<Code>,
    /// Milliseconds spent scanning (file reading and image decoding excluded).
    ms: f64,
    /// Why the file could not be read as an image; absent when it could.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// One code read.
#[derive(serde::Serialize)]
struct Code {
    /// `qr_code`, `ean_13`, `ean_8`, `upc_a`, `upc_e` or `data_matrix`
    /// (the browser's `BarcodeDetector` names).
    format: &'static str,
    /// What it holds (EAN/UPC: the digits, as ZXing reports them).
    text: String,
}

/// Prints one JSON line per file; exit 0 when every file had a code, 1 when
/// some had none, 2 when a file could not be read.
pub fn run(args: Args) -> super::Outcome {
    let only = args.attempt.as_deref().map(parse_attempt).transpose()?;
    let mut missed = false;
    let mut unreadable = false;
    for path in &args.files {
        let name = path.to_string_lossy();
        let line = match load_luma(path) {
            Ok((width, height, pixels)) => {
                // Native only: this command never runs in WebAssembly.
                #[allow(clippy::disallowed_methods)]
                let started = Instant::now();
                let image = Luma {
                    width,
                    height,
                    pixels: &pixels,
                };
                let (payloads, others) = match &only {
                    Some(attempt) => (attempt.run(image), Vec::new()),
                    None => scan_all_within(image, 0, |_| (), &mut Budget::units(STILL_UNITS)),
                };
                let codes: Vec<Code> = payloads
                    .iter()
                    .map(|payload| Code {
                        format: Format::Qr.detector_name(),
                        text: text(payload),
                    })
                    .chain(others.into_iter().map(|code| Code {
                        format: code.format.detector_name(),
                        text: code.text,
                    }))
                    .collect();
                let texts: Vec<String> = codes.iter().map(|code| code.text.clone()).collect();
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                missed |= texts.is_empty();
                Line {
                    file: &name,
                    texts,
                    codes,
                    ms: (ms * 1000.0).round() / 1000.0,
                    error: None,
                }
            }
            Err(error) => {
                unreadable = true;
                Line {
                    file: &name,
                    texts: Vec::new(),
                    codes: Vec::new(),
                    ms: 0.0,
                    error: Some(error),
                }
            }
        };
        let text = serde_json::to_string(&line).map_err(|e| e.to_string())?;
        println!("{text}");
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if missed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads an image file as 8-bit greyscale, the way a canvas would give it
/// (RGBA, then the same luma conversion the browser path uses).
fn load_luma(path: &Path) -> Result<(usize, usize, Vec<u8>), String> {
    let image = image::ImageReader::open(path)
        .map_err(|e| e.to_string())?
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .decode()
        .map_err(|e| e.to_string())?
        .into_rgba8();
    let (width, height) = (image.width() as usize, image.height() as usize);
    Ok((
        width,
        height,
        tracecheck_core::scan::rgba_to_luma(image.as_raw()),
    ))
}

/// A payload as text: Shift_JIS through encoding_rs, the rest as the core
/// reads it.
fn text(payload: &Payload) -> String {
    payload.text().unwrap_or_else(|| {
        let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&payload.0);
        text.into_owned()
    })
}

fn parse_attempt(spec: &str) -> Result<Attempt, String> {
    spec.parse().map_err(|_: BadAttempt| {
        format!(
            "--attempt: expected SIDE[n],rows|blocks|global|meanR[bB][,inv|turnD|blurR|sharpRxA|stretch|growR|shrinkR|closeR|openR|padP…], got {spec}"
        )
    })
}
