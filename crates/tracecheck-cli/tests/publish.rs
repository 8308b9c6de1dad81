//! `tracecheck publish` from CSV files to a registry, end to end: every
//! batch verifies; a re-run changes nothing; a revoked, suspended or
//! recalled batch is seen by a verifier; bad rows name their file, line and
//! column and nothing is written; keys rotate without breaking what the
//! old key signed. Registries are read back from disk and served through
//! the resolver's own routes in memory (`https://registry.example`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tracecheck_cli::registry::Registry;
use tracecheck_cli::serve::{Site, route};
use tracecheck_cli::verifier::{Settings, Subject, verify};
use tracecheck_core::resolve::{Fetch, FetchError, Request, Response, WebUrl};
use tracecheck_core::verdict::{Level, Report};

const BASE: &str = "https://registry.example";
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/publish");
const L1: &str = "https://registry.example/01/08935001000013/10/L2611";
const L2: &str = "https://registry.example/01/08935001000013/10/L2612%2FA";
const L3: &str = "https://registry.example/01/08935001000013/10/L2613";
const C1: &str = "https://registry.example/01/08935002000012/10/G2611/21/S0001";

fn tracecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracecheck"))
        .args(args)
        .output()
        .expect("run tracecheck")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// A temporary publication: data copied (so tests may edit it), keys, output.
struct Workspace {
    _dir: tempfile::TempDir,
    data: PathBuf,
    keys: PathBuf,
    out: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).expect("data dir");
        for entry in std::fs::read_dir(DATA).expect("fixture") {
            let file = entry.expect("entry").path();
            std::fs::copy(&file, data.join(file.file_name().expect("name"))).expect("copy");
        }
        // The chicken farm is known by a did:web on the registry's host.
        let issuers = data.join("issuers.csv");
        let text = std::fs::read_to_string(&issuers).expect("issuers");
        let farm = "farm,Trang trại Gà Khoái Châu (thử nghiệm),Khoai Chau Farm (test),";
        assert!(text.contains(farm));
        std::fs::write(
            &issuers,
            text.replace(farm, &format!("{farm}did:web:registry.example:farm")),
        )
        .expect("did:web");
        Workspace {
            keys: dir.path().join("keys"),
            out: dir.path().join("site"),
            data,
            _dir: dir,
        }
    }

    fn publish(&self, now: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            "publish",
            path(&self.data),
            "--out",
            path(&self.out),
            "--base-url",
            BASE,
            "--keys",
            path(&self.keys),
            "--root",
            "root",
            "--now",
            now,
        ];
        args.extend_from_slice(extra);
        tracecheck(&args)
    }

    fn publish_ok(&self, now: &str) -> String {
        let out = self.publish(now, &["--create-keys"]);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        stderr
    }

    fn status(&self, command: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            command,
            "--out",
            path(&self.out),
            "--data",
            path(&self.data),
            "--keys",
            path(&self.keys),
            "--now",
            "2026-11-20T12:00:00Z",
        ];
        args.extend_from_slice(extra);
        let out = tracecheck(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn registry(&self) -> PathBuf {
        self.out.join("registry")
    }

    /// Every file of the registry with its bytes.
    fn snapshot(&self) -> Registry {
        let mut registry = Registry::read_from(&self.registry()).expect("registry");
        registry.files.remove(".tracecheck-run");
        registry
    }
}

/// Answers `https://registry.example/…` from a registry folder.
struct InMemory(Site);

impl Fetch for InMemory {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let url = WebUrl::parse(&request.url).map_err(|_| FetchError::Unreachable)?;
        if url.authority != "registry.example" {
            return Err(FetchError::Unreachable);
        }
        let answer = route(&self.0, &url.rest, request.accept);
        Ok(Response {
            url: request.url,
            status: answer.status,
            content_type: answer.header("content-type").map(str::to_owned),
            location: answer.header("location").map(str::to_owned),
            body: answer.body,
        })
    }
}

/// The one way these tests verify (the verifier's settings live here).
fn verify_at(workspace: &Workspace, code: &str, at: &str) -> Report {
    let registry = Registry::read_from(&workspace.registry()).expect("registry");
    let site = Site::new(registry, None, BASE.into(), false);
    let settings = Settings {
        registry: Some(BASE.into()),
        ..Settings::default()
    };
    let now = tracecheck_core::time::parse_timestamp(at).expect("time");
    verify(&settings, Subject::Code(code), now, &InMemory(site)).expect("verification runs")
}

fn level(workspace: &Workspace, code: &str) -> Level {
    let report = verify_at(workspace, code, "2026-11-21T08:00:00+07:00");
    if report.level != Level::Verified {
        eprintln!("{code}: {:#?}", report.checks);
    }
    report.level
}

