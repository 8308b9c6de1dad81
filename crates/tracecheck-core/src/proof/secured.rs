//! A credential as it arrives: JSON with an embedded Data Integrity proof,
//! or a compact JWS (VC-JOSE) whose payload is the credential. The two are
//! told apart by the media type when the server gives one, else by shape.
//!
//! A JWS whose payload reads but whose protection is refused (`alg: none`,
//! an unknown algorithm, a wrong `typ`…) still yields the credential, so the
//! record can be shown as found and its signature as failed.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::Value;

use super::jose::{Jws, JwsKind, read_jws};
use super::{PreparedProof, ProofError};
use crate::json::{self, JsonError, Limits};

/// Which proof format secures a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofFormat {
    /// An embedded `proof` (Data Integrity, `eddsa-jcs-2022`).
    DataIntegrity,
    /// An enveloping compact JWS (`application/vc+jwt`).
    VcJose,
}

/// A credential and what secures it.
#[derive(Debug, Clone, PartialEq)]
pub struct Secured {
    /// The credential: the JSON document, or the JWS payload.
    pub credential: Value,
    /// For a JWS: the checked token, or why it was refused.
    jws: Option<Result<Jws, ProofError>>,
}

/// Why the bytes are not a credential we can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SecuredError {
    /// JSON (the document, or a JWS payload) that breaks the strict
    /// parser's rules.
    Json(JsonError),
    /// Labelled or shaped as a JWS, but not three base64url parts with a
    /// JSON object as payload.
    JwsEncoding,
}

/// Media types of a compact JWS credential.
const JWS_TYPES: &[&str] = &["application/vc+jwt", "application/jwt"];

impl Secured {
    /// Reads `bytes`, using `content_type` (an HTTP `Content-Type`) when given.
    pub fn read(bytes: &[u8], content_type: Option<&str>) -> Result<Secured, SecuredError> {
        let essence = content_type
            .map(|t| t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase())
            .unwrap_or_default();
        if JWS_TYPES.contains(&essence.as_str()) || looks_like_jws(bytes) {
            let text = std::str::from_utf8(bytes).map_err(|_| SecuredError::JwsEncoding)?;
            let credential = jws_payload(text)?;
            return Ok(Secured {
                credential,
                jws: Some(read_jws(text, JwsKind::Credential)),
            });
        }
        let credential = json::parse(bytes, Limits::DEFAULT).map_err(SecuredError::Json)?;
        Ok(Secured {
            credential,
            jws: None,
        })
    }

    /// A credential already parsed from JSON (Data Integrity).
    pub fn from_json(credential: Value) -> Secured {
        Secured {
            credential,
            jws: None,
        }
    }

    /// How the credential is secured.
    pub fn format(&self) -> ProofFormat {
        match self.jws {
            Some(_) => ProofFormat::VcJose,
            None => ProofFormat::DataIntegrity,
        }
    }

    /// Reads the proof and computes the bytes it signs.
    pub fn prepare(&self) -> Result<PreparedProof, ProofError> {
        match &self.jws {
            None => super::prepare(&self.credential),
            Some(Ok(jws)) => jws.prepare(&issuer_id(&self.credential).unwrap_or_default()),
            Some(Err(error)) => Err(error.clone()),
        }
    }
}

/// The payload of a compact JWS, read on its own (header and signature are
/// judged by `read_jws`).
fn jws_payload(text: &str) -> Result<Value, SecuredError> {
    let mut parts = text.trim_ascii().split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SecuredError::JwsEncoding);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| SecuredError::JwsEncoding)?;
    let value = json::parse(&bytes, Limits::DEFAULT).map_err(SecuredError::Json)?;
    if !value.is_object() {
        return Err(SecuredError::JwsEncoding);
    }
    Ok(value)
}

/// The issuer's id: `issuer` as a string, or `issuer.id`.
fn issuer_id(credential: &Value) -> Option<String> {
    match credential.get("issuer")? {
        Value::String(id) => Some(id.clone()),
        object => object.get("id")?.as_str().map(str::to_owned),
    }
}

/// `eyJ…` (a base64url JSON object), two dots, nothing but base64url: the
/// shape of a compact JWS, which JSON text can never have.
fn looks_like_jws(bytes: &[u8]) -> bool {
    let text = bytes.trim_ascii();
    text.starts_with(b"eyJ")
        && text.iter().filter(|&&b| b == b'.').count() == 2
        && text
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_formats_apart() {
        let json = br#"{"proof": {}}"#;
        assert_eq!(
            Secured::read(json, Some("application/vc+ld+json")).map(|s| s.format()),
            Ok(ProofFormat::DataIntegrity)
        );
        // A JWS content type with JSON inside is not a JWS.
        assert_eq!(
            Secured::read(json, Some("application/vc+jwt; charset=utf-8")),
            Err(SecuredError::JwsEncoding)
        );
        // Shape alone is enough when the server says nothing useful; an
        // unsigned token still shows its payload, and fails as a proof.
        let jws = b"eyJhbGciOiJub25lIn0.e30.";
        let unsigned = Secured::read(jws, Some("application/octet-stream")).expect("reads");
        assert_eq!(unsigned.format(), ProofFormat::VcJose);
        assert_eq!(unsigned.prepare(), Err(ProofError::UnsecuredJws));
        assert_eq!(
            Secured::read(b"eyJhbGciOiJFZERTQSJ9.WzFd.AAAA", None),
            Err(SecuredError::JwsEncoding)
        );
        assert!(matches!(
            Secured::read(b"{\"a\":1,\"a\":2}", None),
            Err(SecuredError::Json(JsonError::DuplicateKey { .. }))
        ));
    }
}
