//! Attacks above the signatures (issue 11): no forged key, only a listed
//! producer or certifier acting outside its scope, or a hostile resolver.
//! Each case is one change to the genuine world; none may come out
//! Verified, and what the view may call verified must never carry the
//! attacker's words.
#![cfg(not(target_arch = "wasm32"))]

mod scenario;

use scenario::*;
use serde_json::json;
use tracecheck_core::credential::Scheme;
use tracecheck_core::resolve::{FetchError, UrlError};
use tracecheck_core::verdict::{CheckId, Finding, Level, Outcome};

// --- 1. Badge text comes from the scheme table, never from free text -------

#[test]
fn a_vietgap_certifier_cannot_write_an_ocop_badge() {
    let mut s = Scenario::genuine();
    let subject = &mut s.certifications[0].body["credentialSubject"];
    subject["scheme"]["name"] = json!("OCOP ★★★★★");
    subject["rating"] = json!(5);
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
    let badge = report.certifications[0]
        .verified
        .as_ref()
        .expect("verified");
    assert_eq!(badge.scheme, Scheme::VietGap);
    assert_eq!(badge.stars, None, "stars only from the OCOP council");
    assert_eq!(badge.name_as_written.pick(&["vi"]), Some("OCOP ★★★★★"));
}

#[test]
fn the_ocop_councils_credential_is_ocop_whatever_it_calls_itself() {
    let mut s = Scenario::genuine();
    let subject = &mut s.certifications[2].body["credentialSubject"];
    subject["scheme"]["name"] = json!("VietGAP");
    subject["rating"] = json!(4);
    let (report, _) = s.verify();
    let badge = report.certifications[2]
        .verified
        .as_ref()
        .expect("verified");
    assert_eq!(badge.scheme, Scheme::Ocop);
    assert_eq!(badge.stars.map(|s| s.count()), Some(4));
}

#[test]
fn a_rating_outside_ocop_or_one_to_five_shows_no_stars() {
    let mut s = Scenario::genuine();
    s.certifications[1].body["credentialSubject"]["rating"] = json!(5);
    s.certifications[2].body["credentialSubject"]["rating"] = json!(9);
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::Verified);
    for index in [1, 2] {
        let badge = report.certifications[index]
            .verified
            .as_ref()
            .expect("verified");
        assert_eq!(badge.stars, None, "claim {index}");
    }
}

#[test]
fn a_claim_naming_another_scheme_than_its_certificate_is_a_finding() {
    let mut s = Scenario::genuine();
    let (fetch, ctx) = {
        // Publish, then relabel the first claim (the passport is re-signed).
        let mut passport_claims = Vec::new();
        s.passport.body["credentialSubject"]["conformityClaim"] = json!([]);
        let (fetch, _) = s.publish();
        let signed = fetch.files[&passport_url()].body.clone();
        let value: serde_json::Value = serde_json::from_slice(&signed).unwrap_or_default();
        for (index, claim) in value["credentialSubject"]["conformityClaim"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let mut claim = claim;
            if index == 0 {
                claim["referenceScheme"] = json!({"code": "ocop", "name": "OCOP 5 sao"});
            }
            passport_claims.push(claim);
        }
        s.passport.body["credentialSubject"]["conformityClaim"] = json!(passport_claims);
        s.publish()
    };
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::Counterfeit, "{:#?}", report.checks);
    assert_eq!(
        finding(&report, CheckId::Certification),
        Finding::CertificationSchemeMismatch {
            claimed: Scheme::Ocop,
            certified: Scheme::VietGap,
        }
    );
    assert!(report.verified.is_none());
}

// --- 2. Certificates bound to evidence the producer cannot write ------------

fn add_listing(s: &mut Scenario, entry: serde_json::Value) {
    if let Some(list) = s.trust_list["credentialSubject"]["issuers"].as_array_mut() {
        list.push(entry);
    }
}

