//! Scanner output with an AIM symbology identifier (`]Q1`, `]Q3`, `]d2`,
//! `]C1`, `]e0`, `]E0`…), to and from GS1's "data string" form: `^…` for
//! GS1 element strings (FNC1 = `^`, ASCII GS 0x1D in scan data) and plain
//! text otherwise, where a literal `^` is written `\^`.

use serde::Serialize;

use super::digital_link::parse_digital_link;
use super::element_string::{needs_separator, parse_element_string};
use super::gtin::{gtin_check_digit, is_valid_gtin};
use super::{CodeError, Element, ScanProblem, SyntaxProblem, ValueProblem};

/// ASCII group separator: FNC1 inside scanned GS1 data.
pub const GS: char = '\u{1d}';

/// The barcode a scan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Symbology {
    /// QR Code (`]Q1` plain, `]Q3` GS1).
    Qr,
    /// Data Matrix (`]d1` plain, `]d2` GS1).
    DataMatrix,
    /// DotCode (`]J0` plain, `]J1` GS1).
    DotCode,
    /// GS1 DataBar Expanded and composites (`]e0`).
    DataBarExpanded,
    /// GS1 DataBar Omnidirectional (`]e0`).
    DataBarOmni,
    /// GS1 DataBar Limited (`]e0`).
    DataBarLimited,
    /// GS1-128, with a CC-A/B composite when one follows (`]C1`).
    Gs1_128Cca,
    /// GS1-128 with a CC-C composite (`]C1`).
    Gs1_128Ccc,
    /// EAN-13 (`]E0`).
    Ean13,
    /// EAN-8 (`]E4`).
    Ean8,
    /// UPC-A (`]E0`).
    UpcA,
    /// UPC-E (`]E0`).
    UpcE,
}

/// What a symbology identifier says about the data after it.
enum Carries {
    Plain,
    Gs1,
    Ean(usize),
}

fn identify(id: &str) -> Option<(Symbology, Carries)> {
    Some(match id {
        "]Q1" => (Symbology::Qr, Carries::Plain),
        "]Q3" => (Symbology::Qr, Carries::Gs1),
        "]d1" => (Symbology::DataMatrix, Carries::Plain),
        "]d2" => (Symbology::DataMatrix, Carries::Gs1),
        "]J0" => (Symbology::DotCode, Carries::Plain),
        "]J1" => (Symbology::DotCode, Carries::Gs1),
        "]e0" => (Symbology::DataBarExpanded, Carries::Gs1),
        "]C1" => (Symbology::Gs1_128Cca, Carries::Gs1),
        "]E0" => (Symbology::Ean13, Carries::Ean(13)),
        "]E4" => (Symbology::Ean8, Carries::Ean(8)),
        _ => return None,
    })
}

/// What a scan held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payload {
    /// Plain text (a Digital Link URI, another web address, anything).
    Plain { text: String },
    /// GS1 element data.
    Gs1 { elements: Vec<Element> },
}

/// Scanner output, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scan {
    /// The barcode it came from.
    pub symbology: Symbology,
    /// What it held.
    pub payload: Payload,
    /// GS1's data-string form of it (`^…` or plain with `\^`).
    pub data_string: String,
}

fn scan_error(problem: ScanProblem) -> CodeError {
    CodeError::Scan { problem }
}

/// GS1 data from a scanner: GS → `^`; a literal `^` cannot be told from FNC1.
fn gs1_data(data: &str) -> Result<(String, Vec<Element>), CodeError> {
    if data.is_empty() {
        return Err(scan_error(ScanProblem::NoData));
    }
    if data.contains('^') {
        return Err(CodeError::Syntax {
            problem: SyntaxProblem::Caret,
        });
    }
    let data_string = format!("^{}", data.replace(GS, "^"));
    let elements = parse_element_string(&data_string)?;
    Ok((data_string, elements))
}

