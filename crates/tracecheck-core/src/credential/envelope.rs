//! The parts every Verifiable Credential (VCDM 2.0) shares.

use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use super::data_model::{Stage, validate_credential};
use super::{Text, one_or_many, string};
use crate::time::parse_date_time_stamp;

/// The base context every VCDM 2.0 credential starts with.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The envelope of a credential.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Envelope {
    /// The credential's `id`, if any.
    pub id: Option<String>,
    /// Its types (always including `VerifiableCredential`).
    pub types: Vec<String>,
    /// The issuer's identifier (a DID).
    pub issuer: String,
    /// The issuer's name as the credential states it (not trusted by itself).
    pub issuer_name: Text,
    /// Start of validity.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_from: Option<OffsetDateTime>,
    /// End of validity.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// Status list entries (revocation, suspension, messages).
    pub status: Vec<StatusEntry>,
    /// Types of `credentialStatus` entries this verifier cannot read.
    pub unsupported_status: Vec<String>,
}

/// A `BitstringStatusListEntry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEntry {
    /// `revocation`, `suspension`, `message`…
    pub purpose: String,
    /// Position in the list.
    pub index: u64,
    /// URL of the status list credential.
    pub list_url: String,
    /// Bits per entry (1 unless stated).
    pub size: u32,
    /// For `message` entries: what each status value means (`statusMessage`).
    pub messages: Vec<StatusMessage>,
}

/// One `statusMessages` item: a status value and its text (e.g. a recall notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusMessage {
    /// The status value.
    pub status: u8,
    /// What it means, for people.
    pub message: String,
}

/// Why a document is not a credential (or presentation) we can read: the
/// VCDM 2.0 rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EnvelopeError {
    /// Not a JSON object.
    NotAnObject,
    /// `@context` is missing or does not start with the VCDM 2.0 context.
    BadContext,
    /// A later `@context` entry is neither a URL nor a context object, or
    /// maps a term to something that is not an IRI (0-based position).
    BadContextEntry { index: usize },
    /// A context redefines a protected term (e.g. `VerifiableCredential`).
    ProtectedTermRedefined { term: String },
    /// `type` does not include `VerifiableCredential`.
    NotACredential,
    /// `type` does not include `VerifiablePresentation`.
    NotAPresentation,
    /// A type name that no context maps to an IRI.
    UnmappedType { name: String },
    /// A member is missing or has the wrong shape (names it).
    BadMember { member: String },
    /// A member that must be a URL (or an object whose `id` is one) is not.
    NotAUrl { member: String },
    /// An item of a member that needs a `type` has none (names the member).
    MissingType { member: String },
    /// A `credentialSubject` that makes no claim.
    EmptySubject,
    /// A `name` or `description` that is neither text nor a language value.
    BadLanguageValue { member: String },
    /// `validUntil` is before `validFrom`.
    ValidityReversed,
}

/// Reads the envelope of `document`.
pub fn read_envelope(document: &Value) -> Result<Envelope, EnvelopeError> {
    validate_credential(document, Stage::Issued)?;
    // The members read below have the shapes validate_credential checked.
    let bad = |member: &str| EnvelopeError::BadMember {
        member: member.to_owned(),
    };
    let names = |value: &Value| -> Vec<String> {
        one_or_many(value, "type")
            .into_iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    };
    let (issuer, issuer_name) = match document.get("issuer") {
        Some(object @ Value::Object(_)) => (
            string(object, "id").unwrap_or_default(),
            Text::read(object.get("name")),
        ),
        other => (
            other.and_then(Value::as_str).unwrap_or_default().to_owned(),
            Text::default(),
        ),
    };
    let timestamp = |member: &str| {
        string(document, member)
            .as_deref()
            .and_then(parse_date_time_stamp)
    };
    let mut status = Vec::new();
    let mut unsupported_status = Vec::new();
    for entry in one_or_many(document, "credentialStatus") {
        let entry_types = names(entry);
        if entry_types.iter().any(|t| t == "BitstringStatusListEntry") {
            status.push(read_status_entry(entry).ok_or_else(|| bad("credentialStatus"))?);
        } else {
            unsupported_status.push(entry_types.join(" "));
        }
    }
    Ok(Envelope {
        id: string(document, "id"),
        types: names(document),
        issuer,
        issuer_name,
        valid_from: timestamp("validFrom"),
        valid_until: timestamp("validUntil"),
        status,
        unsupported_status,
    })
}

fn read_status_entry(entry: &Value) -> Option<StatusEntry> {
    // The spec writes the index as a string of digits; accept a number too.
    let index = match entry.get("statusListIndex")? {
        Value::String(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().ok()?
        }
        Value::Number(n) => n.as_u64()?,
        _ => return None,
    };
    let size = match entry.get("statusSize") {
        None => 1,
        Some(v) => u32::try_from(v.as_u64()?)
            .ok()
            .filter(|s| (1..=8).contains(s))?,
    };
    // The REC names it `statusMessage`; some writers pluralise it.
    let mut message_items = one_or_many(entry, "statusMessage");
    message_items.extend(one_or_many(entry, "statusMessages"));
    let messages = message_items
        .into_iter()
        .filter_map(|m| {
            let status = string(m, "status")?;
            let status = u8::from_str_radix(status.trim_start_matches("0x"), 16).ok()?;
            Some(StatusMessage {
                status,
                message: string(m, "message")?,
            })
        })
        .collect();
    Some(StatusEntry {
        purpose: string(entry, "statusPurpose")?,
        index,
        list_url: string(entry, "statusListCredential")?,
        size,
        messages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "@context": [VC_V2_CONTEXT],
            "type": ["VerifiableCredential"],
            "issuer": {"id": "did:key:z6Mk", "name": "HTX"},
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"id": "urn:example:x"},
            "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                                 "statusListIndex": "42", "statusListCredential": "https://s/1"}
        })
    }

    #[test]
    fn reads_the_shared_members() {
        let envelope = read_envelope(&minimal()).expect("valid");
        assert_eq!(envelope.issuer, "did:key:z6Mk");
        assert_eq!(envelope.status[0].index, 42);
        assert_eq!(envelope.status[0].size, 1);
    }

    #[test]
    fn names_what_is_wrong() {
        let mut doc = minimal();
        doc["validUntil"] = json!("2025-01-01T00:00:00Z");
        assert_eq!(read_envelope(&doc), Err(EnvelopeError::ValidityReversed));
        let mut doc = minimal();
        doc["@context"] = json!(["https://www.w3.org/2018/credentials/v1"]);
        assert_eq!(read_envelope(&doc), Err(EnvelopeError::BadContext));
        let mut doc = minimal();
        doc["credentialStatus"]["statusListIndex"] = json!("-1");
        assert!(matches!(
            read_envelope(&doc),
            Err(EnvelopeError::BadMember { .. })
        ));
    }

    #[test]
    fn sets_aside_status_types_it_cannot_read() {
        let mut doc = minimal();
        doc["credentialStatus"] = json!([
            doc["credentialStatus"].clone(),
            {"type": "CredentialStatusList2017", "id": "https://s/2"}
        ]);
        let envelope = read_envelope(&doc).expect("valid");
        assert_eq!(envelope.status.len(), 1);
        assert_eq!(
            envelope.unsupported_status,
            vec!["CredentialStatusList2017".to_owned()]
        );
    }
}
