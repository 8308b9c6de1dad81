//! did:key (Ed25519) positive and negative cases, and did:web URL mapping
//! (`did-key/`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Tally, read_json};
use serde_json::{Value, json};
use tracecheck_core::issue::IssuerKey;
use tracecheck_core::keys::{PublicKey, assertion_key, did_key_for, did_web_url, parse_did_key};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything a positive case states must hold.
fn check_positive(case: &Value) -> Result<(), String> {
    let did = case["did"].as_str().ok_or("did")?;
    let Ok(PublicKey::Ed25519(key)) = parse_did_key(did) else {
        return Err(format!("{did} does not read as an Ed25519 key"));
    };
    if let Some(expected) = case["ed25519_public_key_hex"].as_str() {
        if hex(&key) != expected {
            return Err(format!("key {} != {expected}", hex(&key)));
        }
    }
    if did_key_for(&key) != did {
        return Err("re-encoding differs".into());
    }
    if let Some(seed) = case["seed_hex"].as_str() {
        let bytes: Vec<u8> = (0..seed.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&seed[i..i + 2], 16).unwrap_or_default())
            .collect();
        let seed: [u8; 32] = bytes.try_into().map_err(|_| "seed length")?;
        if IssuerKey::from_seed(seed).did() != did {
            return Err("seed gives another DID".into());
        }
    }
    let vm_id = case["verification_method_id"]
        .as_str()
        .or(case["assertion_vm_id"].as_str())
        .ok_or("vm id")?;
    if parse_did_key(vm_id) != Ok(PublicKey::Ed25519(key)) {
        return Err(format!("{vm_id} does not name the key"));
    }
    if let Some(vm) = case.get("expected_multikey_vm").filter(|v| v.is_object()) {
        // The Multikey verification method, read through a DID document.
        let document =
            json!({"id": did, "verificationMethod": [vm], "assertionMethod": [vm["id"]]});
        let read = assertion_key(&document, did, vm_id);
        if read != Ok(PublicKey::Ed25519(key)) {
            return Err(format!("Multikey method reads as {read:?}"));
        }
    }
    if let Some(agreement) = case["key_agreement_vm_id"].as_str() {
        if parse_did_key(agreement).is_ok() {
            return Err("a key-agreement method was accepted for signing".into());
        }
    }
    Ok(())
}

#[test]
fn reads_every_did_key_case() {
    let cases = read_json("did-key/did-key-ed25519-cases.json");
    let mut tally = Tally::new("did-key/did-key-ed25519-cases");
    for case in cases["cases"].as_array().expect("cases") {
        let did = case["did"].as_str().unwrap_or_default();
        let result = check_positive(case);
        tally.record(did, result.is_ok(), || format!("{result:?}"));
    }
    for case in cases["negative_cases"].as_array().expect("negative cases") {
        let did = case["did"].as_str().unwrap_or_default();
        let result = parse_did_key(did);
        tally.record(did, result.is_err(), || format!("accepted: {result:?}"));
    }
    tally.finish();
}

#[test]
fn maps_every_did_web_case() {
    let cases = read_json("did-key/did-web-resolution-cases.json");
    let mut tally = Tally::new("did-key/did-web-resolution-cases");
    for case in cases["cases"].as_array().expect("cases") {
        let did = case["did"].as_str().unwrap_or_default();
        let want = case["expected_url"].as_str().unwrap_or_default();
        let got = did_web_url(did);
        tally.record(did, got.as_deref() == Ok(want), || format!("got {got:?}"));
    }
    tally.finish();
}
