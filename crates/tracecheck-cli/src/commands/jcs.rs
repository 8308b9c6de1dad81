use std::io::Write;
use std::process::ExitCode;
use tracecheck_cli::messages::describe_json_error;

use tracecheck_core::json::{Limits, canonicalize, parse};

/// Arguments of `tracecheck jcs`.
#[derive(clap::Args)]
pub struct Args {
    /// The JSON document; `-` or nothing reads stdin.
    file: Option<std::path::PathBuf>,
}

/// Prints the RFC 8785 canonical form of a JSON document, exactly the bytes
/// a signature covers (no trailing newline). The document goes through the
/// verifier's strict parser first, so what it refuses is refused here too.
pub fn run(args: Args) -> super::Outcome {
    let bytes = super::read_input(args.file.as_deref())?;
    let value = parse(&bytes, Limits::DEFAULT)
        .map_err(|e| format!("not acceptable JSON: {}", describe_json_error(&e)))?;
    let mut out = std::io::stdout().lock();
    out.write_all(&canonicalize(&value))
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
