//! W3C vc-jose-cose test suite, JOSE mapping 1–16 (`vc-jose-cose/`): five
//! issuance and eleven verification cases, each expected to succeed or fail
//! as the manifest says.
//!
//! Issuance: the input is checked as a credential (or presentation) an
//! issuer may sign, signed with the case's key, and the result must verify.
//! Verification: the compact JWS is read (media types, forbidden claims,
//! algorithm), its payload checked against the data model, the signature
//! checked with the case's key, and a presentation's enveloped credentials
//! read and (when their `kid` names a key of the suite) verified too;
//! enveloped SD-JWT or COSE credentials are not opened (no SD-JWT/COSE
//! support: the widget never accepts them as a record). The
//! tokens carry `exp` dates in 2024, so times are judged at their `iat`
//! (or mid-2025 when `iat` is not a NumericDate).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;

use common::{Tally, read_json, read_text};
use serde_json::Value;
use tracecheck_core::credential::{
    Stage, enveloped_credential, validate_credential, validate_presentation,
};
use tracecheck_core::issue::{JwkSigningKey, check_issuable, check_presentable};
use tracecheck_core::keys::{PublicKey, read_jwk};
use tracecheck_core::proof::{JwsAlgorithm, JwsKind, read_jws, sign_jws};

/// Every public key of the suite, by its JWK `kid`.
fn suite_keys() -> HashMap<String, PublicKey> {
    ["vm-ed25519", "vm-p256", "vm-p384", "vm-p521"]
        .iter()
        .map(|name| {
            let vm = read_json(&format!("vc-jose-cose/input/{name}.json"));
            let jwk = &vm["publicKeyJwk"];
            let kid = jwk["kid"].as_str().expect("kid").to_owned();
            (kid, read_jwk(jwk).expect("public key"))
        })
        .collect()
}

/// The controller a payload names: the issuer, or the holder.
fn controller(payload: &Value, kind: JwsKind) -> String {
    let member = match kind {
        JwsKind::Credential => "issuer",
        JwsKind::Presentation => "holder",
    };
    match &payload[member] {
        Value::String(id) => id.clone(),
        other => other["id"].as_str().unwrap_or_default().to_owned(),
    }
}

/// Verifies one compact JWS with `key`, at its own `iat` when numeric.
fn verify_jws(text: &str, kind: JwsKind, key: &PublicKey) -> Result<Value, String> {
    let jws = read_jws(text, kind).map_err(|e| format!("read: {e:?}"))?;
    match kind {
        JwsKind::Credential => validate_credential(&jws.payload, Stage::Issued),
        JwsKind::Presentation => validate_presentation(&jws.payload),
    }
    .map_err(|e| format!("data model: {e:?}"))?;
    let prepared = jws
        .prepare(&controller(&jws.payload, kind))
        .map_err(|e| format!("prepare: {e:?}"))?;
    prepared
        .check(key)
        .map_err(|e| format!("signature: {e:?}"))?;
    let at = jws.payload["iat"]
        .as_i64()
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
        .or_else(|| tracecheck_core::time::parse_timestamp("2025-06-01T00:00:00Z"))
        .ok_or("time")?;
    prepared
        .check_time(at)
        .map_err(|e| format!("time: {e:?}"))?;
    Ok(jws.payload)
}

fn verify_case(case: &Value, keys: &HashMap<String, PublicKey>) -> Result<(), String> {
    let kind = kind(case);
    let text = read_text(&format!(
        "vc-jose-cose/{}",
        case["input_file"].as_str().ok_or("input")?
    ));
    let vm = read_json(&format!(
        "vc-jose-cose/{}",
        case["key_file"].as_str().ok_or("key")?
    ));
    let key = read_jwk(&vm["publicKeyJwk"]).map_err(|e| format!("key: {e:?}"))?;
    let payload = verify_jws(&text, kind, &key)?;
    if kind == JwsKind::Presentation {
        for item in payload["verifiableCredential"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let (media, inner) =
                enveloped_credential(item).map_err(|e| format!("enveloped: {e:?}"))?;
            // SD-JWT and COSE envelopes are out of scope: their data: URL
            // was checked with the presentation's data model, no more.
            if media != "application/vc+jwt" {
                continue;
            }
            let jws = read_jws(&inner, JwsKind::Credential).map_err(|e| format!("inner: {e:?}"))?;
            let inner_key = jws
                .header
                .get("kid")
                .and_then(Value::as_str)
                .and_then(|k| keys.get(k));
            match inner_key {
                Some(inner_key) => {
                    verify_jws(&inner, JwsKind::Credential, inner_key)?;
                }
                None => validate_credential(&jws.payload, Stage::Issued)
                    .map_err(|e| format!("inner data model: {e:?}"))?,
            }
        }
    }
    Ok(())
}

