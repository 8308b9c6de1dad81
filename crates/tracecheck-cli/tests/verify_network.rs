//! `tracecheck verify` against a hostile resolver on this machine: the CLI
//! follows no redirect itself, every hop the core follows is held to the
//! URL policy, and by default nothing but https to public hosts is fetched,
//! so a code cannot make a retailer's back end probe its own network.

use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;

/// A server on 127.0.0.1 that answers every request with `answer(path)`
/// (status, Location) and records the paths it was asked for.
struct Hostile {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

fn hostile(answer: impl Fn(&str) -> (u16, Option<String>) + Send + 'static) -> Hostile {
    hostile_at("127.0.0.1:0", answer)
}

fn hostile_at(
    addr: &str,
    answer: impl Fn(&str) -> (u16, Option<String>) + Send + 'static,
) -> Hostile {
    let server = tiny_http::Server::http(addr).expect("listen");
    let base = format!("http://{}", server.server_addr());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().to_owned();
            if let Ok(mut seen) = record.lock() {
                seen.push(path.clone());
            }
            let (status, location) = answer(&path);
            let mut response = tiny_http::Response::empty(status);
            if let Some(location) = location {
                if let Ok(header) = tiny_http::Header::from_bytes("Location", location) {
                    response.add_header(header);
                }
            }
            let _ = request.respond(response);
        }
    });
    Hostile { base, seen }
}

impl Hostile {
    fn seen(&self) -> Vec<String> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// The demo's trust list and root, written by `tracecheck demo`.
fn demo_trust() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tracecheck(&["demo", dir.path().to_str().unwrap_or_default()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("config.json")).unwrap_or_default())
            .unwrap_or_default();
    let root = config["root"].as_str().unwrap_or_default().to_owned();
    let list = dir.path().join("trust-list.json").display().to_string();
    (dir, root, list)
}

fn tracecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .args(args)
        .output()
        .expect("run tracecheck")
}

/// The first check that did not pass, as (id, finding kind, error kind).
fn first_failure(output: &Output) -> (String, String, String) {
    let verdict: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    let check = verdict["checks"]
        .as_array()
        .and_then(|checks| {
            checks
                .iter()
                .find(|c| c["outcome"] != "pass" && c["outcome"] != "skipped")
                .cloned()
        })
        .unwrap_or_default();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    (
        text(&check["id"]),
        text(&check["finding"]["kind"]),
        text(&check["finding"]["error"]["kind"]),
    )
}

fn verify(code: &str, root: &str, list: &str, local: bool) -> Output {
    let mut args = vec!["verify", code, "--root", root, "--trust-list", list];
    if local {
        args.push("--allow-local-http");
    }
    tracecheck(&args)
}

#[test]
fn by_default_nothing_on_this_machine_is_fetched() {
    let server = hostile(|_| (404, None));
    let (_dir, root, list) = demo_trust();
    let code = format!("{}/01/08935001000013/10/NL2611", server.base);
    let out = verify(&code, &root, &list, false);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        first_failure(&out),
        (
            "record_found".into(),
            "url_refused".into(),
            "not_public".into()
        )
    );
    assert!(server.seen().is_empty(), "{:?}", server.seen());
}

#[test]
fn a_redirect_to_cloud_metadata_is_not_followed() {
    let server = hostile(|_| (302, Some("http://169.254.169.254/latest/meta-data/".into())));
    let (_dir, root, list) = demo_trust();
    let code = format!("{}/01/08935001000013/10/NL2611", server.base);
    let out = verify(&code, &root, &list, true);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        first_failure(&out),
        (
            "record_found".into(),
            "url_refused".into(),
            "not_https".into()
        )
    );
    assert_eq!(
        server.seen().len(),
        1,
        "only the first request: {:?}",
        server.seen()
    );
}

#[test]
fn redirects_within_the_policy_are_followed_by_the_core_a_few_times() {
    // Every path redirects to the next one: the chain ends at the hop limit.
    let server = hostile(|path| (307, Some(format!("{path}/again"))));
    let (_dir, root, list) = demo_trust();
    let code = format!("{}/01/08935001000013/10/NL2611", server.base);
    let out = verify(&code, &root, &list, true);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        first_failure(&out),
        (
            "record_found".into(),
            "fetch_failed".into(),
            "too_many_redirects".into()
        )
    );
    // One request and five hops, each one made by the core.
    assert_eq!(server.seen().len(), 6, "{:?}", server.seen());
}

#[test]
fn a_hop_outside_the_policy_never_reaches_its_target() {
    // The hop's target is a server of its own (on another loopback address,
    // which even the development policy does not fetch over plain http): it
    // must see nothing, whoever follows the redirect.
    let target = hostile_at("127.0.0.2:0", |_| (200, None));
    let hop = format!("{}/latest/meta-data/", target.base);
    let server = hostile(move |_| (302, Some(hop.clone())));
    let (_dir, root, list) = demo_trust();
    let code = format!("{}/01/08935001000013/10/NL2611", server.base);
    let out = verify(&code, &root, &list, true);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        first_failure(&out),
        (
            "record_found".into(),
            "url_refused".into(),
            "not_https".into()
        )
    );
    assert!(
        target.seen().is_empty(),
        "the hop was not followed: {:?}",
        target.seen()
    );
}
