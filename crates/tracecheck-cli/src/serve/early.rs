//! Early requests: the data a page's first verification will fetch, named in
//! the page itself so that `assets/boot.js` asks for all of it at once while
//! the WebAssembly downloads (docs/performance.md, "Early requests").
//!
//! Without this, each level of the chain — config, trust list, its status,
//! linkset, passport, certificates, their status lists — waits for the
//! level before it, and that only once the WebAssembly runs: on a slow
//! network, one round trip per level after the download. The list comes
//! from running the widget's own verification here, against this server's
//! own answers, and writing down what it asked for: the same core code
//! makes the same requests in the browser, so each early answer is one the
//! widget would have fetched anyway. Only this server's own paths are
//! named (an answer of another host is never fetched early), and the
//! widget checks early answers exactly as fetched ones.

use std::cell::RefCell;

use tracecheck_core::resolve::{Fetch, FetchError, Request, Response, UrlPolicy, WebUrl};
use tracecheck_core::verdict::{load_context, verify_code};

use super::{Site, route};

/// Most requests named (a verification makes at most 24: `FetchLimits`).
const MAX_EARLY: usize = 24;

/// One request the page's first verification will make: a path on this
/// server and the `Accept` it is made with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyRequest {
    /// Path and query, from `/`.
    pub path: String,
    /// The request's `Accept` header.
    pub accept: &'static str,
}

/// The requests a page verifying `code` (none: a page that only loads the
/// verification context, as `/` and `/kiosk` do) will make to this server.
pub fn early_requests(site: &Site, code: Option<&str>) -> Vec<EarlyRequest> {
    let recorder = Recorder {
        site,
        origin: site_origin(site),
        seen: RefCell::new(Vec::new()),
    };
    let Some(origin) = recorder.origin.clone() else {
        return Vec::new();
    };
    // Natively the clock exists (the wasm rule in clippy.toml is for the core).
    #[allow(clippy::disallowed_methods)]
    let now = time::OffsetDateTime::now_utc();
    let policy = policy_for(&origin);
    pollster::block_on(async {
        let (context, _) = load_context(&recorder, &origin, policy, now).await;
        if let Some(code) = code.filter(|c| !c.trim().is_empty()) {
            let _ = verify_code(code, &context, &recorder).await;
        }
    });
    recorder.seen.into_inner()
}

/// The page's `<script type="application/json" id="tracecheck-early">`:
/// a JSON array of `[path, accept]` pairs, or nothing when there are none.
/// A data block is never run, so the page's CSP (no inline script) allows it.
pub fn early_block(requests: &[EarlyRequest]) -> String {
    if requests.is_empty() {
        return String::new();
    }
    let pairs: Vec<[&str; 2]> = requests
        .iter()
        .map(|r| [r.path.as_str(), r.accept])
        .collect();
    let json = serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".into());
    // `</script>` or `<!--` inside a path must not end the block.
    let json = json.replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"tracecheck-early\">{json}</script>")
}

/// `page` with `data` (the early block, the demo hint) just before its boot
/// `<script data-tracecheck-js=…>`, which reads the early block the moment
/// the parser reaches it (assets/boot.js is a classic script); before
/// `</head>` in a page without one.
pub fn before_boot_script(page: &str, data: &str) -> String {
    let boot = page
        .find("data-tracecheck-js=")
        .and_then(|attribute| page[..attribute].rfind("<script"));
    let at = boot.or_else(|| page.find("</head>"));
    match at {
        Some(at) => format!("{}{data}{}", &page[..at], &page[at..]),
        None => format!("{data}{page}"),
    }
}

/// The origin the widget will run on (this server's public URL).
fn site_origin(site: &Site) -> Option<String> {
    WebUrl::parse(&site.public_url).ok().map(|url| url.origin())
}

/// The policy the widget verifies under on `origin` (src/platform/config.rs):
/// plain http to this machine when it is served from it, else https to
/// public hosts; its own origin in both cases.
fn policy_for(origin: &str) -> UrlPolicy {
    let local = WebUrl::parse(origin)
        .is_ok_and(|url| matches!(url.host(), "localhost" | "127.0.0.1" | "[::1]"));
    let mut policy = if local {
        UrlPolicy::default()
    } else {
        UrlPolicy::public()
    };
    policy.http_origins.push(origin.to_owned());
    policy
}

/// A fetcher that answers from this server's own routes and writes down
/// every request it was asked; a URL on another host is refused (and so
/// never named early).
struct Recorder<'a> {
    site: &'a Site,
    origin: Option<String>,
    seen: RefCell<Vec<EarlyRequest>>,
}

impl Fetch for Recorder<'_> {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let refused = || FetchError::Refused {
            url: request.url.clone(),
        };
        let origin = self.origin.as_deref().ok_or_else(refused)?;
        let path = request
            .url
            .strip_prefix(origin)
            .filter(|path| path.starts_with('/'))
            .ok_or_else(refused)?;
        {
            let mut seen = self.seen.borrow_mut();
            let early = EarlyRequest {
                path: path.to_owned(),
                accept: request.accept,
            };
            if seen.len() < MAX_EARLY && !seen.contains(&early) {
                seen.push(early);
            }
        }
        let answer = route(self.site, path, request.accept);
        Ok(Response {
            url: request.url.clone(),
            status: answer.status,
            content_type: answer.header("Content-Type").map(str::to_owned),
            location: None,
            body: answer.body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_cannot_end_early() {
        let block = early_block(&[EarlyRequest {
            path: "/x</script><script>alert(1)</script>".into(),
            accept: "application/json",
        }]);
        assert_eq!(block.matches("</script>").count(), 1, "{block}");
        assert!(block.ends_with("</script>"));
    }

    #[test]
    fn the_block_comes_before_the_boot_script_that_reads_it() {
        let page = "<head><meta charset=utf-8><script src=/boot.js data-tracecheck-js=/a.js data-tracecheck-wasm=/a.wasm>x</script><style>s</style></head>";
        let out = before_boot_script(page, "<DATA>");
        assert!(out.contains("<DATA><script src=/boot.js"), "{out}");
        assert_eq!(out.len(), page.len() + 6);
    }

    #[test]
    fn without_a_boot_script_the_block_ends_the_head() {
        let out = before_boot_script("<head><title>t</title></head><body>", "<DATA>");
        assert_eq!(out, "<head><title>t</title><DATA></head><body>");
        assert_eq!(before_boot_script("bare", "<DATA>"), "<DATA>bare");
    }

    #[test]
    fn nothing_to_name_no_block() {
        assert_eq!(early_block(&[]), "");
    }
}