/// Reads `]…` scanner output. Plain data that is an `http(s)://` URI (in one
/// letter case) must be a valid Digital Link URI.
pub fn process_scan_data(input: &str) -> Result<Scan, CodeError> {
    if !input.starts_with(']') || input.len() < 3 || !input.is_char_boundary(3) {
        return Err(scan_error(ScanProblem::NoSymbologyId));
    }
    let (id, data) = input.split_at(3);
    let (symbology, carries) = identify(id)
        .ok_or_else(|| scan_error(ScanProblem::UnknownSymbology { id: id.to_owned() }))?;
    match carries {
        Carries::Plain => {
            if is_dl_scheme(data) {
                parse_digital_link(data)?;
            }
            Ok(Scan {
                symbology,
                payload: Payload::Plain { text: data.into() },
                data_string: data.replace('^', "\\^"),
            })
        }
        Carries::Gs1 => {
            let (data_string, elements) = gs1_data(data)?;
            Ok(Scan {
                symbology,
                payload: Payload::Gs1 { elements },
                data_string,
            })
        }
        Carries::Ean(digits) => {
            let (number, composite) = match data.split_once('|') {
                Some((number, cc)) => (number, Some(cc)),
                None => (data, None),
            };
            check_ean(number, digits)?;
            let mut elements = vec![Element::new("01", format!("{number:0>14}"))];
            let mut data_string = number.to_owned();
            if let Some(cc) = composite {
                let cc = cc
                    .strip_prefix("]e0")
                    .ok_or(scan_error(ScanProblem::NotForSymbology))?;
                let (cc_string, cc_elements) = gs1_data(cc)?;
                data_string = format!("{number}|{cc_string}");
                elements.extend(cc_elements);
            }
            let symbology = if digits == 8 {
                Symbology::Ean8
            } else {
                symbology
            };
            Ok(Scan {
                symbology,
                payload: Payload::Gs1 { elements },
                data_string,
            })
        }
    }
}

/// `http://`, `https://`, or the same in capitals.
pub(crate) fn is_dl_scheme(text: &str) -> bool {
    ["http://", "https://", "HTTP://", "HTTPS://"]
        .iter()
        .any(|scheme| text.starts_with(scheme))
}

fn check_ean(number: &str, digits: usize) -> Result<(), CodeError> {
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(scan_error(ScanProblem::EanNotNumeric));
    }
    if number.len() != digits {
        return Err(scan_error(ScanProblem::EanLength {
            found: number.len(),
        }));
    }
    if !is_valid_gtin(number) {
        let (data, found) = number.split_at(digits - 1);
        return Err(CodeError::Invalid {
            ai: "01".into(),
            problem: ValueProblem::CheckDigit {
                expected: gtin_check_digit(data).unwrap_or('?'),
                found: found.chars().next().unwrap_or('?'),
            },
        });
    }
    Ok(())
}

