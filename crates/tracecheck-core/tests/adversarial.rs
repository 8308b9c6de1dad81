//! For each check, a record that fails only that check: none may come out
//! Verified, and each must fail where it should, at the level DESIGN.md §5
//! gives it. The genuine world (a did:web producer signing with Data
//! Integrity, certifiers signing VC-JOSE) verifies, so every failure below
//! is caused by the one change each case makes.
#![cfg(not(target_arch = "wasm32"))]

mod scenario;

use scenario::*;
use serde_json::{Value, json};
use tracecheck_core::keys::KeyError;
use tracecheck_core::proof::ProofError;
use tracecheck_core::verdict::{CheckId, Finding, Level, Outcome};

/// Re-encodes a JWS payload after signing (the signature stays).
fn change_jws_payload(bytes: &mut Vec<u8>, change: impl Fn(&mut Value)) {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let parts: Vec<&str> = text.split('.').collect();
    let mut payload: Value =
        serde_json::from_slice(&B64.decode(parts[1]).unwrap_or_default()).unwrap_or_default();
    change(&mut payload);
    let encoded = B64.encode(serde_json::to_vec(&payload).unwrap_or_default());
    *bytes = format!("{}.{encoded}.{}", parts[0], parts[2]).into_bytes();
}

fn change_json(bytes: &mut Vec<u8>, change: impl Fn(&mut Value)) {
    let mut value: Value = serde_json::from_slice(bytes).unwrap_or_default();
    change(&mut value);
    *bytes = serde_json::to_vec(&value).unwrap_or_default();
}

#[test]
fn the_genuine_world_verifies_in_both_formats() {
    let (report, fetch) = Scenario::genuine().verify();
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
    assert_eq!(report.certifications.len(), 3);
    assert!(
        report
            .certifications
            .iter()
            .all(|c| c.outcome == Outcome::Pass)
    );
    // Linkset, passport, DID document, 2 producer lists, 3 certificates,
    // 2 certifier lists: each fetched once, the DID document included.
    let requests = fetch.requests.borrow();
    assert_eq!(requests.len(), 10, "{requests:#?}");
    let did_documents = requests.iter().filter(|u| u.ends_with("did.json")).count();
    assert_eq!(did_documents, 1);

    let mut jose = Scenario::genuine();
    jose.passport.securing = Securing::Jose;
    let (report, _) = jose.verify();
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
}

#[test]
fn signature_failures_are_counterfeit() {
    use CheckId::Signature;
    let counterfeit = Level::Counterfeit;

    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            change_json(b, |v| {
                v["credentialSubject"]["product"]["expiryDate"] = json!("2027-12-20")
            });
        }),
    ));
    expect("tampered DI passport", &s, counterfeit, &[Signature]);

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::Jose;
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            change_jws_payload(b, |v| {
                v["credentialSubject"]["product"]["batchNumber"] = json!(LOT)
            });
            change_jws_payload(b, |v| v["validUntil"] = json!("2099-01-01T00:00:00Z"));
        }),
    ));
    expect("tampered JWS payload", &s, counterfeit, &[Signature]);

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::Jose;
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8(b.clone()).unwrap_or_default();
            let payload = text.split('.').nth(1).unwrap_or_default().to_owned();
            // {"alg":"none","typ":"vc+jwt"}
            *b = format!("eyJhbGciOiJub25lIiwidHlwIjoidmMrand0In0.{payload}.").into_bytes();
        }),
    ));
    let r = expect("alg none", &s, counterfeit, &[Signature]);
    assert_eq!(
        finding(&r, Signature),
        Finding::SignatureInvalid {
            error: ProofError::UnsecuredJws
        }
    );

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::Jose;
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8(b.clone()).unwrap_or_default();
            let rest: Vec<&str> = text.splitn(2, '.').collect();
            // {"alg":"HS256","typ":"vc+jwt"}: a MAC "signed" with a public key.
            *b = format!("eyJhbGciOiJIUzI1NiIsInR5cCI6InZjK2p3dCJ9.{}", rest[1]).into_bytes();
        }),
    ));
    let r = expect("HS256", &s, counterfeit, &[Signature]);
    assert_eq!(
        finding(&r, Signature),
        Finding::SignatureInvalid {
            error: ProofError::UnsupportedAlgorithm {
                name: "HS256".into()
            }
        }
    );

    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            change_json(b, |v| v["proof"]["cryptosuite"] = json!("eddsa-rdfc-2022"));
        }),
    ));
    let r = expect("unknown cryptosuite", &s, counterfeit, &[Signature]);
    assert_eq!(
        finding(&r, Signature),
        Finding::SignatureInvalid {
            error: ProofError::UnsupportedSuite {
                name: "eddsa-rdfc-2022".into()
            }
        }
    );

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::DiPurpose("authentication".into());
    expect("proof for authentication", &s, counterfeit, &[Signature]);

    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            change_json(b, |v| {
                let proof = v["proof"].clone();
                v["proof"] = json!([proof.clone(), proof]);
            });
        }),
    ));
    expect("proof set", &s, counterfeit, &[Signature]);

    // Signed by the certifier (trusted, but not this record's issuer).
    let mut s = Scenario::genuine();
    s.passport.signer = CERTIFIER;
    let r = expect("signer is not the issuer", &s, counterfeit, &[Signature]);
    assert!(matches!(
        finding(&r, Signature),
        Finding::SignerNotIssuer { .. }
    ));

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::Jose;
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8(b.clone()).unwrap_or_default();
            let rest: Vec<&str> = text.splitn(2, '.').collect();
            // {"alg":"EdDSA","typ":"JWT"}: the signature no longer matches either.
            *b = format!("eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.{}", rest[1]).into_bytes();
        }),
    ));
    expect("JWS of another media type", &s, counterfeit, &[Signature]);
}

