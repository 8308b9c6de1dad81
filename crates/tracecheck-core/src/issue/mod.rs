//! The issuer side: keys, signing credentials (Data Integrity and VC-JOSE)
//! and encoding status lists. Used by the CLI (`tracecheck keygen`, `sign`,
//! `demo`) and by tests; the widget only verifies.

mod check;
mod jose;

pub use check::{IssueError, check_issuable, check_presentable};
pub use jose::JwkSigningKey;

use std::io::Write;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::SigningKey;
use serde_json::Value;
use time::OffsetDateTime;

use crate::keys::{
    KeyError, decode_base58btc, did_key_for, encode_base58btc, verification_method_for,
};
use crate::proof::{JwsAlgorithm, JwsKind, ProofOptions, sign, sign_jws};
use crate::time::format_timestamp;

/// Multicodec prefix of an Ed25519 private key (0x1300 as a varint), as
/// Multikey writes `secretKeyMultibase`.
const ED25519_PRIV_MULTICODEC: [u8; 2] = [0x80, 0x26];

/// An issuer's Ed25519 key and its `did:key`.
pub struct IssuerKey {
    signing: SigningKey,
}

impl IssuerKey {
    /// The key for a 32-byte seed.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        IssuerKey {
            signing: SigningKey::from_bytes(&seed),
        }
    }

    /// Reads a Multikey `secretKeyMultibase` (`z…`, multicodec 0x1300).
    pub fn from_secret_multibase(text: &str) -> Result<Self, KeyError> {
        let bytes = decode_base58btc(text.trim())?;
        let seed = bytes
            .strip_prefix(&ED25519_PRIV_MULTICODEC)
            .ok_or_else(|| KeyError::UnsupportedKeyType {
                multicodec: bytes.iter().take(2).map(|b| format!("{b:02x}")).collect(),
            })?;
        let seed: [u8; 32] = seed.try_into().map_err(|_| KeyError::WrongKeyLength {
            expected: 32,
            found: seed.len(),
        })?;
        Ok(IssuerKey::from_seed(seed))
    }

    /// The Multikey `secretKeyMultibase` form of this key.
    pub fn secret_multibase(&self) -> String {
        let mut bytes = ED25519_PRIV_MULTICODEC.to_vec();
        bytes.extend_from_slice(self.signing.as_bytes());
        encode_base58btc(&bytes)
    }

    /// The issuer's DID.
    pub fn did(&self) -> String {
        did_key_for(self.signing.verifying_key().as_bytes())
    }

    /// The verification method that signs.
    pub fn method(&self) -> String {
        verification_method_for(self.signing.verifying_key().as_bytes())
    }

    /// The Multikey `publicKeyMultibase` of this key (`z6Mk…`), as a DID
    /// document lists it.
    pub fn public_multibase(&self) -> String {
        let did = self.did();
        did.strip_prefix("did:key:").unwrap_or(&did).to_owned()
    }

    /// Signs `credential` with an `eddsa-jcs-2022` proof made at `created`.
    pub fn sign(&self, credential: &Value, created: OffsetDateTime) -> Value {
        self.sign_as(credential, created, &self.method())
    }

    /// [`Self::sign`] naming another verification method for this key (a
    /// `did:web` DID's `#key-1`).
    pub fn sign_as(&self, credential: &Value, created: OffsetDateTime, method: &str) -> Value {
        let options = ProofOptions {
            verification_method: method.to_owned(),
            created: format_timestamp(created),
            proof_purpose: "assertionMethod".into(),
            expires: None,
        };
        sign(credential, &self.signing, &options)
    }

    /// Signs `credential` as VC-JOSE: a compact JWS (`EdDSA`, `typ` `vc+jwt`,
    /// `cty` `vc`) whose `kid` is this key's verification method.
    pub fn sign_jose(&self, credential: &Value) -> String {
        self.sign_jose_as(credential, &self.method())
    }

    /// [`Self::sign_jose`] with another `kid` for this key.
    pub fn sign_jose_as(&self, credential: &Value, kid: &str) -> String {
        use ed25519_dalek::Signer;
        sign_jws(
            credential,
            JwsAlgorithm::EdDSA,
            kid,
            JwsKind::Credential,
            |input| self.signing.sign(input).to_bytes().to_vec(),
        )
    }

    /// The Ed25519 signing key (for tests that build proofs by hand).
    pub fn signing_key(&self) -> &SigningKey {
        &self.signing
    }
}

/// Encodes a status list of `entries` entries of `size` bits, with the given
/// `(index, value)` pairs set: GZIP, then multibase base64url (`u…`).
pub fn encode_status_list(set: &[(u64, u8)], size: u32, entries: usize) -> String {
    let size = size.clamp(1, 8);
    let mut bytes = vec![0u8; (entries * size as usize).div_ceil(8)];
    for &(index, value) in set {
        for i in 0..u64::from(size) {
            let bit = index * u64::from(size) + i;
            let on = value >> (u64::from(size) - 1 - i) & 1 == 1;
            let Some(byte) = usize::try_from(bit / 8).ok().and_then(|b| bytes.get_mut(b)) else {
                continue;
            };
            if on {
                *byte |= 0x80 >> (bit % 8);
            }
        }
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(&bytes);
    let compressed = gz.finish().unwrap_or_default();
    format!("u{}", URL_SAFE_NO_PAD.encode(compressed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::decode_encoded_list;

    #[test]
    fn secret_keys_round_trip_through_multibase() {
        let key = IssuerKey::from_seed([7; 32]);
        let again = IssuerKey::from_secret_multibase(&key.secret_multibase()).expect("valid");
        assert_eq!(again.did(), key.did());
        assert!(key.did().starts_with("did:key:z6Mk"));
    }

    #[test]
    fn status_lists_decode_to_what_was_set() {
        let encoded = encode_status_list(&[(3, 1), (131_071, 1)], 1, 131_072);
        let list = decode_encoded_list(&encoded, 1).expect("valid");
        assert_eq!(list.status(3, 1), Ok(1));
        assert_eq!(list.status(4, 1), Ok(0));
        assert_eq!(list.status(131_071, 1), Ok(1));
        let two_bit = encode_status_list(&[(5, 0b10)], 2, 131_072);
        let list = decode_encoded_list(&two_bit, 2).expect("valid");
        assert_eq!(list.status(5, 2), Ok(0b10));
        assert_eq!(list.status(4, 2), Ok(0));
    }
}
