use std::process::ExitCode;

use tracecheck_cli::fetch::HttpFetcher;
use tracecheck_cli::messages::{describe_config_error, describe_fetch_error};
use tracecheck_core::resolve::{Fetch, Request, UrlPolicy, WebUrl, accept};
use tracecheck_core::trust::{TrustList, TrustListError};
use tracecheck_core::verdict::{
    Config, Context, FetchLimits, Level, check_trust_list, load_context, verify_code,
    verify_document,
};

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

/// Exit status per verdict: 0 only when everything the code names is
/// verified (for a code without a lot, that is the product: the JSON level
/// then says `product_verified`).
fn exit_code(level: Level) -> ExitCode {
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
    let mut policy = if args.allow_local_http {
        UrlPolicy::default()
    } else {
        UrlPolicy::public()
    };
    if let (true, Some(origin)) = (
        args.allow_local_http,
        args.registry.as_deref().and_then(|r| WebUrl::parse(r).ok()),
    ) {
        // A demo on a LAN (http://192.168.…): named explicitly, in development.
        policy.http_origins.push(origin.origin());
    }
    let mut ctx = pollster::block_on(context(&args, &fetcher, policy, now))?;
    ctx.languages = args
        .lang
        .split(',')
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    ctx.limits = FetchLimits {
        deadline_ms: args.deadline.saturating_mul(1000),
        ..FetchLimits::DEFAULT
    };
    let report = match (&args.code, &args.credential) {
        (Some(code), _) => pollster::block_on(verify_code(code, &ctx, &fetcher)),
        (None, Some(path)) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            pollster::block_on(verify_document(&bytes, &ctx, &fetcher))
        }
        (None, None) => return Err("give a code or --credential FILE".into()),
    };
    super::print_json(&report)?;
    Ok(exit_code(report.level))
}

/// The verification context: the registry's (through the core's loader),
/// with `--root` and `--trust-list` taking precedence.
async fn context(
    args: &Args,
    fetcher: &HttpFetcher,
    policy: UrlPolicy,
    now: time::OffsetDateTime,
) -> Result<Context, String> {
    let (mut ctx, config) = match &args.registry {
        Some(registry) => {
            WebUrl::parse(registry).map_err(|_| format!("not an http(s) URL: {registry}"))?;
            let (ctx, config) = load_context(fetcher, registry, policy.clone(), now).await;
            if args.root.is_none() || args.trust_list.is_none() {
                config
                    .as_ref()
                    .map_err(|e| format!("{registry}: {}", describe_config_error(e)))?;
            }
            (ctx, config.ok())
        }
        None => {
            let mut ctx = Context::new(now, Err(TrustListError::Unavailable));
            ctx.policy = policy.clone();
            (ctx, None)
        }
    };
    if args.root.is_none() && args.trust_list.is_none() {
        return Ok(ctx);
    }
    let root = args
        .root
        .clone()
        .or_else(|| config.as_ref().map(|c: &Config| c.root.clone()))
        .ok_or("no trust root: give --root or a --registry whose config.json names one")?;
    let location = match (&args.trust_list, &args.registry, &config) {
        (Some(location), _, _) => location.clone(),
        (None, Some(registry), Some(config)) => WebUrl::parse(registry)
            .and_then(|base| base.join(&config.trust_list))
            .map(|url| url.to_string())
            .map_err(|_| format!("bad trust list path: {}", config.trust_list))?,
        _ => return Err("no trust list: give --trust-list or --registry".into()),
    };
    ctx.trust = trust_list(fetcher, &policy, &location, &root, now).await;
    Ok(ctx)
}

/// Reads the trust list from a file or URL and checks it, its own status
/// included.
async fn trust_list(
    fetcher: &HttpFetcher,
    policy: &UrlPolicy,
    location: &str,
    root: &str,
    now: time::OffsetDateTime,
) -> Result<TrustList, TrustListError> {
    let bytes = if location.starts_with("http://") || location.starts_with("https://") {
        policy
            .check(location)
            .map_err(|_| TrustListError::Unavailable)?;
        let response = fetcher
            .fetch(Request::get(location, accept::CREDENTIAL))
            .await
            .map_err(|error| {
                eprintln!("tracecheck: {location}: {}", describe_fetch_error(&error));
                TrustListError::Unavailable
            })?;
        if response.status != 200 {
            eprintln!("tracecheck: {location}: HTTP {}", response.status);
            return Err(TrustListError::Unavailable);
        }
        response.body
    } else {
        std::fs::read(location).map_err(|e| {
            eprintln!("tracecheck: {location}: {e}");
            TrustListError::Unavailable
        })?
    };
    check_trust_list(fetcher, policy, &bytes, root, now).await
}
