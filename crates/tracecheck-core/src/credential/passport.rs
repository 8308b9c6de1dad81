//! The product passport (UNTP DigitalProductPassport shape): what the
//! product is, who made it, where, the certifications it claims and the
//! supply-chain steps.

use serde::Serialize;
use serde_json::Value;

use super::{Scheme, Text, one_or_many, string};

/// What a passport says, ready to display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passport {
    /// The product.
    pub product: Product,
    /// Who made it.
    pub producer: Option<Party>,
    /// Where it was made or grown.
    pub facility: Option<Facility>,
    /// Certifications the passport claims, each to be checked on its own.
    pub claims: Vec<ClaimRef>,
    /// Supply-chain steps, in the order given.
    pub events: Vec<Event>,
}

/// The product itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Product {
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// GTIN-14, from `registeredId` or the GS1 identifier in `id`.
    pub gtin: Option<String>,
    /// Batch or lot.
    pub lot: Option<String>,
    /// Serial number.
    pub serial: Option<String>,
    /// Brand.
    pub brand: Option<String>,
    /// Image URL.
    pub image: Option<String>,
    /// Production (harvest) date, `YYYY-MM-DD`.
    pub production_date: Option<String>,
    /// Expiry or best-before date, `YYYY-MM-DD`.
    pub expiry_date: Option<String>,
    /// Shelf life as written (e.g. "21 ngày").
    pub shelf_life: Text,
    /// Country of production (ISO 3166 alpha-2).
    pub country: Option<String>,
    /// Safety warnings for the consumer (`safetyWarning`, tracecheck's
    /// term; or the `linkName` of UNTP's
    /// `materialsProvenance[].materialSafetyInformation`).
    pub safety_warning: Text,
}

/// A company or person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    /// Identifier (a DID or a register URL).
    pub id: Option<String>,
    /// Name.
    pub name: Text,
    /// GLN or business registration number.
    pub registered_id: Option<String>,
    /// Postal address.
    pub address: Option<Address>,
    /// E-mail address (`email`).
    pub email: Option<String>,
    /// Telephone number (`telephone`).
    pub telephone: Option<String>,
    /// Web site (`organisationWebsite` or `url`, https only).
    pub website: Option<String>,
}

/// A place where something was made, grown or handled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facility {
    /// Identifier (e.g. a GLN Digital Link).
    pub id: Option<String>,
    /// Name.
    pub name: Text,
    /// Postal address.
    pub address: Option<Address>,
    /// Coordinates.
    pub location: Option<GeoPoint>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Address {
    /// Street, village, hamlet.
    pub street: Text,
    /// Ward or commune, district.
    pub locality: Text,
    /// Province or city.
    pub region: Text,
    /// ISO 3166 alpha-2 country.
    pub country: Option<String>,
}

/// WGS 84 coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GeoPoint {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
}

/// A certification the passport points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRef {
    /// The scheme's name as the producer wrote it (e.g. "VietGAP"): a claim,
    /// not a verified fact.
    pub scheme: Text,
    /// The scheme the claim declares by code (`referenceScheme.code`), or
    /// failing that by a name the scheme table knows; `None` when neither
    /// names a listed scheme.
    pub declared_scheme: Option<Scheme>,
    /// Where the conformity credential is.
    pub url: Option<String>,
    /// SHA-256 (hex) of the credential, when given.
    pub sha256: Option<String>,
}

/// One supply-chain step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The kind of step (`harvesting`, `packing`, `shipping`…, CBV names).
    pub step: String,
    /// When (RFC 3339).
    pub time: Option<String>,
    /// Where.
    pub place: Option<Facility>,
    /// Who.
    pub actor: Option<Party>,
    /// What was done, in words.
    pub description: Text,
    /// Items that went in (one step back).
    pub inputs: Vec<Text>,
    /// Items that came out (one step forward).
    pub outputs: Vec<Text>,
}

/// Why a credential is not a readable product passport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PassportError {
    /// The credential's type does not include `DigitalProductPassport`.
    NotAPassport,
    /// There is no `credentialSubject.product`.
    NoProduct,
}

