//! The issuer's commands together: `keygen`, `sign` in both formats,
//! `verify --credential` against a trust list, and what tampering does.

use std::path::Path;
use std::process::{Command, Output};

fn tracecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .args(args)
        .output()
        .expect("run tracecheck")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// The outcome of check `id` in a verdict.
fn outcome(verdict: &serde_json::Value, id: &str) -> Option<String> {
    verdict["checks"]
        .as_array()?
        .iter()
        .find(|c| c["id"] == id)
        .and_then(|c| c["outcome"].as_str())
        .map(str::to_owned)
}

#[test]
fn keygen_with_out_keeps_the_secret_off_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("issuer.key");
    let out = tracecheck(&["keygen", "--out", path(&key)]);
    assert_eq!(out.status.code(), Some(0));
    let printed = json(&out);
    assert!(
        printed["did"]
            .as_str()
            .is_some_and(|d| d.starts_with("did:key:z6Mk"))
    );
    assert!(printed.get("secretKeyMultibase").is_none());
    let secret = std::fs::read_to_string(&key).expect("key file");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(secret.trim()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Never overwrites a key.
    let again = tracecheck(&["keygen", "--out", path(&key)]);
    assert_eq!(again.status.code(), Some(2));
    // Without --out the secret is the output.
    assert!(json(&tracecheck(&["keygen"]))["secretKeyMultibase"].is_string());
}

#[test]
fn signed_credentials_verify_in_both_formats_and_tampering_is_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let registry = dir.path().join("registry");
    assert_eq!(
        tracecheck(&["demo", path(&registry)]).status.code(),
        Some(0)
    );
    let config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(registry.join("config.json")).expect("config"))
            .expect("config JSON");
    let root = config["root"].as_str().expect("pinned root");
    let trust_list = registry.join("trust-list.json");

    let key = dir.path().join("issuer.key");
    let did = json(&tracecheck(&["keygen", "--out", path(&key)]))["did"]
        .as_str()
        .expect("did")
        .to_owned();
    // The demo's longan passport, re-issued by the new key (no status
    // entry: the list lives on a resolver this test does not run).
    let linkset: serde_json::Value = serde_json::from_slice(
        &std::fs::read(registry.join("linksets/01/08935001000013/10/NL2611.json"))
            .expect("linkset"),
    )
    .expect("linkset JSON");
    let href =
        linkset["linkset"][0]["https://test.uncefact.org/vocabulary/linkTypes/dpp"][0]["href"]
            .as_str()
            .expect("passport link");
    let demo = registry.join(
        href.split_once("/credentials/")
            .map(|(_, p)| format!("credentials/{p}"))
            .expect("registry path"),
    );
    let mut passport: serde_json::Value =
        serde_json::from_slice(&std::fs::read(demo).expect("demo passport")).expect("JSON");
    let fields = passport.as_object_mut().expect("object");
    fields.remove("proof");
    fields.remove("credentialStatus");
    passport["issuer"]["id"] = did.clone().into();
    let unsigned = dir.path().join("passport.json");
    std::fs::write(&unsigned, passport.to_string()).expect("write passport");

    for format in ["di", "jose"] {
        let signed = tracecheck(&[
            "sign",
            path(&unsigned),
            "--key",
            path(&key),
            "--format",
            format,
        ]);
        assert_eq!(signed.status.code(), Some(0), "{format}: {:?}", signed);
        let file = dir.path().join(format!("signed-{format}"));
        std::fs::write(&file, &signed.stdout).expect("write signed");
        let verify = |file: &Path| {
            tracecheck(&[
                "verify",
                "--credential",
                path(file),
                "--trust-list",
                path(&trust_list),
                "--root",
                root,
            ])
        };
        // A valid signature by a key the demo trust list does not name.
        let untrusted = verify(&file);
        let verdict = json(&untrusted);
        assert_eq!(untrusted.status.code(), Some(3), "{format}: {verdict}");
        assert_eq!(
            outcome(&verdict, "signature").as_deref(),
            Some("pass"),
            "{format}: {verdict}"
        );
        assert_eq!(
            outcome(&verdict, "issuer_trusted").as_deref(),
            Some("counterfeit"),
            "{format}: {verdict}"
        );

        // A later expiry date: the signature no longer holds.
        let extend = |json: &[u8]| {
            let mut vc: serde_json::Value = serde_json::from_slice(json).expect("JSON");
            assert!(vc["validUntil"].is_string());
            vc["validUntil"] = "2099-01-01T00:00:00Z".into();
            vc.to_string()
        };
        let text = String::from_utf8(signed.stdout.clone()).expect("UTF-8");
        let tampered = if format == "jose" {
            // Re-encode the payload with the change, keeping the signature.
            use base64::Engine;
            use base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let parts: Vec<&str> = text.trim().split('.').collect();
            let payload = URL_SAFE_NO_PAD.decode(parts[1]).expect("payload");
            let payload = extend(&payload);
            format!(
                "{}.{}.{}",
                parts[0],
                URL_SAFE_NO_PAD.encode(payload),
                parts[2]
            )
        } else {
            extend(text.as_bytes())
        };
        let file = dir.path().join(format!("tampered-{format}"));
        std::fs::write(&file, tampered).expect("write tampered");
        let caught = verify(&file);
        let verdict = json(&caught);
        assert_eq!(caught.status.code(), Some(3), "{format}: {verdict}");
        assert_eq!(
            outcome(&verdict, "signature").as_deref(),
            Some("counterfeit"),
            "{format}: {verdict}"
        );
    }
}
