//! The one rule for accepting a signature, whatever it signs: a product
//! record, a certificate, a status list or the trust list itself.
//!
//! In two steps, so that nothing is fetched for a proof that is already
//! refused: [`check_signer`] before the key is looked up (the proof is by
//! the credential's own issuer, for assertions), [`check_with_key`] once
//! it is (the signature matches, and the proof is current).

use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::{PreparedProof, ProofError};
use crate::keys::PublicKey;

/// How far ahead of the verifier's clock a proof's `created` may be: phone
/// clocks drift, but a proof dated further ahead was not made yet, as far
/// as this verifier knows.
pub const CLOCK_SKEW: Duration = Duration::minutes(10);

/// Why a proof is refused outright.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// The key that signed belongs to someone other than the issuer.
    SignerNotIssuer { method: String, issuer: String },
    /// The proof is not for making assertions.
    WrongPurpose { purpose: String },
    /// The signature itself fails.
    Invalid(ProofError),
}

/// A genuine signature that does not vouch for now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Untimely {
    /// Past the proof's `expires` (or the JWT's `exp`), or before its `nbf`.
    OutOfTime(ProofError),
    /// Made later than now (beyond [`CLOCK_SKEW`]).
    CreatedInFuture { created: String },
}

/// Checks, before any key is fetched, that the proof is by `issuer`'s own
/// key and made for assertions.
pub fn check_signer(proof: &PreparedProof, issuer: &str) -> Result<(), Refusal> {
    let method = &proof.verification_method;
    let signer = method.split('#').next().unwrap_or_default();
    if signer.is_empty() || signer != issuer {
        return Err(Refusal::SignerNotIssuer {
            method: method.clone(),
            issuer: issuer.to_owned(),
        });
    }
    if proof.proof_purpose != "assertionMethod" {
        return Err(Refusal::WrongPurpose {
            purpose: proof.proof_purpose.clone(),
        });
    }
    Ok(())
}

/// Checks the signature with `key`, then its time: `Err` refuses it,
/// `Ok(Some(_))` accepts a genuine signature that does not vouch for now.
pub fn check_with_key(
    proof: &PreparedProof,
    key: &PublicKey,
    now: OffsetDateTime,
) -> Result<Option<Untimely>, Refusal> {
    proof.check(key).map_err(Refusal::Invalid)?;
    if let Err(error) = proof.check_time(now) {
        return Ok(Some(Untimely::OutOfTime(error)));
    }
    if let Some(created) = proof.created_at.filter(|at| *at > now + CLOCK_SKEW) {
        return Ok(Some(Untimely::CreatedInFuture {
            created: crate::time::format_timestamp(created),
        }));
    }
    Ok(None)
}
