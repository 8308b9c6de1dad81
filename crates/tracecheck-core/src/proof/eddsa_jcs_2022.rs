//! The `eddsa-jcs-2022` Data Integrity cryptosuite (W3C vc-di-eddsa §3.3).
//!
//! signed bytes = SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document without proof)),
//! and `proofValue` = multibase base58btc of the 64-byte Ed25519 signature.

use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::{PreparedProof, ProofError, Signature};
use crate::json::canonicalize;
use crate::keys::{decode_base58btc, encode_base58btc};

const PROOF_TYPE: &str = "DataIntegrityProof";
const CRYPTOSUITE: &str = "eddsa-jcs-2022";

/// Reads the proof of `document` and computes the bytes it signs.
pub fn prepare(document: &Value) -> Result<PreparedProof, ProofError> {
    let mut unsecured = document.as_object().cloned().ok_or(ProofError::Missing)?;
    let proof = match unsecured.remove("proof") {
        Some(Value::Object(proof)) => proof,
        Some(Value::Array(_)) => return Err(ProofError::ProofSetUnsupported),
        Some(_) => return Err(ProofError::malformed("proof")),
        None => return Err(ProofError::Missing),
    };
    let mut options = proof;
    let proof_value = match options.remove("proofValue") {
        Some(Value::String(text)) => text,
        _ => return Err(ProofError::malformed("proofValue")),
    };
    check_suite(&options)?;

    // Only base58btc (`z`): the suite fixes the multibase encoding.
    let signature = decode_base58btc(&proof_value).map_err(|_| ProofError::ProofValueEncoding)?;
    let signature: [u8; 64] =
        signature
            .as_slice()
            .try_into()
            .map_err(|_| ProofError::SignatureLength {
                found: signature.len(),
            })?;

    // The proof's @context must be a prefix of the document's; the document
    // is then hashed with the proof's @context (vc-di-eddsa §3.3.2 step 4).
    if let Some(proof_context) = options.get("@context") {
        if !context_starts_with(unsecured.get("@context"), proof_context) {
            return Err(ProofError::ContextMismatch);
        }
        unsecured.insert("@context".into(), proof_context.clone());
    }

    let verification_method = required_string(&options, "verificationMethod")?;
    let proof_purpose = required_string(&options, "proofPurpose")?;
    // Both are xsd:dateTimeStamp when present (Data Integrity 1.0 §2.1).
    let timestamp = |member: &str| match options.get(member) {
        None => Ok(None),
        Some(Value::String(text)) => crate::time::parse_date_time_stamp(text)
            .map(|at| Some((text.clone(), at)))
            .ok_or_else(|| ProofError::malformed(member)),
        Some(_) => Err(ProofError::malformed(member)),
    };
    let created = timestamp("created")?;
    let expires = timestamp("expires")?.map(|(_, at)| at);

    Ok(PreparedProof {
        verification_method,
        proof_purpose,
        created_at: created.as_ref().map(|(_, at)| *at),
        created: created.map(|(text, _)| text),
        expires,
        not_before: None,
        signed_bytes: signed_bytes(&Value::Object(options), &Value::Object(unsecured)),
        signature: Signature::Ed25519(signature),
    })
}

/// What a new proof says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOptions {
    /// DID URL of the signing key.
    pub verification_method: String,
    /// Creation time, RFC 3339.
    pub created: String,
    /// Usually `assertionMethod`.
    pub proof_purpose: String,
    /// When the proof stops vouching (RFC 3339), if ever.
    pub expires: Option<String>,
}