#[test]
fn key_resolution_failures() {
    use CheckId::Signature;
    let did_url = format!("https://{PRODUCER_HOST}/.well-known/did.json");

    let mut s = Scenario::genuine();
    let mut document = s.issuers[PRODUCER].did_document();
    document["assertionMethod"] = json!([]);
    document["authentication"] = json!([s.issuers[PRODUCER].method]);
    s.extra.insert(did_url.clone(), json_answer(&document));
    let r = expect(
        "key not for assertions",
        &s,
        Level::Counterfeit,
        &[Signature],
    );
    assert!(matches!(
        finding(&r, Signature),
        Finding::KeyUnavailable {
            error: KeyError::NotAnAssertionMethod { .. },
            ..
        }
    ));

    let mut s = Scenario::genuine();
    let mut document = s.issuers[PRODUCER].did_document();
    document["id"] = json!("did:web:evil.example");
    s.extra.insert(did_url.clone(), json_answer(&document));
    let r = expect(
        "DID document of another DID",
        &s,
        Level::Counterfeit,
        &[Signature],
    );
    assert!(matches!(
        finding(&r, Signature),
        Finding::KeyUnavailable {
            error: KeyError::DocumentIdMismatch { .. },
            ..
        }
    ));

    // An attacker's key in the producer's name: the DID document lists the
    // genuine key, so the forged signature fails.
    let mut s = Scenario::genuine();
    s.issuers[PRODUCER] = Issuer::did_web(66, PRODUCER_HOST);
    s.extra.insert(
        did_url.clone(),
        json_answer(&Issuer::did_web(2, PRODUCER_HOST).did_document()),
    );
    expect(
        "attacker key under the producer's DID",
        &s,
        Level::Counterfeit,
        &[Signature],
    );

    let mut s = Scenario::genuine();
    s.down.push(did_url.clone());
    let r = expect(
        "DID document unreachable",
        &s,
        Level::NotVerifiable,
        &[Signature],
    );
    assert!(matches!(
        finding(&r, Signature),
        Finding::KeyUnavailable {
            error: KeyError::DocumentUnavailable { .. },
            ..
        }
    ));

    let mut s = Scenario::genuine();
    s.after.push((
        did_url,
        Box::new(|b: &mut Vec<u8>| *b = b"{\"id\":1,\"id\":2}".to_vec()),
    ));
    expect(
        "DID document unreadable",
        &s,
        Level::NotVerifiable,
        &[Signature],
    );
}

