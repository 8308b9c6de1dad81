//! The deployment's settings (`/config.json` beside the widget) and the
//! verification context built from them: the pinned trust root, the trust
//! list, and the resolver for bare GTINs.

use serde::Deserialize;
use tracecheck_core::resolve::{Fetch, Request, UrlPolicy, WebUrl, accept};
use tracecheck_core::trust::{TrustListError, load_trust_list};
use tracecheck_core::verdict::Context;

use super::clock::now;
use super::fetch::BrowserFetcher;
use super::window;

/// `/config.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// The pinned root did:key that signs the trust list.
    pub root: String,
    /// Where the trust list is (relative to the widget's origin, or absolute).
    pub trust_list: String,
    /// Resolver for codes that name none (a typed GTIN).
    pub default_resolver: Option<String>,
}

/// The widget's own origin (`http://127.0.0.1:8080`).
pub fn origin() -> Option<String> {
    window().ok()?.location().origin().ok()
}

/// Loads the config and the trust list and builds the verification context.
/// Failures do not stop the widget: they surface in each verdict as
/// "trust list unavailable", which is never Verified.
pub async fn load_context(languages: Vec<String>) -> Context {
    let fetcher = BrowserFetcher::default();
    let origin = origin().unwrap_or_default();
    let base = WebUrl::parse(&origin).ok();
    let absolute = |path: &str| {
        base.as_ref()
            .and_then(|b| b.join(path).ok())
            .map(|u| u.to_string())
    };

    let mut context = Context::new(now(), Err(TrustListError::Unavailable));
    context.languages = languages;
    // The widget's own origin may be plain http (a phone on the demo's LAN).
    // A widget served from a public origin never fetches plain http from the
    // shopper's own machine; one served from this machine (development) may.
    let local = base
        .as_ref()
        .is_some_and(|b| matches!(b.host(), "localhost" | "127.0.0.1" | "[::1]"));
    context.policy = if local {
        UrlPolicy::default()
    } else {
        UrlPolicy::public()
    };
    context.policy.http_origins.push(origin.clone());

    let Some(config_url) = absolute("/config.json") else {
        return context;
    };
    let request = Request {
        url: config_url,
        accept: "application/json",
    };
    let config = match fetcher.fetch(request).await {
        Ok(response) if response.status == 200 => {
            serde_json::from_slice::<Config>(&response.body).ok()
        }
        _ => None,
    };
    let Some(config) = config else {
        return context;
    };
    context.default_resolver = config.default_resolver.clone().or(Some(origin));
    let Some(trust_url) = absolute(&config.trust_list) else {
        return context;
    };
    let request = Request {
        url: trust_url,
        accept: accept::CREDENTIAL,
    };
    context.trust = match fetcher.fetch(request).await {
        Ok(response) if response.status == 200 => {
            load_trust_list(&response.body, &config.root, now())
        }
        _ => Err(TrustListError::Unavailable),
    };
    // Offline, the trust list comes from the phone's cache: remember its age.
    let saved_at = fetcher
        .cached
        .all()
        .into_iter()
        .map(|(_, at)| at)
        .reduce(f64::min);
    super::offline::set_trust_list_cached_at(saved_at);
    context
}
