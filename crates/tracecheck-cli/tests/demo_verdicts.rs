//! Every demo sample gets its expected verdict, and bad answers from the
//! network (down, 404, not JSON, malformed, duplicate keys, wrong root)
//! never come out Verified. Requests go through the resolver's own routing
//! in memory, so no socket is opened.

use std::cell::RefCell;

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::registry::Registry;
use tracecheck_cli::serve::{Site, route};
use tracecheck_core::resolve::UrlPolicy;
use tracecheck_core::resolve::{Fetch, FetchError, Request, Response, WebUrl};
use tracecheck_core::trust::load_trust_list;
use tracecheck_core::verdict::check_trust_list;
use tracecheck_core::verdict::{CheckId, Context, Finding, Level, Outcome, Report, verify_code};

const BASE: &str = "http://127.0.0.1:8080";

fn date() -> time::Date {
    tracecheck_core::time::parse_date("2026-11-29").expect("date")
}

/// Noon in Vietnam on the demo's reference date.
fn noon() -> time::OffsetDateTime {
    tracecheck_core::time::parse_timestamp("2026-11-29T12:00:00+07:00").expect("time")
}

/// Answers requests for the demo's hosts from the registry; `tamper` may
/// change any answer first; every other host is unreachable.
struct InMemory<'a> {
    site: Site,
    tamper: &'a dyn Fn(&str, &mut Response),
    seen: RefCell<Vec<String>>,
}

impl<'a> InMemory<'a> {
    fn new(registry: Registry, tamper: &'a dyn Fn(&str, &mut Response)) -> Self {
        let site = Site::new(registry, None, BASE.into(), false);
        InMemory {
            site,
            tamper,
            seen: RefCell::new(Vec::new()),
        }
    }
}

impl Fetch for InMemory<'_> {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        self.seen.borrow_mut().push(request.url.clone());
        let url = WebUrl::parse(&request.url).map_err(|_| FetchError::Unreachable)?;
        if url.authority != "127.0.0.1:8080" && url.authority != "localhost:8080" {
            return Err(FetchError::Unreachable);
        }
        let answer = route(&self.site, &url.rest, request.accept);
        let mut response = Response {
            url: request.url.clone(),
            status: answer.status,
            content_type: None,
            location: answer.header("location").map(str::to_owned),
            body: answer.body,
        };
        (self.tamper)(&request.url, &mut response);
        Ok(response)
    }
}

/// The context as the widget and CLI load it: the trust list checked
/// against the root, its own status read through `fetcher`.
fn context(registry: &Registry, fetcher: &InMemory<'_>) -> Context {
    let config: serde_json::Value =
        serde_json::from_slice(&registry.files["config.json"]).expect("config");
    let root = config["root"].as_str().expect("root");
    let trust = pollster::block_on(check_trust_list(
        fetcher,
        &UrlPolicy::default(),
        &registry.files["trust-list.json"],
        root,
        noon(),
    ));
    assert!(trust.is_ok(), "the demo trust list loads: {trust:?}");
    let mut ctx = Context::new(noon(), trust);
    ctx.default_resolver = Some(BASE.into());
    ctx
}

fn verify(registry: Registry, code: &str, tamper: &dyn Fn(&str, &mut Response)) -> Report {
    let fetcher = InMemory::new(registry.clone(), tamper);
    let ctx = context(&registry, &fetcher);
    pollster::block_on(verify_code(code, &ctx, &fetcher))
}

fn demo() -> Registry {
    build(&DemoOptions {
        base_url: BASE.into(),
        today: date(),
    })
    .expect("the demo builds")
}

fn no_change(_: &str, _: &mut Response) {}