#[test]
fn unsigned_and_expired_proofs() {
    use CheckId::Signature;
    let mut s = Scenario::genuine();
    s.passport.securing = Securing::None;
    // A listed producer's GTIN with no proof: whoever wrote it could not
    // sign as the producer (stripping a proof must not soften the verdict).
    let r = expect("no proof", &s, Level::Counterfeit, &[Signature]);
    assert!(matches!(
        finding(&r, Signature),
        Finding::UnsignedRecord { .. }
    ));
    // An unsigned record for a GTIN nobody listed owns: nothing to check.
    let mut s = Scenario::genuine();
    s.passport.securing = Securing::None;
    s.trust_list["credentialSubject"]["issuers"][0]["gs1CompanyPrefixes"] = json!(["8939999"]);
    expect(
        "no proof, unknown prefix",
        &s,
        Level::NotVerifiable,
        &[Signature],
    );

    let mut s = Scenario::genuine();
    s.passport.securing = Securing::DiExpired(3);
    let r = expect("proof past its expires", &s, Level::Caution, &[Signature]);
    assert!(matches!(
        finding(&r, Signature),
        Finding::SignatureInvalid {
            error: ProofError::Expired { .. }
        }
    ));
}

#[test]
fn trust_failures() {
    use CheckId::IssuerTrusted;
    let listing_of = |s: &mut Scenario, index: usize, entry: Value| {
        s.trust_list["credentialSubject"]["issuers"][index] = entry;
    };

    let mut s = Scenario::genuine();
    let producer = s.issuers[PRODUCER].did.clone();
    listing_of(
        &mut s,
        0,
        listing(
            "did:web:someone-else.example",
            &["producer"],
            &[PREFIX],
            &[],
        ),
    );
    let r = expect(
        "issuer not listed",
        &s,
        Level::Counterfeit,
        &[IssuerTrusted],
    );
    assert!(matches!(
        finding(&r, IssuerTrusted),
        Finding::IssuerNotTrusted { .. }
    ));

    let mut s = Scenario::genuine();
    listing_of(
        &mut s,
        0,
        listing(&producer, &["producer"], &["8935002"], &[]),
    );
    expect(
        "GTIN outside the company prefix",
        &s,
        Level::Counterfeit,
        &[IssuerTrusted],
    );

    let mut s = Scenario::genuine();
    listing_of(&mut s, 0, listing(&producer, &["producer"], &[""], &[]));
    expect(
        "an empty prefix grants nothing",
        &s,
        Level::Counterfeit,
        &[IssuerTrusted],
    );

    let mut s = Scenario::genuine();
    listing_of(
        &mut s,
        0,
        listing(&producer, &["certifier"], &[PREFIX], &["vietgap"]),
    );
    expect(
        "listed in another role",
        &s,
        Level::Counterfeit,
        &[IssuerTrusted],
    );

    let mut s = Scenario::genuine();
    let mut ended = listing(&producer, &["producer"], &[PREFIX], &[]);
    ended["validUntil"] = json!(stamp(-1));
    listing_of(&mut s, 0, ended);
    expect("listing ended", &s, Level::Counterfeit, &[IssuerTrusted]);

    let mut s = Scenario::genuine();
    let mut garbled = listing(&producer, &["producer"], &[PREFIX], &[]);
    garbled["validUntil"] = json!("forever");
    listing_of(&mut s, 0, garbled);
    expect(
        "a listing end that does not read",
        &s,
        Level::Counterfeit,
        &[IssuerTrusted],
    );

    let mut s = Scenario::genuine();
    s.trust_list["validUntil"] = json!(stamp(-1));
    s.trust_list["validFrom"] = json!(stamp(-60));
    expect("trust list overdue", &s, Level::Caution, &[IssuerTrusted]);

    // A trust list signed by another root: nothing can be trusted.
    let mut s = Scenario::genuine();
    s.issuers[ROOT] = Issuer::did_key(77);
    let (fetch, mut ctx) = s.publish();
    let genuine_root = Issuer::did_key(1).did;
    let trust_bytes =
        serde_json::to_vec(&s.issuers[ROOT].sign_di(&s.trust_list, "assertionMethod", None))
            .unwrap_or_default();
    ctx.trust = tracecheck_core::trust::load_trust_list(&trust_bytes, &genuine_root, now());
    assert!(ctx.trust.is_err());
    let report = pollster::block_on(tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch));
    assert_eq!(report.level, Level::NotVerifiable);
}

