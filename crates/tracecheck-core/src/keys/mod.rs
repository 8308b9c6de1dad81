//! Issuer keys: multibase text, Multikey and JSON Web Key encodings, the
//! `did:key` and `did:web` methods, and DID documents that list which key
//! may make assertions.
//!
//! Resolution is sans-IO like the rest of the core: `did:key` decodes in
//! place; for `did:web` [`did_web_url`] says what to fetch and
//! [`assertion_key`] reads the answer.

mod did_document;
mod did_key;
mod did_web;
mod jwk;
mod multibase;
mod multikey;

pub use did_document::assertion_key;
pub use did_key::{did_key_for, parse_did_key, verification_method_for};
pub use did_web::did_web_url;
pub use jwk::read_jwk;
pub use multibase::{decode_base58btc, encode_base58btc};
pub use multikey::read_multikey;

use serde::Serialize;

/// A public key that can check a signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// An Ed25519 key (32 bytes, as published).
    Ed25519([u8; 32]),
    /// An ECDSA key on a NIST curve, as a SEC1 point already checked to lie
    /// on the curve.
    Ecdsa { curve: Curve, sec1: Vec<u8> },
}

/// The NIST curves VC-JOSE uses (ES256, ES384, ES512).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Curve {
    /// P-256 (secp256r1), signs ES256.
    P256,
    /// P-384 (secp384r1), signs ES384.
    P384,
    /// P-521 (secp521r1), signs ES512.
    P521,
}

impl PublicKey {
    /// Checks `sec1` is a point on `curve` and wraps it.
    pub fn ecdsa(curve: Curve, sec1: &[u8]) -> Result<PublicKey, KeyError> {
        let on_curve = match curve {
            Curve::P256 => p256::PublicKey::from_sec1_bytes(sec1).is_ok(),
            #[cfg(not(target_arch = "wasm32"))]
            Curve::P384 => p384::PublicKey::from_sec1_bytes(sec1).is_ok(),
            #[cfg(not(target_arch = "wasm32"))]
            Curve::P521 => p521::PublicKey::from_sec1_bytes(sec1).is_ok(),
            #[cfg(target_arch = "wasm32")]
            Curve::P384 | Curve::P521 => {
                return Err(KeyError::UnsupportedCurve {
                    curve: format!("{curve:?}"),
                });
            }
        };
        if !on_curve {
            return Err(KeyError::InvalidKey);
        }
        Ok(PublicKey::Ecdsa {
            curve,
            sec1: sec1.to_vec(),
        })
    }

    /// Checks the 32 bytes are a usable Ed25519 point and wraps them.
    pub fn ed25519(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        let key: [u8; 32] = bytes.try_into().map_err(|_| KeyError::WrongKeyLength {
            expected: 32,
            found: bytes.len(),
        })?;
        ed25519_dalek::VerifyingKey::from_bytes(&key).map_err(|_| KeyError::InvalidKey)?;
        Ok(PublicKey::Ed25519(key))
    }
}

/// Why a key or key identifier could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyError {
    /// The text is not multibase base58btc (it must start with `z`).
    NotBase58btc,
    /// A character outside the base58 alphabet.
    BadBase58,
    /// The multicodec prefix names a key type we do not accept.
    UnsupportedKeyType { multicodec: String },
    /// The key has the wrong number of bytes for its type.
    WrongKeyLength { expected: usize, found: usize },
    /// The bytes are not a valid point on the curve.
    InvalidKey,
    /// The identifier is not a DID method we resolve.
    UnsupportedDidMethod { did: String },
    /// A `did:key` whose fragment does not name its own key.
    FragmentMismatch,
    /// A DID (or DID URL) that breaks its method's syntax.
    MalformedDid { did: String },
    /// The DID document could not be fetched (network or HTTP error).
    DocumentUnavailable { url: String },
    /// The answer is not a DID document (not acceptable JSON, or not an object).
    DocumentUnreadable { url: String },
    /// The DID document's `id` is not the DID that was resolved.
    DocumentIdMismatch { did: String, found: Option<String> },
    /// The DID document does not contain the verification method.
    MethodNotFound { method: String },
    /// The verification method is not listed under `assertionMethod`.
    NotAnAssertionMethod { method: String },
    /// The verification method's `controller` is not the DID.
    ControllerMismatch { method: String },
    /// A verification method type other than Multikey or JsonWebKey.
    UnsupportedMethodType { method_type: String },
    /// A JSON Web Key with a missing or malformed member (names it).
    BadJwk { member: String },
    /// A published key that carries private key material.
    PrivateKeyPublished,
    /// A key type or curve we do not verify with (names it).
    UnsupportedCurve { curve: String },
}
