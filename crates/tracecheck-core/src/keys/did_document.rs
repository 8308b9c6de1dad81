//! Reading a key out of a DID document (DID Core 1.0 §5, Controlled
//! Identifiers 1.0 §2.2): the document must be the DID's own, the method
//! must be listed under `assertionMethod` and controlled by the DID, and
//! its type must be `Multikey` or `JsonWebKey`.

use serde_json::Value;

use super::{KeyError, PublicKey, read_jwk, read_multikey};

/// The key that `method` (a DID URL with a fragment) names in `document`,
/// the resolved DID document of `did`, if that key may make assertions.
pub fn assertion_key(document: &Value, did: &str, method: &str) -> Result<PublicKey, KeyError> {
    let found = document.get("id").and_then(Value::as_str);
    if found != Some(did) {
        return Err(KeyError::DocumentIdMismatch {
            did: did.to_owned(),
            found: found.map(str::to_owned),
        });
    }
    let names = |id: &str| absolute(did, id) == method;
    let not_listed = || KeyError::NotAnAssertionMethod {
        method: method.to_owned(),
    };
    let listed = members(document, "assertionMethod")
        .into_iter()
        .find(|entry| match entry {
            Value::String(reference) => names(reference),
            Value::Object(_) => entry.get("id").and_then(Value::as_str).is_some_and(names),
            _ => false,
        })
        .ok_or_else(not_listed)?;
    let verification_method = match listed {
        Value::String(_) => members(document, "verificationMethod")
            .into_iter()
            .find(|vm| vm.get("id").and_then(Value::as_str).is_some_and(names))
            .ok_or_else(|| KeyError::MethodNotFound {
                method: method.to_owned(),
            })?,
        embedded => embedded,
    };
    read_method(verification_method, did, method)
}

/// The public key of one verification method object.
fn read_method(vm: &Value, did: &str, method: &str) -> Result<PublicKey, KeyError> {
    let controller = vm.get("controller").and_then(Value::as_str);
    if controller != Some(did) {
        return Err(KeyError::ControllerMismatch {
            method: method.to_owned(),
        });
    }
    let kind = vm.get("type").and_then(Value::as_str).unwrap_or_default();
    match kind {
        "Multikey" => {
            let multibase = vm
                .get("publicKeyMultibase")
                .and_then(Value::as_str)
                .ok_or(KeyError::NotBase58btc)?;
            read_multikey(multibase)
        }
        // JsonWebKey2020 is the name before Controlled Identifiers 1.0.
        "JsonWebKey" | "JsonWebKey2020" => read_jwk(vm.get("publicKeyJwk").unwrap_or(&Value::Null)),
        other => Err(KeyError::UnsupportedMethodType {
            method_type: other.to_owned(),
        }),
    }
}

/// A DID URL in full: `#frag` is relative to the DID.
fn absolute(did: &str, id: &str) -> String {
    if id.starts_with('#') {
        format!("{did}{id}")
    } else {
        id.to_owned()
    }
}

/// Items of `value[key]`: one item or an array.
fn members<'a>(value: &'a Value, key: &str) -> Vec<&'a Value> {
    match value.get(key) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DID: &str = "did:web:coop.example";
    const X: &str = "NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI";

    fn document() -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/did/v1"],
            "id": DID,
            "verificationMethod": [
                {"id": "#key-1", "type": "JsonWebKey", "controller": DID,
                 "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": X}},
                {"id": format!("{DID}#key-2"), "type": "Multikey", "controller": DID,
                 "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
                {"id": format!("{DID}#auth"), "type": "Multikey", "controller": DID,
                 "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}
            ],
            "authentication": ["#auth"],
            "assertionMethod": [
                format!("{DID}#key-1"),
                "#key-2",
                "#missing",
                {"id": "#embedded", "type": "Multikey", "controller": DID,
                 "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}
            ]
        })
    }

    #[test]
    fn finds_listed_keys_by_absolute_relative_and_embedded_ids() {
        let doc = document();
        for fragment in ["key-1", "key-2", "embedded"] {
            let method = format!("{DID}#{fragment}");
            assert!(assertion_key(&doc, DID, &method).is_ok(), "{fragment}");
        }
    }

    #[test]
    fn refuses_unlisted_missing_and_foreign_keys() {
        let doc = document();
        let method = |f: &str| format!("{DID}#{f}");
        assert_eq!(
            assertion_key(&doc, DID, &method("auth")),
            Err(KeyError::NotAnAssertionMethod {
                method: method("auth")
            })
        );
        assert_eq!(
            assertion_key(&doc, DID, &method("missing")),
            Err(KeyError::MethodNotFound {
                method: method("missing")
            })
        );
        assert!(matches!(
            assertion_key(&doc, "did:web:other.example", &method("key-1")),
            Err(KeyError::DocumentIdMismatch { .. })
        ));
        let mut foreign = document();
        foreign["verificationMethod"][0]["controller"] = json!("did:web:evil.example");
        assert_eq!(
            assertion_key(&foreign, DID, &method("key-1")),
            Err(KeyError::ControllerMismatch {
                method: method("key-1")
            })
        );
        let mut legacy = document();
        legacy["verificationMethod"][1]["type"] = json!("EcdsaSecp256k1VerificationKey2019");
        assert!(matches!(
            assertion_key(&legacy, DID, &method("key-2")),
            Err(KeyError::UnsupportedMethodType { .. })
        ));
    }
}
