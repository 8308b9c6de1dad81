use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use tracecheck_cli::publish::trust_list::{build, read_entries};
use tracecheck_core::issue::IssuerKey;

/// Arguments of `tracecheck trust-list`.
#[derive(clap::Args)]
pub struct Args {
    /// The CSV of issuers, roles and scopes (docs/publishing.md).
    csv: PathBuf,
    /// The root's secret key file (mode 0600); the list is signed with it.
    #[arg(long)]
    root_key: PathBuf,
    /// The URL the list will be served at (its id).
    #[arg(long)]
    id: String,
    /// Attach a status entry: the root's revocation list at this URL…
    #[arg(long, requires = "status_index")]
    status_list: Option<String>,
    /// …and this index in it (withdraw the list by setting that bit:
    /// `tracecheck status-list --set`).
    #[arg(long, requires = "status_list")]
    status_index: Option<u64>,
    /// Signing time (RFC 3339); default now.
    #[arg(long)]
    now: Option<String>,
    #[command(flatten)]
    trust: super::publish::TrustArgs,
}

pub fn run(args: Args) -> super::Outcome {
    let now = super::publish::publication_time(args.now.as_deref())?;
    let key = read_key(&args.root_key)?;
    let bytes = std::fs::read(&args.csv).map_err(|e| format!("{}: {e}", args.csv.display()))?;
    let name = args.csv.file_name().map_or_else(
        || "trust-list.csv".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let entries =
        read_entries(&name, &bytes, tracecheck_cli::publish::VIETNAM, None).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
            format!("{} problem(s):\n{}", errors.len(), lines.join("\n"))
        })?;
    let status = args
        .status_list
        .as_ref()
        .zip(args.status_index)
        .map(|(url, index)| {
            json!({
                "id": format!("{url}#{index}"),
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": index.to_string(),
                "statusListCredential": url,
            })
        });
    let unsigned = build(
        &entries,
        &args.trust.meta(),
        &args.id,
        &key.did(),
        now,
        status,
    );
    super::print_json(&key.sign(&unsigned, now))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a secret key file.
pub fn read_key(path: &std::path::Path) -> Result<IssuerKey, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    IssuerKey::from_secret_multibase(&text)
        .map_err(|e| format!("{}: not a secret key: {e:?}", path.display()))
}

/// Arguments of `tracecheck status-list`.
#[derive(clap::Args)]
pub struct StatusListArgs {
    /// The issuer's secret key file.
    #[arg(long)]
    key: PathBuf,
    /// The URL the list will be served at.
    #[arg(long)]
    id: String,
    /// `revocation`, `suspension` or `message`.
    #[arg(long, default_value = "revocation")]
    purpose: String,
    /// Indices to set (repeat).
    #[arg(long)]
    set: Vec<u64>,
    /// Days the list stays valid.
    #[arg(long, default_value_t = 30)]
    valid_days: i64,
    /// Signing time (RFC 3339); default now.
    #[arg(long)]
    now: Option<String>,
}

/// `tracecheck status-list`: a signed Bitstring Status List with the given bits set.
pub fn status_list(args: StatusListArgs) -> super::Outcome {
    if !matches!(
        args.purpose.as_str(),
        "revocation" | "suspension" | "message"
    ) {
        return Err("--purpose: revocation, suspension or message".into());
    }
    let now = super::publish::publication_time(args.now.as_deref())?;
    let key = read_key(&args.key)?;
    // A message list's value 1 is its first notice (a recall).
    let set: Vec<(u64, u8)> = args.set.iter().map(|i| (*i, 1)).collect();
    if set
        .iter()
        .any(|(i, _)| *i >= tracecheck_cli::publish::state::LIST_ENTRIES)
    {
        return Err("an index is below 131072".into());
    }
    let size = if args.purpose == "message" { 2 } else { 1 };
    let encoded = tracecheck_core::issue::encode_status_list(
        &set,
        size,
        tracecheck_cli::publish::state::LIST_ENTRIES as usize,
    );
    let unsigned = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "id": args.id,
        "issuer": key.did(),
        "validFrom": tracecheck_core::time::format_timestamp(now),
        "validUntil": tracecheck_core::time::format_timestamp(now + time::Duration::days(args.valid_days.max(1))),
        "credentialSubject": {"id": format!("{}#list", args.id), "type": "BitstringStatusList", "statusPurpose": args.purpose, "encodedList": encoded}
    });
    super::print_json(&key.sign(&unsigned, now))?;
    Ok(ExitCode::SUCCESS)
}
