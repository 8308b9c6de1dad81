//! A conformity credential: a certification issued by a certifier (VietGAP,
//! organic, HACCP…) or a rating by the OCOP council.

use serde::Serialize;
use serde_json::Value;

use super::{Scheme, Text, one_or_many, string};

/// What a conformity credential says, as its certifier wrote it. The
/// verifier turns it into a verified certification only after checking the
/// certifier's scope (see `verdict::VerifiedCertification`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Certification {
    /// The scheme, by its code (`credentialSubject.scheme.code`).
    pub scheme: Scheme,
    /// The scheme's name as the certificate writes it (free text: shown,
    /// if at all, only as secondary text labelled as the certificate's).
    pub scheme_name: Text,
    /// Certificate number.
    pub number: Option<String>,
    /// The `rating` member, as written (an OCOP star rating when the scheme
    /// is OCOP; meaningless otherwise).
    pub rating: Option<u64>,
    /// Who the certificate was issued to (a DID or register id).
    pub holder: Option<String>,
    /// The holder's name.
    pub holder_name: Text,
    /// GTINs the certificate covers (empty: it covers the holder's operation).
    pub products: Vec<String>,
    /// Assessment date, as written (`YYYY-MM-DD`).
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
    Ok(Certification {
        scheme: Scheme::from_code(&scheme_code),
        scheme_name: Text::read(scheme.get("name")),
        number: string(subject, "certificateNumber"),
        rating: subject.get("rating").and_then(Value::as_u64),
        holder: string(holder, "id"),
        holder_name: Text::read(holder.get("name")),
        products: one_or_many(subject, "assessedProducts")
            .into_iter()
            .filter_map(|p| string(p, "registeredId"))
            .collect(),
        assessed: string(subject, "assessmentDate"),
    })
}
