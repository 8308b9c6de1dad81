//! The facts a verdict vouches for, and nothing else.
//!
//! One rule (docs/verifier.md, "What the view may call verified"): every
//! word, number, star and badge the view shows as verified comes from a
//! verified credential whose issuer is in scope for exactly that fact.
//! These types carry it: only the verifier builds them (their constructors
//! are private to the core), and only from credentials that passed —
//!
//! - the product and batch: from a passport whose signature verified and
//!   whose issuer the trust list names as producer for the product's GTIN;
//! - the producer's name: from the trust list, not from the passport;
//! - each certification: from a certificate signed by a certifier the
//!   trust list accredits for its scheme, issued to this producer; its name
//!   from the scheme table by code (translated by the view), its stars only
//!   for OCOP, from the OCOP council's own credential.
//!
//! The passport as written stays in [`super::Report::passport`], for the
//! view to show as a claim when the record fails.

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::credential::{
    Address, Certification, Event, Facility, OcopStars, Party, Passport, Scheme, Text,
};
use crate::time::read_calendar_date;
use crate::trust::TrustedIssuer;

/// What the record's checks vouch for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VerifiedRecord {
    /// The producer, as the trust list names it.
    pub producer: VerifiedProducer,
    /// What the product is (the same for every batch).
    pub product: VerifiedProduct,
    /// The batch, when the code named it (or a credential was checked
    /// directly): a code without a lot verifies the product only.
    pub batch: Option<VerifiedBatch>,
    /// Where it was made or grown, as the producer states it.
    pub facility: Option<Facility>,
}

/// The producer: the trust list's entry, and what the passport adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VerifiedProducer {
    /// Its DID.
    pub did: String,
    /// Its name in the trust list.
    pub name: Text,
    /// Its address as the passport gives it (the producer's own statement
    /// about itself).
    pub address: Option<Address>,
    /// Its register number or GLN, as the passport gives it.
    pub registered_id: Option<String>,
    /// The name the passport writes, when it differs from the trust list's
    /// (secondary text, never the heading).
    pub name_as_written: Option<Text>,
    /// How to reach the producer, as the passport gives it.
    pub email: Option<String>,
    /// Telephone, as the passport gives it.
    pub telephone: Option<String>,
    /// Web site (https), as the passport gives it.
    pub website: Option<String>,
}

/// Product-level facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VerifiedProduct {
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// GTIN, as the record writes it (14 digits or fewer).
    pub gtin: Option<String>,
    /// Brand.
    pub brand: Option<String>,
    /// Image URL.
    pub image: Option<String>,
    /// Shelf life as written.
    pub shelf_life: Text,
    /// Country of production (ISO 3166 alpha-2).
    pub country: Option<String>,
    /// Safety warnings, as the producer states them.
    pub safety_warning: Text,
}

/// Facts about one batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VerifiedBatch {
    /// Lot number.
    pub lot: Option<String>,
    /// Serial number.
    pub serial: Option<String>,
    /// Production (harvest) date, when it reads (a date that does not read
    /// is a Caution finding, and is not shown).
    pub production_date: Option<Date>,
    /// Expiry or best-before date, under the same rule.
    pub expiry_date: Option<Date>,
    /// Supply-chain steps, in the order given.
    pub events: Vec<Event>,
}

/// One certification, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VerifiedCertification {
    /// The scheme, by its verified code: the view names it from its table.
    pub scheme: Scheme,
    /// OCOP stars, only from a certifier accredited for OCOP.
    pub stars: Option<OcopStars>,
    /// The certifier, as the trust list names it.
    pub certifier: Text,
    /// The certifier's DID.
    pub certifier_did: String,
    /// Certificate number.
    pub number: Option<String>,
    /// Who it was issued to, as the certificate names them.
    pub holder_name: Text,
    /// Start of the certificate's validity.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_from: Option<OffsetDateTime>,
    /// End of the certificate's validity.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// Assessment date, when it reads.
    pub assessed: Option<Date>,
    /// The scheme's name as the certificate writes it: free text, shown
    /// only as secondary text labelled as the certificate's own words.
    pub name_as_written: Text,
}

impl VerifiedRecord {
    /// The facts of `passport`, whose issuer `producer` is trusted for it;
    /// `batch` when the scanned code named the batch.
    pub(super) fn new(
        passport: &Passport,
        producer: &TrustedIssuer,
        batch: bool,
    ) -> VerifiedRecord {
        let product = &passport.product;
        let party = passport.producer.as_ref();
        let differs = |party: &Party| {
            let same = party
                .name
                .variants
                .iter()
                .all(|(_, text)| producer.name.variants.iter().any(|(_, t)| t == text));
            (!party.name.is_empty() && !same).then(|| party.name.clone())
        };
        VerifiedRecord {
            producer: VerifiedProducer {
                did: producer.did.clone(),
                name: producer.name.clone(),
                address: party.and_then(|p| p.address.clone()),
                registered_id: party.and_then(|p| p.registered_id.clone()),
                name_as_written: party.and_then(differs),
                email: party.and_then(|p| p.email.clone()),
                telephone: party.and_then(|p| p.telephone.clone()),
                website: party.and_then(|p| p.website.clone()),
            },
            product: VerifiedProduct {
                name: product.name.clone(),
                description: product.description.clone(),
                gtin: product.gtin.clone(),
                brand: product.brand.clone(),
                image: product.image.clone(),
                shelf_life: product.shelf_life.clone(),
                country: product.country.clone(),
                safety_warning: product.safety_warning.clone(),
            },
            batch: batch.then(|| VerifiedBatch {
                lot: product.lot.clone(),
                serial: product.serial.clone(),
                production_date: product
                    .production_date
                    .as_deref()
                    .and_then(read_calendar_date),
                expiry_date: product.expiry_date.as_deref().and_then(read_calendar_date),
                events: passport.events.clone(),
            }),
            facility: passport.facility.clone(),
        }
    }
}

impl VerifiedCertification {
    /// The facts of `certification`, issued by `certifier`, which the trust
    /// list accredits for its scheme.
    pub(super) fn new(
        certification: &Certification,
        certifier: &TrustedIssuer,
        valid_from: Option<OffsetDateTime>,
        valid_until: Option<OffsetDateTime>,
    ) -> VerifiedCertification {
        let scheme = certification.scheme.clone();
        let accredited = certifier.schemes.iter().any(|s| s == scheme.code());
        let stars = (scheme.rates_with_stars() && accredited)
            .then_some(certification.rating)
            .flatten()
            .and_then(OcopStars::new);
        VerifiedCertification {
            stars,
            certifier: certifier.name.clone(),
            certifier_did: certifier.did.clone(),
            number: certification.number.clone(),
            holder_name: certification.holder_name.clone(),
            valid_from,
            valid_until,
            assessed: certification
                .assessed
                .as_deref()
                .and_then(read_calendar_date),
            name_as_written: certification.scheme_name.clone(),
            scheme,
        }
    }
}
