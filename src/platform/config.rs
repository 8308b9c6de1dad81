//! The deployment's verification context, through the core's one loader
//! (`verdict::load_context`: `/config.json` → trust list, its own status
//! read → context), with the URL policy this page may fetch under.

use tracecheck_core::resolve::{UrlPolicy, WebUrl};
use tracecheck_core::verdict::{Context, load_context};

use super::clock::now;
use super::fetch::BrowserFetcher;
use super::window;

/// The widget's own origin (`http://127.0.0.1:8080`).
pub fn origin() -> Option<String> {
    window().ok()?.location().origin().ok()
}

/// The URL policy for this page: a widget served from this machine
/// (development) may fetch plain http from it; one on any other origin
/// fetches https from public hosts only, plus its own origin (a demo on a
/// LAN), so a code naming `http://127.0.0.1:…` or an intranet address
/// cannot make a shopper's browser probe their own network.
pub fn policy(origin: &str) -> UrlPolicy {
    let local = WebUrl::parse(origin)
        .is_ok_and(|b| matches!(b.host(), "localhost" | "127.0.0.1" | "[::1]"));
    let mut policy = if local {
        UrlPolicy::default()
    } else {
        UrlPolicy::public()
    };
    policy.http_origins.push(origin.to_owned());
    policy
}

/// Loads the config and the trust list and builds the verification context.
/// Failures do not stop the widget: they surface in each verdict as
/// "trust list unavailable", which is never Verified.
pub async fn load_context_here() -> Context {
    load_context_with(&BrowserFetcher::default()).await
}

/// [`load_context_here`] through `fetcher`.
pub async fn load_context_with(fetcher: &BrowserFetcher) -> Context {
    let origin = origin().unwrap_or_default();
    let (context, _) = load_context(fetcher, &origin, policy(&origin), now()).await;
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
