//! Issuer keys: multibase text, `did:key` identifiers and the public keys
//! they carry.

mod did_key;
mod multibase;

pub use did_key::{did_key_for, parse_did_key, verification_method_for};
pub use multibase::{decode_base58btc, encode_base58btc};

/// A public key that can check a signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// An Ed25519 key (32 bytes, as published).
    Ed25519([u8; 32]),
}

/// Why a key or key identifier could not be used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
}