/// Adds an `eddsa-jcs-2022` proof to `document`, replacing any existing one.
pub fn sign(document: &Value, key: &SigningKey, options: &ProofOptions) -> Value {
    let mut unsecured = document.as_object().cloned().unwrap_or_default();
    unsecured.remove("proof");
    let mut proof = Map::new();
    proof.insert("type".into(), PROOF_TYPE.into());
    proof.insert("cryptosuite".into(), CRYPTOSUITE.into());
    proof.insert("created".into(), options.created.clone().into());
    proof.insert(
        "verificationMethod".into(),
        options.verification_method.clone().into(),
    );
    proof.insert("proofPurpose".into(), options.proof_purpose.clone().into());
    if let Some(expires) = &options.expires {
        proof.insert("expires".into(), expires.clone().into());
    }
    if let Some(context) = unsecured.get("@context") {
        proof.insert("@context".into(), context.clone());
    }
    let unsecured = Value::Object(unsecured);
    let to_sign = signed_bytes(&Value::Object(proof.clone()), &unsecured);
    let signature = key.sign(&to_sign);
    proof.insert(
        "proofValue".into(),
        encode_base58btc(&signature.to_bytes()).into(),
    );
    let Value::Object(mut secured) = unsecured else {
        return Value::Null;
    };
    secured.insert("proof".into(), Value::Object(proof));
    Value::Object(secured)
}

fn signed_bytes(proof_options: &Value, unsecured: &Value) -> Vec<u8> {
    let mut bytes = Sha256::digest(canonicalize(proof_options)).to_vec();
    bytes.extend_from_slice(&Sha256::digest(canonicalize(unsecured)));
    bytes
}

fn check_suite(options: &Map<String, Value>) -> Result<(), ProofError> {
    let proof_type = required_string(options, "type")?;
    if proof_type != PROOF_TYPE {
        return Err(ProofError::UnsupportedSuite { name: proof_type });
    }
    let suite = required_string(options, "cryptosuite")?;
    if suite != CRYPTOSUITE {
        return Err(ProofError::UnsupportedSuite { name: suite });
    }
    Ok(())
}

fn context_starts_with(document: Option<&Value>, proof: &Value) -> bool {
    let as_list = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    let Some(document) = document else {
        return false;
    };
    let (document, proof) = (as_list(document), as_list(proof));
    document.starts_with(&proof)
}

fn required_string(map: &Map<String, Value>, member: &str) -> Result<String, ProofError> {
    match map.get(member) {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(ProofError::malformed(member)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{PublicKey, verification_method_for};
    use serde_json::json;

    fn signed(expires: Option<&str>) -> (Value, PublicKey) {
        let key = SigningKey::from_bytes(&[9; 32]);
        let public = key.verifying_key().to_bytes();
        let options = ProofOptions {
            verification_method: verification_method_for(&public),
            created: "2026-01-01T00:00:00Z".into(),
            proof_purpose: "assertionMethod".into(),
            expires: expires.map(str::to_owned),
        };
        let document = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "x"});
        (sign(&document, &key, &options), PublicKey::Ed25519(public))
    }

    #[test]
    fn a_proof_past_its_expiry_no_longer_vouches() {
        let (document, key) = signed(Some("2026-06-01T00:00:00Z"));
        let prepared = prepare(&document).expect("prepares");
        assert_eq!(prepared.check(&key), Ok(()));
        let before = crate::time::parse_timestamp("2026-05-31T23:59:59Z").expect("time");
        let after = crate::time::parse_timestamp("2026-06-01T00:00:00Z").expect("time");
        assert_eq!(prepared.check_time(before), Ok(()));
        assert!(matches!(
            prepared.check_time(after),
            Err(ProofError::Expired { .. })
        ));
    }

    #[test]
    fn timestamps_must_be_date_time_stamps() {
        let (mut document, _) = signed(None);
        document["proof"]["created"] = json!("2026-01-01");
        assert_eq!(
            prepare(&document).err(),
            Some(ProofError::malformed("created"))
        );
        let (mut document, _) = signed(Some("2026-06-01T00:00:00Z"));
        document["proof"]["expires"] = json!(1_780_000_000);
        assert_eq!(
            prepare(&document).err(),
            Some(ProofError::malformed("expires"))
        );
    }

    #[test]
    fn refuses_other_suites_by_name() {
        let (mut document, _) = signed(None);
        document["proof"]["cryptosuite"] = json!("ecdsa-rdfc-2019");
        assert_eq!(
            prepare(&document).err(),
            Some(ProofError::UnsupportedSuite {
                name: "ecdsa-rdfc-2019".into()
            })
        );
        document["proof"]["type"] = json!("Ed25519Signature2020");
        assert_eq!(
            prepare(&document).err(),
            Some(ProofError::UnsupportedSuite {
                name: "Ed25519Signature2020".into()
            })
        );
    }
}
