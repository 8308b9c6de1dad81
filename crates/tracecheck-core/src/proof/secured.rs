//! A credential as it arrives: JSON with an embedded Data Integrity proof,
//! or a compact JWS (VC-JOSE) whose payload is the credential. The two are
//! told apart by the media type when the server gives one, else by shape.

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
    jws: Option<Jws>,
}

/// Why the bytes are not a credential we can check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SecuredError {
    /// JSON that breaks the strict parser's rules.
    Json(JsonError),
    /// A JWS that cannot be read (bad encoding, refused algorithm…).
    Jws(ProofError),
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
            let text = std::str::from_utf8(bytes)
                .map_err(|_| SecuredError::Jws(ProofError::JwsEncoding))?;
            let jws = read_jws(text, JwsKind::Credential).map_err(SecuredError::Jws)?;
            return Ok(Secured {
                credential: jws.payload.clone(),
                jws: Some(jws),
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
            Some(jws) => jws.prepare(&issuer_id(&self.credential).unwrap_or_default()),
        }
    }
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
        assert!(matches!(
            Secured::read(json, Some("application/vc+jwt; charset=utf-8")),
            Err(SecuredError::Jws(ProofError::JwsEncoding))
        ));
        // Shape alone is enough when the server says nothing useful.
        let jws = b"eyJhbGciOiJub25lIn0.e30.";
        assert_eq!(
            Secured::read(jws, Some("application/octet-stream")),
            Err(SecuredError::Jws(ProofError::UnsecuredJws))
        );
        assert!(matches!(
            Secured::read(b"{\"a\":1,\"a\":2}", None),
            Err(SecuredError::Json(JsonError::DuplicateKey { .. }))
        ));
    }
}