#[test]
fn every_published_batch_verifies_and_a_rerun_changes_nothing() {
    let w = Workspace::new();
    let first = w.publish_ok("2026-11-20T10:00:00Z");
    assert!(first.contains("published 4 passports"), "{first}");
    assert!(first.contains("ignored column(s): Ghi chú"), "{first}");
    for code in [L1, L2, L3, C1] {
        assert_eq!(level(&w, code), Level::Verified, "{code}");
    }
    // A typed EAN answers the batch marked as the GTIN's default: the
    // product is verified, not that batch.
    assert_eq!(level(&w, "8935001000013"), Level::ProductVerified);
    let before = w.snapshot();
    let again = w.publish_ok("2026-11-20T11:00:00Z");
    assert!(again.contains("0 credentials signed"), "{again}");
    assert_eq!(
        w.snapshot().files,
        before.files,
        "a re-run with the same input writes the same registry"
    );

    // Labels: SVG and PDF per batch, with the code's human-readable text.
    let labels = w.out.join("labels/08935001000013");
    let svg = std::fs::read_to_string(labels.join("L2611.svg")).expect("svg label");
    assert!(
        svg.contains("(01) 08935001000013")
            && svg.contains("(10) L2611")
            && svg.contains("Nhãn lồng Hưng Yên")
    );
    assert!(
        std::fs::read(labels.join("L2612_A.pdf"))
            .expect("pdf label")
            .starts_with(b"%PDF-")
    );
    // Precompressed copies for servers that send them.
    assert!(w.registry().join("trust-list.json.gz").is_file());
}

#[test]
fn an_edit_re_signs_only_what_it_touches() {
    let w = Workspace::new();
    w.publish_ok("2026-11-20T10:00:00Z");
    let before = w.snapshot();
    let products = w.data.join("products.csv");
    let text = std::fs::read_to_string(&products).expect("products");
    std::fs::write(
        &products,
        text.replace("2026-12-03,orchard,,di", "2026-12-04,orchard,,di"),
    )
    .expect("edit");
    let out = w.publish_ok("2026-11-20T11:00:00Z");
    assert!(out.contains("1 credentials signed"), "{out}");
    let after = w.snapshot();
    let changed: Vec<&String> = after
        .files
        .keys()
        .filter(|k| before.files.get(*k) != after.files.get(*k))
        .collect();
    assert!(
        changed
            .iter()
            .all(|p| p.contains("L2613") || p.contains("/passports/08935001000013/L2613")),
        "{changed:?}"
    );
    assert_eq!(level(&w, L3), Level::Verified);
}

#[test]
fn revoked_suspended_and_recalled_batches_reach_the_verifier() {
    let w = Workspace::new();
    w.publish_ok("2026-11-20T10:00:00Z");
    w.status("revoke", &["--batch", "L2"]);
    assert_eq!(
        level(&w, L2),
        Level::Counterfeit,
        "revoked at once, in place"
    );
    assert_eq!(level(&w, L1), Level::Verified, "its neighbour is untouched");

    w.status("suspend", &["--batch", "L3"]);
    assert_eq!(level(&w, L3), Level::Counterfeit);
    w.status("suspend", &["--batch", "L3", "--lift"]);
    assert_eq!(level(&w, L3), Level::Verified);

    w.status(
        "recall",
        &[
            "--batch",
            "L1",
            "--message-vi",
            "Thu hồi: nhiễm khuẩn (thử nghiệm)",
            "--message-en",
            "Recalled: contamination (test)",
        ],
    );
    w.publish_ok("2026-11-20T13:00:00Z");
    let report = verify_at(&w, L1, "2026-11-21T08:00:00+07:00");
    assert_eq!(report.level, Level::Recalled, "{:#?}", report.checks);
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.contains("Recalled: contamination (test)")),
        "{:?}",
        report.notices
    );
    assert_eq!(
        level(&w, L2),
        Level::Counterfeit,
        "a publish keeps what revoke set"
    );

    // A revoked batch stays revoked.
    let again = tracecheck(&[
        "suspend",
        "--out",
        path(&w.out),
        "--data",
        path(&w.data),
        "--keys",
        path(&w.keys),
        "--batch",
        "L2",
        "--lift",
    ]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn the_trust_list_can_be_withdrawn_by_its_root() {
    let w = Workspace::new();
    w.publish_ok("2026-11-20T10:00:00Z");
    let trust: serde_json::Value = serde_json::from_slice(
        &std::fs::read(w.registry().join("trust-list.json")).expect("trust list"),
    )
    .expect("json");
    let entry = &trust["credentialStatus"][0];
    assert_eq!(entry["statusPurpose"], "revocation");
    let index: u64 = entry["statusListIndex"]
        .as_str()
        .expect("index")
        .parse()
        .expect("number");
    let list_path = entry["statusListCredential"]
        .as_str()
        .expect("url")
        .trim_start_matches(BASE)
        .trim_start_matches('/')
        .to_owned();
    let bit = |w: &Workspace| {
        let list: serde_json::Value =
            serde_json::from_slice(&std::fs::read(w.registry().join(&list_path)).expect("list"))
                .expect("json");
        let encoded = list["credentialSubject"]["encodedList"]
            .as_str()
            .expect("encoded")
            .to_owned();
        tracecheck_core::status::decode_encoded_list(&encoded, 1)
            .expect("decodes")
            .status(index, 1)
    };
    assert_eq!(bit(&w), Ok(0));
    assert_eq!(level(&w, L1), Level::Verified);
    w.status("revoke", &["--trust-list"]);
    assert_eq!(bit(&w), Ok(1));
    // The verifier reads the list's own status: withdrawn, it is not used.
    let report = verify_at(&w, L1, "2026-11-21T08:00:00+07:00");
    assert_eq!(report.level, Level::NotVerifiable);
    assert!(report.checks.iter().any(|c| matches!(
        c.finding,
        tracecheck_core::verdict::Finding::TrustListUnavailable {
            error: tracecheck_core::trust::TrustListError::Revoked
        }
    )));
}

#[test]
fn bad_rows_name_file_line_and_column_and_nothing_is_written() {
    let w = Workspace::new();
    let products = w.data.join("products.csv");
    let text = std::fs::read_to_string(&products).expect("products");
    let broken = text
        .replace("L3,8935001000013", "L3,8935001000014")
        .replace("18/11/2026,2026-12-02", "31/02/2026,2026-12-02");
    std::fs::write(&products, broken).expect("edit");
    let out = w.publish("2026-11-20T10:00:00Z", &["--create-keys"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "products.csv:4: column 2 \"Mã GTIN\": wrong check digit (the last digit should be 3)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("products.csv:2: column 8 \"Ngày sản xuất\": not a date"),
        "{stderr}"
    );
    assert!(!w.registry().exists(), "nothing half-written");
    assert!(!w.out.join("state.json").exists());

    // Fixed, published; broken again: the live registry stays as it was.
    std::fs::write(&products, &text).expect("restore");
    w.publish_ok("2026-11-20T10:00:00Z");
    let good = w.snapshot();
    let events = w.data.join("events.csv");
    let more = std::fs::read_to_string(&events).expect("events")
        + "L9,packing,2026-11-19 10:00,orchard,,,,\n";
    std::fs::write(&events, more).expect("edit");
    let out = w.publish("2026-11-20T11:00:00Z", &[]);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("events.csv:6: column 1 \"batch\": \"L9\" is not an id in products.csv")
    );
    assert_eq!(w.snapshot().files, good.files);
    let leftovers: Vec<_> = std::fs::read_dir(&w.out)
        .expect("out")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        3,
        "registry, labels, state only: {leftovers:?}"
    );
}

