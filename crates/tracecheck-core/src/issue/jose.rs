//! Signing VC-JOSE compact JWSs with a JSON Web Key: Ed25519, or ECDSA on
//! P-256/P-384 with RFC 6979 deterministic nonces. (The `p521` crate signs
//! only with a random nonce, which needs an OS random source the core does
//! not take on; P-521 keys verify here, and sign through [`sign_jws`].)

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Signer;
use serde_json::Value;

use crate::keys::KeyError;
use crate::proof::{JwsAlgorithm, JwsKind, sign_jws};

/// A private key read from a JWK (`d` with its curve).
pub enum JwkSigningKey {
    /// Ed25519 (`EdDSA`).
    Ed25519(ed25519_dalek::SigningKey),
    /// P-256 (`ES256`).
    P256(p256::ecdsa::SigningKey),
    /// P-384 (`ES384`).
    #[cfg(not(target_arch = "wasm32"))]
    P384(p384::ecdsa::SigningKey),
}

impl JwkSigningKey {
    /// Reads a private JWK.
    pub fn from_jwk(jwk: &Value) -> Result<JwkSigningKey, KeyError> {
        let member = |name: &str| {
            jwk.get(name)
                .and_then(Value::as_str)
                .and_then(|text| URL_SAFE_NO_PAD.decode(text).ok())
                .ok_or_else(|| KeyError::BadJwk {
                    member: name.to_owned(),
                })
        };
        let d = member("d")?;
        let bad_d = || KeyError::BadJwk { member: "d".into() };
        let kty = jwk.get("kty").and_then(Value::as_str).unwrap_or_default();
        let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or_default();
        Ok(match (kty, crv) {
            ("OKP", "Ed25519") => {
                let seed: [u8; 32] = d.as_slice().try_into().map_err(|_| bad_d())?;
                JwkSigningKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            ("EC", "P-256") => {
                JwkSigningKey::P256(p256::ecdsa::SigningKey::from_slice(&d).map_err(|_| bad_d())?)
            }
            #[cfg(not(target_arch = "wasm32"))]
            ("EC", "P-384") => {
                JwkSigningKey::P384(p384::ecdsa::SigningKey::from_slice(&d).map_err(|_| bad_d())?)
            }
            (kty, crv) => {
                return Err(KeyError::UnsupportedCurve {
                    curve: format!("{kty}/{crv}"),
                });
            }
        })
    }

    /// The JWS algorithm this key signs with.
    pub fn algorithm(&self) -> JwsAlgorithm {
        match self {
            JwkSigningKey::Ed25519(_) => JwsAlgorithm::EdDSA,
            JwkSigningKey::P256(_) => JwsAlgorithm::ES256,
            #[cfg(not(target_arch = "wasm32"))]
            JwkSigningKey::P384(_) => JwsAlgorithm::ES384,
        }
    }

    /// Signs `payload` as a compact JWS naming `kid`.
    pub fn sign(&self, payload: &Value, kid: &str, kind: JwsKind) -> String {
        sign_jws(payload, self.algorithm(), kid, kind, |input| match self {
            JwkSigningKey::Ed25519(key) => key.sign(input).to_bytes().to_vec(),
            JwkSigningKey::P256(key) => {
                let signature: p256::ecdsa::Signature = key.sign(input);
                signature.to_bytes().to_vec()
            }
            #[cfg(not(target_arch = "wasm32"))]
            JwkSigningKey::P384(key) => {
                let signature: p384::ecdsa::Signature = key.sign(input);
                signature.to_bytes().to_vec()
            }
        })
    }
}
