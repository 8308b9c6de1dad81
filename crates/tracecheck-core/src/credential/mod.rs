//! Credentials as the widget reads them: the VC envelope shared by all, and
//! the product passport, conformity (certification) and trust list shapes.
//! All views are read from the same parsed JSON that was verified.

mod conformity;
mod context;
mod data_model;
mod envelope;
mod passport;
mod scheme;
mod text;

pub use conformity::{Certification, CertificationError, read_certification};
pub use data_model::{Stage, enveloped_credential, validate_credential, validate_presentation};
pub use envelope::{
    Envelope, EnvelopeError, StatusEntry, StatusMessage, VC_V2_CONTEXT, read_envelope,
};
pub use passport::{
    Address, ClaimRef, Event, Facility, GeoPoint, Party, Passport, PassportError, Product,
    read_passport,
};
pub use scheme::{OcopStars, Scheme};
pub use text::Text;

use serde_json::Value;

/// The string at `key`, if it is one.
pub(crate) fn string(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// Items of `value[key]`, whether it is one object or an array of them.
pub(crate) fn one_or_many<'a>(value: &'a Value, key: &str) -> Vec<&'a Value> {
    match value.get(key) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(single) => vec![single],
    }
}