/// Writes what a scanner would send for `data_string` in `symbology`.
/// `add_check_digit` computes an EAN/UPC check digit from the other digits.
pub fn generate_scan_data(
    symbology: Symbology,
    data_string: &str,
    add_check_digit: bool,
) -> Result<String, CodeError> {
    let (linear, composite) = match data_string.split_once('|') {
        Some((linear, cc)) => (linear, Some(cc)),
        None => (data_string, None),
    };
    let not_for = || scan_error(ScanProblem::NotForSymbology);
    match symbology {
        Symbology::Qr | Symbology::DataMatrix | Symbology::DotCode => {
            let (plain_id, gs1_id) = match symbology {
                Symbology::Qr => ("]Q1", "]Q3"),
                Symbology::DataMatrix => ("]d1", "]d2"),
                _ => ("]J0", "]J1"),
            };
            if let Some(body) = data_string.strip_prefix('^') {
                parse_element_string(data_string)?;
                Ok(format!("{gs1_id}{}", body.replace('^', &GS.to_string())))
            } else {
                // No composites here: a `|` is part of the text.
                let linear = linear.replace("\\^", "^");
                let cc = composite.map(|cc| format!("|{cc}")).unwrap_or_default();
                Ok(format!("{plain_id}{linear}{cc}"))
            }
        }
        Symbology::DataBarExpanded | Symbology::Gs1_128Cca | Symbology::Gs1_128Ccc => {
            let Some(body) = linear.strip_prefix('^') else {
                return Err(not_for());
            };
            let elements = parse_element_string(linear)?;
            let body = body.replace('^', &GS.to_string());
            match composite {
                None if symbology == Symbology::DataBarExpanded => Ok(format!("]e0{body}")),
                None => Ok(format!("]C1{body}")),
                Some(cc) => {
                    let cc_body = composite_body(cc)?;
                    let separator = elements
                        .last()
                        .filter(|e| needs_separator(&e.ai))
                        .map(|_| GS.to_string())
                        .unwrap_or_default();
                    Ok(format!("]e0{body}{separator}{cc_body}"))
                }
            }
        }
        Symbology::DataBarOmni | Symbology::DataBarLimited => {
            let gtin = primary_number(linear, 14, false)?;
            if symbology == Symbology::DataBarLimited && !gtin.starts_with(['0', '1']) {
                return Err(not_for());
            }
            let cc = composite
                .map(composite_body)
                .transpose()?
                .unwrap_or_default();
            Ok(format!("]e001{gtin}{cc}"))
        }
        Symbology::Ean13 | Symbology::UpcA | Symbology::UpcE | Symbology::Ean8 => {
            let (digits, id) = match symbology {
                Symbology::Ean8 => (8, "]E4"),
                Symbology::Ean13 => (13, "]E0"),
                _ => (12, "]E0"),
            };
            let number = primary_number(linear, digits, add_check_digit)?;
            // UPC-A and UPC-E go out as 13 digits with a leading zero.
            let number = if digits == 12 {
                format!("0{number}")
            } else {
                number
            };
            let cc = match composite {
                Some(cc) => format!("|]e0{}", composite_body(cc)?),
                None => String::new(),
            };
            Ok(format!("{id}{number}{cc}"))
        }
    }
}

fn composite_body(cc: &str) -> Result<String, CodeError> {
    let Some(body) = cc.strip_prefix('^') else {
        return Err(scan_error(ScanProblem::NotForSymbology));
    };
    parse_element_string(cc)?;
    Ok(body.replace('^', &GS.to_string()))
}

/// A `digits`-long GTIN given as itself or as `^01` + GTIN-14.
fn primary_number(linear: &str, digits: usize, add_check_digit: bool) -> Result<String, CodeError> {
    let number = match linear.strip_prefix("^01") {
        Some(gtin14) => {
            if gtin14.len() != 14 || !gtin14.bytes().all(|b| b.is_ascii_digit()) {
                return Err(scan_error(ScanProblem::NotForSymbology));
            }
            // 14 ASCII digits: any byte index is a character boundary.
            let (padding, number) = gtin14.split_at(14 - digits);
            if padding.bytes().any(|b| b != b'0') {
                return Err(scan_error(ScanProblem::NotForSymbology));
            }
            number.to_owned()
        }
        None if add_check_digit => {
            if linear.len() + 1 != digits {
                return Err(scan_error(ScanProblem::EanLength {
                    found: linear.len(),
                }));
            }
            let check = gtin_check_digit(linear).ok_or(scan_error(ScanProblem::EanNotNumeric))?;
            format!("{linear}{check}")
        }
        None => linear.to_owned(),
    };
    check_ean(&number, digits)?;
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_symbology_identifiers() {
        let scan = process_scan_data("]d2011231231231233310ABC123\u{1d}99TESTING").expect("valid");
        assert_eq!(scan.symbology, Symbology::DataMatrix);
        assert_eq!(scan.data_string, "^011231231231233310ABC123^99TESTING");
        assert!(process_scan_data("]E02112345678901").is_err());
        assert!(process_scan_data("]XX").is_err());
        // Found by fuzzing: a non-ASCII "GTIN" once split inside a character.
        assert!(
            generate_scan_data(Symbology::Ean8, "^0100416~00416~0\u{401}\u{318}6", false).is_err()
        );
        assert_eq!(
            generate_scan_data(Symbology::Qr, "^011231231231233310ABC123^99TESTING", false),
            Ok("]Q3011231231231233310ABC123\u{1d}99TESTING".into())
        );
    }
}
