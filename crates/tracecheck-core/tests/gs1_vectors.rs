//! Every case of every file in `tests/vectors/gs1-digital-link/` (cases from
//! the unit tests of GS1's reference engine, gs1/gs1-syntax-engine), each
//! with its parser options, printed as pass/total per file.

mod common;

use common::{Tally, read_json, read_text};
use serde_json::Value;
use tracecheck_core::code::{
    CodeError, CouponField, CouponIssue, GS1_STEM, Options, Symbology, ValueProblem, ai_spec,
    check_associations, generate_scan_data, gtin_check_digit, is_valid_gtin, parse_bracketed,
    parse_digital_link, parse_digital_link_with, parse_element_string, process_scan_data,
    to_digital_link_with, uri_escape, uri_unescape, write_element_string,
};

const DIR: &str = "gs1-digital-link";

fn cases(file: &str) -> Vec<Value> {
    read_json(&format!("{DIR}/{file}"))["cases"]
        .as_array()
        .expect("cases")
        .clone()
}

fn text<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}

fn id(case: &Value) -> &str {
    text(case, "id")
}

/// The case's parser flags; `None` for a flag this reader does not know, so
/// such a case fails instead of running with the wrong rules.
fn options(case: &Value) -> Option<(Options, bool)> {
    let mut options = Options::default();
    let mut add_check_digit = false;
    for (name, value) in case["options"].as_object()? {
        let on = value.as_bool()?;
        match name.as_str() {
            "permitUnknownAIs" => options.permit_unknown_ais = on,
            "permitZeroSuppressedGTINinDLuris" => options.permit_zero_suppressed_gtin = on,
            "permitConvenienceAlphas" => options.permit_convenience_alphas = on,
            "validationEnabled.UNKNOWN_AI_NOT_DL_ATTR" => options.unknown_ai_not_dl_attribute = on,
            "addCheckDigit" => add_check_digit = on,
            _ => return None,
        }
    }
    Some((options, add_check_digit))
}

fn valid(case: &Value) -> bool {
    case["valid"].as_bool().expect("valid")
}

