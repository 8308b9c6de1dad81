//! The unsigned documents a registry holds, in the shapes the verifier
//! reads (UNTP passport and conformity credential, Bitstring Status List,
//! RFC 9264 linkset, DID document). Pure functions of their inputs.

use serde_json::{Value, json};
use time::{OffsetDateTime, UtcOffset};
use tracecheck_core::code::{Element, to_digital_link};

use super::model::{Batch, Certification, Event, Facility, Text};
use super::state::Recall;
use super::values::{format_date, format_local};

/// VCDM 2.0 base context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// UNTP product passport context.
pub const UNTP_DPP_CONTEXT: &str = "https://test.uncefact.org/vocabulary/untp/dpp/0.6.0/";
/// UNTP conformity credential context.
pub const UNTP_DCC_CONTEXT: &str = "https://test.uncefact.org/vocabulary/untp/dcc/0.6.0/";
/// Our own terms (trust lists, OCOP ratings); `.example`: never dereferenced.
pub const TRACECHECK_CONTEXT: &str = "https://tracecheck.example/ns/v1";
/// The UNTP link type of a product passport.
pub const DPP_RELATION: &str = "https://test.uncefact.org/vocabulary/linkTypes/dpp";
/// GS1 product information page.
pub const PIP_RELATION: &str = "https://gs1.org/voc/pip";

/// Language-tagged values, Vietnamese first; `None` when both are missing.
pub fn text(value: &Text) -> Option<Value> {
    let items: Vec<Value> = [("vi", &value.vi), ("en", &value.en)]
        .into_iter()
        .filter_map(|(lang, text)| {
            text.as_ref()
                .map(|t| json!({"@value": t, "@language": lang}))
        })
        .collect();
    (!items.is_empty()).then_some(Value::Array(items))
}

fn put(object: &mut Value, key: &str, value: Option<Value>) {
    if let (Some(value), Some(map)) = (value, object.as_object_mut()) {
        map.insert(key.to_owned(), value);
    }
}

/// RFC 3339 in UTC, to the second.
pub fn stamp(at: OffsetDateTime) -> String {
    tracecheck_core::time::format_timestamp(at)
}

/// The canonical Digital Link URI of a key path under `base`.
pub fn digital_link(base: &str, path: &[(String, String)]) -> String {
    let elements: Vec<Element> = path
        .iter()
        .map(|(ai, v)| Element::new(ai.clone(), v.clone()))
        .collect();
    to_digital_link(base, &elements).unwrap_or_else(|_| {
        let tail: String = path.iter().map(|(ai, v)| format!("/{ai}/{v}")).collect();
        format!("{base}{tail}")
    })
}

/// A facility as the passport and its events describe it.
pub fn facility(place: &Facility) -> Value {
    let mut value = json!({"type": ["Facility"]});
    if let Some(gln) = &place.gln {
        put(
            &mut value,
            "id",
            Some(json!(format!("https://id.gs1.org/414/{gln}"))),
        );
        put(&mut value, "registeredId", Some(json!(gln)));
    }
    put(&mut value, "name", text(&place.name));
    let mut address = json!({"type": ["Address"], "addressCountry": place.country});
    put(
        &mut address,
        "streetAddress",
        place.street.clone().map(Value::from),
    );
    put(
        &mut address,
        "addressLocality",
        place.locality.clone().map(Value::from),
    );
    put(
        &mut address,
        "addressRegion",
        place.region.clone().map(Value::from),
    );
    put(&mut value, "address", Some(address));
    if let Some((latitude, longitude)) = place.location {
        put(
            &mut value,
            "location",
            Some(json!({"latitude": latitude, "longitude": longitude})),
        );
    }
    value
}

/// A party: its DID and name.
pub fn party(did: &str, name: &Text) -> Value {
    let mut value = json!({"id": did});
    put(&mut value, "name", text(name));
    value
}

