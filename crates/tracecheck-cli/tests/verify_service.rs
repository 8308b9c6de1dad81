//! `tracecheck serve --verify`: the verification service answers
//! `GET /verify?code=…` with the verdict JSON and `POST
//! /credentials/verify` in the VC-API shape, over real HTTP on 127.0.0.1.

mod support;

use std::io::Read;

use support::Server;

fn start() -> Server {
    support::start(&["--dist", "/nonexistent", "--verify"])
}

fn get(url: &str) -> (u16, serde_json::Value) {
    let response = match ureq::get(url).call() {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{url}: {e}"),
    };
    let status = response.status();
    let mut body = Vec::new();
    response.into_reader().read_to_end(&mut body).expect("body");
    (status, serde_json::from_slice(&body).unwrap_or_default())
}

fn post(url: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
    let response = match ureq::post(url)
        .set("Content-Type", "application/json")
        .send_string(&body.to_string())
    {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{url}: {e}"),
    };
    let status = response.status();
    let mut bytes = Vec::new();
    response
        .into_reader()
        .read_to_end(&mut bytes)
        .expect("body");
    (status, serde_json::from_slice(&bytes).unwrap_or_default())
}

fn sample_code(server: &Server, id: &str) -> String {
    let (_, samples) = get(&format!("{}/samples.json", server.base));
    samples
        .as_array()
        .and_then(|all| all.iter().find(|s| s["id"] == id))
        .and_then(|s| s["code"].as_str())
        .expect("sample")
        .to_owned()
}

/// The passport a sample's linkset points to, as served.
fn passport_of(server: &Server, code: &str) -> (String, Vec<u8>) {
    let (_, linkset) = get(&format!("{code}?linkType=all"));
    let href =
        linkset["linkset"][0]["https://test.uncefact.org/vocabulary/linkTypes/dpp"][0]["href"]
            .as_str()
            .expect("href")
            .to_owned();
    let response = ureq::get(&href).call().expect("passport");
    let mut body = Vec::new();
    response.into_reader().read_to_end(&mut body).expect("body");
    let _ = server;
    (href, body)
}

fn escape(code: &str) -> String {
    tracecheck_core::code::uri_escape(code, true)
}

#[test]
fn get_verify_answers_the_verdict_json() {
    let server = start();
    let longan = sample_code(&server, "longan");
    let (status, verdict) = get(&format!("{}/verify?code={}", server.base, escape(&longan)));
    assert_eq!(status, 200);
    assert_eq!(verdict["level"], "verified", "{verdict}");
    // The passport checklist rides beside the report: seven items, the
    // longan's name and GTIN present and signed.
    let checklist = verdict["checklist"].as_array().expect("checklist");
    assert_eq!(checklist.len(), 7, "{verdict}");
    assert_eq!(checklist[0]["requirement"], "name_and_gtin");
    assert_eq!(checklist[0]["presence"], "verified");
    let tampered = sample_code(&server, "tampered");
    let (_, verdict) = get(&format!(
        "{}/verify?code={}",
        server.base,
        escape(&tampered)
    ));
    assert_eq!(verdict["level"], "counterfeit");
    let unsigned = verdict["checklist"].as_array().expect("checklist");
    assert!(
        unsigned.iter().all(|item| item["presence"] != "verified"),
        "a failed record vouches for nothing: {verdict}"
    );
    let (status, _) = get(&format!("{}/verify", server.base));
    assert_eq!(status, 400);
}

#[test]
fn post_credentials_verify_speaks_vc_api() {
    let server = start();
    let url = format!("{}/credentials/verify", server.base);
    let (_, passport) = passport_of(&server, &sample_code(&server, "longan"));
    let credential: serde_json::Value = serde_json::from_slice(&passport).expect("json passport");
    let (status, result) = post(
        &url,
        &serde_json::json!({"verifiableCredential": credential, "options": {}}),
    );
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["verified"], true, "{result}");
    assert!(
        result["checks"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c == "signature"))
    );
    assert_eq!(result["errors"], serde_json::json!([]));

    // A VC-JOSE passport, enveloped as VC-API carries JWTs.
    let (_, token) = passport_of(&server, &sample_code(&server, "vc-jose"));
    let token = String::from_utf8(token).expect("token");
    let enveloped = serde_json::json!({"verifiableCredential": {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{}", token.trim())
    }});
    let (_, result) = post(&url, &enveloped);
    assert_eq!(result["verified"], true, "{result}");

    // The same passport changed after signing.
    let mut altered = credential.clone();
    altered["validUntil"] = "2099-01-01T00:00:00Z".into();
    let (_, result) = post(&url, &serde_json::json!({"verifiableCredential": altered}));
    assert_eq!(result["verified"], false);
    assert!(
        result["errors"]
            .as_array()
            .is_some_and(|e| e.iter().any(|c| c == "signature")),
        "{result}"
    );

    let (status, _) = post(&url, &serde_json::json!({"nothing": true}));
    assert_eq!(status, 400);
}
