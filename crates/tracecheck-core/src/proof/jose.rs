//! VC-JOSE: a credential (or presentation) secured as a compact JWS
//! (RFC 7515 §7.1) whose payload is the credential itself (Securing
//! Verifiable Credentials using JOSE and COSE, W3C REC 2025, §3.1).
//!
//! Rules applied on reading, each refused by name:
//! - `alg` is `EdDSA`, `ES256`, `ES384` or `ES512`; `none` is never accepted;
//! - `crit` is refused (no JWS extension is implemented here);
//! - `typ`, when present, is `vc+jwt` (`vp+jwt` for a presentation) and
//!   `cty`, when present, is `vc` (`vp`), with or without `application/`;
//! - the payload is strict JSON (the same bounds as every document) and
//!   carries no `vc` or `vp` claim (VC-JOSE forbids the VC 1.1 wrappers);
//! - `exp` and `nbf`, when they are NumericDates, bound the proof in time;
//! - `iss`, when present, is the issuer (holder) the payload names.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::{PreparedProof, ProofError, Signature};
use crate::json::{self, Limits};
use crate::keys::Curve;

/// What a JWS secures, which fixes its media types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JwsKind {
    /// A credential: `typ` `vc+jwt`, `cty` `vc`.
    Credential,
    /// A presentation: `typ` `vp+jwt`, `cty` `vp`.
    Presentation,
}

impl JwsKind {
    fn media_types(self) -> (&'static str, &'static str) {
        match self {
            JwsKind::Credential => ("vc+jwt", "vc"),
            JwsKind::Presentation => ("vp+jwt", "vp"),
        }
    }
}

/// The signature algorithms accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum JwsAlgorithm {
    /// Ed25519 (RFC 8037).
    EdDSA,
    /// ECDSA P-256 with SHA-256.
    ES256,
    /// ECDSA P-384 with SHA-384.
    ES384,
    /// ECDSA P-521 with SHA-512.
    ES512,
}

impl JwsAlgorithm {
    /// The `alg` header value.
    pub fn name(self) -> &'static str {
        match self {
            JwsAlgorithm::EdDSA => "EdDSA",
            JwsAlgorithm::ES256 => "ES256",
            JwsAlgorithm::ES384 => "ES384",
            JwsAlgorithm::ES512 => "ES512",
        }
    }

    fn read(name: &str) -> Result<JwsAlgorithm, ProofError> {
        match name {
            "EdDSA" => Ok(JwsAlgorithm::EdDSA),
            "ES256" => Ok(JwsAlgorithm::ES256),
            "ES384" if cfg!(not(target_arch = "wasm32")) => Ok(JwsAlgorithm::ES384),
            "ES512" if cfg!(not(target_arch = "wasm32")) => Ok(JwsAlgorithm::ES512),
            // RFC 7518 §3.6: "none" means no integrity protection at all.
            _ if name.eq_ignore_ascii_case("none") => Err(ProofError::UnsecuredJws),
            other => Err(ProofError::UnsupportedAlgorithm {
                name: other.to_owned(),
            }),
        }
    }

    /// Bytes of a signature: 64 for Ed25519, `r ‖ s` for ECDSA (RFC 7518 §3.4).
    fn signature_length(self) -> usize {
        match self {
            JwsAlgorithm::EdDSA | JwsAlgorithm::ES256 => 64,
            JwsAlgorithm::ES384 => 96,
            JwsAlgorithm::ES512 => 132,
        }
    }
}

/// A compact JWS that has been read and checked, waiting for its key.
#[derive(Debug, Clone, PartialEq)]
pub struct Jws {
    /// The protected header.
    pub header: Map<String, Value>,
    /// The payload: the credential or presentation.
    pub payload: Value,
    /// The algorithm.
    pub algorithm: JwsAlgorithm,
    /// What it secures.
    pub kind: JwsKind,
    signing_input: Vec<u8>,
    signature: Signature,
    expires: Option<OffsetDateTime>,
    not_before: Option<OffsetDateTime>,
}

