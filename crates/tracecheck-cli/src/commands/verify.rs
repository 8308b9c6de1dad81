use std::process::ExitCode;

use tracecheck_cli::fetch::HttpFetcher;
use tracecheck_cli::verifier::{Settings, Subject, verify};
use tracecheck_core::verdict::Level;

/// Arguments of `tracecheck verify`.
#[derive(clap::Args)]
pub struct Args {
    /// A code: a Digital Link URI, a GTIN, `(01)…(10)…`.
    code: Option<String>,
    /// Verify this credential file instead of a code.
    #[arg(long, conflicts_with = "code")]
    credential: Option<std::path::PathBuf>,
    /// A deployment or resolver URL: its config.json names the trust list and
    /// root, and it resolves codes that name no resolver (bare GTINs).
    #[arg(long)]
    registry: Option<String>,
    /// The trust list (file or URL); default: the registry's.
    #[arg(long)]
    trust_list: Option<String>,
    /// The pinned root did:key; default: the registry's config.json.
    #[arg(long)]
    root: Option<String>,
    /// Judge validity at this time (RFC 3339); default now.
    #[arg(long)]
    at: Option<String>,
    /// Preferred languages, most preferred first.
    #[arg(long, default_value = "vi,en")]
    lang: String,
    /// Seconds the whole verification may take.
    #[arg(long, default_value_t = 10)]
    deadline: u32,
    /// Development only: allow plain http to this machine and requests to
    /// private networks (by default only https to public hosts is fetched,
    /// so a hostile code cannot make this machine probe its own network).
    #[arg(long)]
    allow_local_http: bool,
}

/// Exit status per verdict (docs/verdict-json.md): 0 when everything the
/// code names is verified (for a code without a lot, that is the product:
/// the JSON level then says `product_verified`).
pub fn exit_code(level: Level) -> ExitCode {
    ExitCode::from(match level {
        Level::Verified | Level::ProductVerified => 0,
        Level::Caution => 1,
        Level::Counterfeit => 3,
        Level::NotVerifiable => 4,
        Level::Recalled => 5,
    })
}

pub fn run(args: Args) -> super::Outcome {
    if args.code.is_none() && args.credential.is_none() {
        return Err("give a code or --credential FILE".into());
    }
    let fetcher = HttpFetcher::new(args.allow_local_http);
    let now = match &args.at {
        Some(text) => tracecheck_core::time::parse_timestamp(text)
            .ok_or_else(|| format!("not an RFC 3339 time: {text}"))?,
        None => super::now(),
    };
    let settings = Settings {
        registry: args.registry.clone(),
        trust_list: args.trust_list.clone(),
        root: args.root.clone(),
        languages: args
            .lang
            .split(',')
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        allow_local_http: args.allow_local_http,
        deadline_ms: Some(args.deadline.saturating_mul(1000)),
    };
    let document;
    let subject = match (&args.code, &args.credential) {
        (Some(code), _) => Subject::Code(code),
        (None, Some(path)) => {
            document = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Subject::Document(&document)
        }
        (None, None) => return Err("give a code or --credential FILE".into()),
    };
    let report = verify(&settings, subject, now, &fetcher)?;
    super::print_json(&tracecheck_cli::verifier::Printed::new(&report))?;
    Ok(exit_code(report.level))
}
