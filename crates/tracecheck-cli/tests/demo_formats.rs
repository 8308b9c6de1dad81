//! Both proof formats of the demo, end to end with the resolver's content
//! types (demo_verdicts.rs leaves them out, so JWS detection by shape is
//! covered there): a VC-JOSE passport verifies, an `alg: none` token fails
//! as a signature, and a recall notice reaches the report.

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::serve::{Site, route};
use tracecheck_core::resolve::UrlPolicy;
use tracecheck_core::resolve::{Fetch, FetchError, Request, Response, WebUrl};
use tracecheck_core::verdict::check_trust_list;
use tracecheck_core::verdict::{Context, Level, Report, verify_code};

const BASE: &str = "http://127.0.0.1:18999";

/// Answers requests from the resolver routes; `localhost` is the same server.
struct InMemory<'a>(&'a Site);

impl Fetch for InMemory<'_> {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let url = WebUrl::parse(&request.url).map_err(|_| FetchError::Unreachable)?;
        if !matches!(url.host(), "127.0.0.1" | "localhost") {
            return Err(FetchError::Unreachable);
        }
        let answer = route(self.0, &url.rest, request.accept);
        let content_type = answer.header("content-type").map(str::to_owned);
        Ok(Response {
            url: request.url,
            status: answer.status,
            content_type,
            location: answer.header("location").map(str::to_owned),
            body: answer.body,
        })
    }
}

fn site() -> Site {
    let today = time::macros::date!(2026 - 11 - 29);
    let registry = build(&DemoOptions {
        base_url: BASE.into(),
        today,
    })
    .expect("the demo builds");
    Site::new(registry, None, BASE.into(), false)
}

fn verify(site: &Site, code: &str) -> Report {
    let now = time::macros::datetime!(2026-11-29 10:00 +7);
    let trust_list = site
        .registry
        .files
        .get("trust-list.json")
        .expect("trust list");
    let config: serde_json::Value =
        serde_json::from_slice(site.registry.files.get("config.json").expect("config"))
            .expect("json");
    let root = config["root"].as_str().expect("root");
    let fetcher = InMemory(site);
    let trust = pollster::block_on(check_trust_list(
        &fetcher,
        &UrlPolicy::default(),
        trust_list,
        root,
        now,
    ));
    let mut ctx = Context::new(now, trust);
    ctx.default_resolver = Some(BASE.into());
    pollster::block_on(verify_code(code, &ctx, &fetcher))
}

fn sample<'a>(site: &'a Site, id: &str) -> &'a tracecheck_cli::demo::Sample {
    site.registry
        .sample(id)
        .unwrap_or_else(|| panic!("no sample {id}"))
}

#[test]
fn both_proof_formats_are_exercised() {
    use tracecheck_core::proof::{ProofError, ProofFormat};
    use tracecheck_core::verdict::{CheckId, Finding};
    let site = site();
    let jose = verify(&site, &sample(&site, "vc-jose").code);
    assert_eq!(jose.level, Level::Verified, "{:#?}", jose.checks);
    assert_eq!(jose.record_format, Some(ProofFormat::VcJose));
    let di = verify(&site, &sample(&site, "longan").code);
    assert_eq!(di.record_format, Some(ProofFormat::DataIntegrity));
    let unsigned = verify(&site, &sample(&site, "unsigned-token").code);
    let signature = unsigned
        .checks
        .iter()
        .find(|c| c.id == CheckId::Signature)
        .expect("signature check");
    assert_eq!(
        signature.finding,
        Finding::SignatureInvalid {
            error: ProofError::UnsecuredJws
        }
    );
}

#[test]
fn a_recall_notice_reaches_the_report() {
    let site = site();
    let recalled = verify(&site, &sample(&site, "recalled").code);
    assert_eq!(recalled.level, Level::Recalled, "{:#?}", recalled.checks);
    assert!(
        recalled
            .notices
            .iter()
            .any(|n| n.contains("Batch recalled")),
        "{:?}",
        recalled.notices
    );
}
