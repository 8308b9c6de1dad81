//! JSON Web Keys (RFC 7517) as `JsonWebKey` verification methods publish
//! them: `OKP`/`Ed25519` and `EC` on P-256, P-384 and P-521.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use super::{Curve, KeyError, PublicKey};

/// Members that only a private key has (RFC 7518 §6.2.2, §6.3.2; RFC 8037).
const PRIVATE_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// Reads a public JWK.
pub fn read_jwk(jwk: &Value) -> Result<PublicKey, KeyError> {
    if PRIVATE_MEMBERS.iter().any(|m| jwk.get(m).is_some()) {
        return Err(KeyError::PrivateKeyPublished);
    }
    let kty = text(jwk, "kty")?;
    let crv = text(jwk, "crv")?;
    match (kty, crv) {
        ("OKP", "Ed25519") => PublicKey::ed25519(&coordinate(jwk, "x", 32)?),
        ("EC", "P-256") => point(jwk, Curve::P256, 32),
        ("EC", "P-384") => point(jwk, Curve::P384, 48),
        ("EC", "P-521") => point(jwk, Curve::P521, 66),
        (kty, crv) => Err(KeyError::UnsupportedCurve {
            curve: format!("{kty}/{crv}"),
        }),
    }
}

/// An uncompressed SEC1 point from `x` and `y`.
fn point(jwk: &Value, curve: Curve, size: usize) -> Result<PublicKey, KeyError> {
    let mut sec1 = vec![0x04];
    sec1.extend(coordinate(jwk, "x", size)?);
    sec1.extend(coordinate(jwk, "y", size)?);
    PublicKey::ecdsa(curve, &sec1)
}

/// A base64url member of exactly `size` bytes (RFC 7518 §6.2.1.2 fixes the length).
fn coordinate(jwk: &Value, member: &str, size: usize) -> Result<Vec<u8>, KeyError> {
    let bad = || KeyError::BadJwk {
        member: member.to_owned(),
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(text(jwk, member)?)
        .map_err(|_| bad())?;
    if bytes.len() != size {
        return Err(bad());
    }
    Ok(bytes)
}

fn text<'a>(jwk: &'a Value, member: &str) -> Result<&'a str, KeyError> {
    jwk.get(member)
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError::BadJwk {
            member: member.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_okp_and_ec_keys() {
        let ed = json!({"kty": "OKP", "crv": "Ed25519", "x": "NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"});
        assert!(matches!(read_jwk(&ed), Ok(PublicKey::Ed25519(_))));
        let p256 = json!({"kty": "EC", "crv": "P-256",
            "x": "WfTi93YuhsQxKbD0ftnjOXJndqhnJ5kgDV-ZDGyrhBQ",
            "y": "qUd_55EjX0mjKZ6W6mF4UXVYTQ41K6jfdnYFwN5uPyk"});
        assert!(matches!(
            read_jwk(&p256),
            Ok(PublicKey::Ecdsa {
                curve: Curve::P256,
                ..
            })
        ));
    }

    #[test]
    fn refuses_private_keys_bad_points_and_other_types() {
        let private = json!({"kty": "OKP", "crv": "Ed25519", "x": "NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI", "d": "cbxP1TvbhLteRSspEvwxEuFKRDHWpGmPla8ePI0cmv8"});
        assert_eq!(read_jwk(&private), Err(KeyError::PrivateKeyPublished));
        let off_curve = json!({"kty": "EC", "crv": "P-256",
            "x": "WfTi93YuhsQxKbD0ftnjOXJndqhnJ5kgDV-ZDGyrhBQ",
            "y": "qUd_55EjX0mjKZ6W6mF4UXVYTQ41K6jfdnYFwN5uPyg"});
        assert_eq!(read_jwk(&off_curve), Err(KeyError::InvalidKey));
        let short = json!({"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"});
        assert_eq!(
            read_jwk(&short),
            Err(KeyError::BadJwk { member: "x".into() })
        );
        let rsa = json!({"kty": "RSA", "crv": "none", "n": "AQAB", "e": "AQAB"});
        assert!(matches!(
            read_jwk(&rsa),
            Err(KeyError::UnsupportedCurve { .. })
        ));
        let secp = json!({"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA"});
        assert!(matches!(
            read_jwk(&secp),
            Err(KeyError::UnsupportedCurve { .. })
        ));
    }
}
