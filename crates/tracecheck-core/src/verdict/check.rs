use serde::Serialize;

use super::Finding;

/// The checks of DESIGN.md §5, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The code is well-formed GS1 data.
    CodeSyntax,
    /// The resolver named a record, and it was fetched and read.
    RecordFound,
    /// The record's proof verifies with its issuer's key.
    Signature,
    /// The trust list names the issuer, in the right role and scope.
    IssuerTrusted,
    /// The issuer has not revoked or suspended the record.
    NotRevoked,
    /// The record describes the scanned product (GTIN, lot, serial).
    ProductBinding,
    /// The record is within its validity period; the product is not past expiry.
    Validity,
    /// One certification: its own signature, certifier, validity and status.
    Certification,
    /// The resolver host is one the trust list names.
    ResolverHost,
}

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Passed.
    Pass,
    /// Does not apply here (e.g. no code was scanned), or was not reached.
    Skipped,
    /// A soft failure: the verdict is at best Caution.
    Caution,
    /// Could not be decided (no record, network failure).
    Unverifiable,
    /// A genuine record whose producer recalled the batch: do not use it.
    Recalled,
    /// Points to a fake: signature, trust, scope, binding or revocation.
    Counterfeit,
}

impl Check {
    /// A check of the record itself (not of one certification).
    pub(super) fn new(id: CheckId, outcome: Outcome, finding: Finding) -> Check {
        Check {
            id,
            outcome,
            finding,
            certification: None,
        }
    }

    /// A check from a step's result.
    pub(super) fn from_result(id: CheckId, result: Result<Finding, (Outcome, Finding)>) -> Check {
        match result {
            Ok(finding) => Check::new(id, Outcome::Pass, finding),
            Err((outcome, finding)) => Check::new(id, outcome, finding),
        }
    }
}

/// One line of "why this result".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// How it came out.
    pub outcome: Outcome,
    /// What was found, with the data to explain it.
    pub finding: Finding,
    /// For [`CheckId::Certification`]: which claim of the passport (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certification: Option<usize>,
}