#[test]
fn keys_are_private_and_rotate_without_breaking_old_credentials() {
    let w = Workspace::new();
    w.publish_ok("2026-11-20T10:00:00Z");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = w.keys.join("coop/key-0001.key");
        let mode = std::fs::metadata(&key).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let refused = w.publish("2026-11-20T10:30:00Z", &[]);
        assert!(String::from_utf8_lossy(&refused.stderr).contains("readable by others"));
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    // Rotate both a did:key producer and a did:web one, then publish a new lot.
    for issuer in ["coop", "farm"] {
        let out = tracecheck(&["keys", "new", "--keys", path(&w.keys), "--issuer", issuer]);
        assert_eq!(out.status.code(), Some(0));
    }
    let products = w.data.join("products.csv");
    let mut text = std::fs::read_to_string(&products).expect("products");
    text.push_str("L4,8935001000013,L2614,,coop,Nhãn lồng Hưng Yên,Hung Yen longan,2026-11-20,2026-12-04,orchard,vg-1,di,,\n");
    std::fs::write(&products, text).expect("edit");
    w.publish_ok("2026-11-20T11:00:00Z");
    let passport = |lot: &str| -> String {
        let registry = w.snapshot();
        let (_, bytes) = registry
            .files
            .iter()
            .find(|(p, _)| {
                p.starts_with("credentials/passports/08935001000013/") && p.contains(lot)
            })
            .expect("passport");
        String::from_utf8_lossy(bytes).into_owned()
    };
    let old_key = passport("L2611");
    let new_key = passport("L2614");
    let method = |text: &str| {
        text.split("\"verificationMethod\": \"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(str::to_owned)
    };
    assert_ne!(
        method(&old_key),
        method(&new_key),
        "new credentials use the new key"
    );
    for code in [
        L1,
        C1,
        "https://registry.example/01/08935001000013/10/L2614",
    ] {
        assert_eq!(level(&w, code), Level::Verified, "{code} after rotation");
    }
    let did_json =
        String::from_utf8(w.snapshot().files["farm/did.json"].clone()).expect("did.json");
    assert!(
        did_json.contains("#key-1") && did_json.contains("#key-2"),
        "both keys listed: {did_json}"
    );

    // Retire the old key: what it signed is signed again by the new one.
    let out = tracecheck(&[
        "keys",
        "retire",
        "--keys",
        path(&w.keys),
        "--issuer",
        "coop",
        "--key",
        "key-0001.key",
    ]);
    assert_eq!(out.status.code(), Some(0));
    w.publish_ok("2026-11-20T12:00:00Z");
    assert_eq!(method(&passport("L2611")), method(&new_key));
    assert_eq!(level(&w, L1), Level::Verified);
}
