//! What an issuer agrees to sign: a well-formed VCDM 2.0 document whose
//! top-level members the data model defines. An unknown top-level member
//! would be signed and shown, yet mean nothing any verifier can check (the
//! VC-JOSE test suite expects "unknown extensions" to be refused).

use serde::Serialize;
use serde_json::Value;

use crate::credential::{EnvelopeError, Stage, validate_credential, validate_presentation};

/// Top-level members of a credential in VCDM 2.0 (§4, §5).
const CREDENTIAL_MEMBERS: &[&str] = &[
    "@context",
    "id",
    "type",
    "name",
    "description",
    "issuer",
    "credentialSubject",
    "validFrom",
    "validUntil",
    "credentialStatus",
    "credentialSchema",
    "refreshService",
    "termsOfUse",
    "evidence",
    "relatedResource",
    "renderMethod",
    "confidenceMethod",
    "proof",
];

/// Top-level members of a presentation in VCDM 2.0 (§4.13).
const PRESENTATION_MEMBERS: &[&str] = &[
    "@context",
    "id",
    "type",
    "holder",
    "verifiableCredential",
    "termsOfUse",
    "proof",
];

/// Why a document was not signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IssueError {
    /// It breaks a VCDM 2.0 rule.
    DataModel(EnvelopeError),
    /// A top-level member the data model does not define (names it).
    UnknownMember { member: String },
}

/// Checks a credential may be signed as it is.
pub fn check_issuable(credential: &Value) -> Result<(), IssueError> {
    validate_credential(credential, Stage::Issued).map_err(IssueError::DataModel)?;
    known_members(credential, CREDENTIAL_MEMBERS)
}

/// Checks a presentation may be signed as it is.
pub fn check_presentable(presentation: &Value) -> Result<(), IssueError> {
    validate_presentation(presentation).map_err(IssueError::DataModel)?;
    known_members(presentation, PRESENTATION_MEMBERS)
}

fn known_members(document: &Value, known: &[&str]) -> Result<(), IssueError> {
    let unknown = document
        .as_object()
        .into_iter()
        .flat_map(|members| members.keys())
        .find(|member| !known.contains(&member.as_str()));
    match unknown {
        Some(member) => Err(IssueError::UnknownMember {
            member: member.clone(),
        }),
        None => Ok(()),
    }
}
