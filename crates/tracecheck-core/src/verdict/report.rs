use serde::Serialize;
use time::OffsetDateTime;

use super::facts::{VerifiedBatch, VerifiedCertification, VerifiedRecord};
use super::{Check, CheckId, Outcome};
use crate::code::Gs1Code;
use crate::credential::{ClaimRef, Passport, Text};
use crate::proof::ProofFormat;
use crate::trust::{ListStatus, ReportContact, TrustList, is_demo_root};

/// The verdict levels. Their names ([`Level::code`], the JSON) are the one
/// vocabulary the widget, the badge, the kiosk and the CLI share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Every check passed, for the batch the code names.
    Verified,
    /// Every check passed, but the code names only the product (a bare GTIN,
    /// an EAN barcode): the producer and product are genuine, the batch in
    /// hand is not checked.
    ProductVerified,
    /// Only soft failures (a status list unreachable, a certification expired,
    /// product past expiry, unknown resolver host).
    Caution,
    /// A genuine record whose producer has recalled the batch: do not use it.
    Recalled,
    /// Signature, trust, scope, binding or revocation failure.
    Counterfeit,
    /// No signed record could be checked (no record, network failure).
    NotVerifiable,
}

/// Everything a verification found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The verdict.
    pub level: Level,
    /// Every check, in display order.
    pub checks: Vec<Check>,
    /// The code that was scanned, if it was GS1 data.
    pub code: Option<Gs1Code>,
    /// Where the record came from.
    pub record_url: Option<String>,
    /// How the record is signed (Data Integrity or VC-JOSE), once read.
    pub record_format: Option<ProofFormat>,
    /// The record's issuer (DID).
    pub issuer: Option<String>,
    /// The record as written, if it could be read: a claim, whatever the
    /// verdict (a view shows it only as such, under a warning).
    pub passport: Option<Passport>,
    /// What the checks vouch for: present only when the verdict is Verified
    /// or Caution, and built only from credentials whose issuers are in
    /// scope for each fact (see `facts.rs`).
    pub verified: Option<VerifiedRecord>,
    /// Each claimed certification and how it checked out.
    pub certifications: Vec<CertificationReport>,
    /// Notices attached through status lists (e.g. recall text).
    pub notices: Vec<String>,
    /// The trust list used.
    pub trust_list: Option<TrustListSummary>,
    /// When the check ran.
    #[serde(with = "time::serde::rfc3339")]
    pub checked_at: OffsetDateTime,
}

impl Report {
    /// The verified batch: when the code named one and the record checked out.
    pub fn verified_batch(&self) -> Option<&VerifiedBatch> {
        self.verified.as_ref()?.batch.as_ref()
    }
}

/// One claimed certification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CertificationReport {
    /// What the passport claims (the producer's words).
    pub claim: ClaimRef,
    /// What the certificate vouches for, when its signature, certifier
    /// scope and holder checked out (its validity or status may still be a
    /// Caution, as `outcome` says).
    pub verified: Option<VerifiedCertification>,
    /// Its check's outcome.
    pub outcome: Outcome,
}

/// The trust list as the view shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustListSummary {
    /// Its name.
    pub name: Text,
    /// Issue date.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_from: Option<OffsetDateTime>,
    /// Refresh-by date.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// Past its refresh-by date.
    pub stale: bool,
    /// Where to report a suspected fake.
    pub report: Option<ReportContact>,
    /// Whether its own status was read.
    pub status: ListStatus,
    /// Signed by the demo root, whose keys anyone can derive: demo data.
    pub demo: bool,
}

impl TrustListSummary {
    /// The summary of `trust` at `now`.
    pub fn of(trust: &TrustList, now: OffsetDateTime) -> TrustListSummary {
        TrustListSummary {
            name: trust.name.clone(),
            valid_from: trust.valid_from,
            valid_until: trust.valid_until,
            stale: trust.is_stale(now),
            report: trust.report.clone(),
            status: trust.status_checked,
            demo: is_demo_root(&trust.root),
        }
    }
}

impl Level {
    /// Every level, best first.
    pub const ALL: [Level; 6] = [
        Level::Verified,
        Level::ProductVerified,
        Level::Caution,
        Level::Recalled,
        Level::Counterfeit,
        Level::NotVerifiable,
    ];

