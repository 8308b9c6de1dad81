//! The verification service for retailers' back ends:
//!
//! - `GET /verify?code=…` answers the verdict JSON (docs/verdict-json.md),
//!   as `tracecheck verify` prints it;
//! - `POST /credentials/verify` takes a W3C VC-API request
//!   (`{"verifiableCredential": …, "options": {…}}`: a credential with an
//!   embedded proof, or an `EnvelopedVerifiableCredential` whose `id` is a
//!   `data:application/vc+jwt,…` URL) and answers the VC-API result
//!   (`verified`, `checks`, `warnings`, `errors`) with the verdict beside it.
//!
//! Both go through [`crate::verifier::verify`], the CLI's own entry point.
//! At most `slots` verifications run at once; a request that finds no free
//! slot gets 503 with `Retry-After` at once — waiting would hold a server
//! thread, and those threads also serve the files the running
//! verifications fetch from this server (a load test showed the wait
//! starving them).

use std::sync::Mutex;

use serde_json::{Value, json};
use tracecheck_core::json::{Limits, parse};
use tracecheck_core::verdict::{Outcome, Report};

use super::Answer;
use crate::fetch::HttpFetcher;
use crate::verifier::{Settings, Subject, verify};

/// Most bytes of a POST body (as the core's JSON limit).
pub const MAX_BODY: usize = 1 << 20;

/// The service's settings and its slots.
pub struct Service {
    /// Where trust comes from.
    pub settings: Settings,
    slots: Mutex<usize>,
    fetcher: HttpFetcher,
}

impl Service {
    /// A service running at most `slots` verifications at a time.
    pub fn new(settings: Settings, slots: usize) -> Service {
        Service {
            fetcher: HttpFetcher::new(settings.allow_local_http),
            settings,
            slots: Mutex::new(slots.max(1)),
        }
    }

    /// Runs `work` in a slot, or `None` when every slot is taken.
    fn in_slot<T>(&self, work: impl FnOnce() -> T) -> Option<T> {
        {
            let mut free = self.slots.lock().ok()?;
            if *free == 0 {
                return None;
            }
            *free -= 1;
        }
        let result = work();
        if let Ok(mut free) = self.slots.lock() {
            *free += 1;
        }
        Some(result)
    }
}

/// The answer to a service request, or `None` when `path` is not one.
pub fn handle(service: &Service, method: &str, raw_url: &str, body: &[u8]) -> Option<Answer> {
    let (path, query) = raw_url.split_once('?').unwrap_or((raw_url, ""));
    match (method, path) {
        ("GET" | "HEAD", "/verify") => Some(get_verify(service, query)),
        ("POST", "/credentials/verify") => Some(post_verify(service, body)),
        (_, "/verify" | "/credentials/verify") => Some(Answer::text(405, "method not allowed")),
        _ => None,
    }
}

fn json_answer(status: u16, value: &Value) -> Answer {
    Answer {
        status,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Cache-Control".into(), "no-store".into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
        ],
        body: serde_json::to_vec_pretty(value).unwrap_or_default(),
    }
}

fn problem(status: u16, title: &str) -> Answer {
    let mut answer = json_answer(status, &json!({"status": status, "title": title}));
    answer.headers[0].1 = "application/problem+json".into();
    if status == 503 {
        answer.headers.push(("Retry-After".into(), "1".into()));
    }
    answer
}

fn run(service: &Service, subject: Subject<'_>) -> Result<Report, Answer> {
    #[allow(clippy::disallowed_methods)]
    let now = time::OffsetDateTime::now_utc();
    match service.in_slot(|| verify(&service.settings, subject, now, &service.fetcher)) {
        None => Err(problem(503, "busy: too many verifications at once")),
        Some(Err(setup)) => Err(problem(502, &format!("cannot verify here: {setup}"))),
        Some(Ok(report)) => Ok(report),
    }
}

fn get_verify(service: &Service, query: &str) -> Answer {
    let code = query.split('&').find_map(|pair| pair.strip_prefix("code="));
    let Some(code) =
        code.and_then(|c| tracecheck_core::code::uri_unescape(&c.replace('+', " "), true))
    else {
        return problem(400, "give ?code=… (a Digital Link, a GTIN, (01)…(10)…)");
    };
    let Ok(code) = String::from_utf8(code) else {
        return problem(400, "the code is not UTF-8 text");
    };
    match run(service, Subject::Code(&code)) {
        Ok(report) => json_answer(
            200,
            &serde_json::to_value(crate::verifier::Printed::new(&report)).unwrap_or_default(),
        ),
        Err(answer) => answer,
    }
}

/// The credential of a VC-API request, as bytes the verifier reads.
fn credential_of(request: &Value) -> Result<Vec<u8>, &'static str> {
    let credential = request
        .get("verifiableCredential")
        .ok_or("no verifiableCredential")?;
    let enveloped = credential.get("type").is_some_and(|t| {
        t == "EnvelopedVerifiableCredential"
            || t.as_array()
                .is_some_and(|a| a.iter().any(|v| v == "EnvelopedVerifiableCredential"))
    });
    if enveloped {
        let id = credential
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let token = id
            .strip_prefix("data:application/vc+jwt,")
            .or_else(|| id.strip_prefix("data:application/jwt,"))
            .ok_or("an enveloped credential's id must be a data:application/vc+jwt, URL")?;
        return Ok(token.as_bytes().to_vec());
    }
    match credential {
        Value::Object(_) => serde_json::to_vec(credential).map_err(|_| "unreadable credential"),
        Value::String(token) => Ok(token.as_bytes().to_vec()),
        _ => Err("verifiableCredential must be a credential object"),
    }
}

fn post_verify(service: &Service, body: &[u8]) -> Answer {
    if body.len() > MAX_BODY {
        return problem(413, "request body over 1 MiB");
    }
    let Ok(request) = parse(body, Limits::DEFAULT) else {
        return problem(400, "the body is not acceptable JSON");
    };
    let bytes = match credential_of(&request) {
        Ok(bytes) => bytes,
        Err(reason) => return problem(400, reason),
    };
    let report = match run(service, Subject::Document(&bytes)) {
        Ok(report) => report,
        Err(answer) => return answer,
    };
    let named = |wanted: &dyn Fn(Outcome) -> bool| -> Vec<Value> {
        report
            .checks
            .iter()
            .filter(|c| wanted(c.outcome))
            .map(|c| serde_json::to_value(c.id).unwrap_or_default())
            .collect()
    };
    let result = json!({
        "verified": report.level == tracecheck_core::verdict::Level::Verified,
        "checks": named(&|o| o == Outcome::Pass),
        "warnings": named(&|o| o == Outcome::Caution),
        "errors": named(&|o| matches!(o, Outcome::Counterfeit | Outcome::Unverifiable)),
        "verdict": crate::verifier::Printed::new(&report),
    });
    json_answer(200, &result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_service_turns_requests_away_instead_of_queueing_forever() {
        let service = std::sync::Arc::new(Service::new(Settings::default(), 1));
        let (started, wait_started) = std::sync::mpsc::channel();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let holder = {
            let service = std::sync::Arc::clone(&service);
            std::thread::spawn(move || {
                service.in_slot(|| {
                    let _ = started.send(());
                    let _ = released.recv();
                })
            })
        };
        let _ = wait_started.recv();
        assert!(service.in_slot(|| ()).is_none(), "no slot: turned away");
        let _ = release.send(());
        assert!(holder.join().is_ok_and(|r| r.is_some()));
        assert!(service.in_slot(|| ()).is_some(), "the slot is free again");
    }
}
