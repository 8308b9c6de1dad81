//! Codes of other Vietnamese traceability systems (issue 16): recognised,
//! never verified, nothing fetched, a secret code flagged and a GTIN in the
//! link offered for checking.
#![cfg(not(target_arch = "wasm32"))]

mod scenario;

use scenario::*;
use tracecheck_core::code::{ForeignSystem, StampKind};
use tracecheck_core::verdict::{Finding, Level};

fn verify(url: &str) -> (tracecheck_core::verdict::Report, MemoryFetch) {
    let mut s = Scenario::genuine();
    s.code = url.to_owned();
    s.verify()
}

#[test]
fn a_legacy_stamp_is_never_verified_and_nothing_is_fetched() {
    let cases = [
        (
            "https://hy.check.net.vn/t2/SECRET77",
            ForeignSystem::ESupplyChain,
            StampKind::SecretCode,
        ),
        (
            "https://esupplychain.vn/t1/A1",
            ForeignSystem::ESupplyChain,
            StampKind::PublicCode,
        ),
        (
            "https://check.cantho.gov.vn/p/42",
            ForeignSystem::ESupplyChain,
            StampKind::ProductPage,
        ),
        (
            "https://truyxuatnguongoc.gov.vn/sp/9",
            ForeignSystem::NationalPortal,
            StampKind::Other,
        ),
        (
            "https://icheck.com.vn/san-pham/1",
            ForeignSystem::ICheck,
            StampKind::Other,
        ),
        (
            "https://te-food.com/t/1",
            ForeignSystem::TeFood,
            StampKind::Other,
        ),
    ];
    for (url, want_system, want_stamp) in cases {
        let (report, fetch) = verify(url);
        assert_ne!(report.level, Level::Verified, "{url}");
        assert!(report.verified.is_none(), "{url}");
        assert!(fetch.requests.borrow().is_empty(), "{url}: fetched");
        let found = report.checks.iter().find_map(|c| match &c.finding {
            Finding::ForeignSystem { system, stamp, .. } => Some((*system, *stamp)),
            _ => None,
        });
        assert_eq!(found, Some((want_system, want_stamp)), "{url}");
    }
}

#[test]
fn a_gtin_in_the_link_is_offered_but_not_a_secret_code() {
    let gtin_of = |url: &str| {
        verify(url).0.checks.iter().find_map(|c| match &c.finding {
            Finding::ForeignSystem { gtin, .. } => Some(gtin.clone()),
            _ => None,
        })
    };
    assert_eq!(
        gtin_of("https://icheck.vn/product?gtin=8931234567897"),
        Some(Some("08931234567897".into()))
    );
    assert_eq!(
        gtin_of("https://esupplychain.vn/t2/8931234567897"),
        Some(None)
    );
    assert_eq!(
        gtin_of("https://icheck.vn/product?gtin=8931234567893"),
        Some(None)
    );
}
