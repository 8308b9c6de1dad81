//! Proofs that bind a credential to its issuer's key.
//!
//! Verification is split in two so that the core never does I/O: `prepare`
//! reads the proof and computes what was signed; the caller then finds the
//! key named by `verification_method` (which may need a fetch) and calls
//! `PreparedProof::check`.

mod eddsa_jcs_2022;

pub use eddsa_jcs_2022::{ProofOptions, prepare, sign};

use crate::keys::{KeyError, PublicKey};

/// A proof that has been read and hashed, waiting for its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedProof {
    /// The key the issuer says signed (a DID URL).
    pub verification_method: String,
    /// What the proof claims to be for (`assertionMethod` for credentials).
    pub proof_purpose: String,
    /// When the proof says it was made (RFC 3339), if it says.
    pub created: Option<String>,
    /// The bytes the signature covers.
    signed_bytes: Vec<u8>,
    /// The Ed25519 signature.
    signature: [u8; 64],
}

impl PreparedProof {
    /// The 64 bytes the signature covers: SHA-256 of the canonical proof
    /// options, then SHA-256 of the canonical document.
    pub fn signed_bytes(&self) -> &[u8] {
        &self.signed_bytes
    }

    /// Checks the signature with `key` (strict Ed25519: no malleable or
    /// small-order encodings).
    pub fn check(&self, key: &PublicKey) -> Result<(), ProofError> {
        let PublicKey::Ed25519(key_bytes) = key;
        let key = ed25519_dalek::VerifyingKey::from_bytes(key_bytes)
            .map_err(|_| ProofError::Key(KeyError::InvalidKey))?;
        let signature = ed25519_dalek::Signature::from_bytes(&self.signature);
        key.verify_strict(&self.signed_bytes, &signature)
            .map_err(|_| ProofError::SignatureMismatch)
    }
}

/// Why a proof could not be verified.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
    /// `proofValue` does not decode to a 64-byte Ed25519 signature.
    SignatureLength { found: usize },
    /// The document's `@context` does not start with the proof's `@context`.
    ContextMismatch,
    /// The signing key could not be found or used.
    Key(KeyError),
    /// The signature does not match the document: it was changed after
    /// signing, or signed by another key.
    SignatureMismatch,
}