#[test]
fn a_producer_cannot_borrow_another_companys_certificate() {
    // Another listed producer holds a genuine VietGAP certificate; ours
    // names that company as its producedByParty and links the certificate.
    let mut s = Scenario::genuine();
    let other = Issuer::did_key(9);
    add_listing(
        &mut s,
        listing(&other.did, &["producer"], &["8935002"], &[]),
    );
    s.certifications[0].body["credentialSubject"]["issuedToParty"]["id"] = json!(other.did);
    s.passport.body["credentialSubject"]["product"]["producedByParty"]["id"] = json!(other.did);
    let r = expect(
        "borrowed certificate",
        &s,
        Level::Counterfeit,
        &[CheckId::Certification],
    );
    assert!(matches!(
        finding(&r, CheckId::Certification),
        Finding::CertificationNotForProduct { .. }
    ));
}

#[test]
fn a_certificate_held_by_a_producer_listed_for_this_gtin_counts() {
    // A cooperative's member farm, listed for the same company prefix.
    let mut s = Scenario::genuine();
    let farm = Issuer::did_key(10);
    add_listing(&mut s, listing(&farm.did, &["producer"], &[PREFIX], &[]));
    s.certifications[0].body["credentialSubject"]["issuedToParty"]["id"] = json!(farm.did);
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
}

#[test]
fn a_certificate_without_a_holder_backs_nothing() {
    let mut s = Scenario::genuine();
    let subject = &mut s.certifications[0].body["credentialSubject"];
    if let Some(map) = subject.as_object_mut() {
        map.remove("issuedToParty");
    }
    expect(
        "no holder",
        &s,
        Level::Counterfeit,
        &[CheckId::Certification],
    );
}

#[test]
fn the_producers_certificate_for_other_products_is_a_caution_without_a_badge() {
    let mut s = Scenario::genuine();
    s.certifications[2].body["credentialSubject"]["assessedProducts"] =
        json!([{"registeredId": gtin("00002")}]);
    let (report, fetch) = s.verify();
    assert_eq!(report.level, Level::Caution, "{:#?}", report.checks);
    assert_eq!(
        finding(&report, CheckId::Certification),
        Finding::CertificationForOtherProducts {
            gtin: gtin("00001")
        }
    );
    assert!(report.certifications[2].verified.is_none(), "no badge");
    // Decided without fetching its status list (the OCOP council's own).
    let requests = fetch.requests.borrow();
    assert_eq!(requests.len(), 9, "{requests:#?}");
}

// --- 3. Redirects: every hop within the policy -------------------------------

#[test]
fn a_resolver_redirect_to_a_private_address_is_refused() {
    for target in [
        "http://169.254.169.254/latest/meta-data/",
        "https://10.0.0.7/internal",
        "https://localhost/admin",
        "http://resolver.example/01/x",
    ] {
        let s = Scenario::genuine();
        let (mut fetch, mut ctx) = s.publish();
        ctx.policy = tracecheck_core::resolve::UrlPolicy::public();
        fetch
            .files
            .insert(s.code.clone(), Served::redirect(302, target));
        let report = run(
            &fetch.net,
            tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
        );
        assert_eq!(report.level, Level::NotVerifiable, "{target}");
        assert!(
            matches!(
                finding(&report, CheckId::RecordFound),
                Finding::UrlRefused {
                    error: UrlError::NotPublic { .. } | UrlError::NotHttps { .. }
                }
            ),
            "{target}: {:?}",
            finding(&report, CheckId::RecordFound)
        );
        let requested = fetch.requests.borrow();
        assert_eq!(
            *requested,
            vec![s.code.clone()],
            "{target}: nothing fetched past the hop"
        );
    }
}

#[test]
fn redirects_within_the_policy_are_followed_a_few_times_only() {
    let s = Scenario::genuine();
    let (mut fetch, ctx) = s.publish();
    let linkset = fetch.files[&s.code].clone();
    fetch
        .files
        .insert(s.code.clone(), Served::redirect(301, "/moved/1"));
    fetch
        .files
        .insert(format!("{RESOLVER}/moved/1"), Served::redirect(307, "2"));
    fetch.files.insert(format!("{RESOLVER}/moved/2"), linkset);
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);

    let (mut fetch, ctx) = s.publish();
    fetch
        .files
        .insert(s.code.clone(), Served::redirect(302, "/loop/0"));
    for n in 0..10 {
        let next = format!("/loop/{}", n + 1);
        fetch
            .files
            .insert(format!("{RESOLVER}/loop/{n}"), Served::redirect(302, &next));
    }
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::NotVerifiable);
    assert!(matches!(
        finding(&report, CheckId::RecordFound),
        Finding::FetchFailed {
            error: FetchError::TooManyRedirects,
            ..
        }
    ));
    assert_eq!(
        fetch.requests.borrow().len(),
        6,
        "one request and five hops"
    );
}

