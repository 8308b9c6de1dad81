//! The verdict a shopper can act on (issue 17): a recall is its own level,
//! a code without a lot verifies the product only, the banner's reason is
//! the check that decided, and the passport checklist says what is there.
#![cfg(not(target_arch = "wasm32"))]

mod scenario;

use scenario::*;
use serde_json::json;
use tracecheck_core::verdict::{CheckId, Level, Outcome, Presence, Requirement};

/// The genuine world with a `recall` status entry on the passport, and
/// `set` bits in the producer's recall list (signed by `signer`).
fn with_recall(set: &[(u64, u8)], signer: usize) -> Scenario {
    let mut s = Scenario::genuine();
    let list = producer_list_url("recall");
    let mut entries = s.passport.body["credentialStatus"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    entries.push(status_entry(&list, "recall", 1000));
    s.passport.body["credentialStatus"] = json!(entries);
    let producer = s.issuers[PRODUCER].did.clone();
    s.status_lists.push(Doc {
        body: status_list(&producer, &list, "recall", set),
        url: list,
        signer,
        securing: Securing::Di,
    });
    s
}

#[test]
fn a_recalled_batch_is_recalled_not_a_fake() {
    let (report, _) = with_recall(&[(1000, 1)], PRODUCER).verify();
    assert_eq!(report.level, Level::Recalled, "{:#?}", report.checks);
    assert!(report.verified.is_some(), "the recalled product is shown");
    assert_eq!(
        report.decisive_check().map(|c| c.id),
        Some(CheckId::NotRevoked)
    );

    // Revoked as well: the recall explains the revocation.
    let mut s = with_recall(&[(1000, 1)], PRODUCER);
    let producer = s.issuers[PRODUCER].did.clone();
    s.status_lists[0].body = status_list(
        &producer,
        &producer_list_url("revocation"),
        "revocation",
        &[(1000, 1)],
    );
    assert_eq!(s.verify().0.level, Level::Recalled);

    // Revoked without a recall stays a warning.
    let mut s = Scenario::genuine();
    s.status_lists[0].body = status_list(
        &producer,
        &producer_list_url("revocation"),
        "revocation",
        &[(1000, 1)],
    );
    assert_eq!(s.verify().0.level, Level::Counterfeit);

    // Another entry's recall: not this batch.
    assert_eq!(
        with_recall(&[(1001, 1)], PRODUCER).verify().0.level,
        Level::Verified
    );
}

#[test]
fn only_the_producers_own_list_can_recall() {
    // A recall list signed by someone else is not trusted: Caution, never
    // Recalled (nor Verified).
    let (report, _) = with_recall(&[(1000, 1)], ROGUE).verify();
    assert_eq!(report.level, Level::Caution, "{:#?}", report.checks);
}

#[test]
fn a_code_without_a_lot_verifies_the_product_only() {
    let mut s = Scenario::genuine();
    s.code = format!("{RESOLVER}/01/{}", gtin("00001"));
    // The resolver answers the bare GTIN with one batch's passport.
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::ProductVerified, "{:#?}", report.checks);
    let verified = report.verified.as_ref().expect("product facts");
    assert!(
        verified.batch.is_none(),
        "no batch facts for a product code"
    );
    assert_eq!(report.decisive_check(), None);
    let checklist = report.checklist();
    let presence = |r| {
        checklist
            .iter()
            .find(|i| i.requirement == r)
            .map(|i| i.presence)
    };
    assert_eq!(presence(Requirement::NameAndGtin), Some(Presence::Verified));
    assert_eq!(presence(Requirement::Dates), Some(Presence::Unverified));
    assert_eq!(
        presence(Requirement::Certificates),
        Some(Presence::Verified)
    );
}

#[test]
fn the_checklist_says_what_is_signed_unsigned_or_missing() {
    let (report, _) = Scenario::genuine().verify();
    let items: Vec<_> = report
        .checklist()
        .into_iter()
        .map(|i| (i.requirement, i.presence))
        .collect();
    assert_eq!(
        items,
        vec![
            (Requirement::NameAndGtin, Presence::Verified),
            // The scenario's producer has no address; no facility, no country.
            (Requirement::Producer, Presence::Missing),
            (Requirement::Origin, Presence::Missing),
            (Requirement::Traceability, Presence::Missing),
            (Requirement::Certificates, Presence::Verified),
            (Requirement::Dates, Presence::Verified),
            (Requirement::SafetyWarnings, Presence::Missing),
        ]
    );
    // A forged record's content is all unverified.
    let mut s = Scenario::genuine();
    s.after.push((
        passport_url(),
        Box::new(|b: &mut Vec<u8>| {
            let text = String::from_utf8_lossy(b).replace("Nhãn lồng", "Nhãn giả");
            *b = text.into_bytes();
        }),
    ));
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::Counterfeit);
    assert!(
        report
            .checklist()
            .iter()
            .all(|i| i.presence != Presence::Verified)
    );
}

#[test]
fn the_decisive_check_is_the_one_behind_the_level() {
    let mut s = Scenario::genuine();
    s.certifications[0].body["validFrom"] = json!(stamp(-800));
    s.certifications[0].body["validUntil"] = json!(stamp(-2));
    let (report, _) = s.verify();
    assert_eq!(report.level, Level::Caution);
    let decisive = report.decisive_check().expect("a reason");
    assert_eq!(
        (decisive.id, decisive.outcome),
        (CheckId::Certification, Outcome::Caution)
    );
}
