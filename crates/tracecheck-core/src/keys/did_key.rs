//! `did:key`: `did:key:` + a Multikey `publicKeyMultibase`. Its DID document
//! is generated from the key itself and has one verification method,
//! `did:key:z…#z…`, listed for assertions.

use super::multibase::encode_base58btc;
use super::multikey::read_multikey;
use super::{KeyError, PublicKey};

/// The multicodec varint for an Ed25519 public key (0xed, as unsigned LEB128).
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// Reads the public key out of a `did:key` (with or without a `#fragment`).
///
/// A fragment, when present, must be the key's own multibase text: the
/// method's only verification method is named that way (a key-agreement
/// fragment such as `#z6LS…` is not one that may sign).
pub fn parse_did_key(did_or_method: &str) -> Result<PublicKey, KeyError> {
    let (did, fragment) = match did_or_method.split_once('#') {
        Some((did, fragment)) => (did, Some(fragment)),
        None => (did_or_method, None),
    };
    let multibase = did
        .strip_prefix("did:key:")
        .ok_or_else(|| KeyError::UnsupportedDidMethod {
            did: did.to_owned(),
        })?;
    if fragment.is_some_and(|f| f != multibase) {
        return Err(KeyError::FragmentMismatch);
    }
    read_multikey(multibase)
}

/// The `did:key` of an Ed25519 public key.
pub fn did_key_for(public_key: &[u8; 32]) -> String {
    let mut bytes = ED25519_PUB_MULTICODEC.to_vec();
    bytes.extend_from_slice(public_key);
    format!("did:key:{}", encode_base58btc(&bytes))
}

/// The verification method id (`did:key:z…#z…`) of an Ed25519 public key.
pub fn verification_method_for(public_key: &[u8; 32]) -> String {
    let did = did_key_for(public_key);
    let fragment = did.trim_start_matches("did:key:").to_owned();
    format!("{did}#{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const W3C_DID: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    #[test]
    fn reads_the_w3c_vector_key() {
        let Ok(PublicKey::Ed25519(key)) = parse_did_key(W3C_DID) else {
            panic!("an Ed25519 did:key");
        };
        assert_eq!(did_key_for(&key), W3C_DID);
        let method = verification_method_for(&key);
        assert_eq!(parse_did_key(&method), Ok(PublicKey::Ed25519(key)));
    }

    #[test]
    fn refuses_a_fragment_naming_another_key() {
        let other = format!("{W3C_DID}#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
        assert_eq!(parse_did_key(&other), Err(KeyError::FragmentMismatch));
    }

    #[test]
    fn refuses_other_methods_and_key_types() {
        assert!(matches!(
            parse_did_key("did:web:example.com"),
            Err(KeyError::UnsupportedDidMethod { .. })
        ));
        // A secp256k1 did:key (multicodec 0xe7 0x01).
        assert!(matches!(
            parse_did_key("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"),
            Err(KeyError::UnsupportedKeyType { .. })
        ));
    }
}
