//! The VCDM 2.0 data-model rules a verifier checks before trusting any
//! member: `@context`, `type`, `id`, `issuer`, `credentialSubject`,
//! validity, and the typed members (`credentialStatus`, `credentialSchema`,
//! `termsOfUse`, `evidence`, `refreshService`, `proof`), language-tagged
//! `name`/`description`, and presentations with their (enveloped)
//! credentials.

use serde_json::Value;

use super::context::{Contexts, check_contexts, is_url};
use super::{EnvelopeError, VC_V2_CONTEXT};
use crate::time::parse_date_time_stamp;

/// Whose document is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// An issued credential, as a verifier receives it: the issuer is named.
    Issued,
    /// A credential handed to an issuer to sign: the issuer may still be
    /// missing, or an object without its `id`, which the issuer fills in
    /// (the VCDM 2.0 test suite's inputs are of this kind).
    ToIssue,
}

/// Checks `document` is a well-formed VCDM 2.0 credential.
pub fn validate_credential(document: &Value, stage: Stage) -> Result<(), EnvelopeError> {
    if !document.is_object() {
        return Err(EnvelopeError::NotAnObject);
    }
    let contexts = check_contexts(document)?;
    optional_url(document, "id")?;
    let types = read_types(document, &contexts)?;
    if !types.iter().any(|t| t == "VerifiableCredential") {
        return Err(EnvelopeError::NotACredential);
    }
    check_issuer(document, stage)?;
    check_subject(document)?;
    check_validity(document)?;
    for member in [
        "credentialStatus",
        "termsOfUse",
        "evidence",
        "refreshService",
        "proof",
    ] {
        typed_items(document, member, false)?;
    }
    typed_items(document, "credentialSchema", true)?;
    for member in ["name", "description"] {
        language_values(document, member)?;
    }
    Ok(())
}

/// Checks `document` is a well-formed VCDM 2.0 presentation, and each
/// credential it carries (embedded, or enveloped as a `data:` URL).
pub fn validate_presentation(document: &Value) -> Result<(), EnvelopeError> {
    if !document.is_object() {
        return Err(EnvelopeError::NotAnObject);
    }
    let contexts = check_contexts(document)?;
    optional_url(document, "id")?;
    let types = read_types(document, &contexts)?;
    if !types.iter().any(|t| t == "VerifiablePresentation") {
        return Err(EnvelopeError::NotAPresentation);
    }
    match document.get("holder") {
        None => {}
        Some(Value::String(id)) if is_url(id) => {}
        Some(object @ Value::Object(_)) => required_url(object, "id", "holder")?,
        Some(_) => return Err(not_a_url("holder")),
    }
    for item in items(document, "verifiableCredential") {
        if !item.is_object() {
            return Err(bad("verifiableCredential"));
        }
        if has_type(item, "EnvelopedVerifiableCredential") {
            check_enveloped(item)?;
        } else {
            validate_credential(item, Stage::Issued)?;
        }
    }
    typed_items(document, "termsOfUse", false)?;
    typed_items(document, "proof", false)?;
    Ok(())
}

/// The compact credential an `EnvelopedVerifiableCredential` carries in its
/// `data:` URL (`data:application/vc+jwt,<JWS>`), and its media type.
pub fn enveloped_credential(item: &Value) -> Result<(String, String), EnvelopeError> {
    check_enveloped(item)?;
    let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
    let (media, data) = id
        .strip_prefix("data:")
        .and_then(|rest| rest.split_once(','))
        .ok_or_else(|| not_a_url("id"))?;
    Ok((media.to_owned(), data.to_owned()))
}

