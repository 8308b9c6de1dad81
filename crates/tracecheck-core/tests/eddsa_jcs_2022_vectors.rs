//! W3C vc-di-eddsa: the eddsa-jcs-2022 vector byte for byte, and the 14
//! derived positive and negative cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Tally, read_json, read_text};
use sha2::{Digest, Sha256};
use tracecheck_core::json::canonicalize;
use tracecheck_core::keys::{PublicKey, decode_base58btc, parse_did_key};
use tracecheck_core::proof::{ProofError, ProofOptions, prepare, sign};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn vector_key() -> ed25519_dalek::SigningKey {
    let keys = read_json("vc-di-eddsa/keyPair.json");
    let secret = decode_base58btc(keys["privateKeyMultibase"].as_str().expect("key")).expect("z…");
    // Multikey secret: multicodec 0x8026 (ed25519-priv) then the 32-byte seed.
    assert_eq!(&secret[..2], &[0x80, 0x26]);
    let seed: [u8; 32] = secret[2..].try_into().expect("32-byte seed");
    ed25519_dalek::SigningKey::from_bytes(&seed)
}

#[test]
fn reproduces_every_intermediate_value_of_the_w3c_vector() {
    let dir = "vc-di-eddsa/eddsa-jcs-2022";
    let signed = read_json(&format!("{dir}/signedJCS.json"));
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().expect("object").remove("proof");
    let mut options = signed["proof"].clone();
    options
        .as_object_mut()
        .expect("object")
        .remove("proofValue");

    let canon_doc = canonicalize(&unsigned);
    let canon_proof = canonicalize(&options);
    let file = |name: &str| read_text(&format!("{dir}/{name}")).trim_end().to_owned();
    let mut tally = Tally::new("vc-di-eddsa/eddsa-jcs-2022 (W3C vector)");
    let mut same = |name: &str, got: String, want: String| {
        tally.record(name, got == want, || format!("got {got}, want {want}"));
    };
    same(
        "canonDocJCS",
        String::from_utf8_lossy(&canon_doc).into_owned(),
        file("canonDocJCS.txt"),
    );
    same(
        "proofCanonJCS",
        String::from_utf8_lossy(&canon_proof).into_owned(),
        file("proofCanonJCS.txt"),
    );
    same(
        "docHashJCS",
        hex(&Sha256::digest(&canon_doc)),
        file("docHashJCS.txt"),
    );
    same(
        "proofHashJCS",
        hex(&Sha256::digest(&canon_proof)),
        file("proofHashJCS.txt"),
    );

    let prepared = prepare(&signed).expect("prepares");
    same(
        "combinedHashJCS",
        hex(prepared.signed_bytes()),
        file("combinedHashJCS.txt"),
    );
    let key = parse_did_key(&prepared.verification_method).expect("did:key");
    same(
        "verifies",
        format!("{:?}", prepared.check(&key)),
        "Ok(())".into(),
    );

    // Signing the unsigned document with the same options gives the same bytes.
    let resigned = sign(
        &unsigned,
        &vector_key(),
        &ProofOptions {
            verification_method: prepared.verification_method.clone(),
            created: prepared.created.clone().expect("created"),
            proof_purpose: "assertionMethod".into(),
            expires: None,
        },
    );
    let proof_value = resigned["proof"]["proofValue"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    same("sigBTC58JCS", proof_value.clone(), file("sigBTC58JCS.txt"));
    let signature = decode_base58btc(&proof_value).unwrap_or_default();
    same("sigHexJCS", hex(&signature), file("sigHexJCS.txt"));
    same("signedJCS", resigned.to_string(), signed.to_string());
    tally.finish();
}

/// Runs the cryptosuite verification (no purpose or trust checks) on a document.
fn verify(document: &serde_json::Value) -> Result<(), ProofError> {
    let prepared = prepare(document)?;
    let key = parse_did_key(&prepared.verification_method).map_err(ProofError::Key)?;
    prepared.check(&key)
}

#[test]
fn labels_the_derived_cases_as_expected() {
    let cases = read_json("vc-di-eddsa/eddsa-jcs-2022/derived-cases.json");
    let expected_key = cases["public_key_hex"].as_str().expect("hex");
    let mut tally = Tally::new("vc-di-eddsa/eddsa-jcs-2022/derived-cases");
    for case in cases["cases"].as_array().expect("cases") {
        let id = case["id"].as_str().expect("id");
        let want = case["expected_verified"].as_bool().expect("bool");
        let got = verify(&case["input"]);
        if id == "pos-01-identity" {
            let key = parse_did_key(
                case["input"]["proof"]["verificationMethod"]
                    .as_str()
                    .expect("vm"),
            );
            let Ok(PublicKey::Ed25519(key)) = key else {
                panic!("key")
            };
            assert_eq!(hex(&key), expected_key);
        }
        tally.record(id, got.is_ok() == want, || {
            format!("expected {want}, got {got:?}")
        });
    }
    tally.finish();
}
