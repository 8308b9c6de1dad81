//! The `@context` checks a verifier can make without a JSON-LD processor
//! (VCDM 2.0 §4.3): the base context first, every entry a URL or an inline
//! context object, no redefinition of a protected term, mappings to real
//! IRIs, and whether a type name maps to anything at all.
//!
//! Written here because a JSON-LD processor (expansion, remote context
//! loading) is far more than a phone-side verifier should download or run;
//! what this cannot see (terms of remote contexts) is left to the contexts'
//! publishers, as VCDM 2.0 §4.3 allows for verifiers that do not expand.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{EnvelopeError, VC_V2_CONTEXT};

/// Top-level terms of the (protected) VCDM 2.0 base context, as published at
/// <https://www.w3.org/ns/credentials/v2>. A later context may not redefine
/// them (JSON-LD 1.1 §4.1.11); terms scoped to a type (`issuer`,
/// `credentialSubject`…) are re-applied by the type and need no entry here.
const BASE_TERMS: &[&str] = &[
    "id",
    "type",
    "description",
    "digestMultibase",
    "digestSRI",
    "mediaType",
    "name",
    "VerifiableCredential",
    "EnvelopedVerifiableCredential",
    "VerifiablePresentation",
    "EnvelopedVerifiablePresentation",
    "JsonSchemaCredential",
    "JsonSchema",
    "BitstringStatusListCredential",
    "BitstringStatusList",
    "BitstringStatusListEntry",
    "DataIntegrityProof",
    "_sd",
    "_sd_alg",
    "aud",
    "cnf",
    "exp",
    "iat",
    "iss",
    "jku",
    "kid",
    "nbf",
    "sub",
    "x5u",
];

/// Keywords an inline context may set besides term definitions.
const CONTEXT_KEYWORDS: &[&str] = &[
    "@version",
    "@base",
    "@language",
    "@direction",
    "@propagate",
    "@import",
    "@protected",
    "@vocab",
];

/// What the contexts say about term mapping.
pub(crate) struct Contexts {
    /// Terms defined by inline context objects.
    terms: HashSet<String>,
    /// A default vocabulary maps any term (the base context sets one).
    vocab: bool,
    /// A context other than the base was loaded by URL: it may define terms
    /// this check cannot see.
    remote: bool,
}

impl Contexts {
    /// Whether a `type` value names an IRI: a URL itself, or a term some
    /// context defines (or may define).
    pub(crate) fn maps(&self, name: &str) -> bool {
        is_url(name)
            || BASE_TERMS.contains(&name)
            || self.terms.contains(name)
            || self.vocab
            || self.remote
    }
}

/// Checks `document["@context"]`.
pub(crate) fn check_contexts(document: &Value) -> Result<Contexts, EnvelopeError> {
    let entries: Vec<&Value> = match document.get("@context") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::String(_)) => vec![one],
        _ => return Err(EnvelopeError::BadContext),
    };
    if entries.first().and_then(|v| v.as_str()) != Some(VC_V2_CONTEXT) {
        return Err(EnvelopeError::BadContext);
    }
    let mut contexts = Contexts {
        terms: HashSet::new(),
        vocab: true,
        remote: false,
    };
    // Terms defined by an earlier inline context marked @protected.
    let mut protected: HashMap<String, Value> = HashMap::new();
    for (index, entry) in entries.iter().enumerate().skip(1) {
        let bad = || EnvelopeError::BadContextEntry { index };
        match entry {
            Value::String(url) if is_url(url) => contexts.remote |= url != VC_V2_CONTEXT,
            Value::Object(definitions) => {
                let is_protected = definitions.get("@protected") == Some(&Value::Bool(true));
                for (term, definition) in definitions {
                    if term.starts_with('@') {
                        if !CONTEXT_KEYWORDS.contains(&term.as_str()) {
                            return Err(bad());
                        }
                        if term == "@vocab" {
                            contexts.vocab = match definition {
                                Value::Null => false,
                                Value::String(iri) if is_iri_mapping(iri) => true,
                                _ => return Err(bad()),
                            };
                        }
                        continue;
                    }
                    let redefined = BASE_TERMS.contains(&term.as_str())
                        || protected
                            .get(term)
                            .is_some_and(|earlier| earlier != definition);
                    if redefined {
                        return Err(EnvelopeError::ProtectedTermRedefined { term: term.clone() });
                    }
                    let maps_to_iri = match definition {
                        Value::Null => false,
                        Value::String(iri) => {
                            if !is_iri_mapping(iri) {
                                return Err(bad());
                            }
                            true
                        }
                        Value::Object(expanded) => match expanded.get("@id") {
                            None => true,
                            Some(Value::String(iri)) if is_iri_mapping(iri) => true,
                            _ => return Err(bad()),
                        },
                        _ => return Err(bad()),
                    };
                    if maps_to_iri {
                        contexts.terms.insert(term.clone());
                    } else {
                        contexts.terms.remove(term);
                    }
                    if is_protected {
                        protected.insert(term.clone(), definition.clone());
                    }
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(contexts)
}

/// An absolute URI (RFC 3986 §3: a scheme, `:`, then no whitespace or
/// control characters). DIDs and URNs are URLs in the VCDM's sense.
pub(crate) fn is_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && !rest.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        })
}

