//! Deciding what a scanned, typed or linked string is.

use super::dictionary::ai_spec;
use super::foreign::foreign_system;
use super::legacy::read_stamp;
use super::scan_data::{GS, Payload, is_dl_scheme, process_scan_data};
use super::{
    CodeError, CodeForm, Element, Gs1Code, Options, ReadCode, ScanProblem, Symbology,
    SyntaxProblem, UriProblem, check_associations, parse_bracketed, parse_digital_link,
    parse_element_string, value,
};

/// The most of an unreadable text that an error repeats back.
const ECHO_LIMIT: usize = 200;

/// Reads a code from a camera, a photo, a keyboard or a page URL: a Digital
/// Link URI, an element string (`]Q3…`, `^…`, GS-separated), the bracketed
/// form, a GTIN typed with or without spaces, or another system's address.
/// GS1 data comes back fully checked (values, rules between AIs, and that a
/// Digital Link URI can be written for it).
pub fn read(text: &str) -> Result<ReadCode, CodeError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    if text.starts_with(']') {
        return read_scan(text);
    }
    classify(text, None)
}

fn classify(text: &str, symbology: Option<Symbology>) -> Result<ReadCode, CodeError> {
    let with_symbology = |mut code: Gs1Code| {
        code.symbology = symbology;
        code
    };
    if is_web_address(text) {
        return read_web_address(text).map(|read| match read {
            ReadCode::Gs1(code) => ReadCode::Gs1(with_symbology(code)),
            foreign => foreign,
        });
    }
    if let Some(url) = typed_without_scheme(text) {
        return read_web_address(&url).map(|read| match read {
            ReadCode::Gs1(code) => ReadCode::Gs1(with_symbology(code)),
            foreign => foreign,
        });
    }
    if text.starts_with('^') || text.contains(GS) {
        if text.contains(GS) && text.contains('^') {
            return Err(CodeError::Syntax {
                problem: SyntaxProblem::Caret,
            });
        }
        let data = text.replace(GS, "^");
        let data = if data.starts_with('^') {
            data
        } else {
            format!("^{data}")
        };
        let elements = parse_element_string(&data)?;
        return finish(with_symbology(Gs1Code::new(
            CodeForm::ElementString,
            elements,
        )));
    }
    if text.starts_with('(') {
        let elements = parse_bracketed(text, &Options::default())?;
        return finish(with_symbology(Gs1Code::new(CodeForm::Bracketed, elements)));
    }
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match digits.len() {
            8 | 12 | 13 | 14 => {
                read_plain_gtin(&digits).map(|code| ReadCode::Gs1(with_symbology(code)))
            }
            n if n < 14 => Err(CodeError::GtinLength { found: n }),
            // A long number starting with a trade-item key: an element string
            // a scanner sent without its FNC1.
            _ if ["00", "01", "02"].iter().any(|k| digits.starts_with(k)) => {
                let elements = parse_element_string(&format!("^{digits}"))?;
                finish(with_symbology(Gs1Code::new(
                    CodeForm::ElementString,
                    elements,
                )))
            }
            _ => Err(not_a_product_code(text)),
        };
    }
    Err(not_a_product_code(text))
}

fn not_a_product_code(text: &str) -> CodeError {
    CodeError::NotAProductCode {
        read: text.chars().take(ECHO_LIMIT).collect(),
    }
}

fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A Digital Link URI, or the address of another system. A URI whose path
/// carries a GS1 key is a Digital Link, and its errors are reported; one
/// with no key belongs to another system.
fn read_web_address(url: &str) -> Result<ReadCode, CodeError> {
    let foreign = || {
        let system = foreign_system(url);
        let (stamp, gtin) = read_stamp(url, system);
        Ok(ReadCode::Foreign {
            url: url.to_owned(),
            system,
            stamp,
            gtin,
        })
    };
    if !is_dl_scheme(url) {
        return if names_a_gs1_key(url) {
            Err(CodeError::BadUri {
                problem: UriProblem::Scheme,
            })
        } else {
            foreign()
        };
    }
    match parse_digital_link(url) {
        Ok(code) => finish(code),
        Err(CodeError::NoPrimaryKey) => foreign(),
        Err(error @ CodeError::BadUri { .. }) if names_a_gs1_key(url) => Err(error),
        Err(CodeError::BadUri { .. }) => foreign(),
        Err(error) => Err(error),
    }
}

/// `id.example.vn/01/…` typed without `https://`: a host name with a dot,
/// then a path naming a GS1 key.
fn typed_without_scheme(text: &str) -> Option<String> {
    let (host, _) = text.split_once('/')?;
    let url = format!("https://{text}");
    (host.contains('.') && !host.contains(':') && names_a_gs1_key(&url)).then_some(url)
}

/// The path has a `/{primary key AI}/{value}` pair.
fn names_a_gs1_key(url: &str) -> bool {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    segments.windows(2).any(|pair| {
        !pair[1].is_empty() && ai_spec(pair[0]).is_some_and(|spec| spec.is_primary_key())
    })
}

/// A GTIN-8/12/13/14 typed from the barcode's digits.
fn read_plain_gtin(digits: &str) -> Result<Gs1Code, CodeError> {
    let gtin14 = format!("{digits:0>14}");
    if let Some(spec) = ai_spec("01") {
        value::check(spec, &gtin14)?;
    }
    Ok(Gs1Code::new(
        CodeForm::PlainGtin,
        vec![Element::new("01", gtin14)],
    ))
}