/// Reads a compact JWS (surrounding whitespace ignored).
pub fn read_jws(text: &str, kind: JwsKind) -> Result<Jws, ProofError> {
    let text = text.trim_ascii();
    if text.len() > Limits::DEFAULT.max_bytes {
        return Err(ProofError::Payload(json::JsonError::TooLarge {
            limit: Limits::DEFAULT.max_bytes,
        }));
    }
    let mut parts = text.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ProofError::JwsEncoding);
    };
    // The base64 engine refuses padding and non-canonical trailing bits, so
    // a JWS has exactly one encoding.
    let decode = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| ProofError::JwsEncoding)
    };
    let header = match json::parse(&decode(header_b64)?, Limits::DEFAULT) {
        Ok(Value::Object(header)) => header,
        _ => return Err(ProofError::JwsEncoding),
    };
    let algorithm = match header.get("alg") {
        Some(Value::String(alg)) => JwsAlgorithm::read(alg)?,
        _ => return Err(ProofError::malformed("alg")),
    };
    if let Some(crit) = header.get("crit") {
        let names = crit
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .map(|n| n.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        return Err(ProofError::UnsupportedCritical { names });
    }
    let (typ, cty) = kind.media_types();
    check_media_type(&header, "typ", typ)?;
    check_media_type(&header, "cty", cty)?;

    let payload =
        json::parse(&decode(payload_b64)?, Limits::DEFAULT).map_err(ProofError::Payload)?;
    if !payload.is_object() {
        return Err(ProofError::JwsEncoding);
    }
    for claim in ["vc", "vp"] {
        if payload.get(claim).is_some() {
            return Err(ProofError::ForbiddenClaim {
                claim: claim.to_owned(),
            });
        }
    }
    let expires = numeric_date(&payload, "exp")?;
    let not_before = numeric_date(&payload, "nbf")?;

    let signature = decode(signature_b64)?;
    if signature.len() != algorithm.signature_length() {
        return Err(ProofError::SignatureLength {
            found: signature.len(),
        });
    }
    let signature = match algorithm {
        JwsAlgorithm::EdDSA => {
            let mut bytes = [0u8; 64];
            bytes.copy_from_slice(&signature);
            Signature::Ed25519(bytes)
        }
        JwsAlgorithm::ES256 => ecdsa(Curve::P256, signature),
        JwsAlgorithm::ES384 => ecdsa(Curve::P384, signature),
        JwsAlgorithm::ES512 => ecdsa(Curve::P521, signature),
    };
    let signing_input = format!("{header_b64}.{payload_b64}").into_bytes();
    Ok(Jws {
        header,
        payload,
        algorithm,
        kind,
        signing_input,
        signature,
        expires,
        not_before,
    })
}

impl Jws {
    /// The proof, with its verification method found from `kid` relative
    /// to `controller` (the payload's issuer, or holder for a presentation).
    pub fn prepare(&self, controller: &str) -> Result<PreparedProof, ProofError> {
        if let Some(iss) = self.payload.get("iss") {
            if iss.as_str() != Some(controller) {
                return Err(ProofError::IssuerClaimMismatch {
                    iss: iss.as_str().unwrap_or_default().to_owned(),
                });
            }
        }
        let verification_method = match self.header.get("kid") {
            Some(Value::String(kid)) => absolute_kid(controller, kid),
            // A did:key has one key, so it needs no kid.
            None if controller.starts_with("did:key:") => {
                let multibase = controller.trim_start_matches("did:key:");
                format!("{controller}#{multibase}")
            }
            _ => return Err(ProofError::malformed("kid")),
        };
        let proof_purpose = match self.kind {
            JwsKind::Credential => "assertionMethod",
            JwsKind::Presentation => "authentication",
        };
        // `iat` is a NumericDate (RFC 7519 §4.1.6; seconds, possibly with a
        // fraction); the W3C VC-JOSE suite also writes it as an
        // xsd:dateTimeStamp. Anything else is a malformed token, not "no date".
        let created_at = match self.payload.get("iat") {
            None => None,
            Some(iat) => Some(
                iat.as_f64()
                    .filter(|t| t.is_finite())
                    .and_then(|t| OffsetDateTime::from_unix_timestamp(t.floor() as i64).ok())
                    .or_else(|| iat.as_str().and_then(crate::time::parse_date_time_stamp))
                    .ok_or_else(|| ProofError::malformed("iat"))?,
            ),
        };
        Ok(PreparedProof {
            verification_method,
            proof_purpose: proof_purpose.to_owned(),
            created: created_at.map(crate::time::format_timestamp),
            created_at,
            expires: self.expires,
            not_before: self.not_before,
            signed_bytes: self.signing_input.clone(),
            signature: self.signature.clone(),
        })
    }
}