/// A supply-chain step.
pub fn event(event: &Event, place: Option<&Facility>, actor: Value, zone: UtcOffset) -> Value {
    let items = |(vi, en): &(Vec<String>, Vec<String>)| -> Vec<Value> {
        (0..vi.len().max(en.len()))
            .filter_map(|i| {
                let item = Text {
                    vi: vi.get(i).cloned(),
                    en: en.get(i).cloned(),
                };
                text(&item).map(|name| json!({"name": name}))
            })
            .collect()
    };
    let mut value = json!({
        "type": ["ObjectEvent"],
        "bizStep": event.step,
        "eventTime": format_local(event.time, zone),
        "actor": actor,
        "inputs": items(&event.inputs),
        "outputs": items(&event.outputs),
    });
    put(&mut value, "location", place.map(facility));
    put(&mut value, "description", text(&event.description));
    value
}

/// A Bitstring Status List entry in `list_url` at `index`.
pub fn status_entry(list_url: &str, purpose: &str, index: u64, recall: Option<&Recall>) -> Value {
    let mut entry = json!({
        "id": format!("{list_url}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": list_url,
    });
    if purpose == "message" {
        let recalled = recall.map_or_else(
            || "Thu hồi lô hàng: không sử dụng; liên hệ nơi bán. — Batch recalled: do not use; contact the shop.".to_owned(),
            |r| format!("{} — {}", r.vi, r.en),
        );
        entry["statusSize"] = json!(2);
        entry["statusMessage"] = json!([
            {"status": "0x0", "message": "Đang lưu hành bình thường — On sale as normal"},
            {"status": "0x1", "message": recalled},
            {"status": "0x2", "message": "Cảnh báo: đã phát hiện nhãn giả mạo lô này trên thị trường — Warning: counterfeit labels for this batch have been reported"},
            {"status": "0x3", "message": "Tạm ngừng lưu hành để kiểm tra — Sale suspended pending inspection"}
        ]);
    }
    entry
}

/// What a passport needs beyond its batch row.
pub struct PassportParts<'a> {
    /// Its URL (also its `id`).
    pub url: &'a str,
    /// The producer's DID and name.
    pub producer: Value,
    /// The producer's facility, when named.
    pub facility: Option<&'a Facility>,
    /// Its picture's URL.
    pub image: Option<String>,
    /// One claim per certificate.
    pub claims: Vec<Value>,
    /// Its steps.
    pub events: Vec<Value>,
    /// Its status entries.
    pub status: Vec<Value>,
    /// When it is issued, and until when it is valid.
    pub valid: (OffsetDateTime, OffsetDateTime),
}

/// A product passport (UNTP DigitalProductPassport).
pub fn passport(batch: &Batch, parts: PassportParts<'_>) -> Value {
    let gs1_id = digital_link("https://id.gs1.org", &batch.key_path());
    let mut product = json!({
        "type": ["Product"],
        "id": gs1_id,
        "registeredId": batch.gtin,
        "idScheme": {"type": ["IdentifierScheme"], "id": "https://id.gs1.org/01/", "name": "GTIN"},
        "countryOfProduction": batch.country,
    });
    put(&mut product, "name", text(&batch.name));
    put(&mut product, "description", text(&batch.description));
    put(&mut product, "brand", batch.brand.clone().map(Value::from));
    put(
        &mut product,
        "batchNumber",
        batch.lot.clone().map(Value::from),
    );
    put(
        &mut product,
        "serialNumber",
        batch.serial.clone().map(Value::from),
    );
    put(
        &mut product,
        "productionDate",
        batch.production_date.map(|d| json!(format_date(d))),
    );
    put(
        &mut product,
        "expiryDate",
        batch.expiry_date.map(|d| json!(format_date(d))),
    );
    put(&mut product, "shelfLife", text(&batch.shelf_life));
    put(
        &mut product,
        "producedAtFacility",
        parts.facility.map(facility),
    );
    if let Some(url) = parts.image {
        let mut image = json!({
            "linkURL": url,
            "linkType": "https://gs1.org/voc/productImage",
        });
        put(&mut image, "linkName", text(&batch.name));
        if let Some(kind) = media_type(&url) {
            image["mediaType"] = json!(kind);
        }
        product["productImage"] = image;
    }
    let mut producer = parts.producer.clone();
    producer["type"] = json!(["Party"]);
    put(
        &mut producer,
        "address",
        parts.facility.map(|f| facility(f)["address"].clone()),
    );
    product["producedByParty"] = producer;
    let mut issuer = parts.producer;
    issuer["type"] = json!(["CredentialIssuer"]);
    json!({
        "@context": [VC_CONTEXT, UNTP_DPP_CONTEXT, TRACECHECK_CONTEXT],
        "type": ["VerifiableCredential", "DigitalProductPassport"],
        "id": parts.url,
        "issuer": issuer,
        "validFrom": stamp(parts.valid.0),
        "validUntil": stamp(parts.valid.1),
        "credentialStatus": parts.status,
        "credentialSubject": {
            "type": ["ProductPassport"],
            "id": gs1_id,
            "product": product,
            "conformityClaim": parts.claims,
            "traceabilityEvents": parts.events,
        }
    })
}

