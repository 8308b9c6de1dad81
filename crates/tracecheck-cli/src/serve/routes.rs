//! Which answer each request gets.

use std::path::Path;

use tracecheck_core::code::{parse_digital_link, path_starts_with_gs1_key};
use tracecheck_core::resolve::WebUrl;

use super::csp::{APP_CSP, DATA_CSP, embed_csp, with_page_hashes};
use super::early::{before_boot_script, early_block, early_requests};
use super::{Site, pages, retailer};

/// An HTTP answer.
pub struct Answer {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Vec<u8>,
}

/// What the page's `connect-src` says, and what a development server adds.
const CONNECT_SRC: &str = "connect-src 'self' https:;";
const CONNECT_SRC_DEV: &str = "connect-src 'self' https: http://127.0.0.1:* http://localhost:*;";

/// The CSP this server sends with the widget's `page`: the page's inline
/// stylesheet and boot loader allowed by their hashes. A server on this
/// machine is a development one: it also lets the widget reach itself under
/// its other name (`localhost` ↔ `127.0.0.1`; the demo's unknown-resolver
/// sample).
fn widget_csp(site: &Site, page: &str) -> String {
    let csp = with_page_hashes(APP_CSP, page);
    if is_local(site) {
        csp.replace(CONNECT_SRC, CONNECT_SRC_DEV)
    } else {
        csp
    }
}

fn is_local(site: &Site) -> bool {
    WebUrl::parse(&site.public_url)
        .is_ok_and(|u| matches!(u.host(), "127.0.0.1" | "localhost" | "[::1]"))
}

impl Answer {
    /// A plain-text answer.
    pub fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// The value of header `name` (any case), if set.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Sets header `name` (any case) to `value`, replacing any value it had.
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.into(), value.into()));
    }

    /// Adds `token` to the answer's `Vary` header (one header, tokens
    /// separated by commas).
    pub fn add_vary(&mut self, token: &str) {
        let vary = match self.header("Vary") {
            Some(v) if v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)) => return,
            Some(v) => format!("{v}, {token}"),
            None => token.to_owned(),
        };
        self.set_header("Vary", &vary);
    }

    /// A stylesheet (the demo pages' CSP forbids inline styles).
    pub fn css(text: &str) -> Answer {
        Answer {
            status: 200,
            headers: vec![("Content-Type".into(), "text/css; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
        }
    }

    fn json(status: u16, content_type: &str, body: Vec<u8>) -> Answer {
        Answer {
            status,
            headers: vec![
                ("Content-Type".into(), content_type.into()),
                // Codes may be resolved from any origin (a retailer's page, another resolver's widget).
                ("Access-Control-Allow-Origin".into(), "*".into()),
                ("Cache-Control".into(), "no-cache".into()),
                ("X-Content-Type-Options".into(), "nosniff".into()),
            ],
            body,
        }
    }

    fn problem(status: u16, title: &str) -> Answer {
        let body = serde_json::json!({"status": status, "title": title});
        Answer::json(
            status,
            "application/problem+json",
            serde_json::to_vec(&body).unwrap_or_default(),
        )
    }

    /// An HTML page with the app's security headers.
    pub fn html(status: u16, body: Vec<u8>) -> Answer {
        Answer {
            status,
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Content-Security-Policy".into(), APP_CSP.into()),
                ("X-Frame-Options".into(), "DENY".into()),
                ("X-Content-Type-Options".into(), "nosniff".into()),
                ("Referrer-Policy".into(), "no-referrer".into()),
                ("Permissions-Policy".into(), PERMISSIONS_POLICY.into()),
                ("Cache-Control".into(), "no-cache".into()),
            ],
            body,
        }
    }
}

/// Only the app's own pages may use the camera (docs/browsers.md, iPhones).
pub const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(), geolocation=()";

/// Answers a GET for `raw_url` (path and query) with the given `Accept`.
pub fn route(site: &Site, raw_url: &str, accept: &str) -> Answer {
    let (path, query) = raw_url.split_once('?').unwrap_or((raw_url, ""));
    if path.contains("..") || !path.starts_with('/') {
        return Answer::text(400, "bad path");
    }
    if looks_like_digital_link(path) {
        let wants_linkset = accept.contains("application/linkset+json")
            || query.split('&').any(|p| p == "linkType=all");
        return if wants_linkset {
            linkset(site, raw_url)
        } else {
            // The page's address is the code it verifies (src/route.rs).
            let code = format!("{}{raw_url}", site_origin(site));
            let mut page = app_shell(site, Page::Verifies(&code));
            page.add_vary("Accept");
            page
        };
    }
    match path {
        "/demo" | "/demo/" => pages::demo_page(site),
        "/demo.css" => pages::demo_css(),
        "/embed" | "/embed/" => embed_shell(site, query),
        "/retailer" | "/retailer/" => retailer::page(site, false),
        "/retailer/many" => retailer::page(site, true),
        _ => {
            if let Some(id) = path
                .strip_prefix("/demo/qr/")
                .and_then(|p| p.strip_suffix(".svg"))
            {
                return pages::qr_svg(site, id);
            }
            let key = &path[1..];
            if let Some(bytes) = site.registry.files.get(key) {
                let kind = if key.starts_with("credentials/") && key.ends_with(".json") {
                    "application/vc+ld+json"
                } else {
                    media_type_of(key)
                };
                let mut answer = Answer::json(200, kind, bytes.clone());
                answer.set_header("Cache-Control", &data_cache(site, key));
                // Registry files are data and pictures, never pages: an SVG
                // opened directly runs no script and loads nothing.
                answer
                    .headers
                    .push(("Content-Security-Policy".into(), DATA_CSP.into()));
                return answer;
            }
            static_file(site, path, query)
        }
    }
}