#[test]
fn every_demo_sample_gets_its_expected_verdict() {
    let registry = demo();
    assert!(registry.samples.len() >= 14);
    let mut failures = Vec::new();
    for sample in &registry.samples {
        let report = verify(registry.clone(), &sample.code, &no_change);
        if report.level != sample.expected {
            failures.push(format!(
                "{}: expected {:?}, got {:?}: {:#?}",
                sample.id, sample.expected, report.level, report.checks
            ));
        }
        // Who vouches is named by the trust list: a blank name would show a
        // verified producer or certifier with no name at all.
        if let Some(verified) = &report.verified {
            if verified.producer.name.is_empty() {
                failures.push(format!("{}: the trust list names no producer", sample.id));
            }
        }
        for certification in report
            .certifications
            .iter()
            .filter_map(|c| c.verified.as_ref())
        {
            if certification.certifier.is_empty() {
                failures.push(format!("{}: the trust list names no certifier", sample.id));
            }
        }
    }
    println!(
        "demo samples: {}/{} as expected",
        registry.samples.len() - failures.len(),
        registry.samples.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_samples_fail_for_the_right_reason() {
    let registry = demo();
    let code = |id: &str| registry.sample(id).expect("sample").code.clone();
    let failing = |report: &Report| -> Vec<(CheckId, Outcome)> {
        report
            .checks
            .iter()
            .filter(|c| c.outcome >= Outcome::Caution)
            .map(|c| (c.id, c.outcome))
            .collect()
    };
    let check = |id: &str, wanted: CheckId| {
        let report = verify(registry.clone(), &code(id), &no_change);
        let failed = failing(&report);
        assert!(
            failed.iter().any(|(c, _)| *c == wanted),
            "{id}: expected {wanted:?} to fail, failing: {failed:?}"
        );
        report
    };
    check("tampered", CheckId::Signature);
    check("unknown-issuer", CheckId::IssuerTrusted);
    check("scope-violation", CheckId::IssuerTrusted);
    check("self-certified", CheckId::Certification);
    let recalled = check("recalled", CheckId::NotRevoked);
    assert!(
        recalled.notices.iter().any(|n| n.contains("Thu hồi")),
        "the recall notice reaches the user"
    );
    check("mismatch", CheckId::ProductBinding);
    check("expired-certification", CheckId::Certification);
    check("unknown-resolver", CheckId::ResolverHost);
    check("not-found", CheckId::RecordFound);
    check("other-system", CheckId::CodeSyntax);
}

#[test]
fn a_typed_gtin_is_resolved_through_the_default_resolver() {
    // A bare GTIN names the product, not a batch: the product is verified,
    // and no batch's dates are shown as the pack's (issue 17).
    let report = verify(demo(), "893 5001 00001 3", &no_change);
    assert_eq!(report.level, Level::ProductVerified, "{:#?}", report.checks);
    assert!(report.verified.as_ref().is_some_and(|v| v.batch.is_none()));
    let report = verify(demo(), "(01)08935001000013(10)NL2611", &no_change);
    assert_eq!(report.level, Level::Verified, "{:#?}", report.checks);
}

/// Verifies the genuine longan sample with `tamper` applied to the answers.
fn longan_with(tamper: &dyn Fn(&str, &mut Response)) -> Report {
    let registry = demo();
    let code = registry.sample("longan").expect("sample").code.clone();
    verify(registry, &code, tamper)
}

#[test]
fn a_resolver_that_is_down_is_not_verifiable() {
    let report = verify(
        demo(),
        "http://127.0.0.1:9/01/08935001000013/10/NL2611",
        &no_change,
    );
    assert_eq!(report.level, Level::NotVerifiable);
    assert!(report.checks.iter().any(|c| matches!(
        c.finding,
        Finding::FetchFailed {
            error: FetchError::Unreachable,
            ..
        }
    )));
}

#[test]
fn answers_that_are_not_json_or_not_credentials_are_not_verifiable() {
    let html = |url: &str, r: &mut Response| {
        if url.contains("/01/") {
            r.body = b"<!doctype html><p>Welcome to our shop</p>".to_vec();
        }
    };
    assert_eq!(longan_with(&html).level, Level::NotVerifiable);

    let truncated = |url: &str, r: &mut Response| {
        if url.contains("/passports/") {
            r.body.truncate(r.body.len() / 2);
        }
    };
    assert_eq!(longan_with(&truncated).level, Level::NotVerifiable);

    let not_a_credential = |url: &str, r: &mut Response| {
        if url.contains("/passports/") {
            r.body = br#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["Thing"]}"#
                .to_vec();
        }
    };
    assert_eq!(longan_with(&not_a_credential).level, Level::NotVerifiable);

    let server_error = |url: &str, r: &mut Response| {
        if url.contains("/passports/") {
            r.status = 500;
        }
    };
    assert_eq!(longan_with(&server_error).level, Level::NotVerifiable);
}

#[test]
fn a_duplicate_member_never_lets_a_second_value_through() {
    // Append a second "name" to the product: a display could pick either.
    let duplicate = |url: &str, r: &mut Response| {
        if url.contains("/passports/") {
            let text = String::from_utf8(r.body.clone()).expect("utf-8");
            let patched = text.replacen("\"name\": [", "\"name\": \"Fake honey\", \"name\": [", 1);
            assert_ne!(patched, text);
            r.body = patched.into_bytes();
        }
    };
    let report = longan_with(&duplicate);
    assert_eq!(report.level, Level::NotVerifiable);
    assert!(report.passport.is_none());
}

#[test]
fn an_unreachable_status_list_gives_caution_never_verified() {
    let drop_status = |url: &str, r: &mut Response| {
        if url.contains("/status/") {
            r.status = 503;
        }
    };
    let report = longan_with(&drop_status);
    assert_eq!(report.level, Level::Caution, "{:#?}", report.checks);
}

#[test]
fn a_trust_list_from_another_root_verifies_nothing() {
    let registry = demo();
    let other_root = tracecheck_core::issue::IssuerKey::from_seed([9; 32]).did();
    let trust = load_trust_list(&registry.files["trust-list.json"], &other_root, noon());
    let mut ctx = Context::new(noon(), trust);
    ctx.default_resolver = Some(BASE.into());
    let code = registry.samples[0].code.clone();
    let fetcher = InMemory::new(registry, &no_change);
    let report = pollster::block_on(verify_code(&code, &ctx, &fetcher));
    assert_eq!(report.level, Level::NotVerifiable);
    assert!(
        report
            .checks
            .iter()
            .any(|c| matches!(c.finding, Finding::TrustListUnavailable { .. }))
    );
}

#[test]
fn time_matters_expired_products_and_records_are_cautioned() {
    let registry = demo();
    let code = registry.sample("longan").expect("sample").code.clone();
    let fetcher = InMemory::new(registry.clone(), &no_change);
    let mut ctx = context(&registry, &fetcher);
    // Three weeks on: the fresh longan is past its use-by date.
    ctx.now += time::Duration::days(21);
    let report = pollster::block_on(verify_code(&code, &ctx, &fetcher));
    assert!(
        report
            .checks
            .iter()
            .any(|c| matches!(c.finding, Finding::ProductExpired { .. }))
    );
    assert_ne!(report.level, Level::Verified);
}

#[test]
fn the_demo_is_reproducible_for_a_given_date() {
    let (a, b) = (demo(), demo());
    assert_eq!(a.files, b.files);
}

/// A resolver that ignores the serial number: every box of the lot gets the
/// record of the one box it knows.
struct SerialBlind<'a>(InMemory<'a>);

impl Fetch for SerialBlind<'_> {
    async fn fetch(&self, mut request: Request) -> Result<Response, FetchError> {
        request.url = request.url.replace("/21/A000999", "/21/A000123");
        self.0.fetch(request).await
    }
}

#[test]
fn a_medicine_datamatrix_with_another_serial_is_not_the_boxs_record() {
    let registry = demo();
    let genuine = registry
        .sample("medicine-datamatrix")
        .expect("sample")
        .code
        .clone();
    assert!(genuine.ends_with("21A000123"), "{genuine}");
    let copied = genuine.replace("21A000123", "21A000999");
    let fetcher = SerialBlind(InMemory::new(registry.clone(), &no_change));
    let ctx = context(&registry, &fetcher.0);
    let report = pollster::block_on(verify_code(&copied, &ctx, &fetcher));
    assert_eq!(report.level, Level::Counterfeit, "{:?}", report.checks);
    assert!(
        report.checks.iter().any(|c| c.id == CheckId::ProductBinding
            && matches!(&c.finding, Finding::SerialMismatch { scanned, record }
                if scanned == "A000999" && record.as_deref() == Some("A000123"))),
        "{:?}",
        report.checks
    );
}