fn media_type(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let ext = lower.rsplit('.').next()?;
    Some(match ext {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// A conformity credential (UNTP DigitalConformityCredential).
pub fn certificate(
    cert: &Certification,
    url: &str,
    certifier: Value,
    holder: Value,
    status: Value,
    zone: UtcOffset,
) -> Value {
    let mut scheme = json!({"code": cert.scheme});
    put(&mut scheme, "name", text(&cert.scheme_name));
    let mut subject = json!({
        "type": ["ConformityAttestation"],
        "id": format!("{url}#attestation"),
        "scheme": scheme,
        "certificateNumber": cert.number,
        "issuedToParty": holder,
        "conformance": true,
    });
    if !cert.products.is_empty() {
        subject["assessedProducts"] = cert
            .products
            .iter()
            .map(|g| json!({"registeredId": g}))
            .collect();
    }
    put(
        &mut subject,
        "assessmentDate",
        cert.assessment_date.map(|d| json!(format_date(d))),
    );
    put(&mut subject, "rating", cert.rating.map(|r| json!(r)));
    let mut issuer = certifier;
    issuer["type"] = json!(["CredentialIssuer"]);
    let _ = zone;
    json!({
        "@context": [VC_CONTEXT, UNTP_DCC_CONTEXT, TRACECHECK_CONTEXT],
        "type": ["VerifiableCredential", "DigitalConformityCredential"],
        "id": url,
        "issuer": issuer,
        "validFrom": stamp(cert.valid_from),
        "validUntil": stamp(cert.valid_until),
        "credentialStatus": [status],
        "credentialSubject": subject,
    })
}

/// A passport's claim of one certificate, pinned by the certificate's hash.
pub fn claim(cert: &Certification, url: &str, digest: &str) -> Value {
    let mut scheme = json!({"code": cert.scheme});
    put(&mut scheme, "name", text(&cert.scheme_name));
    json!({
        "type": ["Claim"],
        "id": format!("{url}#claim"),
        "referenceScheme": scheme,
        "conformance": true,
        "conformityEvidence": {
            "linkURL": url,
            "linkType": "https://test.uncefact.org/vocabulary/linkTypes/dcc",
            "hashMethod": "SHA-256",
            "hashDigest": digest,
        }
    })
}

/// A Bitstring Status List credential.
pub fn status_list(
    url: &str,
    issuer: &str,
    purpose: &str,
    encoded: &str,
    valid: (OffsetDateTime, OffsetDateTime),
) -> Value {
    json!({
        "@context": [VC_CONTEXT],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "id": url,
        "issuer": issuer,
        "validFrom": stamp(valid.0),
        "validUntil": stamp(valid.1),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded,
        }
    })
}

/// The linkset that answers a Digital Link with its passport.
pub fn linkset(
    base: &str,
    path: &[(String, String)],
    passport_url: &str,
    media_type: &str,
) -> Value {
    let gtin = path.first().map(|(_, v)| v.as_str()).unwrap_or_default();
    json!({"linkset": [{
        "anchor": digital_link(base, path),
        DPP_RELATION: [{
            "href": passport_url,
            "type": media_type,
            "title": "Hộ chiếu sản phẩm số — Digital product passport",
            "hreflang": ["vi", "en"]
        }],
        PIP_RELATION: [{
            "href": format!("{base}/01/{gtin}"),
            "type": "text/html",
            "title": "Thông tin sản phẩm — Product information",
            "hreflang": ["vi"]
        }]
    }]})
}

/// A `did:web` DID document listing `methods` for assertions.
pub fn did_document(did: &str, methods: Vec<Value>) -> Value {
    let ids: Vec<Value> = methods
        .iter()
        .filter_map(|m| m.get("id").cloned())
        .collect();
    json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    })
}
