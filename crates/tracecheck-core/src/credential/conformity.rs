//! A conformity credential: a certification issued by a certifier (VietGAP,
//! organic, HACCP…) or a rating by the OCOP council.

use serde::Serialize;
use serde_json::Value;

use super::{Text, one_or_many, string};

/// What a conformity credential says, ready to display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Certification {
    /// Scheme identifier (a short lowercase code: `vietgap`, `ocop`, `organic`…).
    pub scheme: String,
    /// Scheme name for display.
    pub scheme_name: Text,
    /// Certificate number.
    pub number: Option<String>,
    /// OCOP star rating (1–5), when the scheme rates.
    pub stars: Option<u8>,
    /// Who the certificate was issued to (a DID or register id).
    pub holder: Option<String>,
    /// The holder's name.
    pub holder_name: Text,
    /// GTINs the certificate covers (empty: it covers the holder's operation).
    pub products: Vec<String>,
    /// Assessment date, `YYYY-MM-DD`.
    pub assessed: Option<String>,
}

/// Why a credential is not a readable certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CertificationError {
    /// Its type does not include `DigitalConformityCredential`.
    NotACertification,
    /// No scheme is named.
    NoScheme,
}

/// Reads the certification view from a verified credential.
pub fn read_certification(document: &Value) -> Result<Certification, CertificationError> {
    let is_certification = one_or_many(document, "type")
        .iter()
        .any(|t| t.as_str() == Some("DigitalConformityCredential"));
    if !is_certification {
        return Err(CertificationError::NotACertification);
    }
    let subject = document.get("credentialSubject").unwrap_or(&Value::Null);
    let scheme = subject.get("scheme").unwrap_or(&Value::Null);
    let scheme_code = string(scheme, "code").ok_or(CertificationError::NoScheme)?;
    let holder = subject.get("issuedToParty").unwrap_or(&Value::Null);
    let stars = subject
        .get("rating")
        .and_then(Value::as_u64)
        .filter(|s| (1..=5).contains(s))
        .and_then(|s| u8::try_from(s).ok());
    Ok(Certification {
        scheme: scheme_code.to_ascii_lowercase(),
        scheme_name: Text::read(scheme.get("name")),
        number: string(subject, "certificateNumber"),
        stars,
        holder: string(holder, "id"),
        holder_name: Text::read(holder.get("name")),
        products: one_or_many(subject, "assessedProducts")
            .into_iter()
            .filter_map(|p| string(p, "registeredId"))
            .collect(),
        assessed: string(subject, "assessmentDate"),
    })
}
