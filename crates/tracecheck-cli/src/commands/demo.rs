use std::process::ExitCode;

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::publish::{Output, Staged};

/// Arguments of `tracecheck demo`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder to write the registry into.
    out_dir: std::path::PathBuf,
    /// Where it will be served (the URLs inside the records).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    base_url: String,
    /// Reference date (YYYY-MM-DD); default today in Vietnam.
    #[arg(long)]
    date: Option<String>,
}

pub fn run(args: Args) -> super::Outcome {
    let today = match &args.date {
        Some(text) => super::parse_date(text)?,
        None => super::today(),
    };
    let registry = build(&DemoOptions {
        base_url: args.base_url,
        today,
    })?;
    // Written as `publish` writes: staged beside the folder, with .gz copies,
    // then swapped in.
    let mut staged = Staged::begin(&args.out_dir, true).map_err(|e| e.to_string())?;
    for (path, bytes) in &registry.files {
        staged.write(path, bytes).map_err(|e| e.to_string())?;
    }
    staged.commit().map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} files to {}",
        registry.files.len(),
        args.out_dir.display()
    );
    for sample in &registry.samples {
        eprintln!(
            "  {:<22} {:<16} {}",
            sample.id,
            sample.expected.code(),
            sample.code
        );
    }
    Ok(ExitCode::SUCCESS)
}