#[test]
fn status_failures() {
    use CheckId::NotRevoked;
    let set = |s: &mut Scenario, index: usize, purpose: &str, value: u8, entry: u64| {
        let url = s.status_lists[index].url.clone();
        let issuer = s.issuers[s.status_lists[index].signer].did.clone();
        s.status_lists[index].body = status_list(&issuer, &url, purpose, &[(entry, value)]);
    };

    let mut s = Scenario::genuine();
    set(&mut s, 0, "revocation", 1, 1000);
    let r = expect("revoked", &s, Level::Counterfeit, &[NotRevoked]);
    assert!(matches!(finding(&r, NotRevoked), Finding::Revoked { .. }));

    let mut s = Scenario::genuine();
    s.passport.body["credentialStatus"][0] =
        status_entry(&producer_list_url("suspension"), "suspension", 5);
    let url = producer_list_url("suspension");
    s.status_lists.push(Doc {
        body: status_list(&s.issuers[PRODUCER].did, &url, "suspension", &[(5, 1)]),
        url,
        signer: PRODUCER,
        securing: Securing::Di,
    });
    expect("suspended", &s, Level::Counterfeit, &[NotRevoked]);

    let mut s = Scenario::genuine();
    set(&mut s, 1, "message", 1, 1037);
    let r = expect("recall message", &s, Level::Caution, &[NotRevoked]);
    assert_eq!(r.notices, vec!["Recalled: do not eat".to_owned()]);

    let mut s = Scenario::genuine();
    s.down.push(producer_list_url("revocation"));
    let r = expect("status list unreachable", &s, Level::Caution, &[NotRevoked]);
    assert!(matches!(
        finding(&r, NotRevoked),
        Finding::StatusUnreachable { .. }
    ));

    let mut s = Scenario::genuine();
    s.status_lists[0].signer = ROGUE;
    s.status_lists[0].body["issuer"] = json!(s.issuers[ROGUE].did);
    expect(
        "status list of another issuer",
        &s,
        Level::Caution,
        &[NotRevoked],
    );

    let mut s = Scenario::genuine();
    s.after.push((
        producer_list_url("revocation"),
        Box::new(|b: &mut Vec<u8>| {
            change_json(b, |v| {
                v["credentialSubject"]["encodedList"] = json!(encoded_list(&[], 1, 131_072));
            });
        }),
    ));
    expect(
        "status list altered after signing",
        &s,
        Level::Caution,
        &[NotRevoked],
    );

    let mut s = Scenario::genuine();
    s.status_lists[0].body["credentialSubject"]["encodedList"] =
        json!(encoded_list(&[], 1, 100_000));
    let r = expect(
        "status list below 131,072 entries",
        &s,
        Level::Caution,
        &[NotRevoked],
    );
    assert!(matches!(
        finding(&r, NotRevoked),
        Finding::StatusListInvalid { .. }
    ));

    let mut s = Scenario::genuine();
    s.status_lists[0].body["validUntil"] = json!(stamp(-1));
    s.status_lists[0].body["validFrom"] = json!(stamp(-40));
    expect("status list overdue", &s, Level::Caution, &[NotRevoked]);

    let mut s = Scenario::genuine();
    if let Some(entries) = s.passport.body["credentialStatus"].as_array_mut() {
        entries.push(json!({"type": "StatusList2021Entry", "id": "https://coop.example/s#1"}));
    }
    let r = expect(
        "a status type this verifier cannot read",
        &s,
        Level::Caution,
        &[NotRevoked],
    );
    assert!(matches!(
        finding(&r, NotRevoked),
        Finding::StatusUnsupported { .. }
    ));

    let mut s = Scenario::genuine();
    s.passport.body["credentialStatus"][0]["statusListIndex"] = json!("131072");
    expect("index beyond the list", &s, Level::Caution, &[NotRevoked]);
}

