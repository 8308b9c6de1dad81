use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::Value;

use super::gzip::{GunzipError, gunzip};
use crate::credential::{one_or_many, string};

/// The smallest list the spec allows, in entries (16 KiB of 1-bit entries),
/// so that one credential's position does not reveal its holder.
pub const MIN_ENTRIES: usize = 131_072;

/// Largest decompressed list accepted (16 MiB): a gzip bomb stops here.
const MAX_BYTES: usize = 16 << 20;

/// A decoded status list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitstring {
    bytes: Vec<u8>,
}

/// Why a status could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatusError {
    /// `encodedList` is not multibase base64url (`u…`).
    NotBase64url,
    /// It does not gunzip.
    NotGzip,
    /// Fewer entries than the spec's minimum.
    TooShort { entries: usize },
    /// Decompressed beyond the size limit.
    TooLarge,
    /// The index lies beyond the end of the list.
    IndexOutOfRange { index: u64 },
    /// The status list credential is malformed (names the member).
    BadMember { member: String },
    /// The list's purpose differs from the entry's.
    PurposeMismatch { entry: String, list: String },
    /// A status size outside 1–8 bits.
    BadStatusSize { size: u32 },
    /// The status list credential is not valid yet (its `validFrom` is ahead).
    NotYetValid,
}

/// Decodes an `encodedList` of `status_size`-bit entries and checks it has
/// at least [`MIN_ENTRIES`] of them (Bitstring Status List v1.0 §4.1 and the
/// validation algorithm's STATUS_LIST_LENGTH_ERROR).
pub fn decode_encoded_list(encoded: &str, status_size: u32) -> Result<Bitstring, StatusError> {
    check_size(status_size)?;
    let list = Bitstring::decode(encoded)?;
    let entries = list.entries(status_size);
    if entries < MIN_ENTRIES {
        return Err(StatusError::TooShort { entries });
    }
    Ok(list)
}

fn check_size(size: u32) -> Result<(), StatusError> {
    if (1..=8).contains(&size) {
        Ok(())
    } else {
        Err(StatusError::BadStatusSize { size })
    }
}

impl Bitstring {
    /// Decodes an `encodedList` (multibase base64url, then GZIP), whatever
    /// its length; [`decode_encoded_list`] is the checked form.
    pub fn decode(encoded: &str) -> Result<Bitstring, StatusError> {
        let body = encoded.strip_prefix('u').ok_or(StatusError::NotBase64url)?;
        let compressed = URL_SAFE_NO_PAD
            .decode(body.trim_end_matches('='))
            .map_err(|_| StatusError::NotBase64url)?;
        let bytes = gunzip(&compressed, MAX_BYTES).map_err(|err| match err {
            GunzipError::TooLarge => StatusError::TooLarge,
            GunzipError::Malformed | GunzipError::Corrupt => StatusError::NotGzip,
        })?;
        Ok(Bitstring { bytes })
    }

    /// The status value at `index` with `size` bits per entry. Bit 0 is the
    /// most significant bit of byte 0 (the spec's order; the legacy
    /// least-significant-first order reads a different credential).
    pub fn status(&self, index: u64, size: u32) -> Result<u8, StatusError> {
        check_size(size)?;
        let out_of_range = StatusError::IndexOutOfRange { index };
        let first_bit = index
            .checked_mul(u64::from(size))
            .ok_or(out_of_range.clone())?;
        let end_bit = first_bit
            .checked_add(u64::from(size))
            .ok_or(out_of_range.clone())?;
        let mut value = 0u8;
        for bit in first_bit..end_bit {
            let byte = usize::try_from(bit / 8).map_err(|_| out_of_range.clone())?;
            let byte = *self.bytes.get(byte).ok_or(out_of_range.clone())?;
            let set = byte >> (7 - bit % 8) & 1;
            value = value << 1 | set;
        }
        Ok(value)
    }

    /// Number of entries of `size` bits.
    pub fn entries(&self, size: u32) -> usize {
        self.bytes.len() * 8 / size.max(1) as usize
    }
}

/// Reads a `BitstringStatusListCredential`'s list for `purpose` (after its
/// proof has been checked).
pub fn read_status_list(
    document: &Value,
    purpose: &str,
    status_size: u32,
) -> Result<Bitstring, StatusError> {
    let bad = |member: &str| StatusError::BadMember {
        member: member.into(),
    };
    let has_type = |value: &Value, wanted: &str| {
        one_or_many(value, "type")
            .iter()
            .any(|t| t.as_str() == Some(wanted))
    };
    if !has_type(document, "BitstringStatusListCredential") {
        return Err(bad("type"));
    }
    let subject = document
        .get("credentialSubject")
        .ok_or_else(|| bad("credentialSubject"))?;
    if !has_type(subject, "BitstringStatusList") {
        return Err(bad("type"));
    }
    // statusPurpose may be one string or several.
    let purposes: Vec<String> = match subject.get("statusPurpose") {
        Some(Value::String(p)) => vec![p.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => return Err(bad("statusPurpose")),
    };
    if !purposes.iter().any(|p| p == purpose) {
        return Err(StatusError::PurposeMismatch {
            entry: purpose.into(),
            list: purposes.join(","),
        });
    }
    let encoded = string(subject, "encodedList").ok_or_else(|| bad("encodedList"))?;
    decode_encoded_list(&encoded, status_size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn encode(bytes: &[u8]) -> String {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).expect("in memory");
        format!(
            "u{}",
            URL_SAFE_NO_PAD.encode(gz.finish().expect("in memory"))
        )
    }

    #[test]
    fn reads_bits_most_significant_first() {
        let mut bytes = vec![0u8; MIN_ENTRIES / 8];
        bytes[0] = 0b0100_0000; // index 1
        bytes[2] = 0b0000_0001; // index 23
        let list = decode_encoded_list(&encode(&bytes), 1).expect("valid");
        assert_eq!(list.status(1, 1), Ok(1));
        assert_eq!(list.status(0, 1), Ok(0));
        assert_eq!(list.status(6, 1), Ok(0));
        assert_eq!(list.status(23, 1), Ok(1));
        assert_eq!(list.status(0, 2), Ok(0b01));
        assert!(list.status(MIN_ENTRIES as u64, 1).is_err());
        assert!(list.status(u64::MAX, 8).is_err());
        assert!(list.status(u64::MAX / 8, 8).is_err());
        assert_eq!(
            list.status(1, 0),
            Err(StatusError::BadStatusSize { size: 0 })
        );
        assert_eq!(
            list.status(1, 9),
            Err(StatusError::BadStatusSize { size: 9 })
        );
    }

    #[test]
    fn refuses_short_lists_and_bad_encodings() {
        assert_eq!(
            decode_encoded_list(&encode(&[0; 100]), 1),
            Err(StatusError::TooShort { entries: 800 })
        );
        assert_eq!(
            decode_encoded_list("zabc", 1),
            Err(StatusError::NotBase64url)
        );
        assert_eq!(decode_encoded_list("uAAAA", 1), Err(StatusError::NotGzip));
    }
}
