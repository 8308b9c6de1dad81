//! One module per subcommand. Each `run` returns the exit code, or a
//! message for stderr (exit status 2).

pub mod code;
pub mod decode;
pub mod demo;
pub mod jcs;
pub mod keygen;
pub mod keys;
pub mod nginx;
pub mod publish;
pub mod qr;
pub mod serve;
pub mod sign;
pub mod status;
pub mod trust_list;
pub mod verify;

use std::process::ExitCode;

/// What a command returns.
pub type Outcome = Result<ExitCode, String>;

/// Prints `value` as pretty JSON on stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

/// The bytes of `file`, or of stdin when it is absent or `-`.
pub fn read_input(file: Option<&std::path::Path>) -> Result<Vec<u8>, String> {
    match file.filter(|p| p.as_os_str() != "-") {
        Some(path) => std::fs::read(path).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        }
    }
}

/// The system clock (the CLI runs natively, where the clock exists).
#[allow(clippy::disallowed_methods)]
pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// Today's date in Vietnam.
pub fn today() -> time::Date {
    now().to_offset(tracecheck_cli::demo::VIETNAM_OFFSET).date()
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<time::Date, String> {
    tracecheck_core::time::parse_date(text)
        .ok_or_else(|| format!("not a date (YYYY-MM-DD): {text}"))
}
