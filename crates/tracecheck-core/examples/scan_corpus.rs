//! Native scanning bench: the still pipeline ([`scan_within`]) on every
//! picture of a corpus folder, timed on the thread's CPU clock; prints
//! reads, wrong texts, median and max milliseconds overall and per
//! category (the first folder of a picture's path, else its name up to the
//! last `-`).
//!
//! ```text
//! cargo run --release -p tracecheck-core --example scan_corpus -- CORPUS
//!     [--units N]     budget in work units (default STILL_UNITS)
//!     [--list]        one line per picture: verdict, ms, units spent, attempt that read
//!     [--slowest K]   the K slowest pictures
//!     [--attempts]    also every attempt of STILL alone on every picture:
//!                     one line each (ms, units charged, read or not), to
//!                     calibrate the work units against the clock
//! ```
//!
//! The corpus holds pictures (png, jpg, jpeg, webp) each beside a same-name
//! `.txt` with the expected text; a `MANIFEST.tsv` (file, expected_file
//! columns), when present, lists them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tracecheck_core::scan::{Budget, Luma, Payload, STILL, STILL_UNITS, rgba_to_luma, scan_within};

#[path = "../benches/common/thread_clock.rs"]
mod thread_clock;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut corpus = None;
    let mut units = STILL_UNITS;
    let mut list = false;
    let mut slowest = 0usize;
    let mut attempts = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--units" => match args.next().and_then(|n| n.replace('_', "").parse().ok()) {
                Some(n) => units = n,
                None => return usage(),
            },
            "--slowest" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => slowest = n,
                None => return usage(),
            },
            "--list" => list = true,
            "--attempts" => attempts = true,
            _ if corpus.is_none() => corpus = Some(PathBuf::from(arg)),
            _ => return usage(),
        }
    }
    let Some(corpus) = corpus else {
        return usage();
    };
    let entries = match list_corpus(&corpus) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("scan_corpus: {}: {e}", corpus.display());
            return ExitCode::from(2);
        }
    };
    let mut all = Tally::default();
    let mut categories: BTreeMap<String, Tally> = BTreeMap::new();
    let mut times: Vec<(f64, String)> = Vec::new();
    for (file, expected) in &entries {
        let want = match std::fs::read(corpus.join(expected)) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("scan_corpus: {expected}: {e}");
                continue;
            }
        };
        let picture = match image::open(corpus.join(file)) {
            Ok(picture) => picture.into_rgba8(),
            Err(e) => {
                eprintln!("scan_corpus: {file}: {e}");
                continue;
            }
        };
        let (width, height) = (picture.width() as usize, picture.height() as usize);
        // As the CLI and the browser do it (BT.601 from RGBA).
        let grey = rgba_to_luma(picture.as_raw());
        let luma = Luma::new(width, height, &grey);
        let mut budget = Budget::units(units);
        let mut last = 0;
        let started = thread_clock::thread_cpu_seconds();
        let found = scan_within(luma, 0, |index| last = index, &mut budget);
        let ms = (thread_clock::thread_cpu_seconds() - started) * 1e3;
        let verdict = if found.iter().any(|p| text(p).as_bytes() == want.as_slice()) {
            Verdict::Read
        } else if found.is_empty() {
            Verdict::Nothing
        } else {
            Verdict::Wrong
        };
        if list {
            println!(
                "{file}\t{width}x{height}\t{}\t{ms:.1} ms\t{} M units\tattempt {}",
                verdict.word(),
                (units - budget.left()) / 1_000_000,
                if found.is_empty() {
                    "-".to_owned()
                } else {
                    last.to_string()
                },
            );
        }
        if verdict == Verdict::Wrong {
            println!("WRONG {file}");
        }
        all.add(verdict, ms);
        categories
            .entry(category(file))
            .or_default()
            .add(verdict, ms);
        times.push((ms, file.clone()));
        if attempts {
            for (index, attempt) in STILL.iter().enumerate() {
                let mut budget = Budget::units(u64::MAX);
                let started = thread_clock::thread_cpu_seconds();
                let found = attempt.run_within(luma, &mut budget);
                let ms = (thread_clock::thread_cpu_seconds() - started) * 1e3;
                let read = found.iter().any(|p| text(p).as_bytes() == want.as_slice());
                println!(
                    "attempt\t{file}\t{width}x{height}\t{index}\t{ms:.3}\t{}\t{}",
                    u64::MAX - budget.left(),
                    if read { "ok" } else { "-" }
                );
            }
        }
    }
    println!(
        "corpus {} ({} pictures), budget {} M units",
        corpus.display(),
        all.ms.len(),
        units / 1_000_000
    );
    println!("| category | read | wrong | median ms | max ms |");
    println!("|---|---|---|---|---|");
    for (name, tally) in &categories {
        println!("{}", tally.row(name));
    }
    println!("{}", all.row("**all**"));
    if slowest > 0 {
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, file) in times.iter().take(slowest) {
            println!("slow: {ms:.1} ms {file}");
        }
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: scan_corpus CORPUS [--units N] [--list] [--slowest K]  (see the example's doc)"
    );
    ExitCode::from(2)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Read,
    Wrong,
    Nothing,
}

