use std::process::ExitCode;

/// Arguments of `tracecheck qr`.
#[derive(clap::Args)]
pub struct Args {
    /// The text(s) to encode; several make a video that shows each in turn.
    #[arg(required = true)]
    texts: Vec<String>,
    /// Write a 640×480 Y4M camera video (for Chromium's fake camera) here.
    #[arg(long)]
    y4m: Option<std::path::PathBuf>,
    /// Seconds each code stays on screen in the video.
    #[arg(long, default_value_t = 3)]
    seconds_each: usize,
}

pub fn run(args: Args) -> super::Outcome {
    match &args.y4m {
        Some(path) => {
            let file =
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            tracecheck_cli::qr::write_y4m(&mut out, &args.texts, args.seconds_each * 10)?;
        }
        None => {
            for text in &args.texts {
                println!("{}", tracecheck_cli::qr::svg(text, 256)?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