/// VCDM 2.0 §4.13: the base context, the type, and a `data:` URL as `id`.
fn check_enveloped(item: &Value) -> Result<(), EnvelopeError> {
    let first_context = match item.get("@context") {
        Some(Value::String(context)) => Some(context.as_str()),
        Some(Value::Array(items)) => items.first().and_then(Value::as_str),
        _ => None,
    };
    if first_context != Some(VC_V2_CONTEXT) {
        return Err(EnvelopeError::BadContext);
    }
    if !has_type(item, "EnvelopedVerifiableCredential") {
        return Err(EnvelopeError::MissingType {
            member: "verifiableCredential".into(),
        });
    }
    let is_data_url = item
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| id.strip_prefix("data:"))
        .is_some_and(|rest| rest.contains(','));
    if !is_data_url {
        return Err(not_a_url("id"));
    }
    Ok(())
}

/// `type`: a string or an array of strings, each mapped to an IRI.
fn read_types(document: &Value, contexts: &Contexts) -> Result<Vec<String>, EnvelopeError> {
    let types = type_names(document.get("type")).ok_or_else(|| bad("type"))?;
    if let Some(unmapped) = types.iter().find(|t| !contexts.maps(t)) {
        return Err(EnvelopeError::UnmappedType {
            name: unmapped.clone(),
        });
    }
    Ok(types)
}

fn type_names(value: Option<&Value>) -> Option<Vec<String>> {
    let names: Vec<String> = match value? {
        Value::String(name) => vec![name.clone()],
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<_>>()?,
        _ => return None,
    };
    (!names.is_empty() && names.iter().all(|n| !n.is_empty())).then_some(names)
}

fn has_type(item: &Value, wanted: &str) -> bool {
    type_names(item.get("type")).is_some_and(|names| names.iter().any(|n| n == wanted))
}

/// VCDM 2.0 §4.7: a URL, or an object whose `id` is a URL.
fn check_issuer(document: &Value, stage: Stage) -> Result<(), EnvelopeError> {
    match (document.get("issuer"), stage) {
        (None, Stage::ToIssue) => Ok(()),
        (Some(Value::String(id)), _) if is_url(id) => Ok(()),
        (Some(issuer @ Value::Object(_)), _) => {
            if stage == Stage::Issued || issuer.get("id").is_some() {
                required_url(issuer, "id", "issuer")?;
            }
            language_values(issuer, "name")?;
            language_values(issuer, "description")
        }
        _ => Err(not_a_url("issuer")),
    }
}

/// VCDM 2.0 §4.8: one or more subjects, each making at least one claim,
/// each `id` a single URL.
fn check_subject(document: &Value) -> Result<(), EnvelopeError> {
    let subjects: Vec<&Value> = match document.get("credentialSubject") {
        Some(one @ Value::Object(_)) => vec![one],
        Some(Value::Array(items)) if !items.is_empty() => items.iter().collect(),
        _ => return Err(bad("credentialSubject")),
    };
    for subject in subjects {
        let claims = subject
            .as_object()
            .ok_or_else(|| bad("credentialSubject"))?;
        if claims.is_empty() {
            return Err(EnvelopeError::EmptySubject);
        }
        optional_url(subject, "id")?;
    }
    Ok(())
}

/// VCDM 2.0 §4.9: xsd:dateTimeStamp values, `validUntil` not before `validFrom`.
fn check_validity(document: &Value) -> Result<(), EnvelopeError> {
    let read = |member: &str| match document.get(member) {
        None => Ok(None),
        Some(Value::String(text)) => parse_date_time_stamp(text)
            .map(Some)
            .ok_or_else(|| bad(member)),
        Some(_) => Err(bad(member)),
    };
    let from = read("validFrom")?;
    let until = read("validUntil")?;
    if let (Some(from), Some(until)) = (from, until) {
        if until < from {
            return Err(EnvelopeError::ValidityReversed);
        }
    }
    Ok(())
}

/// Members whose items must say their `type` (and, for `credentialSchema`,
/// their `id`); any `id` must be one URL.
fn typed_items(document: &Value, member: &str, id_required: bool) -> Result<(), EnvelopeError> {
    for item in items(document, member) {
        if !item.is_object() {
            return Err(bad(member));
        }
        if type_names(item.get("type")).is_none() {
            return Err(EnvelopeError::MissingType {
                member: member.to_owned(),
            });
        }
        if id_required {
            required_url(item, "id", member)?;
        } else {
            optional_url(item, "id").map_err(|_| not_a_url(member))?;
        }
    }
    Ok(())
}

