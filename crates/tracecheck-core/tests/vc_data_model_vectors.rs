//! W3C VCDM 2.0 test-suite inputs (`vc-data-model-2.0/`): every credential
//! and presentation accepted or rejected as its file name says.
//!
//! The suite feeds credentials to an issuer, which fills in the issuer and
//! signs; so credentials are checked as inputs to issue ([`Stage::ToIssue`]).
//! `FUTURE DATE`/`PAST DATE` placeholders are replaced as the suite does, by
//! a date a year ahead or behind. `-fail-or-inject` files must fail here:
//! this verifier never injects a missing base context.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Tally, read_json};
use serde_json::Value;
use tracecheck_core::credential::{Stage, validate_credential, validate_presentation};

fn with_dates(text: &str) -> String {
    text.replace("FUTURE DATE", "2027-11-29T00:00:00Z")
        .replace("PAST DATE", "2025-11-29T00:00:00Z")
}

#[test]
fn accepts_and_rejects_as_labelled() {
    let manifest = read_json("vc-data-model-2.0/manifest.json");
    let mut tally = Tally::new("vc-data-model-2.0");
    let mut unused = 0;
    for case in manifest["cases"].as_array().expect("cases") {
        let file = case["file"].as_str().expect("file");
        let expected = case["expected"].as_str().expect("expected");
        let want_valid = match expected {
            "valid" => true,
            "invalid" | "fail_or_inject_context" => false,
            _ => {
                unused += 1;
                continue;
            }
        };
        let text = common::read_text(&format!("vc-data-model-2.0/{file}"));
        let document: Value = serde_json::from_str(&with_dates(&text)).expect("json");
        let got = match case["kind"].as_str() {
            Some("presentation") => validate_presentation(&document),
            _ => validate_credential(&document, Stage::ToIssue),
        };
        tally.record(file, got.is_ok() == want_valid, || {
            format!("expected {expected}, got {got:?}")
        });
    }
    assert_eq!(unused, 3, "the three files without an expectation");
    tally.finish();
}

#[test]
fn issued_credentials_must_name_their_issuer() {
    // The same inputs as a verifier receives them: without an issuer, or
    // with an issuer object lacking its id, none is acceptable.
    let document = read_json("vc-data-model-2.0/input/credential-issuer-object-ok.json");
    assert!(validate_credential(&document, Stage::ToIssue).is_ok());
    assert!(validate_credential(&document, Stage::Issued).is_err());
    let document = read_json("vc-data-model-2.0/input/credential-ok.json");
    assert!(validate_credential(&document, Stage::Issued).is_err());
}

#[test]
fn json_ld_cases_fail_for_their_own_reason() {
    use tracecheck_core::credential::EnvelopeError as E;
    let reason = |file: &str| {
        validate_credential(
            &read_json(&format!("vc-data-model-2.0/input/{file}")),
            Stage::ToIssue,
        )
        .err()
    };
    assert_eq!(
        reason("credential-redef-type-fail.json"),
        Some(E::ProtectedTermRedefined {
            term: "VerifiableCredential".into()
        })
    );
    assert_eq!(
        reason("credential-redef-type2-fail.json"),
        Some(E::ProtectedTermRedefined {
            term: "ExampleVerifiableCredential".into()
        })
    );
    assert_eq!(
        reason("credential-type-unmapped-fail.json"),
        Some(E::UnmappedType {
            name: "ExampleTestCredential".into()
        })
    );
    assert_eq!(
        reason("credential-type-mapped-nonurl-fail.json"),
        Some(E::BadContextEntry { index: 1 })
    );
}