#[test]
fn binding_and_validity_failures() {
    use CheckId::{ProductBinding, Validity};
    let mut s = Scenario::genuine();
    s.code = format!("{RESOLVER}/01/{}/10/{LOT}", gtin("00002"));
    let r = expect(
        "another GTIN's code",
        &s,
        Level::Counterfeit,
        &[ProductBinding],
    );
    assert!(matches!(
        finding(&r, ProductBinding),
        Finding::GtinMismatch { .. }
    ));

    let mut s = Scenario::genuine();
    s.code = format!("{RESOLVER}/01/{}/10/OTHERLOT", gtin("00001"));
    expect("another lot", &s, Level::Counterfeit, &[ProductBinding]);

    let mut s = Scenario::genuine();
    s.code = format!("{RESOLVER}/01/{}/21/SERIAL9", gtin("00001"));
    expect(
        "a serial the record does not have",
        &s,
        Level::Counterfeit,
        &[ProductBinding],
    );

    let mut s = Scenario::genuine();
    s.passport.body["validFrom"] = json!(stamp(-100));
    s.passport.body["validUntil"] = json!(stamp(-1));
    expect("record expired", &s, Level::Caution, &[Validity]);

    let mut s = Scenario::genuine();
    s.passport.body["validFrom"] = json!(stamp(2));
    expect("record not valid yet", &s, Level::Caution, &[Validity]);

    let mut s = Scenario::genuine();
    s.passport.body["credentialSubject"]["product"]["expiryDate"] = json!("2026-11-01");
    expect("product past expiry", &s, Level::Caution, &[Validity]);
}

#[test]
fn certification_failures() {
    use CheckId::Certification;
    let counterfeit = Level::Counterfeit;

    let mut s = Scenario::genuine();
    s.certifications[0].signer = PRODUCER;
    let producer = s.issuers[PRODUCER].did.clone();
    s.certifications[0].body["issuer"]["id"] = json!(producer);
    s.certifications[0].securing = Securing::Di;
    let r = expect("self-certified", &s, counterfeit, &[Certification]);
    assert!(matches!(
        finding(&r, Certification),
        Finding::IssuerNotTrusted {
            problem: tracecheck_core::trust::TrustProblem::WrongRole { .. }
        }
    ));

    let mut s = Scenario::genuine();
    s.certifications[2].body["credentialSubject"]["scheme"]["code"] = json!("vietgap");
    let r = expect(
        "OCOP council certifying VietGAP",
        &s,
        counterfeit,
        &[Certification],
    );
    assert!(matches!(
        finding(&r, Certification),
        Finding::IssuerNotTrusted {
            problem: tracecheck_core::trust::TrustProblem::SchemeOutOfScope { .. }
        }
    ));

    let mut s = Scenario::genuine();
    s.certifications[0].body["credentialSubject"]["scheme"]["code"] = json!("ocop");
    expect(
        "VietGAP certifier rating OCOP",
        &s,
        counterfeit,
        &[Certification],
    );

    let mut s = Scenario::genuine();
    let url = s.certifications[1].url.clone();
    s.after
        .push((url, Box::new(|b: &mut Vec<u8>| b.push(b'\n'))));
    let r = expect(
        "certificate differs from its hash",
        &s,
        counterfeit,
        &[Certification],
    );
    assert_eq!(
        finding(&r, Certification),
        Finding::CertificationHashMismatch
    );

    let mut s = Scenario::genuine();
    s.certifications[0].body["credentialSubject"]["issuedToParty"]["id"] =
        json!("did:web:other.example");
    s.certifications[0].body["credentialSubject"]["assessedProducts"] =
        json!([{"registeredId": "08935002000019"}]);
    expect(
        "certificate for someone else",
        &s,
        counterfeit,
        &[Certification],
    );

    let mut s = Scenario::genuine();
    s.certifications[0].body["validFrom"] = json!(stamp(-800));
    s.certifications[0].body["validUntil"] = json!(stamp(-2));
    expect("certificate expired", &s, Level::Caution, &[Certification]);

    let mut s = Scenario::genuine();
    let issuer = s.issuers[CERTIFIER].did.clone();
    s.status_lists[2].body = status_list(
        &issuer,
        &certifier_list_url("cert.example"),
        "revocation",
        &[(10, 1)],
    );
    expect("certificate revoked", &s, counterfeit, &[Certification]);

    // The same through the OCOP council's VC-JOSE status list.
    let mut s = Scenario::genuine();
    let council = s.issuers[OCOP].did.clone();
    s.status_lists[3].body = status_list(
        &council,
        &certifier_list_url("ocop.example"),
        "revocation",
        &[(12, 1)],
    );
    expect(
        "OCOP rating revoked (JWS list)",
        &s,
        counterfeit,
        &[Certification],
    );

    let mut s = Scenario::genuine();
    let url = s.certifications[2].url.clone();
    s.down.push(url);
    expect(
        "certificate unreachable",
        &s,
        Level::Caution,
        &[Certification],
    );

    // Tampered after signing, with the passport's hash updated to match.
    let mut s = Scenario::genuine();
    s.certifications[0].securing = Securing::Di;
    let (mut fetch, ctx) = s.publish();
    let url = s.certifications[0].url.clone();
    if let Some(served) = fetch.files.get_mut(&url) {
        change_json(&mut served.body, |v| {
            v["validUntil"] = json!("2099-01-01T00:00:00Z")
        });
    }
    let report = pollster::block_on(tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch));
    assert_eq!(report.level, Level::Counterfeit, "certificate tampered");
}