/// Reads the passport view from a verified credential.
pub fn read_passport(document: &Value) -> Result<Passport, PassportError> {
    let is_passport = one_or_many(document, "type")
        .iter()
        .any(|t| t.as_str() == Some("DigitalProductPassport"));
    if !is_passport {
        return Err(PassportError::NotAPassport);
    }
    let subject = document.get("credentialSubject").unwrap_or(&Value::Null);
    let product = subject
        .get("product")
        .filter(|p| p.is_object())
        .ok_or(PassportError::NoProduct)?;
    let mut product_view = read_product(product);
    if product_view.safety_warning.is_empty() {
        // UNTP's material safety information, when the product gives none.
        product_view.safety_warning = one_or_many(subject, "materialsProvenance")
            .into_iter()
            .map(|material| {
                Text::read(
                    material
                        .get("materialSafetyInformation")
                        .and_then(|info| info.get("linkName")),
                )
            })
            .find(|text| !text.is_empty())
            .unwrap_or_default();
    }
    Ok(Passport {
        product: product_view,
        producer: product.get("producedByParty").map(read_party),
        facility: product.get("producedAtFacility").map(read_facility),
        claims: one_or_many(subject, "conformityClaim")
            .into_iter()
            .map(read_claim)
            .collect(),
        events: one_or_many(subject, "traceabilityEvents")
            .into_iter()
            .map(read_event)
            .collect(),
    })
}

fn read_product(product: &Value) -> Product {
    let id_gtin = string(product, "id").and_then(|id| {
        let (_, after) = id.split_once("/01/")?;
        Some(after.split(['/', '?', '#']).next()?.to_owned())
    });
    Product {
        name: Text::read(product.get("name")),
        description: Text::read(product.get("description")),
        gtin: string(product, "registeredId").or(id_gtin),
        lot: string(product, "batchNumber"),
        serial: string(product, "serialNumber"),
        brand: string(product, "brand"),
        image: product
            .get("productImage")
            .and_then(|image| string(image, "linkURL")),
        production_date: string(product, "productionDate"),
        expiry_date: string(product, "expiryDate"),
        shelf_life: Text::read(product.get("shelfLife")),
        country: string(product, "countryOfProduction"),
        safety_warning: Text::read(product.get("safetyWarning")),
    }
}

fn read_party(party: &Value) -> Party {
    Party {
        id: string(party, "id"),
        name: Text::read(party.get("name")),
        registered_id: string(party, "registeredId"),
        address: party.get("address").map(read_address),
        email: string(party, "email"),
        telephone: string(party, "telephone"),
        website: string(party, "organisationWebsite")
            .or_else(|| string(party, "url"))
            .filter(|url| url.starts_with("https://")),
    }
}

fn read_facility(facility: &Value) -> Facility {
    let location = facility.get("location").and_then(|geo| {
        let latitude = geo.get("latitude")?.as_f64()?;
        let longitude = geo.get("longitude")?.as_f64()?;
        ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then_some(
            GeoPoint {
                latitude,
                longitude,
            },
        )
    });
    Facility {
        id: string(facility, "id"),
        name: Text::read(facility.get("name")),
        address: facility.get("address").map(read_address),
        location,
    }
}

fn read_address(address: &Value) -> Address {
    Address {
        street: Text::read(address.get("streetAddress")),
        locality: Text::read(address.get("addressLocality")),
        region: Text::read(address.get("addressRegion")),
        country: string(address, "addressCountry"),
    }
}

fn read_claim(claim: &Value) -> ClaimRef {
    let evidence = claim.get("conformityEvidence").unwrap_or(&Value::Null);
    let sha256 = (string(evidence, "hashMethod").as_deref() == Some("SHA-256"))
        .then(|| string(evidence, "hashDigest"))
        .flatten();
    let reference = claim.get("referenceScheme").unwrap_or(&Value::Null);
    let name = Text::read(reference.get("name"));
    let listed =
        |code: &str| Some(Scheme::from_code(code)).filter(|s| !matches!(s, Scheme::Unlisted(_)));
    let declared_scheme = match string(reference, "code") {
        Some(code) => Some(Scheme::from_code(&code)),
        None => name.variants.iter().find_map(|(_, text)| listed(text)),
    };
    ClaimRef {
        scheme: name,
        declared_scheme,
        url: string(evidence, "linkURL"),
        sha256,
    }
}

fn read_event(event: &Value) -> Event {
    let names = |key: &str| {
        one_or_many(event, key)
            .into_iter()
            .map(|item| Text::read(item.get("name")))
            .collect()
    };
    Event {
        step: string(event, "bizStep").unwrap_or_default(),
        time: string(event, "eventTime"),
        place: event.get("location").map(read_facility),
        actor: event.get("actor").map(read_party),
        description: Text::read(event.get("description")),
        inputs: names("inputs"),
        outputs: names("outputs"),
    }
}