fn issue_case(case: &Value) -> Result<(), String> {
    let kind = kind(case);
    let input = read_json(&format!(
        "vc-jose-cose/{}",
        case["input_file"].as_str().ok_or("input")?
    ));
    let vm = read_json(&format!(
        "vc-jose-cose/{}",
        case["key_file"].as_str().ok_or("key")?
    ));
    match kind {
        JwsKind::Credential => check_issuable(&input),
        JwsKind::Presentation => check_presentable(&input),
    }
    .map_err(|e| format!("refused: {e:?}"))?;
    let kid = vm["publicKeyJwk"]["kid"].as_str().ok_or("kid")?;
    let secret = &vm["secretKeyJwk"];
    let token = if secret["crv"] == "P-521" {
        sign_p521(&input, secret, kid, kind)?
    } else {
        JwkSigningKey::from_jwk(secret)
            .map_err(|e| format!("secret key: {e:?}"))?
            .sign(&input, kid, kind)
    };
    let public = read_jwk(&vm["publicKeyJwk"]).map_err(|e| format!("key: {e:?}"))?;
    verify_jws(&token, kind, &public).map(|_| ())
}

/// P-521 signing with a random nonce (the p521 crate's only way).
fn sign_p521(payload: &Value, secret: &Value, kid: &str, kind: JwsKind) -> Result<String, String> {
    use base64::Engine;
    use p521::ecdsa::signature::RandomizedSigner;
    let d = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(secret["d"].as_str().ok_or("d")?)
        .map_err(|e| e.to_string())?;
    let key = p521::ecdsa::SigningKey::from_slice(&d).map_err(|e| e.to_string())?;
    let mut rng = p521::elliptic_curve::rand_core::OsRng;
    Ok(sign_jws(payload, JwsAlgorithm::ES512, kid, kind, |input| {
        let signature: p521::ecdsa::Signature = key.sign_with_rng(&mut rng, input);
        signature.to_bytes().to_vec()
    }))
}

fn kind(case: &Value) -> JwsKind {
    if case["feature"] == "presentation_jose" {
        JwsKind::Presentation
    } else {
        JwsKind::Credential
    }
}

#[test]
fn issues_and_verifies_as_labelled() {
    let manifest = read_json("vc-jose-cose/manifest.json");
    let keys = suite_keys();
    let mut tally = Tally::new("vc-jose-cose");
    for case in manifest["cases"].as_array().expect("cases") {
        let name = format!(
            "{} {}",
            case["number"],
            case["name"].as_str().unwrap_or_default()
        );
        let want = case["expected_result"] == "success";
        let got = match case["function"].as_str() {
            Some("issue") => issue_case(case),
            _ => verify_case(case, &keys),
        };
        tally.record(&name, got.is_ok() == want, || {
            format!("expected {}, got {got:?}", case["expected_result"])
        });
    }
    tally.finish();
}

#[test]
fn failures_are_for_the_stated_reasons() {
    let manifest = read_json("vc-jose-cose/manifest.json");
    let keys = suite_keys();
    let reason = |number: u64| {
        let case = manifest["cases"]
            .as_array()
            .and_then(|cases| cases.iter().find(|c| c["number"] == number))
            .expect("case");
        match case["function"].as_str() {
            Some("issue") => issue_case(case),
            _ => verify_case(case, &keys),
        }
        .err()
        .unwrap_or_default()
    };
    assert!(reason(5).contains("UnknownMember"), "{}", reason(5));
    assert!(reason(9).contains("KeyAlgorithmMismatch"), "{}", reason(9));
    assert!(reason(10).contains("JwsEncoding"), "{}", reason(10));
    assert!(reason(12).contains("SignatureMismatch"), "{}", reason(12));
    assert!(reason(13).contains("WrongMediaType"), "{}", reason(13));
    assert!(reason(14).contains("WrongMediaType"), "{}", reason(14));
    assert!(reason(15).contains("ForbiddenClaim"), "{}", reason(15));
    assert!(reason(16).contains("NotAUrl"), "{}", reason(16));
}
