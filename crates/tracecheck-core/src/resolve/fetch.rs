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
}

/// The answer to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The URL finally answered, after redirects.
    pub url: String,
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body (implementations stop reading past their size limit).
    pub body: Vec<u8>,
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
    /// The URL may not be fetched (not https, malformed).
    Refused { url: String },
}

/// Something that can perform GET requests.
pub trait Fetch {
    /// Performs `request`. Implementations bound time, size and redirects.
    fn fetch(&self, request: Request) -> impl Future<Output = Result<Response, FetchError>>;
}
