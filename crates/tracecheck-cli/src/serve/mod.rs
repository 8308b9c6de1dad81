//! `tracecheck serve`: a local GS1 Digital Link resolver that also serves
//! the built widget and a printable page of the demo's QR codes.
//!
//! A Digital Link path answers a linkset to `Accept: application/linkset+json`
//! (or `?linkType=all`) and the widget to a browser, which then reads the
//! code from its own address.

mod compress;
mod csp;
mod early;
mod pages;
mod retailer;
mod routes;
pub mod verify_api;
mod wire;

use std::path::PathBuf;

pub use csp::{APP_CSP, DATA_CSP, embed_csp, with_page_hashes};
pub use routes::{Answer, PERMISSIONS_POLICY, route};

use crate::registry::Registry;

/// What the server serves.
pub struct Site {
    /// Print one line per request on stderr (method, path, status, bytes).
    pub log_requests: bool,
    /// Linksets, credentials, status lists, trust list, config.
    pub registry: Registry,
    /// The built widget (`dist/`), if any.
    pub dist: Option<PathBuf>,
    /// The URL the server is reached at.
    pub public_url: String,
    /// Compressed copies of immutable assets, made once.
    pub gzip_cache: compress::Cache,
    /// The verification service (`/verify`, `/credentials/verify`), if on.
    pub verifier: Option<verify_api::Service>,
    /// Seconds a cache may keep the data a verification reads (status
    /// lists, trust list, linksets, credentials); 0 sends `no-cache`.
    pub short_cache: u32,
}

/// What [`finish`] needs of a request's headers.
#[derive(Debug, Default, Clone)]
pub struct RequestHeaders {
    /// `Accept-Encoding`.
    pub accept_encoding: String,
    /// `If-None-Match`.
    pub if_none_match: String,
}

impl Site {
    /// A site with an empty compression cache.
    pub fn new(
        registry: Registry,
        dist: Option<PathBuf>,
        public_url: String,
        log_requests: bool,
    ) -> Site {
        Site {
            log_requests,
            registry,
            dist,
            public_url,
            gzip_cache: compress::Cache::default(),
            verifier: None,
            short_cache: DEFAULT_SHORT_CACHE,
        }
    }
}

/// The default of [`Site::short_cache`]: five minutes, as nginx.rs.
pub const DEFAULT_SHORT_CACHE: u32 = 300;

/// What goes on the wire for `answer` to a GET of `url`: a validator
/// (`ETag`) on every changing answer and `304 Not Modified` when the
/// client's copy is current; the body brotli-compressed where Trunk's
/// build left a `.br` beside the file (scripts/precompress.mjs) and the
/// client accepts it, else gzipped.
pub fn finish(site: &Site, url: &str, answer: Answer, request: &RequestHeaders) -> Answer {
    let answer = compress::validate(answer, &request.if_none_match);
    if answer.status == 304 {
        return answer;
    }
    let accepts = |coding: &str| {
        request.accept_encoding.split(',').any(|e| {
            let mut parts = e.split(';');
            parts.next().is_some_and(|c| c.trim() == coding)
                && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
        })
    };
    let answer = if accepts("br") {
        compress::precompressed(site, url, answer)
    } else {
        answer
    };
    if accepts("gzip") && answer.header("Content-Encoding").is_none() {
        compress::gzip(&site.gzip_cache, url, answer)
    } else {
        answer
    }
}

/// Serves `site` on `addr` until the process ends, `threads` answering
/// requests at once (see [`wire`]).
pub fn run(site: Site, addr: &str, threads: usize) -> Result<(), String> {
    wire::run(site, addr, threads)
}

/// A request as [`answer`] needs it.
#[derive(Debug, Default, Clone)]
pub struct Incoming {
    /// `GET`, `HEAD`, `POST`…
    pub method: String,
    /// The path and query, as sent.
    pub url: String,
    /// `Accept`.
    pub accept: String,
    /// What [`finish`] reads.
    pub headers: RequestHeaders,
    /// A POST's body, cut at one byte past the service's limit.
    pub body: Vec<u8>,
}

/// What the server answers `request`: the verification service's answer,
/// else the site's, finished for the wire ([`finish`]).
pub fn answer(site: &Site, request: &Incoming) -> Answer {
    let method = request.method.as_str();
    let url = request.url.as_str();
    let service_answer = site
        .verifier
        .as_ref()
        .and_then(|service| verify_api::handle(service, method, url, &request.body));
    let answer = match service_answer {
        Some(answer) => answer,
        None if matches!(method, "GET" | "HEAD") => route(site, url, &request.accept),
        None => Answer::text(405, "method not allowed"),
    };
    let answer = finish(site, url, answer, &request.headers);
    if site.log_requests {
        eprintln!("{method} {url} {} {}", answer.status, answer.body.len());
    }
    answer
}