/// VCDM 2.0 §4.6: a string, or language value objects (`@value` with an
/// optional `@language` and `@direction`, nothing else).
fn language_values(object: &Value, member: &str) -> Result<(), EnvelopeError> {
    let invalid = || EnvelopeError::BadLanguageValue {
        member: member.to_owned(),
    };
    for value in items(object, member) {
        match value {
            Value::String(_) => {}
            Value::Object(parts) => {
                let known = parts
                    .keys()
                    .all(|k| matches!(k.as_str(), "@value" | "@language" | "@direction"));
                let value_ok = parts.get("@value").is_some_and(Value::is_string);
                let language_ok = parts.get("@language").is_none_or(Value::is_string);
                let direction_ok = parts
                    .get("@direction")
                    .is_none_or(|d| matches!(d.as_str(), Some("ltr" | "rtl")));
                if !(known && value_ok && language_ok && direction_ok) {
                    return Err(invalid());
                }
            }
            _ => return Err(invalid()),
        }
    }
    Ok(())
}

fn optional_url(object: &Value, member: &str) -> Result<(), EnvelopeError> {
    match object.get(member) {
        None => Ok(()),
        Some(Value::String(url)) if is_url(url) => Ok(()),
        Some(_) => Err(not_a_url(member)),
    }
}

fn required_url(object: &Value, member: &str, name: &str) -> Result<(), EnvelopeError> {
    match object.get(member) {
        Some(Value::String(url)) if is_url(url) => Ok(()),
        _ => Err(not_a_url(name)),
    }
}

/// `document[member]` as a list: one item or an array (an empty list when absent).
fn items<'a>(document: &'a Value, member: &str) -> Vec<&'a Value> {
    match document.get(member) {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    }
}

fn bad(member: &str) -> EnvelopeError {
    EnvelopeError::BadMember {
        member: member.to_owned(),
    }
}

fn not_a_url(member: &str) -> EnvelopeError {
    EnvelopeError::NotAUrl {
        member: member.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn credential() -> Value {
        json!({
            "@context": [VC_V2_CONTEXT],
            "type": ["VerifiableCredential"],
            "issuer": "did:web:coop.example",
            "credentialSubject": {"id": "did:example:subject"}
        })
    }

    #[test]
    fn an_issued_credential_names_its_issuer() {
        assert_eq!(validate_credential(&credential(), Stage::Issued), Ok(()));
        let mut no_issuer = credential();
        no_issuer.as_object_mut().expect("object").remove("issuer");
        assert_eq!(validate_credential(&no_issuer, Stage::ToIssue), Ok(()));
        assert_eq!(
            validate_credential(&no_issuer, Stage::Issued),
            Err(EnvelopeError::NotAUrl {
                member: "issuer".into()
            })
        );
        let mut object = credential();
        object["issuer"] = json!({"name": "Coop"});
        assert_eq!(validate_credential(&object, Stage::ToIssue), Ok(()));
        assert!(validate_credential(&object, Stage::Issued).is_err());
    }

    #[test]
    fn null_and_empty_members_are_not_values() {
        for (member, value) in [
            ("issuer", json!(null)),
            ("id", json!(null)),
            ("credentialSubject", json!([])),
            ("credentialSubject", json!("did:example:1")),
            ("validFrom", json!(null)),
            ("type", json!([])),
            ("type", json!(["VerifiableCredential", 7])),
            ("credentialStatus", json!([{"type": []}])),
            ("name", json!({"@value": 3})),
            ("description", json!({"@value": "x", "@direction": "up"})),
        ] {
            let mut doc = credential();
            doc[member] = value;
            assert!(
                validate_credential(&doc, Stage::Issued).is_err(),
                "{member}"
            );
        }
    }
}