/// How long a cache may keep registry file `key`, as nginx.rs has it: the
/// configuration and the data a verification reads (status lists, the
/// trust list, did:web documents, credentials) for [`Site::short_cache`]
/// seconds, so that a second visit within it needs no round trip and a
/// revocation, a new issuer or a new trust root still reaches every
/// verifier within minutes (the configuration names the root and the trust
/// list, so it needs no shorter time than the list itself). Every answer
/// carries a validator (`ETag`, `super::finish`), so an expired copy costs
/// a `304`, not the file. Credentials get the short time too: this
/// server's registry may name them without a content hash. The demo's
/// samples are asked for every time.
fn data_cache(site: &Site, key: &str) -> String {
    if key.ends_with("samples.json") {
        "no-cache".into()
    } else {
        short_cache(site)
    }
}

/// `public, max-age=N, must-revalidate`, or `no-cache` for 0 seconds.
fn short_cache(site: &Site) -> String {
    match site.short_cache {
        0 => "no-cache".into(),
        seconds => format!("public, max-age={seconds}, must-revalidate"),
    }
}

/// `/01/…`, `/414/…`: a numeric first segment is a GS1 key, valid or not
/// (a broken code still opens the widget, which explains what is wrong).
fn looks_like_digital_link(path: &str) -> bool {
    path_starts_with_gs1_key(path) && path.matches('/').count() >= 2
}

fn linkset(site: &Site, raw_url: &str) -> Answer {
    let Ok(code) = parse_digital_link(&format!("http://resolver{raw_url}")) else {
        return Answer::problem(400, "not a valid GS1 Digital Link URI");
    };
    // The key and its qualifiers pick the record; query attributes do not.
    let path: Vec<(String, String)> = code
        .key_path()
        .into_iter()
        .map(|e| (e.ai.clone(), e.value.clone()))
        .collect();
    match site.registry.linkset_for(&path) {
        Some(bytes) => {
            let mut answer = Answer::json(200, "application/linkset+json", bytes.to_vec());
            answer.set_header("Cache-Control", &short_cache(site));
            // The same address opens the widget in a browser: a kept linkset
            // must never answer a navigation (nor the page a linkset request).
            answer.add_vary("Accept");
            answer
        }
        None => Answer::problem(404, "no record for this code"),
    }
}

fn embed_shell(site: &Site, query: &str) -> Answer {
    let code = code_param(query);
    shell(
        site,
        code.as_deref().map_or(Page::Loads, Page::Verifies),
        Shell::Badge,
    )
}

/// Which page the widget's shell is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shell {
    /// The app itself: never framed.
    App,
    /// The badge (`/embed`): framed by any page, its loading line drawn as
    /// the badge's box.
    Badge,
}

/// index.html's shell, and the same shell drawn as the badge from the first
/// paint (boot.js does the same, but only after that paint: a layout shift
/// in the frame).
const APP_SHELL: &str = "id=\"app-shell\" class=\"app-shell\"";
const BADGE_SHELL: &str = "id=\"app-shell\" class=\"app-shell in-embed\"";

/// What the widget's page will do first, for its early requests.
#[derive(Clone, Copy)]
enum Page<'a> {
    /// Load the verification context (and wait for a scan or typing).
    Loads,
    /// Verify this code.
    Verifies(&'a str),
    /// Nothing this server can answer early (a missing asset's 404).
    Unknown,
}

/// `?code=` of a query string, decoded as `URLSearchParams` does.
fn code_param(query: &str) -> Option<String> {
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))?;
    let bytes = tracecheck_core::code::uri_unescape(&raw.replace('+', " "), true)?;
    String::from_utf8(bytes)
        .ok()
        .filter(|c| !c.trim().is_empty())
}

/// This server's origin, as the widget's `location.origin` reads it.
fn site_origin(site: &Site) -> String {
    WebUrl::parse(&site.public_url)
        .map(|url| url.origin())
        .unwrap_or_default()
}

fn app_shell(site: &Site, first: Page<'_>) -> Answer {
    shell(site, first, Shell::App)
}

