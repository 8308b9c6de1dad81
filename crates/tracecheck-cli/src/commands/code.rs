use std::process::ExitCode;

use tracecheck_core::code::read;

/// `tracecheck code …`
#[derive(clap::Subcommand)]
pub enum Command {
    /// Print a JSON breakdown of what TEXT is.
    Parse {
        /// A Digital Link URI, `(01)…` string, GTIN, or anything scanned.
        text: String,
    },
}

pub fn run(command: Command) -> super::Outcome {
    match command {
        Command::Parse { text } => match read(&text) {
            Ok(code) => {
                super::print_json(&code)?;
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                super::print_json(&serde_json::json!({"error": error}))?;
                Ok(ExitCode::from(2))
            }
        },
    }
}