    /// The level's name: `verified`, `product_verified`, `caution`,
    /// `recalled`, `counterfeit`, `not_verifiable` (as in the JSON).
    pub fn code(self) -> &'static str {
        match self {
            Level::Verified => "verified",
            Level::ProductVerified => "product_verified",
            Level::Caution => "caution",
            Level::Recalled => "recalled",
            Level::Counterfeit => "counterfeit",
            Level::NotVerifiable => "not_verifiable",
        }
    }

    /// The level named `code`.
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.code() == code)
    }

    /// Whether the record's facts are vouched for (shown as verified).
    pub fn vouches(self) -> bool {
        matches!(
            self,
            Level::Verified | Level::ProductVerified | Level::Caution | Level::Recalled
        )
    }

    /// Adds up the checks. Verified needs a passing signature and a
    /// trusted issuer, so a check that never ran cannot turn into a pass;
    /// so does Recalled (only the genuine producer can recall). `product_only`:
    /// the code named no batch, so a full pass is [`Level::ProductVerified`].
    pub fn of_checks(checks: &[Check], product_only: bool) -> Level {
        match Level::of(checks) {
            Level::Verified if product_only => Level::ProductVerified,
            level => level,
        }
    }

    /// [`Level::of_checks`] for a code that named its batch.
    pub fn of(checks: &[Check]) -> Level {
        let worst = checks
            .iter()
            .map(|c| c.outcome)
            .max()
            .unwrap_or(Outcome::Unverifiable);
        let passed = |id: CheckId| {
            checks.iter().any(|c| {
                c.id == id && c.outcome <= Outcome::Caution && c.outcome != Outcome::Skipped
            })
        };
        let genuine = passed(CheckId::Signature) && passed(CheckId::IssuerTrusted);
        match worst {
            Outcome::Counterfeit => Level::Counterfeit,
            Outcome::Recalled if genuine => Level::Recalled,
            Outcome::Recalled | Outcome::Unverifiable => Level::NotVerifiable,
            _ if !genuine => Level::NotVerifiable,
            Outcome::Caution => Level::Caution,
            Outcome::Pass | Outcome::Skipped => Level::Verified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Finding;

    fn check(id: CheckId, outcome: Outcome) -> Check {
        Check {
            id,
            outcome,
            finding: Finding::NotReached,
            certification: None,
        }
    }

    #[test]
    fn the_worst_outcome_decides() {
        let base = vec![
            check(CheckId::Signature, Outcome::Pass),
            check(CheckId::IssuerTrusted, Outcome::Pass),
        ];
        assert_eq!(Level::of(&base), Level::Verified);
        let mut soft = base.clone();
        soft.push(check(CheckId::ResolverHost, Outcome::Caution));
        assert_eq!(Level::of(&soft), Level::Caution);
        let mut fake = soft.clone();
        fake.push(check(CheckId::ProductBinding, Outcome::Counterfeit));
        fake.push(check(CheckId::NotRevoked, Outcome::Unverifiable));
        assert_eq!(Level::of(&fake), Level::Counterfeit);
    }

    #[test]
    fn a_recall_needs_the_genuine_producer_and_a_product_code_its_own_level() {
        let base = vec![
            check(CheckId::Signature, Outcome::Pass),
            check(CheckId::IssuerTrusted, Outcome::Pass),
        ];
        let mut recalled = base.clone();
        recalled.push(check(CheckId::NotRevoked, Outcome::Recalled));
        recalled.push(check(CheckId::ResolverHost, Outcome::Caution));
        assert_eq!(Level::of(&recalled), Level::Recalled);
        let mut forged = recalled.clone();
        forged[1] = check(CheckId::IssuerTrusted, Outcome::Counterfeit);
        assert_eq!(Level::of(&forged), Level::Counterfeit);
        let untrusted = vec![check(CheckId::NotRevoked, Outcome::Recalled)];
        assert_eq!(Level::of(&untrusted), Level::NotVerifiable);
        assert_eq!(Level::of_checks(&base, true), Level::ProductVerified);
        assert_eq!(Level::of_checks(&base, false), Level::Verified);
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(level));
            let json = serde_json::to_value(level).ok();
            assert_eq!(json.as_ref().and_then(|v| v.as_str()), Some(level.code()));
        }
    }

    #[test]
    fn never_verified_without_a_signature_and_trusted_issuer() {
        assert_eq!(Level::of(&[]), Level::NotVerifiable);
        let unsigned = vec![
            check(CheckId::Signature, Outcome::Skipped),
            check(CheckId::IssuerTrusted, Outcome::Pass),
        ];
        assert_eq!(Level::of(&unsigned), Level::NotVerifiable);
        let untrusted = vec![
            check(CheckId::Signature, Outcome::Pass),
            check(CheckId::ResolverHost, Outcome::Caution),
        ];
        assert_eq!(Level::of(&untrusted), Level::NotVerifiable);
    }
}