// --- 4. The root can withdraw its trust list ---------------------------------

#[test]
fn a_trust_list_is_only_used_while_its_own_status_allows() {
    use tracecheck_core::resolve::UrlPolicy;
    use tracecheck_core::trust::{ListStatus, TrustListError};
    use tracecheck_core::verdict::check_trust_list;
    let s = Scenario::genuine();
    let root = &s.issuers[ROOT];
    let revocation = "https://trust.example/status/revocation.json";
    let suspension = "https://trust.example/status/suspension.json";
    let mut trust = s.trust_list.clone();
    trust["credentialStatus"] = json!([
        status_entry(revocation, "revocation", 5),
        status_entry(suspension, "suspension", 5)
    ]);
    let bytes =
        serde_json::to_vec(&root.sign_di(&trust, "assertionMethod", None)).unwrap_or_default();
    let lists = |revoked: &[(u64, u8)], suspended: &[(u64, u8)], signer: &Issuer| {
        let mut files = std::collections::HashMap::new();
        for (url, purpose, set) in [
            (revocation, "revocation", revoked),
            (suspension, "suspension", suspended),
        ] {
            let list = status_list(&root.did, url, purpose, set);
            files.insert(
                url.to_owned(),
                json_answer(&signer.sign_di(&list, "assertionMethod", None)),
            );
        }
        MemoryFetch::new(files)
    };
    let load = |fetch: &MemoryFetch| {
        run(
            &fetch.net,
            check_trust_list(fetch, &UrlPolicy::default(), &bytes, &root.did, now()),
        )
    };
    let clear = load(&lists(&[], &[], root)).map(|l| l.status_checked);
    assert_eq!(clear, Ok(ListStatus::Clear));
    assert_eq!(
        load(&lists(&[(5, 1)], &[], root)),
        Err(TrustListError::Revoked)
    );
    assert_eq!(
        load(&lists(&[], &[(5, 1)], root)),
        Err(TrustListError::Suspended)
    );
    // Another entry's bit set: still clear.
    assert!(load(&lists(&[(6, 1)], &[], root)).is_ok());
    // Lists signed by someone else, or unreachable: used, status unknown.
    let rogue = &s.issuers[ROGUE];
    let forged = load(&lists(&[], &[], rogue)).map(|l| l.status_checked);
    assert_eq!(forged, Ok(ListStatus::Unknown));
    let offline = load(&MemoryFetch::new(std::collections::HashMap::new()));
    let Ok(offline) = offline else {
        panic!("an unreachable status leaves the list usable: {offline:?}");
    };
    assert_eq!(offline.status_checked, ListStatus::Unknown);

    // A verification with a list whose status is unknown is a Caution.
    let (fetch, mut ctx) = s.publish();
    ctx.trust = Ok(offline);
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::Caution, "{:#?}", report.checks);
    assert_eq!(
        report
            .checks
            .iter()
            .find(|c| c.id == CheckId::IssuerTrusted)
            .map(|c| c.outcome),
        Some(Outcome::Caution)
    );
}

// --- 5. Dates fail closed -----------------------------------------------------

#[test]
fn a_product_date_that_does_not_read_is_not_no_limit() {
    let mut s = Scenario::genuine();
    s.passport.body["credentialSubject"]["product"]["expiryDate"] = json!("20/12/2026");
    let r = expect(
        "unreadable expiry",
        &s,
        Level::Caution,
        &[CheckId::Validity],
    );
    assert!(matches!(
        finding(&r, CheckId::Validity),
        Finding::ProductDateUnreadable { .. }
    ));
    let batch = r.verified.and_then(|v| v.batch).expect("batch");
    assert_eq!(batch.expiry_date, None, "not shown");

    // A past expiry written as a date-time still counts as past.
    let mut s = Scenario::genuine();
    s.passport.body["credentialSubject"]["product"]["expiryDate"] = json!("2025-01-01T00:00:00Z");
    let r = expect(
        "expired date-time",
        &s,
        Level::Caution,
        &[CheckId::Validity],
    );
    assert!(matches!(
        finding(&r, CheckId::Validity),
        Finding::ProductExpired { .. }
    ));

    // A future one reads, and is shown.
    let mut s = Scenario::genuine();
    s.passport.body["credentialSubject"]["product"]["expiryDate"] =
        json!("2027-06-30T00:00:00+07:00");
    let (r, _) = s.verify();
    assert_eq!(r.level, Level::Verified);
    let batch = r.verified.and_then(|v| v.batch).expect("batch");
    assert_eq!(
        batch.expiry_date.map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );
}

