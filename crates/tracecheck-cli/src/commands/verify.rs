use std::process::ExitCode;

use serde_json::Value;
use tracecheck_cli::fetch::HttpFetcher;
use tracecheck_core::json::{Limits, parse};
use tracecheck_core::resolve::{Fetch, Request, WebUrl, accept};
use tracecheck_core::trust::{TrustListError, load_trust_list};
use tracecheck_core::verdict::{Context, Level, verify_code, verify_document};

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
}

/// Exit status per verdict: 0 only for Verified.
fn exit_code(level: Level) -> ExitCode {
    ExitCode::from(match level {
        Level::Verified => 0,
        Level::Caution => 1,
        Level::Counterfeit => 3,
        Level::NotVerifiable => 4,
    })
}

pub fn run(args: Args) -> super::Outcome {
    if args.code.is_none() && args.credential.is_none() {
        return Err("give a code or --credential FILE".into());
    }
    let fetcher = HttpFetcher::default();
    let now = match &args.at {
        Some(text) => tracecheck_core::time::parse_timestamp(text)
            .ok_or_else(|| format!("not an RFC 3339 time: {text}"))?,
        None => super::now(),
    };
    let config = match &args.registry {
        Some(registry) => Some(fetch_json(&fetcher, &join(registry, "/config.json")?)?),
        None => None,
    };
    let setting = |key: &str| {
        config
            .as_ref()
            .and_then(|c| c.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let root = args
        .root
        .clone()
        .or_else(|| setting("root"))
        .ok_or("no trust root: give --root or a --registry whose config.json names one")?;
    let trust_list_location = match (&args.trust_list, &args.registry, setting("trustList")) {
        (Some(location), _, _) => location.clone(),
        (None, Some(registry), Some(path)) => join(registry, &path)?,
        _ => return Err("no trust list: give --trust-list or --registry".into()),
    };
    let trust = match read_location(&fetcher, &trust_list_location) {
        Ok(bytes) => load_trust_list(&bytes, &root, now),
        Err(_) => Err(TrustListError::Unavailable),
    };

    let mut ctx = Context::new(now, trust);
    ctx.languages = args
        .lang
        .split(',')
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    ctx.default_resolver = args.registry.clone().or_else(|| setting("defaultResolver"));
    if let Some(origin) = ctx
        .default_resolver
        .as_deref()
        .and_then(|r| WebUrl::parse(r).ok())
    {
        ctx.policy.http_origins.push(origin.origin());
    }
    let report = match (&args.code, &args.credential) {
        (Some(code), _) => pollster::block_on(verify_code(code, &ctx, &fetcher)),
        (None, Some(path)) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            pollster::block_on(verify_document(&bytes, &ctx, &fetcher))
        }
        (None, None) => unreachable!("checked above"),
    };
    super::print_json(&report)?;
    Ok(exit_code(report.level))
}

fn join(base: &str, path: &str) -> Result<String, String> {
    let base = WebUrl::parse(base).map_err(|_| format!("not an http(s) URL: {base}"))?;
    base.join(path)
        .map(|u| u.to_string())
        .map_err(|_| format!("bad path: {path}"))
}

/// Reads a file, or fetches an http(s) URL.
fn read_location(fetcher: &HttpFetcher, location: &str) -> Result<Vec<u8>, String> {
    if location.starts_with("http://") || location.starts_with("https://") {
        let request = Request {
            url: location.to_owned(),
            accept: accept::CREDENTIAL,
        };
        let response =
            pollster::block_on(fetcher.fetch(request)).map_err(|e| format!("{location}: {e:?}"))?;
        if response.status != 200 {
            return Err(format!("{location}: HTTP {}", response.status));
        }
        Ok(response.body)
    } else {
        std::fs::read(location).map_err(|e| format!("{location}: {e}"))
    }
}

fn fetch_json(fetcher: &HttpFetcher, url: &str) -> Result<Value, String> {
    let bytes = read_location(fetcher, url)?;
    parse(&bytes, Limits::DEFAULT).map_err(|e| format!("{url}: {e:?}"))
}
