//! The one way this crate verifies: `tracecheck verify` and the
//! verification service (`tracecheck serve`: `GET /verify`, `POST
//! /credentials/verify`) both call [`verify`], so a change to how a
//! verification is set up (trust, policy, deadlines) reaches both. The
//! context itself comes from the core's one loader
//! (`verdict::load_context`), with `--root` and `--trust-list` on top.

use time::OffsetDateTime;
use tracecheck_core::resolve::{Fetch, Request, UrlPolicy, WebUrl, accept};
use tracecheck_core::trust::{TrustList, TrustListError};
use tracecheck_core::verdict::{
    ChecklistItem, Config, Context, FetchLimits, Report, check_trust_list, load_context,
    verify_code, verify_document,
};

use crate::messages::{describe_config_error, describe_fetch_error};

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
    /// Development only: plain http to this machine and requests to private
    /// networks (by default only https to public hosts is fetched).
    pub allow_local_http: bool,
    /// Milliseconds the whole verification may take (default 10 s).
    pub deadline_ms: Option<u32>,
}

impl Settings {
    /// The URL policy these settings verify under.
    pub fn policy(&self) -> UrlPolicy {
        let mut policy = if self.allow_local_http {
            UrlPolicy::default()
        } else {
            UrlPolicy::public()
        };
        if let (true, Some(origin)) = (
            self.allow_local_http,
            self.registry.as_deref().and_then(|r| WebUrl::parse(r).ok()),
        ) {
            // A demo on a LAN (http://192.168.…): named explicitly, in development.
            policy.http_origins.push(origin.origin());
        }
        policy
    }
}

/// What to verify.
pub enum Subject<'a> {
    /// A scanned or typed code.
    Code(&'a str),
    /// A credential's bytes (JSON or a compact JWS).
    Document(&'a [u8]),
}

/// A report as the CLI prints it and the service answers it: the report's
/// members and, beside them, its passport checklist (docs/verdict-json.md).
#[derive(serde::Serialize)]
pub struct Printed<'a> {
    #[serde(flatten)]
    report: &'a Report,
    checklist: Vec<ChecklistItem>,
}

impl<'a> Printed<'a> {
    /// `report` with its checklist.
    pub fn new(report: &'a Report) -> Self {
        Printed {
            report,
            checklist: report.checklist(),
        }
    }
}

/// Verifies `subject` at `now` with `settings`, fetching through `fetcher`.
/// An error is a setup problem (no trust root…), not a verdict.
pub fn verify<F: Fetch>(
    settings: &Settings,
    subject: Subject<'_>,
    now: OffsetDateTime,
    fetcher: &F,
) -> Result<Report, String> {
    let ctx = pollster::block_on(context(settings, now, fetcher))?;
    Ok(match subject {
        Subject::Code(code) => pollster::block_on(verify_code(code, &ctx, fetcher)),
        Subject::Document(bytes) => pollster::block_on(verify_document(bytes, &ctx, fetcher)),
    })
}

/// The verification context: the registry's (through the core's loader),
/// with `root` and `trust_list` taking precedence.
pub async fn context<F: Fetch>(
    settings: &Settings,
    now: OffsetDateTime,
    fetcher: &F,
) -> Result<Context, String> {
    let policy = settings.policy();
    let (mut ctx, config) = match &settings.registry {
        Some(registry) => {
            WebUrl::parse(registry).map_err(|_| format!("not an http(s) URL: {registry}"))?;
            let (ctx, config) = load_context(fetcher, registry, policy.clone(), now).await;
            if settings.root.is_none() || settings.trust_list.is_none() {
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
    if !settings.languages.is_empty() {
        ctx.languages = settings.languages.clone();
    }
    if let Some(deadline_ms) = settings.deadline_ms {
        ctx.limits = FetchLimits {
            deadline_ms,
            ..FetchLimits::DEFAULT
        };
    }
    if settings.root.is_none() && settings.trust_list.is_none() {
        return Ok(ctx);
    }
    let root = settings
        .root
        .clone()
        .or_else(|| config.as_ref().map(|c: &Config| c.root.clone()))
        .ok_or("no trust root: give --root or a --registry whose config.json names one")?;
    let location = match (&settings.trust_list, &settings.registry, &config) {
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
async fn trust_list<F: Fetch>(
    fetcher: &F,
    policy: &UrlPolicy,
    location: &str,
    root: &str,
    now: OffsetDateTime,
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