/// Signs `payload` as a compact JWS: `sign` gets the signing input and
/// returns the raw signature (`r ‖ s` for ECDSA).
pub fn sign_jws(
    payload: &Value,
    algorithm: JwsAlgorithm,
    kid: &str,
    kind: JwsKind,
    sign: impl FnOnce(&[u8]) -> Vec<u8>,
) -> String {
    let (typ, cty) = kind.media_types();
    let header = json!({"alg": algorithm.name(), "kid": kid, "typ": typ, "cty": cty});
    let encode =
        |value: &Value| URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap_or_default());
    let signing_input = format!("{}.{}", encode(&header), encode(payload));
    let signature = URL_SAFE_NO_PAD.encode(sign(signing_input.as_bytes()));
    format!("{signing_input}.{signature}")
}

/// A `kid` as a DID URL: absolute, `#fragment`, or a bare fragment.
fn absolute_kid(controller: &str, kid: &str) -> String {
    if kid.contains(':') {
        kid.to_owned()
    } else if kid.starts_with('#') {
        format!("{controller}{kid}")
    } else {
        format!("{controller}#{kid}")
    }
}

fn check_media_type(
    header: &Map<String, Value>,
    member: &str,
    want: &str,
) -> Result<(), ProofError> {
    let Some(value) = header.get(member) else {
        return Ok(());
    };
    let text = value.as_str().unwrap_or_default();
    // RFC 7515 §4.1.9: the "application/" prefix may be omitted; media types
    // compare case-insensitively.
    let lower = text.to_ascii_lowercase();
    let bare = lower.strip_prefix("application/").unwrap_or(&lower);
    if bare == want {
        Ok(())
    } else {
        Err(ProofError::WrongMediaType {
            member: member.to_owned(),
            value: text.to_owned(),
        })
    }
}

/// A JWT NumericDate claim (`exp`, `nbf`; `iat` is read in `prepare`,
/// where its text form is also accepted).
fn numeric_date(payload: &Value, claim: &str) -> Result<Option<OffsetDateTime>, ProofError> {
    match payload.get(claim) {
        None => Ok(None),
        Some(value) => value
            .as_i64()
            .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
            .map(Some)
            .ok_or_else(|| ProofError::malformed(claim)),
    }
}

