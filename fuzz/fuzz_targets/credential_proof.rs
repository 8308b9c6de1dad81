//! Untrusted bytes through everything a record meets before a verdict:
//! strict JSON, JCS, the data model, both proof formats (eddsa-jcs-2022
//! and VC-JOSE), key decoding, status lists, and the whole pipeline for a
//! credential given directly. Nothing may panic; nothing unsigned by the
//! pinned key may come out Verified.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tracecheck_core::credential::{Stage, read_envelope, validate_credential, validate_presentation};
use tracecheck_core::json::{Limits, canonicalize, parse};
use tracecheck_core::keys::{PublicKey, parse_did_key, read_jwk, read_multikey};
use tracecheck_core::proof::{JwsKind, Secured, read_jws};
use tracecheck_core::resolve::{Fetch, FetchError, Request, Response};
use tracecheck_core::status::{Bitstring, read_status_list};
use tracecheck_core::verdict::{Context, Level, verify_document};

/// Every request fails: the pipeline still runs through every check.
struct Offline;

impl Fetch for Offline {
    async fn fetch(&self, _: Request) -> Result<Response, FetchError> {
        Err(FetchError::Unreachable)
    }
}

fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let now = tracecheck_core::time::parse_timestamp("2026-11-29T12:00:00Z")
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        Context::new(now, Err(tracecheck_core::trust::TrustListError::Unavailable))
    })
}

fuzz_target!(|data: &[u8]| {
    // JSON → JCS: the canonical form is strict JSON and its own canonical
    // form (values compare through it: JCS writes 0.0 and 0 alike).
    if let Ok(value) = parse(data, Limits::DEFAULT) {
        let canonical = canonicalize(&value);
        let again = parse(&canonical, Limits::DEFAULT).expect("JCS output is strict JSON");
        assert_eq!(canonicalize(&again), canonical, "JCS is not idempotent");
        let _ = validate_credential(&value, Stage::Issued);
        let _ = validate_credential(&value, Stage::ToIssue);
        let _ = validate_presentation(&value);
        let _ = read_envelope(&value);
        let _ = read_jwk(&value);
        let _ = read_status_list(&value, "revocation", 1);
        if let Some(text) = value.as_str() {
            let _ = parse_did_key(text);
            let _ = read_multikey(text);
            let _ = Bitstring::decode(text).map(|list| list.status(u64::MAX / 3, 3));
        }
    }
    // Both proof formats, checked against a fixed key.
    let key = PublicKey::Ed25519([0x3b; 32]);
    for content_type in [None, Some("application/vc+jwt")] {
        if let Ok(secured) = Secured::read(data, content_type) {
            if let Ok(prepared) = secured.prepare() {
                let _ = prepared.check(&key);
                let _ = prepared.check_time(context().now);
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = read_jws(text, JwsKind::Presentation).and_then(|jws| jws.prepare("did:key:z6Mk"));
    }
    // The whole pipeline: without a trust list nothing can be Verified.
    let report = pollster::block_on(verify_document(data, context(), &Offline));
    assert_ne!(report.level, Level::Verified);
});
