//! The multibase base58btc form (`z…`) used by `did:key` and `proofValue`.

use super::KeyError;

/// Decodes a multibase string that must use base58btc (prefix `z`).
pub fn decode_base58btc(text: &str) -> Result<Vec<u8>, KeyError> {
    let body = text.strip_prefix('z').ok_or(KeyError::NotBase58btc)?;
    bs58::decode(body)
        .with_alphabet(bs58::Alphabet::BITCOIN)
        .into_vec()
        .map_err(|_| KeyError::BadBase58)
}

/// Encodes bytes as multibase base58btc (prefix `z`).
pub fn encode_base58btc(bytes: &[u8]) -> String {
    let mut text = String::from("z");
    text.push_str(
        &bs58::encode(bytes)
            .with_alphabet(bs58::Alphabet::BITCOIN)
            .into_string(),
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_leading_zero_bytes() {
        let bytes = [0u8, 0, 1, 2, 255];
        let text = encode_base58btc(&bytes);
        assert_eq!(text, "z11LiA");
        assert_eq!(decode_base58btc(&text), Ok(bytes.to_vec()));
    }

    #[test]
    fn refuses_other_bases_and_bad_characters() {
        assert_eq!(decode_base58btc("uAAEC"), Err(KeyError::NotBase58btc));
        assert_eq!(decode_base58btc("z0OIl"), Err(KeyError::BadBase58));
    }
}
