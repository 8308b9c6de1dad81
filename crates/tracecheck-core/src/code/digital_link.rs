//! GS1 Digital Link URIs (uncompressed), to and from element data.

use super::ai::validate;
use super::{CodeError, CodeForm, Element, Gs1Code, ai_spec};

/// Parses a Digital Link URI such as
/// `https://id.example/01/08931234567897/10/LOT7?17=261231`.
pub fn parse_digital_link(uri: &str) -> Result<Gs1Code, CodeError> {
    let rest = strip_scheme(uri).ok_or(CodeError::MalformedUri)?;
    let rest = rest.split('#').next().unwrap_or_default();
    let (authority_and_path, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = match authority_and_path.find('/') {
        Some(slash) => authority_and_path.split_at(slash),
        None => (authority_and_path, ""),
    };
    if authority.is_empty() || !authority.chars().all(is_authority_char) {
        return Err(CodeError::MalformedUri);
    }
    if !path.chars().all(is_path_char) || !query.unwrap_or_default().chars().all(is_path_char) {
        return Err(CodeError::MalformedUri);
    }

    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let start = find_identifier_start(&segments).ok_or(CodeError::NoIdentifierInUri)?;
    let mut elements = Vec::new();
    for pair in segments[start..].chunks(2) {
        let [ai, raw] = pair else {
            return Err(CodeError::NoIdentifierInUri);
        };
        let value = percent_decode(raw, false).ok_or(CodeError::MalformedUri)?;
        push_element(&mut elements, ai, value)?;
    }
    check_qualifier_order(&elements)?;
    let path_ais = elements.len();

    for param in query.unwrap_or_default().split('&') {
        let (name, raw) = param.split_once('=').unwrap_or((param, ""));
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_digit()) {
            continue; // Non-AI parameters (linkType, lang…) are not part of the code.
        }
        let value = percent_decode(raw, true).ok_or(CodeError::MalformedUri)?;
        let spec = ai_spec(name).ok_or_else(|| CodeError::UnknownAi { ai: name.into() })?;
        // A qualifier of the path's key must sit in the path, not the query.
        let key = ai_spec(&elements[0].ai);
        if spec.primary_key || key.is_some_and(|k| k.qualifiers.contains(&name)) && path_ais == 1 {
            return Err(CodeError::BadQualifier { ai: name.into() });
        }
        push_element(&mut elements, name, value)?;
    }

    let stem_end = segments[..start].iter().map(|s| s.len() + 1).sum::<usize>();
    let scheme_len = uri.len() - strip_scheme(uri).map_or(0, str::len);
    let resolver = format!(
        "{}{}{}",
        uri[..scheme_len].to_ascii_lowercase(),
        authority,
        &path[..stem_end]
    );
    Ok(Gs1Code {
        form: CodeForm::DigitalLink,
        elements,
        resolver: Some(resolver),
    })
}

/// The canonical Digital Link URI for `elements` under `stem`: the primary
/// key and its qualifiers in the path, everything else in the query.
pub fn to_digital_link(stem: &str, elements: &[Element]) -> String {
    let mut uri = stem.trim_end_matches('/').to_owned();
    let key = elements.first().and_then(|e| ai_spec(&e.ai));
    let qualifiers = key.map_or(&[][..], |k| k.qualifiers);
    let mut query = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        if i == 0 || qualifiers.contains(&element.ai.as_str()) {
            uri.push('/');
            uri.push_str(&element.ai);
            uri.push('/');
            uri.push_str(&percent_encode(&element.value));
        } else {
            query.push(format!("{}={}", element.ai, percent_encode(&element.value)));
        }
    }
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(&query.join("&"));
    }
    uri
}

fn strip_scheme(uri: &str) -> Option<&str> {
    ["https://", "http://", "HTTPS://", "HTTP://"]
        .iter()
        .find_map(|scheme| uri.strip_prefix(scheme))
}

/// Walks back over `/AI/value` pairs to the leftmost primary key.
fn find_identifier_start(segments: &[&str]) -> Option<usize> {
    let mut i = segments.len();
    while i >= 2 {
        let spec = ai_spec(segments[i - 2])?;
        i -= 2;
        if spec.primary_key {
            return Some(i);
        }
    }
    None
}

fn push_element(elements: &mut Vec<Element>, ai: &str, value: String) -> Result<(), CodeError> {
    if elements.iter().any(|e| e.ai == ai) {
        return Err(CodeError::DuplicateAi { ai: ai.into() });
    }
    validate(ai, &value)?;
    elements.push(Element {
        ai: ai.into(),
        value,
    });
    Ok(())
}

/// Qualifiers must follow the key in the order GS1 lists them.
fn check_qualifier_order(elements: &[Element]) -> Result<(), CodeError> {
    let Some(key) = elements.first().and_then(|e| ai_spec(&e.ai)) else {
        return Err(CodeError::NoIdentifierInUri);
    };
    if !key.primary_key {
        return Err(CodeError::NoIdentifierInUri);
    }
    let mut last = 0;
    for qualifier in &elements[1..] {
        let position = key
            .qualifiers
            .iter()
            .position(|q| *q == qualifier.ai)
            .ok_or_else(|| CodeError::BadQualifier {
                ai: qualifier.ai.clone(),
            })?;
        if position < last {
            return Err(CodeError::BadQualifier {
                ai: qualifier.ai.clone(),
            });
        }
        last = position + 1;
    }
    Ok(())
}

fn is_authority_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:[]%".contains(c)
}

/// RFC 3986 unreserved, sub-delims, `:@/?%` — nothing else may appear raw.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?%".contains(c)
}

/// Decodes `%XX` escapes; in a query `+` means a space.
fn percent_decode(raw: &str, in_query: bool) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = raw.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if in_query => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes everything outside RFC 3986 unreserved characters.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
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
    }

    #[test]
    fn names_the_problem_in_bad_uris() {
        assert_eq!(
            element_string("https://a/01/09520123456787"),
            Err(CodeError::CheckDigit {
                ai: "01".into(),
                expected: '8',
                found: '7'
            })
        );
        assert_eq!(
            element_string("https://a/b"),
            Err(CodeError::NoIdentifierInUri)
        );
        assert_eq!(
            element_string("HtTp://a/01/09520123456788"),
            Err(CodeError::MalformedUri)
        );
        assert!(matches!(
            element_string("https://a/01/09520123456788/21/X/10/Y"),
            Err(CodeError::BadQualifier { .. })
        ));
        assert!(matches!(
            element_string("https://a/01/09520123456788?10=ABC"),
            Err(CodeError::BadQualifier { .. })
        ));
    }

    #[test]
    fn writes_canonical_uris() {
        let code = parse_digital_link("https://x/01/08931234567897?17=261231&10=A+B")
            .expect_err("lot belongs in the path; + is a space in a query");
        assert!(matches!(
            code,
            CodeError::BadQualifier { .. } | CodeError::BadCharacter { .. }
        ));
        let elements = vec![
            Element {
                ai: "01".into(),
                value: "08931234567897".into(),
            },
            Element {
                ai: "17".into(),
                value: "261231".into(),
            },
            Element {
                ai: "10".into(),
                value: "LOT/7".into(),
            },
        ];
        assert_eq!(
            to_digital_link("https://id.example/", &elements),
            "https://id.example/01/08931234567897/10/LOT%2F7?17=261231"
        );
    }
}
