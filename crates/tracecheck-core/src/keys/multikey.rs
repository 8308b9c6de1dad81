//! Multikey `publicKeyMultibase`: multibase base58btc of a multicodec
//! varint prefix and the key bytes (Controlled Identifiers v1.0 §2.2.2).

use super::multibase::decode_base58btc;
use super::{Curve, KeyError, PublicKey};

/// Multicodec prefixes (unsigned LEB128 varints) of the public keys accepted.
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
const P256_PUB: [u8; 2] = [0x80, 0x24];
const P384_PUB: [u8; 2] = [0x81, 0x24];
const P521_PUB: [u8; 2] = [0x82, 0x24];

/// Reads a Multikey public key (Ed25519, or a compressed P-256/P-384/P-521 point).
pub fn read_multikey(multibase: &str) -> Result<PublicKey, KeyError> {
    let bytes = decode_base58btc(multibase)?;
    let (prefix, key) = bytes.split_at(bytes.len().min(2));
    match <[u8; 2]>::try_from(prefix).ok() {
        Some(ED25519_PUB) => PublicKey::ed25519(key),
        Some(P256_PUB) => compressed(Curve::P256, key, 33),
        Some(P384_PUB) => compressed(Curve::P384, key, 49),
        Some(P521_PUB) => compressed(Curve::P521, key, 67),
        _ => Err(KeyError::UnsupportedKeyType {
            multicodec: prefix.iter().map(|b| format!("{b:02x}")).collect(),
        }),
    }
}

/// Multikey writes NIST keys as compressed SEC1 points.
fn compressed(curve: Curve, key: &[u8], length: usize) -> Result<PublicKey, KeyError> {
    if key.len() != length {
        return Err(KeyError::WrongKeyLength {
            expected: length,
            found: key.len(),
        });
    }
    PublicKey::ecdsa(curve, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::encode_base58btc;
    use p256::elliptic_curve::sec1::ToEncodedPoint;

    #[test]
    fn reads_each_key_type_and_refuses_others() {
        let ed = read_multikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assert!(matches!(ed, Ok(PublicKey::Ed25519(_))));

        let secret = p256::SecretKey::from_slice(&[7; 32]).expect("scalar");
        let point = secret.public_key().to_encoded_point(true);
        let mut bytes = P256_PUB.to_vec();
        bytes.extend_from_slice(point.as_bytes());
        let key = read_multikey(&encode_base58btc(&bytes)).expect("P-256");
        assert!(matches!(
            key,
            PublicKey::Ecdsa {
                curve: Curve::P256,
                ..
            }
        ));

        // X25519 (0xec) is a key-agreement key: never a signing key.
        assert!(matches!(
            read_multikey("z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW"),
            Err(KeyError::UnsupportedKeyType { .. })
        ));
        // A P-256 prefix with a point that is not on the curve.
        let mut bad = P256_PUB.to_vec();
        bad.push(0x02);
        bad.extend_from_slice(&[0xff; 32]);
        assert_eq!(
            read_multikey(&encode_base58btc(&bad)),
            Err(KeyError::InvalidKey)
        );
        assert!(matches!(
            read_multikey(&encode_base58btc(&[0xed])),
            Err(KeyError::UnsupportedKeyType { .. })
        ));
    }
}