/// What a term may map to: a keyword, an absolute IRI, or a compact IRI
/// (`prefix:suffix`, which has the same shape).
fn is_iri_mapping(text: &str) -> bool {
    text.starts_with('@') || is_url(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contexts(context: Value) -> Result<Contexts, EnvelopeError> {
        check_contexts(&json!({ "@context": context }))
    }

    #[test]
    fn accepts_urls_and_inline_definitions_after_the_base() {
        let ok = contexts(
            json!([VC_V2_CONTEXT, "https://w3id.org/x", {"Thing": "https://example.org/#Thing"}]),
        );
        let ok = ok.expect("valid");
        assert!(ok.maps("Thing"));
        assert!(contexts(json!(VC_V2_CONTEXT)).is_ok());
    }

    #[test]
    fn refuses_bad_entries_and_redefinitions() {
        assert_eq!(
            contexts(json!(["https://example.org/v1", VC_V2_CONTEXT])).err(),
            Some(EnvelopeError::BadContext)
        );
        assert_eq!(
            contexts(json!([VC_V2_CONTEXT, 42])).err(),
            Some(EnvelopeError::BadContextEntry { index: 1 })
        );
        assert_eq!(
            contexts(json!([VC_V2_CONTEXT, "https ://bad"])).err(),
            Some(EnvelopeError::BadContextEntry { index: 1 })
        );
        assert_eq!(
            contexts(json!([VC_V2_CONTEXT, {"issuer": "https://evil.example/#issuer", "name": "https://evil.example/#name"}]))
                .err(),
            Some(EnvelopeError::ProtectedTermRedefined { term: "name".into() })
        );
        assert_eq!(
            contexts(json!([VC_V2_CONTEXT, {"@protected": true, "T": "https://a.example/#T"}, {"T": "https://b.example/#T"}]))
                .err(),
            Some(EnvelopeError::ProtectedTermRedefined { term: "T".into() })
        );
        // The same definition again is not a redefinition.
        assert!(contexts(json!([VC_V2_CONTEXT, {"@protected": true, "T": "https://a.example/#T"}, {"T": "https://a.example/#T"}])).is_ok());
    }

    #[test]
    fn knows_when_a_type_maps_to_nothing() {
        let no_vocab = contexts(json!([VC_V2_CONTEXT, {"@vocab": null}])).expect("valid");
        assert!(!no_vocab.maps("ExampleTestCredential"));
        assert!(no_vocab.maps("VerifiableCredential"));
        assert!(no_vocab.maps("https://example.org/#Thing"));
    }

    #[test]
    fn recognises_urls() {
        for url in [
            "https://a.example/x",
            "did:example:123",
            "urn:uuid:1",
            "data:application/vc+jwt,eyJ",
        ] {
            assert!(is_url(url), "{url}");
        }
        for not in [
            "fake-issuer",
            "https ://x",
            "1http:x",
            "did:",
            "z6MkpJySvETLnx",
            "a b:c",
            "https://a.example/x y",
        ] {
            assert!(!is_url(not), "{not}");
        }
    }
}
