//! Deciding what a scanned or typed string is.

use super::ai::validate;
use super::{
    CodeError, CodeForm, Element, ForeignSystem, Gs1Code, ReadCode, is_valid_gtin,
    parse_digital_link,
};

/// Reads a code from a camera, a photo, a keyboard or a page URL.
pub fn read(text: &str) -> Result<ReadCode, CodeError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    if is_web_address(text) {
        return match parse_digital_link(text) {
            Ok(code) => Ok(ReadCode::Gs1(code)),
            // A web address with no GS1 identifier in its path belongs to
            // another system; one with a broken identifier is a bad code.
            Err(CodeError::NoIdentifierInUri) => Ok(ReadCode::Foreign {
                url: text.to_owned(),
                system: foreign_system(text),
            }),
            Err(err) => Err(err),
        };
    }
    if text.starts_with('(') {
        return read_bracketed(text).map(ReadCode::Gs1);
    }
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.bytes().all(|b| b.is_ascii_digit()) && matches!(digits.len(), 8 | 12 | 13 | 14) {
        return read_plain_gtin(&digits).map(ReadCode::Gs1);
    }
    Err(CodeError::NotAProductCode {
        read: text.chars().take(200).collect(),
    })
}

fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn foreign_system(url: &str) -> ForeignSystem {
    let host = url
        .split("//")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if is("truyxuatnguongoc.gov.vn") || is("txng.gov.vn") || is("vnpt-txng.vn") {
        ForeignSystem::NationalPortal
    } else if is("check.net.vn") || is("truyxuat.vn") || is("icheck.vn") || is("icheck.com.vn") {
        ForeignSystem::CheckService
    } else {
        ForeignSystem::Website
    }
}

/// A GTIN-8/12/13/14 typed from the barcode's digits.
fn read_plain_gtin(digits: &str) -> Result<Gs1Code, CodeError> {
    let gtin14 = format!("{digits:0>14}");
    if !is_valid_gtin(digits) {
        validate("01", &gtin14)?;
    }
    Ok(Gs1Code {
        form: CodeForm::PlainGtin,
        elements: vec![Element {
            ai: "01".into(),
            value: gtin14,
        }],
        resolver: None,
    })
}

/// `(01)08931234567897(10)LOT7`.
fn read_bracketed(text: &str) -> Result<Gs1Code, CodeError> {
    let mut elements: Vec<Element> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let after_open = rest
            .strip_prefix('(')
            .ok_or(CodeError::MalformedBracketed)?;
        let (ai, after_ai) = after_open
            .split_once(')')
            .ok_or(CodeError::MalformedBracketed)?;
        if ai.is_empty() || !ai.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::MalformedBracketed);
        }
        let end = after_ai.find('(').unwrap_or(after_ai.len());
        let value = &after_ai[..end];
        if elements.iter().any(|e| e.ai == ai) {
            return Err(CodeError::DuplicateAi { ai: ai.into() });
        }
        validate(ai, value)?;
        elements.push(Element {
            ai: ai.into(),
            value: value.into(),
        });
        rest = &after_ai[end..];
    }
    if !elements.iter().any(|e| e.ai == "01") {
        return Err(CodeError::NoIdentifierInUri);
    }
    // Keep the primary key first whatever order it was typed in.
    elements.sort_by_key(|e| e.ai != "01");
    Ok(Gs1Code {
        form: CodeForm::Bracketed,
        elements,
        resolver: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_kinds_of_input_apart() {
        assert!(matches!(
            read("https://id.example/01/08931234567897"),
            Ok(ReadCode::Gs1(Gs1Code {
                form: CodeForm::DigitalLink,
                ..
            }))
        ));
        assert!(matches!(
            read(" 8931234567897 "),
            Ok(ReadCode::Gs1(Gs1Code {
                form: CodeForm::PlainGtin,
                ..
            }))
        ));
        assert!(matches!(
            read("(01)08931234567897(10)LOT7"),
            Ok(ReadCode::Gs1(Gs1Code {
                form: CodeForm::Bracketed,
                ..
            }))
        ));
        assert_eq!(
            read("https://check.net.vn/p/123"),
            Ok(ReadCode::Foreign {
                url: "https://check.net.vn/p/123".into(),
                system: ForeignSystem::CheckService
            })
        );
        assert_eq!(read("   "), Err(CodeError::Empty));
        assert!(matches!(
            read("WIFI:S:cafe;;"),
            Err(CodeError::NotAProductCode { .. })
        ));
    }

    #[test]
    fn explains_a_wrong_check_digit_in_a_typed_gtin() {
        assert_eq!(
            read("8931234567893"),
            Err(CodeError::CheckDigit {
                ai: "01".into(),
                expected: '7',
                found: '3'
            })
        );
    }
}
