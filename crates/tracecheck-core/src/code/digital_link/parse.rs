//! GS1 Digital Link URI → elements (GS1 Digital Link URI Syntax 1.x, as the
//! GS1 reference engine applies it).
//!
//! `scheme://host[/stem…]/{key}/{value}[/{qualifier}/{value}…][?{ai}={value}&…][#…]`

use super::super::dictionary::{AiSpec, ai_spec, clashes_with_known_ai};
use super::super::{CodeError, CodeForm, Element, Gs1Code, Options, UriProblem, value};
use super::convenience_alpha;
use super::escape::uri_unescape;

/// Parses a Digital Link URI with the default (strict) options.
pub fn parse_digital_link(uri: &str) -> Result<Gs1Code, CodeError> {
    parse_digital_link_with(uri, &Options::default())
}

/// Parses a Digital Link URI. Checks the URI's shape, the key and qualifier
/// path, the query attributes and every value; not the rules between AIs
/// (see [`super::super::check_associations`]).
pub fn parse_digital_link_with(uri: &str, options: &Options) -> Result<Gs1Code, CodeError> {
    let bad = |problem| CodeError::BadUri { problem };
    let (scheme, rest) = uri.split_once("://").ok_or(bad(UriProblem::Scheme))?;
    if !matches!(scheme, "http" | "https" | "HTTP" | "HTTPS") {
        return Err(bad(UriProblem::Scheme));
    }
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    if let Some(character) = rest.chars().find(|&c| !is_uri_char(c)) {
        return Err(bad(UriProblem::Character { character }));
    }
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, query),
        None => (rest, ""),
    };
    let (authority, path) =
        before_query.split_at(before_query.find('/').unwrap_or(before_query.len()));
    if authority.is_empty() {
        return Err(bad(UriProblem::NoHost));
    }
    if let Some(character) = authority.chars().find(|&c| !is_host_char(c)) {
        return Err(bad(UriProblem::HostCharacter { character }));
    }

    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let (start, key) = find_key(&segments, options).ok_or(CodeError::NoPrimaryKey)?;
    let mut elements: Vec<Element> = Vec::with_capacity(segments.len() / 2 + 2);
    for pair in segments[start..].chunks(2) {
        let [name, raw] = pair else {
            return Err(CodeError::NoPrimaryKey);
        };
        let ai = resolve_ai(name, options).ok_or(CodeError::NoPrimaryKey)?;
        let value = decode(raw, false)?;
        elements.push(checked(ai, value, options)?);
    }
    check_path(key, &elements)?;
    let path_len = elements.len();

    for param in query.split('&') {
        let Some((name, raw)) = param.split_once('=') else {
            continue; // Singletons and empty parameters carry no AI.
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_digit()) {
            continue; // Other parameters (linkType, lang…) are not part of the code.
        }
        match ai_spec(name) {
            Some(spec) if !spec.dl_attribute => {
                return Err(CodeError::NotAnAttribute { ai: name.into() });
            }
            Some(_) => {}
            None if options.permit_unknown_ais
                && !options.unknown_ai_not_dl_attribute
                && (2..=4).contains(&name.len())
                && !clashes_with_known_ai(name) => {}
            None => return Err(CodeError::UnknownAi { ai: name.into() }),
        }
        if belongs_in_path(key, &elements[1..path_len], name) {
            return Err(CodeError::QualifierInQuery { ai: name.into() });
        }
        if elements.iter().any(|e| e.ai == name) {
            return Err(CodeError::DuplicateAi { ai: name.into() });
        }
        let value = decode(raw, true)?;
        elements.push(checked(name, value, options)?);
    }

    let stem = &path[..segments[..start].iter().map(|s| s.len() + 1).sum::<usize>()];
    Ok(Gs1Code {
        form: CodeForm::DigitalLink,
        elements,
        resolver: Some(format!(
            "{}://{authority}{stem}",
            scheme.to_ascii_lowercase()
        )),
        path_len,
        symbology: None,
    })
}

/// RFC 3986 characters: unreserved, reserved and `%`.
fn is_uri_char(c: char) -> bool {
    // '$'..=';' is $ % & ' ( ) * + , - . / 0-9 : ;
    matches!(c, 'A'..='Z' | 'a'..='z' | '$'..=';' | '!' | '#' | '=' | '?' | '@' | '[' | ']' | '_' | '~')
}

/// Host names, IPv4 and bracketed IPv6 literals, and a port.
fn is_host_char(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '0'..=':' | '-' | '.' | '_' | '~' | '[' | ']')
}