#[test]
fn resolver_and_data_model_failures() {
    let mut s = Scenario::genuine();
    s.trust_list["credentialSubject"]["resolvers"] = json!([{"host": "other-resolver.example"}]);
    expect(
        "unknown resolver host",
        &s,
        Level::Caution,
        &[CheckId::ResolverHost],
    );

    let mut s = Scenario::genuine();
    s.passport.body["validUntil"] = json!(stamp(-5));
    s.passport.body["validFrom"] = json!(stamp(-1));
    expect(
        "validity reversed (signed)",
        &s,
        Level::NotVerifiable,
        &[CheckId::RecordFound],
    );

    let mut s = Scenario::genuine();
    s.passport.body["@context"] = json!([VC, {"VerifiableCredential": "https://evil.example/#VC"}]);
    expect(
        "protected term redefined (signed)",
        &s,
        Level::NotVerifiable,
        &[CheckId::RecordFound],
    );
}

#[test]
fn hostile_bytes_never_verify() {
    use CheckId::RecordFound;
    let replace = |text: String| {
        let mut s = Scenario::genuine();
        s.after.push((
            passport_url(),
            Box::new(move |b: &mut Vec<u8>| *b = text.clone().into_bytes()),
        ));
        s
    };
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    expect(
        "deep nesting",
        &replace(deep),
        Level::NotVerifiable,
        &[RecordFound],
    );
    let huge = format!("\"{}\"", "a".repeat(1 << 20));
    expect(
        "over 1 MiB",
        &replace(huge),
        Level::NotVerifiable,
        &[RecordFound],
    );
    expect(
        "BOM",
        &replace("\u{feff}{}".into()),
        Level::NotVerifiable,
        &[RecordFound],
    );

    // A duplicate member: the signature could cover one value, the page show another.
    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8(b.clone()).unwrap_or_default();
            *b = text
                .replacen(
                    "\"batchNumber\"",
                    "\"batchNumber\": \"FAKE\", \"batchNumber\"",
                    1,
                )
                .into_bytes();
        }),
    ));
    expect("duplicate member", &s, Level::NotVerifiable, &[RecordFound]);

    // An identifier written as a number beyond 2^53 (signed as it is).
    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8(b.clone()).unwrap_or_default();
            *b = text
                .replacen(
                    "\"productionDate\"",
                    "\"lotNumber\": 18446744073709551617, \"productionDate\"",
                    1,
                )
                .into_bytes();
        }),
    ));
    expect("imprecise number", &s, Level::NotVerifiable, &[RecordFound]);

    // A passport claiming more certifications than the fetch budget allows.
    let mut s = Scenario::genuine();
    let claims: Vec<Value> = (0..40)
        .map(|i| json!({"referenceScheme": {"name": "X"}, "conformityEvidence": {"linkURL": format!("https://cert.example/c{i}.json")}}))
        .collect();
    s.passport.body["credentialSubject"]["conformityClaim"] = Value::Array(claims);
    let (report, fetch) = s.verify();
    assert_eq!(report.level, Level::Caution);
    assert!(
        fetch.requests.borrow().len() <= 24,
        "budget: {}",
        fetch.requests.borrow().len()
    );
    assert!(report.checks.iter().any(|c| matches!(
        &c.finding,
        Finding::FetchFailed {
            error: tracecheck_core::resolve::FetchError::BudgetExhausted { .. },
            ..
        }
    )));
}
