//! What an address of another system says about itself: which kind of
//! stamp it is (eSupplyChain's product page, public code or secret
//! scratch-off code) and the GTIN it carries, if any.

use serde::Serialize;

use super::foreign::ForeignSystem;
use super::gtin::is_valid_gtin;

/// The kind of code another system printed, read from the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StampKind {
    /// A product page (eSupplyChain `/p/{id}`).
    ProductPage,
    /// A package's public code (eSupplyChain `/t1/{id}`).
    PublicCode,
    /// A secret scratch-off code meant to be checked once, at its own
    /// system (eSupplyChain `/t2/{id}`).
    SecretCode,
    /// Any other address.
    Other,
}

/// The kind of stamp `url` is, and the GTIN-14 it names (see [`gtin_in`]).
pub(crate) fn read_stamp(url: &str, system: ForeignSystem) -> (StampKind, Option<String>) {
    let (path, query) = path_and_query(url);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let kind = match (system, segments.as_slice()) {
        (ForeignSystem::ESupplyChain, [first, _id, ..]) => {
            match first.to_ascii_lowercase().as_str() {
                "p" => StampKind::ProductPage,
                "t1" => StampKind::PublicCode,
                "t2" => StampKind::SecretCode,
                _ => StampKind::Other,
            }
        }
        _ => StampKind::Other,
    };
    // A stamp's own id is that system's number, not a GTIN, even when its
    // digits happen to check; a secret code must never leave its system.
    let skip_id = matches!(kind, StampKind::PublicCode | StampKind::SecretCode);
    let path_values = segments.iter().skip(if skip_id { 2 } else { 0 }).copied();
    let query_values = query
        .split('&')
        .filter_map(|pair| pair.split_once('=').map(|(_, v)| v));
    (kind, gtin_in(path_values.chain(query_values)))
}

/// The one GTIN among `values`: an 8, 12, 13 or 14-digit value with a
/// valid check digit, padded to 14 digits. Two different GTINs name no
/// product for sure, so none is offered then.
fn gtin_in<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut found: Option<String> = None;
    for value in values {
        let value = value.trim();
        if !value.bytes().all(|b| b.is_ascii_digit()) || !is_valid_gtin(value) {
            continue;
        }
        let gtin = format!("{value:0>14}");
        match &found {
            Some(other) if *other != gtin => return None,
            _ => found = Some(gtin),
        }
    }
    found
}

/// The path (from its first `/`) and the query of an `http(s)://` address.
fn path_and_query(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split('#').next().unwrap_or_default();
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = before_query.find('/').map_or("", |i| &before_query[i..]);
    (path, query)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ESC: ForeignSystem = ForeignSystem::ESupplyChain;

    #[test]
    fn reads_esupplychain_stamps() {
        assert_eq!(
            read_stamp("https://esupplychain.vn/p/8931234567897", ESC),
            (StampKind::ProductPage, Some("08931234567897".into()))
        );
        assert_eq!(
            read_stamp("https://hy.check.net.vn/t1/A1B2C3", ESC),
            (StampKind::PublicCode, None)
        );
        assert_eq!(
            read_stamp("https://esupplychain.vn/T2/XYZ987?x=1#f", ESC),
            (StampKind::SecretCode, None)
        );
        // The id of a package code is never taken for a GTIN.
        assert_eq!(
            read_stamp("https://esupplychain.vn/t2/8931234567897", ESC),
            (StampKind::SecretCode, None)
        );
        assert_eq!(
            read_stamp("https://esupplychain.vn/t1/5?gtin=8931234567897", ESC),
            (StampKind::PublicCode, Some("08931234567897".into()))
        );
        assert_eq!(
            read_stamp("https://esupplychain.vn/p/", ESC),
            (StampKind::Other, None)
        );
        assert_eq!(
            read_stamp("https://esupplychain.vn/news/p", ESC),
            (StampKind::Other, None)
        );
    }

    #[test]
    fn finds_a_gtin_only_when_it_checks_and_is_alone() {
        let other = ForeignSystem::ICheck;
        let gtin = |url| read_stamp(url, other).1;
        assert_eq!(
            gtin("https://icheck.vn/product/95012346"),
            Some("00000095012346".into())
        );
        assert_eq!(
            gtin("https://icheck.vn/s?barcode=08931234567897&lang=vi"),
            Some("08931234567897".into())
        );
        // Wrong check digit, wrong length, not all digits.
        assert_eq!(gtin("https://icheck.vn/product/8931234567893"), None);
        assert_eq!(gtin("https://icheck.vn/product/89312345678"), None);
        assert_eq!(gtin("https://icheck.vn/product/893123456789a"), None);
        // The same GTIN twice is one; two different ones are none.
        assert_eq!(
            gtin("https://icheck.vn/8931234567897?g=08931234567897"),
            Some("08931234567897".into())
        );
        assert_eq!(gtin("https://icheck.vn/8931234567897?g=95012346"), None);
        assert_eq!(
            read_stamp("https://icheck.vn/p/1", other).0,
            StampKind::Other
        );
    }
}