/// The widget's page as `kind`, with its early requests for `first`.
fn shell(site: &Site, first: Page<'_>, kind: Shell) -> Answer {
    let page = site
        .dist
        .as_ref()
        .and_then(|dist| std::fs::read_to_string(dist.join("index.html")).ok());
    let mut answer = match page {
        Some(page) => {
            // The page's <meta> CSP must allow what the header allows.
            let page = if is_local(site) {
                page.replace(CONNECT_SRC, CONNECT_SRC_DEV)
            } else {
                page
            };
            let early = match first {
                Page::Loads => early_requests(site, None),
                Page::Verifies(code) => early_requests(site, Some(code)),
                Page::Unknown => Vec::new(),
            };
            let demo = if pins_demo_root(site) { DEMO_HINT } else { "" };
            let page = before_boot_script(&page, &format!("{}{demo}", early_block(&early)));
            let page = match kind {
                Shell::App => page,
                Shell::Badge => page.replacen(APP_SHELL, BADGE_SHELL, 1),
            };
            let csp = widget_csp(site, &page);
            let mut answer = Answer::html(200, page.into_bytes());
            answer.set_header("Content-Security-Policy", &csp);
            answer
        }
        None => Answer::html(
            503,
            b"<!doctype html><meta charset=utf-8><title>tracecheck</title>\
<p>The widget is not built: run <code>bash scripts/serve.sh</code>.</p>"
                .to_vec(),
        ),
    };
    if kind == Shell::Badge {
        // The badge may be framed by any page.
        let csp = embed_csp(answer.header("Content-Security-Policy").unwrap_or(APP_CSP));
        answer.headers.retain(|(name, _)| name != "X-Frame-Options");
        answer.set_header("Content-Security-Policy", &csp);
        // The badge has no service worker: the HTTP cache is its only
        // quick way back. A shop's next page shows it without a round trip
        // first; the files it names are hashed and kept a year, and the
        // data it checks has its own cache time (docs/serving.md).
        if answer.status == 200 {
            answer.set_header("Cache-Control", &short_cache(site));
        }
    }
    answer
}

/// Tells the widget, before its trust list arrives, that this server's
/// configuration pins the demo root, so that it shows the demo mark from
/// its first render instead of pushing the page down a few seconds later
/// (a layout shift; docs/performance.md). Only a hint for a warning: the
/// trust list the widget loads decides (src/app.rs).
const DEMO_HINT: &str = "<meta name=\"tracecheck-demo\" content=\"root\">";

/// Whether this server's `config.json` pins the demo root.
fn pins_demo_root(site: &Site) -> bool {
    site.registry
        .files
        .get("config.json")
        .and_then(|bytes| tracecheck_core::verdict::Config::read(bytes).ok())
        .is_some_and(|config| tracecheck_core::trust::is_demo_root(&config.root))
}

/// The Content-Type of a served file (built asset or registry file), from
/// its extension.
fn media_type_of(path: &str) -> &'static str {
    match Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "jwt" => "application/vc+jwt",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// The retailer's badge loader: its address is fixed (shops' pages name
/// it), so it cannot be immutable, but a shop's every page view loads it;
/// kept for [`Site::short_cache`] seconds, a page of the shop opened within
/// them needs no round trip before its badges start.
const BADGE_SCRIPT: &str = "trace-check.js";

fn static_file(site: &Site, path: &str, query: &str) -> Answer {
    let Some(dist) = &site.dist else {
        return app_shell(site, Page::Unknown);
    };
    let relative = path.trim_start_matches('/');
    let file = dist.join(relative);
    let is_file = !relative.is_empty() && file.is_file();
    if !is_file {
        // App routes (/, /kiosk, /embed…) get the shell; missing assets a 404.
        return if Path::new(relative).extension().is_none() {
            // `/?code=…` verifies that code (src/route.rs); `/`, `/kiosk`
            // start by loading the context.
            let code = code_param(query);
            app_shell(site, code.as_deref().map_or(Page::Loads, Page::Verifies))
        } else {
            Answer::text(404, "not found")
        };
    }
    let Ok(body) = std::fs::read(&file) else {
        return Answer::text(404, "not found");
    };
    if relative.ends_with(".html") {
        return Answer::html(200, body);
    }
    let content_type = media_type_of(relative);
    // Trunk names built assets by their content hash: they never change, so
    // every badge on a page (and every later visit) reuses one download.
    let cache = if is_hashed(relative) {
        "public, max-age=31536000, immutable".to_owned()
    } else if relative == BADGE_SCRIPT {
        short_cache(site)
    } else {
        "no-cache".to_owned()
    };
    Answer {
        status: 200,
        headers: vec![
            ("Content-Type".into(), content_type.into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
            ("Cache-Control".into(), cache),
            // A worker takes its CSP from its own script's headers, not from
            // the page: without this the service worker's fetches (which
            // carry the widget's data requests) would follow a redirect to
            // any host. The same policy as the page, as nginx.rs sends it.
            ("Content-Security-Policy".into(), APP_CSP.into()),
        ],
        body,
    }
}

/// `tracecheck-web-6fb519d2e532ea4_bg.wasm`: a name ending in a hash of 12+ hex digits.
fn is_hashed(file: &str) -> bool {
    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .split('.')
        .next()
        .unwrap_or_default();
    let stem = stem.trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}
