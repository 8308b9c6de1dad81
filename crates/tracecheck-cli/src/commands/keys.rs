use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use tracecheck_cli::publish::keyring::new_key;

/// `tracecheck keys …`: issuers' keys in a folder, one folder per issuer.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Make an issuer's next key (its first, or a rotation: the new key
    /// signs from the next publish; older ones stay listed until retired).
    New(NewArgs),
    /// Move a key out of use: what it signed is signed again by the newest
    /// key at the next publish, and it leaves DID documents and trust lists.
    Retire(RetireArgs),
    /// List every issuer's keys and DIDs.
    List(ListArgs),
}

/// Arguments of `keys new`.
#[derive(clap::Args)]
pub struct NewArgs {
    /// The keys folder.
    #[arg(long)]
    keys: PathBuf,
    /// The issuer id (as in issuers.csv).
    #[arg(long)]
    issuer: String,
}

/// Arguments of `keys retire`.
#[derive(clap::Args)]
pub struct RetireArgs {
    /// The keys folder.
    #[arg(long)]
    keys: PathBuf,
    /// The issuer id.
    #[arg(long)]
    issuer: String,
    /// The key file's name, e.g. key-0001.key.
    #[arg(long)]
    key: String,
}

/// Arguments of `keys list`.
#[derive(clap::Args)]
pub struct ListArgs {
    /// The keys folder.
    #[arg(long)]
    keys: PathBuf,
}

pub fn run(command: Command) -> super::Outcome {
    match command {
        Command::New(args) => {
            if args.issuer.is_empty()
                || !args
                    .issuer
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-_.".contains(c))
                || args.issuer.starts_with('.')
            {
                return Err("an issuer id is letters, digits, '-', '_' or '.'".into());
            }
            let (path, key) = new_key(&args.keys, &args.issuer)?;
            super::print_json(&json!({"issuer": args.issuer, "file": path, "did": key.did()}))?;
        }
        Command::Retire(args) => {
            let folder = args.keys.join(&args.issuer);
            let from = folder.join(&args.key);
            if args.key.contains('/') || !from.is_file() {
                return Err(format!("{}: no such key", from.display()));
            }
            let retired = folder.join("retired");
            std::fs::create_dir_all(&retired).map_err(|e| format!("{}: {e}", retired.display()))?;
            let to = retired.join(&args.key);
            std::fs::rename(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
            eprintln!("retired {} (kept in {})", args.key, to.display());
        }
        Command::List(args) => {
            let keyring = tracecheck_cli::publish::Keyring::from_dir(&args.keys)?;
            super::print_json(&keyring.describe())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