/// Scanner output with a symbology identifier.
fn read_scan(text: &str) -> Result<ReadCode, CodeError> {
    let scan = match process_scan_data(text) {
        Ok(scan) => scan,
        // Plain data is read like typed text below, whatever it holds.
        Err(_) if text.len() >= 3 && matches!(text.get(..3), Some("]Q1" | "]d1" | "]J0")) => {
            let symbology = match &text[..3] {
                "]Q1" => Symbology::Qr,
                "]d1" => Symbology::DataMatrix,
                _ => Symbology::DotCode,
            };
            return read_plain_scan(&text[3..], symbology);
        }
        Err(error) => return Err(error),
    };
    match scan.payload {
        Payload::Plain { text } => read_plain_scan(&text, scan.symbology),
        Payload::Gs1 { elements } => {
            let form = if matches!(scan.symbology, Symbology::Ean13 | Symbology::Ean8) {
                CodeForm::PlainGtin
            } else {
                CodeForm::ElementString
            };
            let mut code = Gs1Code::new(form, elements);
            code.symbology = Some(scan.symbology);
            finish(code)
        }
    }
}

fn read_plain_scan(text: &str, symbology: Symbology) -> Result<ReadCode, CodeError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CodeError::Scan {
            problem: ScanProblem::NoData,
        });
    }
    classify(text, Some(symbology))
}

/// Final checks on GS1 data: the rules between AIs, and that it names a
/// key a Digital Link URI (and so a resolver) can be built from.
fn finish(code: Gs1Code) -> Result<ReadCode, CodeError> {
    check_associations(&code.elements)?;
    // A Digital Link read from a URI can always be written back (its path
    // is kept and its query holds only attributes); other forms are tried.
    if code.form != CodeForm::DigitalLink {
        code.try_digital_link("")?;
    }
    Ok(ReadCode::Gs1(code))
}

#[cfg(test)]
mod tests {
    use super::super::{ForeignSystem, StampKind, ValueProblem};
    use super::*;

    fn form(text: &str) -> Result<CodeForm, CodeError> {
        match read(text)? {
            ReadCode::Gs1(code) => Ok(code.form),
            ReadCode::Foreign { .. } => Err(CodeError::Empty),
        }
    }

    #[test]
    fn tells_the_kinds_of_input_apart() {
        assert_eq!(
            form("https://id.example/01/08931234567897"),
            Ok(CodeForm::DigitalLink)
        );
        assert_eq!(form(" 8931234567897 "), Ok(CodeForm::PlainGtin));
        assert_eq!(form("893 5001 00001 3"), Ok(CodeForm::PlainGtin));
        assert_eq!(form("(01)08931234567897(10)LOT7"), Ok(CodeForm::Bracketed));
        assert_eq!(form("^010893123456789710LOT7"), Ok(CodeForm::ElementString));
        assert_eq!(
            form("]d2010893123456789710LOT7\u{1d}17261231"),
            Ok(CodeForm::ElementString)
        );
        assert_eq!(
            form("]C1010893123456789710LOT7"),
            Ok(CodeForm::ElementString)
        );
        assert_eq!(form("0108931234567897"), Ok(CodeForm::ElementString));
        assert_eq!(form("]E08931234567897"), Ok(CodeForm::PlainGtin));
        assert_eq!(
            form("]Q1https://id.example/01/08931234567897/10/LOT7"),
            Ok(CodeForm::DigitalLink)
        );
        assert_eq!(
            read("https://check.net.vn/p/123"),
            Ok(ReadCode::Foreign {
                url: "https://check.net.vn/p/123".into(),
                system: ForeignSystem::ESupplyChain,
                stamp: StampKind::ProductPage,
                gtin: None,
            })
        );
        assert!(matches!(
            read("]Q1https://truyxuatnguongoc.gov.vn/a?b=c d"),
            Ok(ReadCode::Foreign {
                system: ForeignSystem::NationalPortal,
                ..
            })
        ));
        assert_eq!(read("   "), Err(CodeError::Empty));
        assert!(matches!(
            read("WIFI:S:cafe;;"),
            Err(CodeError::NotAProductCode { .. })
        ));
        assert_eq!(read("12345"), Err(CodeError::GtinLength { found: 5 }));
        assert!(matches!(
            read("id.gs1.org/01/08931234567897"),
            Ok(ReadCode::Gs1(Gs1Code { form: CodeForm::DigitalLink, ref resolver, .. }))
                if resolver.as_deref() == Some("https://id.gs1.org")
        ));
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(
            read("8931234567893"),
            Err(CodeError::Invalid {
                ai: "01".into(),
                problem: ValueProblem::CheckDigit {
                    expected: '7',
                    found: '3'
                }
            })
        );
        assert!(matches!(
            read("https://id.example/01/08931234567897?10=LOT7"),
            Err(CodeError::QualifierInQuery { .. })
        ));
        assert!(matches!(
            read("https://id.example/01/08931234567897/21/1?8030=SIG"),
            Ok(ReadCode::Gs1(_))
        ));
        assert!(matches!(
            read("https://id.example/01/08931234567897?8030=SIG"),
            Err(CodeError::MissingRequired { .. })
        ));
        assert_eq!(
            read("(10)LOT7"),
            Err(CodeError::MissingRequired {
                ai: "10".into(),
                any_of: ["01", "02", "03", "8006", "8026"]
                    .map(String::from)
                    .to_vec()
            })
        );
        assert!(matches!(
            read("https://id.example/01/0893123456789"),
            Err(CodeError::WrongLength { .. })
        ));
        assert!(matches!(
            read("Https://id.example/01/08931234567897"),
            Err(CodeError::BadUri { .. })
        ));
    }
}
