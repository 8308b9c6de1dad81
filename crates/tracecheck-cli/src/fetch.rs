//! The core's `Fetch` for the command line: a blocking HTTP client with
//! bounded time, size and redirects.

use std::io::Read;
use std::time::Duration;

use tracecheck_core::resolve::{Fetch, FetchError, Request, Response};

/// Most bytes read from one answer (1 MiB, as the core's JSON limit).
const MAX_BODY: u64 = 1 << 20;

/// An HTTP(S) fetcher.
pub struct HttpFetcher {
    agent: ureq::Agent,
}

impl Default for HttpFetcher {
    fn default() -> Self {
        HttpFetcher {
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(10))
                .redirects(5)
                .user_agent(concat!("tracecheck/", env!("CARGO_PKG_VERSION")))
                .build(),
        }
    }
}

impl Fetch for HttpFetcher {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let answer = self
            .agent
            .get(&request.url)
            .set("Accept", request.accept)
            .call();
        let response = match answer {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(ureq::Error::Transport(transport)) => {
                return Err(match transport.kind() {
                    ureq::ErrorKind::TooManyRedirects => FetchError::TooManyRedirects,
                    ureq::ErrorKind::Io if transport.to_string().contains("timed out") => {
                        FetchError::Timeout
                    }
                    _ => FetchError::Unreachable,
                });
            }
        };
        let url = response.get_url().to_owned();
        let status = response.status();
        let content_type = response.header("content-type").map(str::to_owned);
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
            body,
        })
    }
}
