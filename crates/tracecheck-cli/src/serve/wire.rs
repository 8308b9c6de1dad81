//! The HTTP/1.1 side of `tracecheck serve`: connections, keep-alive and
//! bodies (hyper on a small tokio runtime); what to answer is decided by
//! [`super::answer`], on a blocking thread, since it reads files and the
//! verification service fetches from this same server.
//!
//! Each connection is a task, not a thread: a browser that opens six
//! connections at once, or keeps idle ones open, holds no thread. (tiny_http
//! 0.12, used before, queued a new connection's task without starting a
//! thread for it when its four idle threads looked free, so the requests
//! on that connection waited until another connection closed: 8 s stalls
//! on a fresh or idle server, docs/serving.md.)

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};

use super::{Incoming as Asked, RequestHeaders, Site, answer, verify_api};

/// A client gets this long to send a request's headers (a slow or idle
/// client does not hold its connection open for ever).
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves `site` on `addr` until the process ends; `threads` answer
/// requests at once (more wait their turn).
pub fn run(site: Site, addr: &str, threads: usize) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(threads.max(1))
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let site = Arc::new(site);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait, do not spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let site = Arc::clone(&site);
            tokio::spawn(async move {
                let service = service_fn(move |request| respond(Arc::clone(&site), request));
                // A client that hangs up mid-answer is not the server's problem.
                let _ = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

async fn respond(
    site: Arc<Site>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let asked = Asked {
        method: parts.method.as_str().to_owned(),
        url: parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.to_string(), |p| p.as_str().to_owned()),
        accept: header("Accept"),
        headers: RequestHeaders {
            accept_encoding: header("Accept-Encoding"),
            if_none_match: header("If-None-Match"),
        },
        body: if parts.method == hyper::Method::POST {
            read_body(body, verify_api::MAX_BODY + 1).await
        } else {
            Vec::new()
        },
    };
    let answer = tokio::task::spawn_blocking(move || answer(&site, &asked))
        .await
        .unwrap_or_else(|_| super::Answer::text(500, "internal error"));
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(answer.status).unwrap_or(hyper::StatusCode::OK);
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    // A HEAD answer keeps its Content-Length; hyper sends no body for it.
    Ok(response)
}

/// At most `limit` bytes of a request's body (what is past it is not read:
/// the service answers 413 for a body over its limit).
async fn read_body(mut body: Incoming, limit: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    while bytes.len() < limit {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    let room = limit - bytes.len();
                    bytes.extend_from_slice(&data[..data.len().min(room)]);
                }
            }
            Some(Err(_)) | None => break,
        }
    }
    bytes
}
