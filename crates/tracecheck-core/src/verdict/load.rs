//! From a deployment to a verification context, one way for the widget and
//! the CLI: its `config.json` names the pinned root, the trust list and the
//! resolver for bare GTINs; the trust list is checked against the root and
//! its own status read (the root withdraws a list by revoking or
//! suspending it).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Context;
use super::fetcher::{FetchLimits, Fetcher};
use super::status_check::read_entry;
use crate::json::{self, Limits};
use crate::resolve::{Fetch, UrlPolicy, WebUrl, accept};
use crate::trust::{ListStatus, TrustList, TrustListError, load_trust_list};

/// A deployment's settings (`/config.json` beside the widget).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// The pinned root `did:key` that signs the trust list.
    pub root: String,
    /// Where the trust list is (relative to the config's URL, or absolute).
    pub trust_list: String,
    /// Resolver for codes that name none (a typed GTIN).
    #[serde(default)]
    pub default_resolver: Option<String>,
}

/// Why a deployment's settings could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConfigError {
    /// `config.json` could not be fetched.
    Unavailable,
    /// It is not JSON with `root` and `trustList` strings.
    Unreadable,
}

impl Config {
    /// Reads `config.json` (strict JSON, then its shape).
    pub fn read(bytes: &[u8]) -> Result<Config, ConfigError> {
        let value = json::parse(bytes, Limits::DEFAULT).map_err(|_| ConfigError::Unreadable)?;
        serde_json::from_value(value).map_err(|_| ConfigError::Unreadable)
    }
}

/// Fetches the trust list at `url`, checks it against `root` and reads its
/// own status.
pub async fn load_trust<F: Fetch>(
    fetch: &F,
    policy: &UrlPolicy,
    url: &str,
    root: &str,
    now: OffsetDateTime,
) -> Result<TrustList, TrustListError> {
    let fetcher = Fetcher::new(fetch, policy, FetchLimits::DEFAULT);
    let fetched = fetcher
        .get(url, accept::CREDENTIAL)
        .await
        .map_err(|_| TrustListError::Unavailable)?;
    check_trust_list(fetch, policy, &fetched.body, root, now).await
}

/// Checks trust-list bytes (fetched, or read from a file) against `root`
/// and reads the list's own status: revoked or suspended, it is not used;
/// unreadable, it is used with its status unknown (verdicts at best
/// Caution).
pub async fn check_trust_list<F: Fetch>(
    fetch: &F,
    policy: &UrlPolicy,
    bytes: &[u8],
    root: &str,
    now: OffsetDateTime,
) -> Result<TrustList, TrustListError> {
    let mut list = load_trust_list(bytes, root, now)?;
    if list.status.is_empty() {
        return Ok(list);
    }
    let fetcher = Fetcher::new(fetch, policy, FetchLimits::DEFAULT);
    let readings = futures_util::future::join_all(
        list.status
            .iter()
            .map(|entry| read_entry(&fetcher, &list.root, entry, now)),
    )
    .await;
    let mut all_read = true;
    for (entry, reading) in list.status.iter().zip(readings) {
        match reading {
            Ok(reading) if reading.status != 0 && entry.purpose == "revocation" => {
                return Err(TrustListError::Revoked);
            }
            Ok(reading) if reading.status != 0 && entry.purpose == "suspension" => {
                return Err(TrustListError::Suspended);
            }
            Ok(_) => {}
            Err(_) => all_read = false,
        }
    }
    // Entries of a type this verifier cannot read leave it unknown.
    list.status_checked = if all_read && list.unsupported_status.is_empty() {
        ListStatus::Clear
    } else {
        ListStatus::Unknown
    };
    Ok(list)
}

/// Loads a deployment at `base` (`https://host`): its `/config.json`, then the trust list it names; the resolver for bare
/// GTINs is the config's, or `base` itself. Failures do not stop
/// verification: they surface in each verdict as "trust list unavailable",
/// which is never Verified.
pub async fn load_context<F: Fetch>(
    fetch: &F,
    base: &str,
    policy: UrlPolicy,
    now: OffsetDateTime,
) -> (Context, Result<Config, ConfigError>) {
    let mut context = Context::new(now, Err(TrustListError::Unavailable));
    context.policy = policy;
    let Ok(base_url) = WebUrl::parse(base) else {
        return (context, Err(ConfigError::Unavailable));
    };
    let config_url = base_url
        .join("/config.json")
        .map(|url| url.to_string())
        .unwrap_or_default();
    let config = {
        let fetcher = Fetcher::new(fetch, &context.policy, FetchLimits::DEFAULT);
        match fetcher.get(&config_url, "application/json").await {
            Ok(fetched) => Config::read(&fetched.body),
            Err(_) => Err(ConfigError::Unavailable),
        }
    };
    let Ok(config) = config else {
        return (context, config);
    };
    context.default_resolver = Some(
        config
            .default_resolver
            .clone()
            .unwrap_or_else(|| base.trim_end_matches('/').to_owned()),
    );
    let trust_url = WebUrl::parse(&config_url)
        .and_then(|url| url.join(&config.trust_list))
        .map(|url| url.to_string());
    context.trust = match trust_url {
        Ok(url) => load_trust(fetch, &context.policy, &url, &config.root, now).await,
        Err(_) => Err(TrustListError::Unavailable),
    };
    (context, Ok(config))
}