fn ecdsa(curve: Curve, rs: Vec<u8>) -> Signature {
    Signature::Ecdsa { curve, rs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(value: &Value) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("json"))
    }

    fn token(header: Value, payload: Value) -> String {
        format!(
            "{}.{}.{}",
            b64(&header),
            b64(&payload),
            URL_SAFE_NO_PAD.encode([0u8; 64])
        )
    }

    fn credential() -> Value {
        json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
               "issuer": "did:web:coop.example", "credentialSubject": {"id": "urn:x"}})
    }

    #[test]
    fn refuses_alg_none_and_unknown_algorithms_by_name() {
        let read = |alg: &str| {
            read_jws(
                &token(json!({"alg": alg}), credential()),
                JwsKind::Credential,
            )
        };
        assert_eq!(read("none").err(), Some(ProofError::UnsecuredJws));
        assert_eq!(read("NONE").err(), Some(ProofError::UnsecuredJws));
        assert_eq!(
            read("HS256").err(),
            Some(ProofError::UnsupportedAlgorithm {
                name: "HS256".into()
            })
        );
        assert_eq!(
            read("RS256").err(),
            Some(ProofError::UnsupportedAlgorithm {
                name: "RS256".into()
            })
        );
        assert!(read("EdDSA").is_ok());
    }

    #[test]
    fn applies_the_media_type_and_claim_rules() {
        let read =
            |header: Value, payload: Value| read_jws(&token(header, payload), JwsKind::Credential);
        assert!(
            read(
                json!({"alg": "EdDSA", "typ": "application/vc+jwt", "cty": "VC"}),
                credential()
            )
            .is_ok()
        );
        assert!(matches!(
            read(json!({"alg": "EdDSA", "typ": "JWT"}), credential()),
            Err(ProofError::WrongMediaType { .. })
        ));
        assert!(matches!(
            read(json!({"alg": "EdDSA", "typ": "vp+jwt"}), credential()),
            Err(ProofError::WrongMediaType { .. })
        ));
        assert!(matches!(
            read(
                json!({"alg": "EdDSA", "crit": ["b64"], "b64": false}),
                credential()
            ),
            Err(ProofError::UnsupportedCritical { .. })
        ));
        let mut wrapped = credential();
        wrapped["vc"] = json!({});
        assert_eq!(
            read(json!({"alg": "EdDSA"}), wrapped).err(),
            Some(ProofError::ForbiddenClaim { claim: "vc".into() })
        );
        let mut exp_text = credential();
        exp_text["exp"] = json!("tomorrow");
        assert_eq!(
            read(json!({"alg": "EdDSA"}), exp_text).err(),
            Some(ProofError::Malformed {
                member: "exp".into()
            })
        );
    }

    #[test]
    fn reads_iat_as_a_date_or_refuses_the_token() {
        let created = |iat: Value| {
            let mut payload = credential();
            payload["iat"] = iat;
            read_jws(
                &token(json!({"alg": "EdDSA", "kid": "#key-1"}), payload),
                JwsKind::Credential,
            )
            .and_then(|jws| jws.prepare("did:web:coop.example"))
            .map(|prepared| prepared.created_at.map(|at| at.unix_timestamp()))
        };
        assert_eq!(created(json!(1_700_000_000)), Ok(Some(1_700_000_000)));
        assert_eq!(created(json!(1_700_000_000.5)), Ok(Some(1_700_000_000)));
        assert_eq!(
            created(json!("2010-01-01T19:23:24Z")),
            Ok(Some(1_262_373_804))
        );
        for bad in [
            json!("tomorrow"),
            json!(true),
            json!({}),
            json!("2010-01-01"),
        ] {
            assert_eq!(
                created(bad.clone()),
                Err(ProofError::malformed("iat")),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_broken_encodings() {
        let good = token(json!({"alg": "EdDSA"}), credential());
        for bad in [
            good.replacen('.', "..", 1),
            format!("{good}.extra"),
            good.replace('.', "=."),
            format!("{}.e30.AAAA", b64(&json!({"alg": "EdDSA"}))),
            format!("{}.{}.AAAA", b64(&json!(["alg"])), b64(&credential())),
        ] {
            assert!(read_jws(&bad, JwsKind::Credential).is_err(), "{bad}");
        }
        // A duplicate header member is refused like any duplicate key.
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"EdDSA","alg":"none"}"#);
        let dup = format!(
            "{header}.{}.{}",
            b64(&credential()),
            URL_SAFE_NO_PAD.encode([0u8; 64])
        );
        assert_eq!(
            read_jws(&dup, JwsKind::Credential).err(),
            Some(ProofError::JwsEncoding)
        );
    }

    #[test]
    fn finds_the_key_from_kid_and_issuer() {
        let with_kid = |kid: &str| {
            read_jws(
                &token(json!({"alg": "EdDSA", "kid": kid}), credential()),
                JwsKind::Credential,
            )
            .and_then(|jws| jws.prepare("did:web:coop.example"))
            .map(|p| p.verification_method)
        };
        assert_eq!(
            with_kid("key-1").as_deref(),
            Ok("did:web:coop.example#key-1")
        );
        assert_eq!(
            with_kid("#key-1").as_deref(),
            Ok("did:web:coop.example#key-1")
        );
        assert_eq!(
            with_kid("did:web:other.example#k").as_deref(),
            Ok("did:web:other.example#k")
        );
        let mut claims = credential();
        claims["iss"] = json!("did:web:evil.example");
        let jws = read_jws(
            &token(json!({"alg": "EdDSA", "kid": "k"}), claims),
            JwsKind::Credential,
        )
        .expect("reads");
        assert!(matches!(
            jws.prepare("did:web:coop.example"),
            Err(ProofError::IssuerClaimMismatch { .. })
        ));
    }
}