/// A path segment's AI: numeric, or a legacy short name when permitted.
fn resolve_ai<'a>(name: &'a str, options: &Options) -> Option<&'a str> {
    if ai_spec(name).is_some() {
        Some(name)
    } else if options.permit_convenience_alphas {
        convenience_alpha(name)
    } else {
        None
    }
}

/// Walks back over trailing `/{ai}/{value}` pairs to the nearest primary
/// key; everything before it is the resolver's stem.
fn find_key(segments: &[&str], options: &Options) -> Option<(usize, &'static AiSpec)> {
    let mut i = segments.len();
    while i >= 2 {
        let spec = ai_spec(resolve_ai(segments[i - 2], options)?)?;
        i -= 2;
        if spec.is_primary_key() {
            return Some((i, spec));
        }
    }
    None
}

fn decode(raw: &str, in_query: bool) -> Result<String, CodeError> {
    let bytes = uri_unescape(raw, in_query).ok_or(CodeError::BadUri {
        problem: UriProblem::NulByte,
    })?;
    // Bytes that are not UTF-8 become U+FFFD, which no character set allows.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Checks a value, first padding a zero-suppressed GTIN when permitted.
fn checked(ai: &str, mut value: String, options: &Options) -> Result<Element, CodeError> {
    if ai == "01"
        && options.permit_zero_suppressed_gtin
        && matches!(value.len(), 8 | 12 | 13)
        && value.bytes().all(|b| b.is_ascii_digit())
    {
        value = format!("{value:0>14}");
    }
    match ai_spec(ai) {
        Some(spec) => value::check(spec, &value)?,
        None => value::check_unknown(ai, &value)?,
    }
    Ok(Element::new(ai, value))
}

/// The path after the key must be one of its qualifier sequences.
fn check_path(key: &AiSpec, elements: &[Element]) -> Result<(), CodeError> {
    let qualifiers: Vec<&str> = elements[1..].iter().map(|e| e.ai.as_str()).collect();
    for end in 1..=qualifiers.len() {
        if !key.accepts_qualifiers(&qualifiers[..end]) {
            return Err(CodeError::BadKeyQualifier {
                key: key.ai.into(),
                ai: qualifiers[end - 1].into(),
            });
        }
    }
    Ok(())
}

/// A query AI that, with the path's qualifiers, would still form a valid
/// qualifier sequence should have been in the path.
fn belongs_in_path(key: &AiSpec, path_qualifiers: &[Element], ai: &str) -> bool {
    key.qualifiers.contains(&ai)
        && key.qualifier_sequences().iter().any(|seq| {
            seq.contains(&ai) && path_qualifiers.iter().all(|q| seq.contains(&q.ai.as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element_string(uri: &str) -> Result<String, CodeError> {
        parse_digital_link(uri).map(|code| code.element_string())
    }

    #[test]
    fn reads_key_qualifiers_and_query_attributes() {
        assert_eq!(
            element_string("https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426"),
            Ok("^010952012345678810ABC1^2112345^17180426".into())
        );
        let code = parse_digital_link("https://a/stem/01/09520123456788/10/L%2F7").expect("valid");
        assert_eq!(code.lot(), Some("L/7"));
        assert_eq!(code.resolver.as_deref(), Some("https://a/stem"));
        assert_eq!(code.path_len, 2);
    }

    #[test]
    fn names_the_rule_a_bad_uri_breaks() {
        assert!(matches!(
            element_string("https://a/01/09520123456787"),
            Err(CodeError::Invalid { .. })
        ));
        assert_eq!(element_string("https://a/b"), Err(CodeError::NoPrimaryKey));
        assert_eq!(
            element_string("HtTp://a/01/09520123456788"),
            Err(CodeError::BadUri {
                problem: UriProblem::Scheme
            })
        );
        assert_eq!(
            element_string("https://a/01/09520123456788/21/X/10/Y"),
            Err(CodeError::BadKeyQualifier {
                key: "01".into(),
                ai: "10".into()
            })
        );
        assert_eq!(
            element_string("https://a/01/09520123456788?10=ABC"),
            Err(CodeError::QualifierInQuery { ai: "10".into() })
        );
        assert_eq!(
            element_string("https://a/01/09520123456788?22=ABC"),
            Err(CodeError::NotAnAttribute { ai: "22".into() })
        );
        assert!(element_string("https://a/01/09520123456788/235/X?10=ABC").is_ok());
    }
}