impl Verdict {
    fn word(self) -> &'static str {
        match self {
            Verdict::Read => "ok",
            Verdict::Wrong => "WRONG",
            Verdict::Nothing => "-",
        }
    }
}

#[derive(Debug, Default)]
struct Tally {
    read: usize,
    wrong: usize,
    ms: Vec<f64>,
}

impl Tally {
    fn add(&mut self, verdict: Verdict, ms: f64) {
        match verdict {
            Verdict::Read => self.read += 1,
            Verdict::Wrong => self.wrong += 1,
            Verdict::Nothing => {}
        }
        self.ms.push(ms);
    }

    fn row(&self, name: &str) -> String {
        let mut sorted = self.ms.clone();
        sorted.sort_by(f64::total_cmp);
        let median = match sorted.len() {
            0 => 0.0,
            n if n % 2 == 1 => sorted[n / 2],
            n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        };
        let max = sorted.last().copied().unwrap_or(0.0);
        format!(
            "| {name} | {}/{} | {} | {median:.2} | {max:.1} |",
            self.read,
            sorted.len(),
            self.wrong
        )
    }
}

/// A picture's category: its first folder, else its name up to the last
/// `-` (or the whole stem).
fn category(file: &str) -> String {
    let path = Path::new(file);
    let mut parts = path.components();
    if let (Some(first), Some(_)) = (parts.next(), parts.next()) {
        return first.as_os_str().to_string_lossy().into_owned();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.rsplit_once('-') {
        Some((prefix, _)) => prefix.to_owned(),
        None => stem,
    }
}

/// (picture, expected text file) paths relative to `root`.
fn list_corpus(root: &Path) -> std::io::Result<Vec<(String, String)>> {
    let manifest = root.join("MANIFEST.tsv");
    if manifest.exists() {
        let text = std::fs::read_to_string(manifest)?;
        return Ok(text
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut columns = line.split('\t');
                Some((columns.next()?.to_owned(), columns.next()?.to_owned()))
            })
            .collect());
    }
    let mut found = Vec::new();
    walk(root, Path::new(""), &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<(String, String)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(root.join(dir))? {
        let entry = entry?;
        let relative = dir.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            walk(root, &relative, found)?;
            continue;
        }
        let extension = relative
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if !matches!(extension.as_deref(), Some("png" | "jpg" | "jpeg" | "webp")) {
            continue;
        }
        let expected = relative.with_extension("txt");
        if root.join(&expected).exists() {
            found.push((
                relative.to_string_lossy().into_owned(),
                expected.to_string_lossy().into_owned(),
            ));
        }
    }
    Ok(())
}

/// A payload as text: Shift_JIS through encoding_rs (as the CLI does), the
/// rest as the core reads it.
fn text(payload: &Payload) -> String {
    payload.text().unwrap_or_else(|| {
        let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&payload.0);
        text.into_owned()
    })
}
