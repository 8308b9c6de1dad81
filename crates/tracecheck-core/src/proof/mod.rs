//! Proofs that bind a credential to its issuer's key, in the two forms
//! DESIGN.md §3 names: an embedded Data Integrity proof (`eddsa-jcs-2022`)
//! and an enveloping compact JWS (VC-JOSE, `application/vc+jwt`).
//!
//! Verification is split in two so that the core never does I/O:
//! [`Secured::read`] takes the bytes as received, [`Secured::prepare`] reads
//! the proof and computes what was signed; the caller then finds the key
//! named by `verification_method` (which may need a fetch) and calls
//! [`PreparedProof::check`].

mod accept;
mod eddsa_jcs_2022;
mod jose;
mod secured;

pub use accept::{CLOCK_SKEW, Refusal, Untimely, check_signer, check_with_key};
pub use eddsa_jcs_2022::{ProofOptions, prepare, sign};
pub use jose::{Jws, JwsAlgorithm, JwsKind, read_jws, sign_jws};
pub use secured::{ProofFormat, Secured, SecuredError};

use serde::Serialize;
use time::OffsetDateTime;

use crate::json::JsonError;
use crate::keys::{Curve, KeyError, PublicKey};

/// A proof that has been read and hashed, waiting for its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedProof {
    /// The key the issuer says signed (a DID URL).
    pub verification_method: String,
    /// What the proof claims to be for (`assertionMethod` for credentials).
    pub proof_purpose: String,
    /// When the proof says it was made (RFC 3339), if it says.
    pub created: Option<String>,
    /// The same moment, read.
    pub created_at: Option<OffsetDateTime>,
    /// After this the proof no longer vouches (`expires`, or a JWT's `exp`).
    pub expires: Option<OffsetDateTime>,
    /// Before this the proof does not vouch yet (a JWT's `nbf`).
    pub not_before: Option<OffsetDateTime>,
    /// The bytes the signature covers.
    signed_bytes: Vec<u8>,
    /// The signature over them.
    signature: Signature,
}

/// A signature, by algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Signature {
    /// Ed25519 (Data Integrity eddsa-jcs-2022, JWS `EdDSA`).
    Ed25519([u8; 64]),
    /// ECDSA `r ‖ s` on a NIST curve (JWS ES256, ES384, ES512), hashed with
    /// the curve's SHA-2 (RFC 7518 §3.4).
    Ecdsa { curve: Curve, rs: Vec<u8> },
}

impl PreparedProof {
    /// The bytes the signature covers: for eddsa-jcs-2022, SHA-256 of the
    /// canonical proof options then SHA-256 of the canonical document; for
    /// a JWS, its signing input (`header.payload`).
    pub fn signed_bytes(&self) -> &[u8] {
        &self.signed_bytes
    }

    /// Checks the signature with `key`. Ed25519 is verified strictly (no
    /// malleable or small-order encodings); the key's type must be the one
    /// the algorithm names.
    pub fn check(&self, key: &PublicKey) -> Result<(), ProofError> {
        use p256::ecdsa::signature::Verifier;
        let mismatch = || ProofError::KeyAlgorithmMismatch;
        let verified = match (&self.signature, key) {
            (Signature::Ed25519(signature), PublicKey::Ed25519(key_bytes)) => {
                let key = ed25519_dalek::VerifyingKey::from_bytes(key_bytes)
                    .map_err(|_| ProofError::Key(KeyError::InvalidKey))?;
                let signature = ed25519_dalek::Signature::from_bytes(signature);
                key.verify_strict(&self.signed_bytes, &signature).is_ok()
            }
            (Signature::Ecdsa { curve, rs }, PublicKey::Ecdsa { curve: k, sec1 }) if curve == k => {
                let message = self.signed_bytes.as_slice();
                let invalid = || ProofError::Key(KeyError::InvalidKey);
                match curve {
                    Curve::P256 => {
                        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
                            .map_err(|_| invalid())?;
                        p256::ecdsa::Signature::from_slice(rs)
                            .is_ok_and(|s| key.verify(message, &s).is_ok())
                    }
                    #[cfg(not(target_arch = "wasm32"))]
                    Curve::P384 => {
                        let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
                            .map_err(|_| invalid())?;
                        p384::ecdsa::Signature::from_slice(rs)
                            .is_ok_and(|s| key.verify(message, &s).is_ok())
                    }
                    #[cfg(not(target_arch = "wasm32"))]
                    Curve::P521 => {
                        let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
                            .map_err(|_| invalid())?;
                        p521::ecdsa::Signature::from_slice(rs)
                            .is_ok_and(|s| key.verify(message, &s).is_ok())
                    }
                    // Unreachable: such keys and signatures are refused on reading.
                    #[cfg(target_arch = "wasm32")]
                    Curve::P384 | Curve::P521 => return Err(mismatch()),
                }
            }
            _ => return Err(mismatch()),
        };
        if verified {
            Ok(())
        } else {
            Err(ProofError::SignatureMismatch)
        }
    }