// --- 6. A proof made in the future -------------------------------------------

#[test]
fn a_proof_created_in_the_future_is_a_caution() {
    let mut s = Scenario::genuine();
    s.passport.securing = Securing::DiCreated(stamp(3 * 365));
    let r = expect(
        "created in 3 years",
        &s,
        Level::Caution,
        &[CheckId::Signature],
    );
    assert!(matches!(
        finding(&r, CheckId::Signature),
        Finding::SignedInFuture { .. }
    ));
    // Within the clock skew, it passes.
    let mut s = Scenario::genuine();
    let soon = tracecheck_core::time::format_timestamp(now() + time::Duration::minutes(5));
    s.passport.securing = Securing::DiCreated(soon);
    assert_eq!(s.verify().0.level, Level::Verified);
}

// --- 8. Slow warnings: decisive failures stop the fetching, one deadline ----

/// Every host answers after `ms`.
fn slow(s: &Scenario, ms: f64) -> (MemoryFetch, tracecheck_core::verdict::Context) {
    let (mut fetch, ctx) = s.publish();
    fetch.default_latency = ms;
    (fetch, ctx)
}

#[test]
fn an_untrusted_issuer_is_flagged_without_fetching_its_evidence() {
    let mut s = Scenario::genuine();
    s.trust_list["credentialSubject"]["issuers"][0]["id"] = json!("did:web:someone-else.example");
    // A dozen claims on a slow server.
    let claims: Vec<_> = (0..12)
        .map(|n| json!({"referenceScheme": {"code": "vietgap"},
                        "conformityEvidence": {"linkURL": format!("https://slow.example/c/{n}.json")}}))
        .collect();
    s.passport.body["credentialSubject"]["conformityClaim"] = json!(claims);
    let (mut fetch, ctx) = slow(&s, 1_000.0);
    for n in 0..12 {
        fetch
            .latency
            .insert(format!("https://slow.example/c/{n}.json"), 7_000.0);
    }
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::Counterfeit, "{:#?}", report.checks);
    let requests = fetch.requests.borrow();
    assert!(
        requests
            .iter()
            .all(|u| !u.contains("slow.example") && !u.contains("/status/")),
        "{requests:#?}"
    );
    // Linkset, passport, DID document: three round trips, not fifteen.
    assert_eq!(fetch.net.clock.get(), 3_000.0);
}

#[test]
fn the_evidence_of_a_genuine_record_is_fetched_concurrently() {
    let s = Scenario::genuine();
    let (fetch, ctx) = slow(&s, 100.0);
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
    // Linkset → passport → (DID document ∥ status lists ∥ certificates) →
    // certificates' status lists: four round trips, for ten requests.
    assert_eq!(fetch.requests.borrow().len(), 10);
    assert_eq!(fetch.net.clock.get(), 400.0);
}

#[test]
fn one_deadline_bounds_the_whole_verification() {
    let s = Scenario::genuine();
    let (mut fetch, ctx) = s.publish();
    for doc in &s.certifications {
        fetch.latency.insert(doc.url.clone(), 30_000.0);
    }
    let report = run(
        &fetch.net,
        tracecheck_core::verdict::verify_code(&s.code, &ctx, &fetch),
    );
    assert!(
        fetch.net.clock.get() <= 10_000.0,
        "{} ms",
        fetch.net.clock.get()
    );
    assert_eq!(report.level, Level::Caution, "{:#?}", report.checks);
    assert!(
        report
            .checks
            .iter()
            .filter(|c| c.id == CheckId::Certification)
            .all(|c| c.outcome == Outcome::Caution)
    );
}
