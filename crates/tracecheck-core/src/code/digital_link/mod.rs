//! GS1 Digital Link URIs (uncompressed), to and from element data.

mod escape;
mod generate;
mod parse;

pub use escape::{uri_escape, uri_unescape};
pub use generate::{GS1_STEM, to_digital_link, to_digital_link_with};
pub(crate) use generate::{generate, key_path};
pub use parse::{parse_digital_link, parse_digital_link_with};

/// The short path names GS1 Digital Link 1.0 allowed instead of numeric AIs
/// ("convenience alphas"), read only when the caller permits them.
const CONVENIENCE_ALPHAS: [(&str, &str); 21] = [
    ("cpid", "8010"),
    ("cpsn", "8011"),
    ("cpv", "22"),
    ("gcn", "255"),
    ("gdti", "253"),
    ("giai", "8004"),
    ("ginc", "401"),
    ("gln", "414"),
    ("glnx", "254"),
    ("gmn", "8013"),
    ("grai", "8003"),
    ("gsin", "402"),
    ("gsrn", "8018"),
    ("gsrnp", "8017"),
    ("gtin", "01"),
    ("itip", "8006"),
    ("lot", "10"),
    ("party", "417"),
    ("ser", "21"),
    ("srin", "8019"),
    ("sscc", "00"),
];

/// The AI a convenience alpha stands for.
/// True when a URL path opens with a GS1 key segment (`/01/…`, `/414/…`:
/// two or more digits), the sign that the address itself is a Digital Link
/// to read; whether it is a valid one is for the parser to say.
pub fn path_starts_with_gs1_key(path: &str) -> bool {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    first.len() >= 2 && first.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn convenience_alpha(name: &str) -> Option<&'static str> {
    CONVENIENCE_ALPHAS
        .iter()
        .find(|(alpha, _)| *alpha == name)
        .map(|(_, ai)| *ai)
}

#[cfg(test)]
mod tests {
    use super::path_starts_with_gs1_key;

    #[test]
    fn a_key_segment_opens_the_path() {
        for path in ["/01/08935001000013/10/NL2611", "/414/8935001000105", "/01"] {
            assert!(path_starts_with_gs1_key(path), "{path}");
        }
        for path in ["/", "/kiosk", "/1/x", "/0a/x", "/demo/qr/x.svg", ""] {
            assert!(!path_starts_with_gs1_key(path), "{path}");
        }
    }
}
