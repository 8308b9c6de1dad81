//! The fetch interface: the browser implements it with `fetch()`, the CLI
//! with a blocking HTTP client, tests with a map of canned answers.

use std::future::Future;

use serde::Serialize;

/// Media types the verifier asks for.
pub mod accept {
    /// An RFC 9264 linkset.
    pub const LINKSET: &str = "application/linkset+json";
    /// A credential: JSON (Data Integrity) or a JWT (VC-JOSE).
    pub const CREDENTIAL: &str =
        "application/vc+ld+json, application/vc+jwt, application/vc, application/json;q=0.9";
    /// A DID document (`did:web`).
    pub const DID_DOCUMENT: &str =
        "application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8";
}

/// One GET request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The absolute URL.
    pub url: String,
    /// The `Accept` header.
    pub accept: &'static str,
    /// Most milliseconds the answer may take: what is left of the
    /// verification's time budget (implementations may give up sooner).
    pub timeout_ms: u32,
}

impl Request {
    /// A GET of `url` with the usual time limit (8 s).
    pub fn get(url: impl Into<String>, accept: &'static str) -> Request {
        Request {
            url: url.into(),
            accept,
            timeout_ms: 8_000,
        }
    }
}

/// The answer to a request.
///
/// A fetcher may follow redirects itself — the browser's `fetch()` does,
/// and there the page's CSP `connect-src` governs every hop — and then
/// `url` is the URL that finally answered. Or it may follow none and
/// return the 3xx answer with its `location`: the core then follows it,
/// checking each hop against the URL policy (the CLI does this).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The URL that answered (after any redirects the fetcher followed).
    pub url: String,
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The `Location` header of a redirect the fetcher did not follow.
    pub location: Option<String>,
    /// The body (implementations stop reading past their size limit).
    pub body: Vec<u8>,
}

impl Response {
    /// A 200 answer from `url`.
    pub fn ok(url: impl Into<String>, content_type: Option<String>, body: Vec<u8>) -> Response {
        Response {
            url: url.into(),
            status: 200,
            content_type,
            location: None,
            body,
        }
    }
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FetchError {
    /// No connection: offline, DNS failure, refused, or blocked by CORS.
    Unreachable,
    /// The server took too long.
    Timeout,
    /// The body was larger than allowed.
    TooLarge { limit: usize },
    /// Too many redirects.
    TooManyRedirects,
    /// The verification already made as many requests as it may.
    BudgetExhausted { limit: usize },
    /// The verification's time budget ran out before this request.
    DeadlinePassed { limit_ms: u32 },
    /// The URL may not be fetched (not https, malformed).
    Refused { url: String },
}

/// Something that can perform GET requests: the platform's side of a
/// verification.
pub trait Fetch {
    /// Performs `request`. Implementations bound time (`request.timeout_ms`)
    /// and size, and either follow redirects themselves or return them.
    fn fetch(&self, request: Request) -> impl Future<Output = Result<Response, FetchError>>;

    /// Milliseconds on a monotonic clock, for the verification's deadline.
    /// A fetcher without a clock (tests) keeps 0: no overall deadline then,
    /// only each request's own time limit.
    fn now_ms(&self) -> f64 {
        0.0
    }

    /// Told what the verification is waiting for, so a view can show progress.
    fn progress(&self, _step: Progress) {}
}

/// What a verification is doing, for a progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Progress {
    /// Asking the code's resolver where the record is.
    Resolving,
    /// Fetching the product's record.
    FetchingRecord,
    /// Checking the record's signature and issuer.
    CheckingRecord,
    /// Checking status lists and certifications: `done` of `total` documents.
    CheckingEvidence { done: usize, total: usize },
}
