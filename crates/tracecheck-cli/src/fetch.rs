//! The core's `Fetch` for the command line: a blocking HTTP client that
//! follows no redirect itself (the core follows them, hop by hop, each
//! checked against the URL policy), bounds each request's time and size,
//! and — unless local addresses are allowed for development — connects
//! only to public addresses, whatever a host name resolves to (a name that
//! resolves to 127.0.0.1 or 169.254.169.254 is refused at connection time).

use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use tracecheck_core::resolve::{Fetch, FetchError, Request, Response, is_public_host};

/// Most bytes read from one answer (1 MiB, as the core's JSON limit).
const MAX_BODY: u64 = 1 << 20;

/// An HTTP(S) fetcher.
pub struct HttpFetcher {
    agent: ureq::Agent,
    started: Instant,
}

impl HttpFetcher {
    /// A fetcher that reaches only public addresses, or also this machine
    /// and private networks when `allow_local` (development, demos).
    // The CLI runs natively, where the monotonic clock exists.
    #[allow(clippy::disallowed_methods)]
    pub fn new(allow_local: bool) -> Self {
        HttpFetcher {
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(10))
                .redirects(0)
                .resolver(AddressFilter { allow_local })
                .user_agent(concat!("tracecheck/", env!("CARGO_PKG_VERSION")))
                .build(),
            started: Instant::now(),
        }
    }
}

/// Resolves host names with the system resolver, keeping only the
/// addresses the fetcher may connect to.
struct AddressFilter {
    allow_local: bool,
}

impl ureq::Resolver for AddressFilter {
    fn resolve(&self, netloc: &str) -> std::io::Result<Vec<SocketAddr>> {
        let addresses: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
        if self.allow_local {
            return Ok(addresses);
        }
        let public: Vec<SocketAddr> = addresses
            .into_iter()
            .filter(|address| {
                let host = match address {
                    SocketAddr::V4(v4) => v4.ip().to_string(),
                    SocketAddr::V6(v6) => format!("[{}]", v6.ip()),
                };
                is_public_host(&host)
            })
            .collect();
        if public.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the host resolves only to local or private addresses",
            ));
        }
        Ok(public)
    }
}

impl Fetch for HttpFetcher {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let answer = self
            .agent
            .get(&request.url)
            .set("Accept", request.accept)
            .timeout(Duration::from_millis(u64::from(request.timeout_ms)))
            .call();
        let response = match answer {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(ureq::Error::Transport(transport)) => {
                return Err(match transport.kind() {
                    ureq::ErrorKind::TooManyRedirects => FetchError::TooManyRedirects,
                    ureq::ErrorKind::Io if transport.to_string().contains("timed out") => {
                        FetchError::Timeout
                    }
                    ureq::ErrorKind::Dns
                        if transport.to_string().contains("local or private addresses") =>
                    {
                        FetchError::Refused {
                            url: request.url.clone(),
                        }
                    }
                    _ => FetchError::Unreachable,
                });
            }
        };
        let url = response.get_url().to_owned();
        let status = response.status();
        let content_type = response.header("content-type").map(str::to_owned);
        let location = response.header("location").map(str::to_owned);
        let mut body = Vec::new();
        response
            .into_reader()
            .take(MAX_BODY + 1)
            .read_to_end(&mut body)
            .map_err(|_| FetchError::Unreachable)?;
        if body.len() as u64 > MAX_BODY {
            return Err(FetchError::TooLarge {
                limit: MAX_BODY as usize,
            });
        }
        Ok(Response {
            url,
            status,
            content_type,
            location,
            body,
        })
    }

    fn now_ms(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * 1000.0
    }
}
