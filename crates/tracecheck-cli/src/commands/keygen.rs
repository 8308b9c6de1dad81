use std::process::ExitCode;

use serde_json::json;
use tracecheck_core::issue::IssuerKey;

/// Arguments of `tracecheck keygen`.
#[derive(clap::Args)]
pub struct Args {
    /// Write the secret key to this file (created, mode 0600) instead of
    /// printing it, so it stays out of terminal scrollback and CI logs.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> super::Outcome {
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).map_err(|e| format!("no randomness from the OS: {e}"))?;
    let key = IssuerKey::from_seed(seed);
    let mut printed = json!({
        "did": key.did(),
        "verificationMethod": key.method(),
    });
    match &args.out {
        Some(path) => write_secret(path, &key.secret_multibase())
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => printed["secretKeyMultibase"] = key.secret_multibase().into(),
    }
    super::print_json(&printed)?;
    Ok(ExitCode::SUCCESS)
}

fn write_secret(path: &std::path::Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    writeln!(file, "{secret}")
}
