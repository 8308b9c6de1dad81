//! The one way this crate verifies: `tracecheck verify` and the
//! verification service (`tracecheck serve`: `GET /verify`, `POST
//! /credentials/verify`) both call [`verify`], so a change to how a
//! verification is set up (trust, policy, deadlines) reaches both.

use serde_json::Value;
use time::OffsetDateTime;
use tracecheck_core::json::{Limits, parse};
use tracecheck_core::resolve::{Fetch, Request, WebUrl, accept};
use tracecheck_core::trust::{TrustListError, load_trust_list};
use tracecheck_core::verdict::{Context, Report, verify_code, verify_document};

/// Where trust comes from, and how to judge.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// A deployment or resolver URL: its config.json names the trust list
    /// and root, and it resolves codes that name no resolver.
    pub registry: Option<String>,
    /// The trust list (file or URL); default: the registry's.
    pub trust_list: Option<String>,
    /// The pinned root did:key; default: the registry's config.json.
    pub root: Option<String>,
    /// Preferred languages, most preferred first.
    pub languages: Vec<String>,
}

/// What to verify.
pub enum Subject<'a> {
    /// A scanned or typed code.
    Code(&'a str),
    /// A credential's bytes (JSON or a compact JWS).
    Document(&'a [u8]),
}

/// Verifies `subject` at `now` with `settings`, fetching through `fetcher`.
/// An error is a setup problem (no trust root…), not a verdict.
pub fn verify<F: Fetch>(
    settings: &Settings,
    subject: Subject<'_>,
    now: OffsetDateTime,
    fetcher: &F,
) -> Result<Report, String> {
    let ctx = context(settings, now, fetcher)?;
    Ok(match subject {
        Subject::Code(code) => pollster::block_on(verify_code(code, &ctx, fetcher)),
        Subject::Document(bytes) => pollster::block_on(verify_document(bytes, &ctx, fetcher)),
    })
}

/// The verification context: config.json → trust root and trust list.
pub fn context<F: Fetch>(
    settings: &Settings,
    now: OffsetDateTime,
    fetcher: &F,
) -> Result<Context, String> {
    let config = match &settings.registry {
        Some(registry) => Some(fetch_json(fetcher, &join(registry, "/config.json")?)?),
        None => None,
    };
    let setting = |key: &str| {
        config
            .as_ref()
            .and_then(|c| c.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let root = settings
        .root
        .clone()
        .or_else(|| setting("root"))
        .ok_or("no trust root: give --root or a --registry whose config.json names one")?;
    let trust_list_location = match (
        &settings.trust_list,
        &settings.registry,
        setting("trustList"),
    ) {
        (Some(location), _, _) => location.clone(),
        (None, Some(registry), Some(path)) => join(registry, &path)?,
        _ => return Err("no trust list: give --trust-list or --registry".into()),
    };
    let trust = match read_location(fetcher, &trust_list_location) {
        Ok(bytes) => load_trust_list(&bytes, &root, now),
        Err(_) => Err(TrustListError::Unavailable),
    };
    let mut ctx = Context::new(now, trust);
    if !settings.languages.is_empty() {
        ctx.languages = settings.languages.clone();
    }
    ctx.default_resolver = settings
        .registry
        .clone()
        .or_else(|| setting("defaultResolver"));
    if let Some(origin) = ctx
        .default_resolver
        .as_deref()
        .and_then(|r| WebUrl::parse(r).ok())
    {
        ctx.policy.http_origins.push(origin.origin());
    }
    Ok(ctx)
}

fn join(base: &str, path: &str) -> Result<String, String> {
    let base = WebUrl::parse(base).map_err(|_| format!("not an http(s) URL: {base}"))?;
    base.join(path)
        .map(|u| u.to_string())
        .map_err(|_| format!("bad path: {path}"))
}

/// Reads a file, or fetches an http(s) URL.
fn read_location<F: Fetch>(fetcher: &F, location: &str) -> Result<Vec<u8>, String> {
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

fn fetch_json<F: Fetch>(fetcher: &F, url: &str) -> Result<Value, String> {
    let bytes = read_location(fetcher, url)?;
    parse(&bytes, Limits::DEFAULT).map_err(|e| format!("{url}: {e:?}"))
}
