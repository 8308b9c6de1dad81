//! `tracecheck code …`: the three subcommands, their output and exit codes.

use std::process::{Command, Output};

fn tracecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .args(args)
        .output()
        .expect("run tracecheck")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn to_element_string_prints_the_vector_form() {
    let out = tracecheck(&[
        "code",
        "to-element-string",
        "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "^010952012345678810ABC1^2112345^17180426");

    let bad = tracecheck(&[
        "code",
        "to-element-string",
        "https://a/01/09520123456788?10=X",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("qualifier_in_query"));
}

#[test]
fn to_dl_prints_the_canonical_uri() {
    let out = tracecheck(&[
        "code",
        "to-dl",
        "--stem",
        "https://example.com/",
        "(21)XYZ(01)12312312312333(10)ABC123(99)XYZ",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "https://example.com/01/12312312312333/10/ABC123/21/XYZ?99=XYZ"
    );
    let default_stem = tracecheck(&["code", "to-dl", "(01)12312312312326(21)abc123"]);
    assert_eq!(
        stdout(&default_stem),
        "https://id.gs1.org/01/12312312312326/21/abc123"
    );
    assert_eq!(
        tracecheck(&["code", "to-dl", "(99)XYZ"]).status.code(),
        Some(2)
    );
}

#[test]
fn parse_prints_a_breakdown_or_the_error() {
    let out = tracecheck(&["code", "parse", "(01)08931234567897(10)LOT7"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["form"], "bracketed");
    assert_eq!(json["elements"][1]["title"], "BATCH/LOT");
    assert_eq!(
        json["digital_link"],
        "https://id.gs1.org/01/08931234567897/10/LOT7"
    );

    let bad = tracecheck(&["code", "parse", "8931234567893"]);
    assert_eq!(bad.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&bad.stdout).expect("JSON");
    assert_eq!(json["error"]["problem"]["expected"], "7");
    assert_eq!(json["error"]["problem"]["found"], "3");

    let foreign = tracecheck(&["code", "parse", "https://check.net.vn/p/1"]);
    let json: serde_json::Value = serde_json::from_slice(&foreign.stdout).expect("JSON");
    assert_eq!(json["kind"], "foreign");
}