    /// Checks the proof is within its own time bounds at `now`.
    pub fn check_time(&self, now: OffsetDateTime) -> Result<(), ProofError> {
        if let Some(expires) = self.expires.filter(|expires| now >= *expires) {
            return Err(ProofError::Expired { expires });
        }
        if let Some(not_before) = self.not_before.filter(|nbf| now < *nbf) {
            return Err(ProofError::NotYetValid { not_before });
        }
        Ok(())
    }
}

/// Why a proof could not be verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProofError {
    /// The document carries no `proof`.
    Missing,
    /// The proof is not a JSON object with the members the suite requires
    /// (names the first missing or malformed member).
    Malformed { member: String },
    /// A proof type or cryptosuite we do not implement, by name.
    UnsupportedSuite { name: String },
    /// More than one proof; only single proofs are accepted.
    ProofSetUnsupported,
    /// `proofValue` is not multibase base58btc (`z…`).
    ProofValueEncoding,
    /// The signature has the wrong length for its algorithm.
    SignatureLength { found: usize },
    /// The document's `@context` does not start with the proof's `@context`.
    ContextMismatch,
    /// The signing key could not be found or used.
    Key(KeyError),
    /// The signature does not match the document: it was changed after
    /// signing, or signed by another key.
    SignatureMismatch,
    /// The key is not of the type the algorithm signs with (e.g. an ES512
    /// signature checked with an Ed25519 key).
    KeyAlgorithmMismatch,
    /// The proof's `expires` (or the JWT's `exp`) has passed.
    Expired {
        #[serde(with = "time::serde::rfc3339")]
        expires: OffsetDateTime,
    },
    /// The JWT's `nbf` has not come yet.
    NotYetValid {
        #[serde(with = "time::serde::rfc3339")]
        not_before: OffsetDateTime,
    },
    /// Not a compact JWS: three base64url parts, a JSON object header.
    JwsEncoding,
    /// A JWS with `alg: none`: no signature at all.
    UnsecuredJws,
    /// A JWS algorithm we do not verify with, by name.
    UnsupportedAlgorithm { name: String },
    /// A JWS header marks extensions critical (`crit`) that we do not implement.
    UnsupportedCritical { names: Vec<String> },
    /// The JWS `typ` or `cty` names another media type than VC-JOSE's.
    WrongMediaType { member: String, value: String },
    /// The JWS payload is not acceptable JSON.
    Payload(JsonError),
    /// The JWS payload carries a JWT claim VC-JOSE forbids (`vc`, `vp`).
    ForbiddenClaim { claim: String },
    /// The JWT `iss` claim names someone other than the credential's issuer.
    IssuerClaimMismatch { iss: String },
}

impl ProofError {
    /// `member` of the proof or token is missing or of the wrong kind.
    pub(crate) fn malformed(member: &str) -> ProofError {
        ProofError::Malformed {
            member: member.to_owned(),
        }
    }
}