#[test]
fn parse_dl_uri() {
    let mut tally = Tally::new(&format!("{DIR}/parse-dl-uri.json"));
    for case in cases("parse-dl-uri.json") {
        let Some((opts, _)) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let got = parse_digital_link_with(text(&case, "input"), &opts).map(|c| c.element_string());
        let ok = match (valid(&case), &got) {
            (true, Ok(s)) => s == text(&case, "expected_element_string"),
            (false, Err(_)) => true,
            _ => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

#[test]
fn generate_dl_uri() {
    let mut tally = Tally::new(&format!("{DIR}/generate-dl-uri.json"));
    for case in cases("generate-dl-uri.json") {
        let Some((opts, _)) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let stem = case["stem"].as_str().unwrap_or(GS1_STEM);
        let input = text(&case, "input");
        // The input always parses; only generation may fail.
        let got = if case["input_kind"].as_str() == Some("dl_uri") {
            parse_digital_link_with(input, &opts).map(|code| code.try_digital_link(stem))
        } else {
            parse_bracketed(input, &opts)
                .map(|elements| to_digital_link_with(stem, &elements, &opts))
        };
        let ok = match (valid(&case), &got) {
            (true, Ok(Ok(uri))) => uri == text(&case, "expected_dl_uri"),
            (false, Ok(Err(_))) => true,
            _ => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

fn expected_bytes(case: &Value, key: &str) -> Option<Vec<u8>> {
    if let Some(hex) = case[format!("{key}_bytes_hex")].as_str() {
        return Some(
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
                .collect(),
        );
    }
    case[key].as_str().map(|s| s.as_bytes().to_vec())
}

#[test]
fn uri_unescape_vectors() {
    let mut tally = Tally::new(&format!("{DIR}/uri-unescape.json"));
    for case in cases("uri-unescape.json") {
        let input = text(&case, "input");
        let path = uri_unescape(input, false);
        let query = uri_unescape(input, true);
        let ok = path == expected_bytes(&case, "expected_path_component")
            && query == expected_bytes(&case, "expected_query_component");
        tally.record(id(&case), ok, || format!("got {path:?} / {query:?}"));
    }
    tally.finish();
}

#[test]
fn uri_escape_vectors() {
    let mut tally = Tally::new(&format!("{DIR}/uri-escape.json"));
    for case in cases("uri-escape.json") {
        let input = text(&case, "input");
        let path = uri_escape(input, false);
        let query = uri_escape(input, true);
        let ok = path == text(&case, "expected_path_component")
            && query == text(&case, "expected_query_component");
        tally.record(id(&case), ok, || format!("got {path} / {query}"));
    }
    tally.finish();
}

#[test]
fn valid_dl_path_ai_sequences() {
    let mut tally = Tally::new(&format!("{DIR}/valid-dl-path-ai-sequences.json"));
    for case in cases("valid-dl-path-ai-sequences.json") {
        let seq: Vec<&str> = case["sequence"]
            .as_array()
            .expect("sequence")
            .iter()
            .map(|ai| ai.as_str().expect("ai"))
            .collect();
        let accepted = ai_spec(seq[0]).is_some_and(|key| {
            key.accepts_qualifiers(&seq[1..])
                && key.qualifier_sequences().iter().any(|s| s[..] == seq[1..])
        });
        tally.record(id(&case), accepted == valid(&case), || format!("{seq:?}"));
    }
    tally.finish();
}

#[test]
fn parse_bracketed_ai_data() {
    let mut tally = Tally::new(&format!("{DIR}/parse-bracketed-ai-data.json"));
    for case in cases("parse-bracketed-ai-data.json") {
        let Some((opts, _)) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let got = parse_bracketed(text(&case, "input"), &opts).map(|e| write_element_string(&e));
        let ok = match (valid(&case), &got) {
            (true, Ok(s)) => s == text(&case, "expected_element_string"),
            (false, Err(_)) => true,
            _ => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

#[test]
fn process_element_string() {
    let mut tally = Tally::new(&format!("{DIR}/process-element-string.json"));
    for case in cases("process-element-string.json") {
        // Unknown AIs are never read from unbracketed data (their length
        // cannot be known), so `permitUnknownAIs` changes nothing here.
        let Some(_) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let got = parse_element_string(text(&case, "input"));
        tally.record(id(&case), got.is_ok() == valid(&case), || {
            format!("got {got:?}")
        });
    }
    tally.finish();
}

#[test]
fn validate_ai_associations() {
    let mut tally = Tally::new(&format!("{DIR}/validate-ai-associations.json"));
    for case in cases("validate-ai-associations.json") {
        let Some((opts, _)) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let got = parse_bracketed(text(&case, "input"), &opts)
            .map(|elements| check_associations(&elements));
        let ok = match &got {
            Ok(result) => result.is_ok() == valid(&case),
            Err(_) => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

/// GS1's name for the linter result a problem stands for.
fn linter_name(problem: &ValueProblem) -> String {
    use CouponField as F;
    use CouponIssue as I;
    use ValueProblem as P;
    let name = match problem {
        P::NonDigit { .. } => "NON_DIGIT_CHARACTER",
        P::NotCset82 { .. } => "INVALID_CSET82_CHARACTER",
        P::NotCset39 { .. } => "INVALID_CSET39_CHARACTER",
        P::NotCset64 { .. } => "INVALID_CSET64_CHARACTER",
        P::Cset64Padding => "INVALID_CSET64_PADDING",
        P::CheckDigit { .. } => "INCORRECT_CHECK_DIGIT",
        P::TooShortForCheckDigit => "TOO_SHORT_FOR_CHECK_DIGIT",
        P::CheckPair { .. } => "INCORRECT_CHECK_PAIR",
        P::TooShortForCheckPair => "TOO_SHORT_FOR_CHECK_PAIR",
        P::TooLongForCheckPair => "TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION",
        P::TooShortForCompanyPrefix => "TOO_SHORT_FOR_GCP",
        P::BadCompanyPrefix => "INVALID_GCP_PREFIX",
        P::ImporterIndexLength => "IMPORTER_IDX_MUST_BE_ONE_CHARACTER",
        P::BadImporterIndex => "INVALID_IMPORT_IDX_CHARACTER",
        P::MustNotBeZero => "ILLEGAL_ZERO_VALUE",
        P::MustBeZero => "NOT_ZERO",
        P::ZeroPrefix => "ILLEGAL_ZERO_PREFIX",
        P::NotZeroOrOne => "NOT_ZERO_OR_ONE",
        P::BadWindingDirection => "INVALID_WINDING_DIRECTION",
        P::NotCountry => "NOT_ISO3166",
        P::NotCountryOr999 => "NOT_ISO3166_OR_999",
        P::NotCountryAlpha2 => "NOT_ISO3166_ALPHA2",
        P::NotCurrency => "NOT_ISO4217",
        P::IbanTooShort => "IBAN_TOO_SHORT",
        P::IbanTooLong => "IBAN_TOO_LONG",
        P::IbanCharacter { .. } => "INVALID_IBAN_CHARACTER",
        P::IbanCountry => "ILLEGAL_IBAN_COUNTRY_CODE",
        P::IbanChecksum => "INCORRECT_IBAN_CHECKSUM",
        P::BadMonth => "ILLEGAL_MONTH",
        P::BadDay => "ILLEGAL_DAY",
        P::BadHour => "ILLEGAL_HOUR",
        P::BadMinute => "ILLEGAL_MINUTE",
        P::BadSecond => "ILLEGAL_SECOND",
        P::PieceOfTotalLength => "INVALID_LENGTH_FOR_PIECE_OF_TOTAL",
        P::ZeroPiece => "ZERO_PIECE_NUMBER",
        P::ZeroTotal => "ZERO_TOTAL_PIECES",
        P::PieceExceedsTotal => "PIECE_NUMBER_EXCEEDS_TOTAL",
        P::BadPercentEscape => "INVALID_PERCENT_SEQUENCE",
        P::CouponExpiresBeforeStart => "COUPON_EXPIRATION_BEFORE_START",
        P::CouponExcessData => "COUPON_EXCESS_DATA",
        P::BadLatitude => "INVALID_LATITUDE",
        P::BadLongitude => "INVALID_LONGITUDE",
        P::BadMediaType => "INVALID_MEDIA_TYPE",
        P::NotHyphen => "NOT_HYPHEN",
        P::BadSexCode => "INVALID_BIOLOGICAL_SEX_CODE",
        P::SequenceMalformed => "POSITION_IN_SEQUENCE_MALFORMED",
        P::PositionExceedsEnd => "POSITION_EXCEEDS_END",
        P::NeedsNonDigit => "REQUIRES_NON_DIGIT_CHARACTER",
        P::BadPackageType => "INVALID_PACKAGE_TYPE",
        P::Coupon { field, issue } => {
            let nth = |n: &u8| match n {
                1 => "1ST",
                2 => "2ND",
                _ => "3RD",
            };
            let field = match field {
                F::FormatCode => "FORMAT_CODE".to_owned(),
                F::FunderLength => "FUNDER_VLI".to_owned(),
                F::Funder => "FUNDER".to_owned(),
                F::CompanyPrefixLength => "GCP_VLI".to_owned(),
                F::CompanyPrefix => "GCP".to_owned(),
                F::OfferCode => "OFFER_CODE".to_owned(),
                F::SaveValueLength => "SAVE_VALUE_VLI".to_owned(),
                F::SaveValue => "SAVE_VALUE".to_owned(),
                F::RequirementLength { purchase } => {
                    format!("{}_PURCHASE_REQUIREMENT_VLI", nth(purchase))
                }
                F::Requirement { purchase } => format!("{}_PURCHASE_REQUIREMENT", nth(purchase)),
                F::RequirementCode { purchase } => {
                    format!("{}_PURCHASE_REQUIREMENT_CODE", nth(purchase))
                }
                F::FamilyCode { purchase } => format!("{}_PURCHASE_FAMILY_CODE", nth(purchase)),
                F::PurchaseCompanyPrefixLength { purchase } => {
                    format!("{}_PURCHASE_GCP_VLI", nth(purchase))
                }
                F::PurchaseCompanyPrefix { purchase } => format!("{}_PURCHASE_GCP", nth(purchase)),
                F::AdditionalRules => "ADDITIONAL_PURCHASE_RULES_CODE".to_owned(),
                F::ExpirationDate => "EXPIRATION_DATE".to_owned(),
                F::StartDate => "START_DATE".to_owned(),
                F::SerialLength => "SERIAL_NUMBER_VLI".to_owned(),
                F::Serial => "SERIAL_NUMBER".to_owned(),
                F::RetailerLength => "RETAILER_GCP_OR_GLN_VLI".to_owned(),
                F::Retailer => "RETAILER_GCP_OR_GLN".to_owned(),
                F::SaveValueCode => "SAVE_VALUE_CODE".to_owned(),
                F::SaveValueAppliesTo => "SAVE_VALUE_APPLIES_TO_ITEM".to_owned(),
                F::StoreCouponFlag => "STORE_COUPON_FLAG".to_owned(),
                F::DontMultiplyFlag => "DONT_MULTIPLY_FLAG".to_owned(),
            };
            // GS1's names: lengths "INVALID_…_LENGTH", dates "TOO_SHORT_FOR_…"
            // and "INVALID_EXIPIRATION_DATE" (sic).
            let name = match (issue, field.as_str()) {
                (I::Truncated, "EXPIRATION_DATE" | "START_DATE") => {
                    format!("TOO_SHORT_FOR_{field}")
                }
                (I::Invalid, "EXPIRATION_DATE") => "INVALID_EXIPIRATION_DATE".to_owned(),
                (I::Invalid, f) if f.ends_with("_VLI") => {
                    format!("INVALID_{}_LENGTH", f.trim_end_matches("_VLI"))
                }
                (I::Missing, _) => format!("MISSING_{field}"),
                (I::Invalid, _) => format!("INVALID_{field}"),
                (I::Truncated, _) => format!("TRUNCATED_{field}"),
            };
            return format!("GS1_LINTER_COUPON_{name}");
        }
    };
    format!("GS1_LINTER_{name}")
}

#[test]
fn linter_results() {
    let mut tally = Tally::new(&format!("{DIR}/linter-results.json"));
    for case in cases("linter-results.json") {
        let expected = text(&case, "expected_linter_result");
        let got = match parse_bracketed(text(&case, "input"), &Options::default()) {
            Ok(_) => "GS1_LINTER_OK".to_owned(),
            Err(CodeError::Invalid { problem, .. }) => linter_name(&problem),
            Err(other) => format!("not a linter result: {other:?}"),
        };
        tally.record(id(&case), got == expected, || format!("got {got}"));
    }
    tally.finish();
}

fn symbology_name(symbology: Symbology) -> &'static str {
    match symbology {
        Symbology::Qr => "QR",
        Symbology::DataMatrix => "DM",
        Symbology::DotCode => "DotCode",
        Symbology::DataBarExpanded => "DataBarExpanded",
        Symbology::DataBarOmni => "DataBarOmni",
        Symbology::DataBarLimited => "DataBarLimited",
        Symbology::Gs1_128Cca => "GS1_128_CCA",
        Symbology::Gs1_128Ccc => "GS1_128_CCC",
        Symbology::Ean13 => "EAN13",
        Symbology::Ean8 => "EAN8",
        Symbology::UpcA => "UPCA",
        Symbology::UpcE => "UPCE",
    }
}

const SYMBOLOGIES: [Symbology; 12] = [
    Symbology::Qr,
    Symbology::DataMatrix,
    Symbology::DotCode,
    Symbology::DataBarExpanded,
    Symbology::DataBarOmni,
    Symbology::DataBarLimited,
    Symbology::Gs1_128Cca,
    Symbology::Gs1_128Ccc,
    Symbology::Ean13,
    Symbology::Ean8,
    Symbology::UpcA,
    Symbology::UpcE,
];

#[test]
fn process_scan_data_vectors() {
    let mut tally = Tally::new(&format!("{DIR}/process-scan-data.json"));
    for case in cases("process-scan-data.json") {
        let got = process_scan_data(text(&case, "input"));
        let ok = match (valid(&case), &got) {
            (true, Ok(scan)) => {
                let dl = case["expected_dl_ai_extraction"]
                    .as_str()
                    .is_none_or(|expected| {
                        let extracted = parse_digital_link(&scan.data_string)
                            .map(|code| code.element_string())
                            .unwrap_or_default();
                        extracted == expected
                    });
                symbology_name(scan.symbology) == text(&case, "expected_symbology")
                    && scan.data_string == text(&case, "expected_data_str")
                    && dl
            }
            (false, Err(_)) => true,
            _ => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

#[test]
fn generate_scan_data_vectors() {
    let mut tally = Tally::new(&format!("{DIR}/generate-scan-data.json"));
    for case in cases("generate-scan-data.json") {
        let Some((_, add_check_digit)) = options(&case) else {
            tally.record(id(&case), false, || "unknown option".into());
            continue;
        };
        let name = text(&case, "symbology");
        let got = SYMBOLOGIES
            .into_iter()
            .find(|&s| symbology_name(s) == name)
            .map(|s| generate_scan_data(s, text(&case, "input"), add_check_digit));
        let ok = match (valid(&case), &got) {
            (true, Some(Ok(scan))) => scan == text(&case, "expected_scan_data"),
            // "NONE" names no symbology: nothing can be generated.
            (false, None | Some(Err(_))) => true,
            _ => false,
        };
        tally.record(id(&case), ok, || format!("got {got:?}"));
    }
    tally.finish();
}

#[test]
fn gtin_check_digits() {
    let mut tally = Tally::new(&format!("{DIR}/gtin-check-digit.json"));
    for case in cases("gtin-check-digit.json") {
        let input = text(&case, "input");
        let ok = is_valid_gtin(input) == valid(&case)
            && (valid(&case)
                || gtin_check_digit(&input[..input.len() - 1]).map(String::from)
                    == case["correct_check_digit"].as_str().map(String::from));
        tally.record(id(&case), ok, || input.to_owned());
    }
    tally.finish();
}

#[test]
fn the_crate_keeps_the_same_dictionary_as_the_vectors() {
    let ours = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gs1-syntax-dictionary.txt"
    ))
    .expect("crate copy");
    assert_eq!(
        ours,
        read_text("gs1-syntax-dictionary/gs1-syntax-dictionary.txt")
    );
}
