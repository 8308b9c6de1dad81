//! `tracecheck code to-dl` / `to-element-string` take every form `code
//! parse` reads (issue 16), checked against GS1's own conversion cases
//! (gs1-syntax-engine unit tests, `tests/vectors/gs1-digital-link/`).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const GS: char = '\u{1d}';

fn tracecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .args(args)
        .output()
        .expect("run tracecheck")
}

/// Exit code and trimmed stdout.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = tracecheck(args);
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.code(), text)
}

/// The cases of a vector file that use the parser's default options.
fn cases(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/gs1-digital-link")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("vector file");
    let json: Value = serde_json::from_str(&text).expect("vector JSON");
    json["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["options"].as_object().is_none_or(|o| o.is_empty()))
        .cloned()
        .collect()
}

fn str_of<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or_default()
}

#[test]
fn to_dl_matches_gs1_generation_cases() {
    let mut checked = 0;
    for case in cases("generate-dl-uri.json") {
        let input = str_of(&case, "input");
        let stem = case["stem"].as_str().unwrap_or("https://id.gs1.org");
        let (code, out) = run(&["code", "to-dl", "--stem", stem, input]);
        if case["valid"] == true {
            assert_eq!(code, Some(0), "{}", case["id"]);
            assert_eq!(out, str_of(&case, "expected_dl_uri"), "{}", case["id"]);
        } else {
            assert_eq!(code, Some(2), "{} should fail", case["id"]);
        }
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} cases");
}

#[test]
fn to_element_string_matches_gs1_dl_parse_cases() {
    let mut checked = 0;
    for case in cases("parse-dl-uri.json") {
        let input = str_of(&case, "input");
        // Only the URIs `read` takes for Digital Links: other addresses are
        // another system's (not GS1 data), which is exit 2 as well.
        let (code, out) = run(&["code", "to-element-string", input]);
        if case["valid"] == true {
            assert_eq!(code, Some(0), "{} {input}", case["id"]);
            assert_eq!(
                out,
                str_of(&case, "expected_element_string"),
                "{}",
                case["id"]
            );
        } else {
            assert_eq!(code, Some(2), "{} {input} should fail", case["id"]);
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} cases");
}

/// The element string GS1's scan-data cases expect, in this tool's form:
/// an EAN/UPC number becomes AI 01 (padded to 14 digits), its composite
/// (after `|`) follows.
fn as_element_string(data: &str) -> String {
    match data.split_once('|') {
        Some((number, cc)) => format!("^01{number:0>14}{}", cc.trim_start_matches('^')),
        None if !data.starts_with('^') => format!("^01{data:0>14}"),
        None => data.to_owned(),
    }
}

#[test]
fn scanner_data_converts_like_its_element_string() {
    let mut checked = 0;
    for case in cases("process-scan-data.json") {
        let input = str_of(&case, "input");
        let data = str_of(&case, "expected_data_str");
        let gs1 = data.starts_with('^') || input.starts_with("]E");
        let dl_extraction = case["expected_dl_ai_extraction"].as_str();
        let (code, out) = run(&["code", "to-element-string", input]);
        match (case["valid"] == true, gs1, dl_extraction) {
            // (01)+(235) with a (10) after it: valid GS1 data, but no Digital
            // Link can hold it (GS1's generate case "(01)…(235)ABC(10)DEF"
            // fails too), and `read` only returns codes that resolve.
            (true, true, _) if data == "^0112312312312333235XYZ^10ABC" => {
                let stderr = String::from_utf8_lossy(
                    &tracecheck(&["code", "to-element-string", input]).stderr,
                )
                .into_owned();
                assert_eq!(code, Some(2));
                assert!(stderr.contains("not_an_attribute"), "{stderr}");
            }
            (true, true, _) => {
                let want = as_element_string(data);
                assert_eq!(
                    (code, out.as_str()),
                    (Some(0), want.as_str()),
                    "{}",
                    case["id"]
                );
                // to-dl agrees with to-dl of the bracket-free element string.
                let (_, via_scan) = run(&["code", "to-dl", input]);
                let (_, via_string) = run(&["code", "to-dl", &want]);
                assert_eq!(via_scan, via_string, "{}", case["id"]);
                assert!(
                    via_scan.starts_with("https://id.gs1.org/"),
                    "{}",
                    case["id"]
                );
            }
            (true, false, Some(extracted)) if !extracted.is_empty() => {
                assert_eq!((code, out.as_str()), (Some(0), extracted), "{}", case["id"]);
            }
            // Plain text, a mixed-case scheme, or invalid data: not a code.
            _ => assert_eq!(code, Some(2), "{} {input:?} should fail", case["id"]),
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} cases");
}

#[test]
fn caret_and_real_gs_are_the_same_fnc1() {
    let caret = "^010893123456789710LOT7^17271231";
    let with_gs = caret.trim_start_matches('^').replace('^', &GS.to_string());
    let want = "https://id.gs1.org/01/08931234567897/10/LOT7?17=271231";
    assert_eq!(run(&["code", "to-dl", caret]), (Some(0), want.into()));
    assert_eq!(run(&["code", "to-dl", &with_gs]), (Some(0), want.into()));
    assert_eq!(
        run(&["code", "to-dl", &format!("]d2{with_gs}")]),
        (Some(0), want.into())
    );
    assert_eq!(
        run(&[
            "code",
            "to-element-string",
            "(01)08931234567897(10)LOT7(17)271231"
        ]),
        (Some(0), "^010893123456789710LOT7^17271231".into())
    );
    // A GTIN read from an EAN-13, with and without its identifier.
    for ean in ["8931234567897", "]E08931234567897"] {
        assert_eq!(
            run(&["code", "to-dl", ean]),
            (Some(0), "https://id.gs1.org/01/08931234567897".into())
        );
    }
    // Mixing the two separators, another system's address, plain text: exit 2.
    assert_eq!(
        run(&["code", "to-dl", &format!("^0108931234567897{GS}10A")]).0,
        Some(2)
    );
    assert_eq!(
        run(&["code", "to-dl", "https://hy.check.net.vn/t2/X"]).0,
        Some(2)
    );
    assert_eq!(run(&["code", "to-element-string", "]Q1hello"]).0, Some(2));
}
