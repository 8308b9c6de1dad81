//! The path from a code to a verdict: read the code, ask its resolver for
//! the passport, then check the passport, its status and its certifications
//! (`record.rs`, `status_check.rs`, `certification.rs`).

use time::OffsetDateTime;

use super::record::{Record, check_record};
use super::run::{Failure, Run, read_secured};
use super::{CheckId, Finding, Level, Outcome, Report, TrustListSummary};
use crate::code::{self, Gs1Code, ReadCode};
use crate::json::{self, Limits};
use crate::proof::Secured;
use crate::resolve::{Fetch, UrlPolicy, WebUrl, accept, choose_passport_link};
use crate::trust::{TrustList, TrustListError};

/// What a verification needs besides the code.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// The time to judge validity at.
    pub now: OffsetDateTime,
    /// The deployment's trust list, already checked against its pinned root.
    pub trust: Result<TrustList, TrustListError>,
    /// Resolver for codes that name none (a bare GTIN): `https://host[/stem]`.
    pub default_resolver: Option<String>,
    /// The user's languages, most preferred first (`vi`, `en`).
    pub languages: Vec<String>,
    /// Which URLs may be fetched.
    pub policy: UrlPolicy,
    /// Most requests one verification may make (linkset, record, status
    /// lists, certifications, DID documents).
    pub max_fetches: usize,
}

impl Context {
    /// A context with the usual bounds (24 requests: a passport with three
    /// certifications from did:web issuers needs about 15).
    pub fn new(now: OffsetDateTime, trust: Result<TrustList, TrustListError>) -> Self {
        Context {
            now,
            trust,
            default_resolver: None,
            languages: vec!["vi".into(), "en".into()],
            policy: UrlPolicy::default(),
            max_fetches: 24,
        }
    }
}

/// Verifies what was scanned or typed.
pub async fn verify_code<F: Fetch>(input: &str, ctx: &Context, fetcher: &F) -> Report {
    let mut run = Run::new(ctx, fetcher);
    let code = match code::read(input) {
        Ok(ReadCode::Gs1(code)) => code,
        Ok(ReadCode::Foreign { url, system }) => {
            run.record(
                CheckId::CodeSyntax,
                Outcome::Unverifiable,
                Finding::ForeignSystem { url, system },
            );
            return finish(run, None, Record::default());
        }
        Err(error) => {
            run.record(
                CheckId::CodeSyntax,
                Outcome::Unverifiable,
                Finding::CodeInvalid { error },
            );
            return finish(run, None, Record::default());
        }
    };
    run.record(
        CheckId::CodeSyntax,
        Outcome::Pass,
        Finding::CodeRead {
            form: code.form,
            element_string: code.element_string(),
        },
    );
    let record = match resolve(&mut run, &code).await {
        Ok((url, secured)) => check_record(&mut run, secured, url, Some(&code)).await,
        Err((outcome, finding)) => {
            run.record(CheckId::RecordFound, outcome, finding);
            Record::default()
        }
    };
    finish(run, Some(code), record)
}

/// Verifies a credential given directly (a file): JSON with a Data
/// Integrity proof, or a VC-JOSE compact JWS.
pub async fn verify_document<F: Fetch>(bytes: &[u8], ctx: &Context, fetcher: &F) -> Report {
    let mut run = Run::new(ctx, fetcher);
    run.record(
        CheckId::CodeSyntax,
        Outcome::Skipped,
        Finding::NoCodeScanned,
    );
    let fetched = super::run::Fetched {
        url: String::new(),
        content_type: None,
        body: std::rc::Rc::new(bytes.to_vec()),
    };
    let record = match read_secured(&fetched) {
        Ok(secured) => check_record(&mut run, secured, String::new(), None).await,
        Err((outcome, finding)) => {
            run.record(CheckId::RecordFound, outcome, finding);
            Record::default()
        }
    };
    finish(run, None, record)
}

/// Asks the code's resolver for its linkset and fetches the passport.
async fn resolve<F: Fetch>(
    run: &mut Run<'_, F>,
    code: &Gs1Code,
) -> Result<(String, Secured), Failure> {
    let resolver = code
        .resolver
        .clone()
        .or_else(|| run.ctx.default_resolver.clone())
        .ok_or((Outcome::Unverifiable, Finding::NoResolver))?;
    let code_url = code.digital_link(&resolver);
    check_resolver_host(run, &code_url);
    let answer = run.get(&code_url, accept::LINKSET).await?;
    let linkset = json::parse(&answer.body, Limits::DEFAULT).ok();
    // A resolver may answer with the credential itself (JSON with a proof,
    // or a JWS) instead of a linkset.
    let is_credential = linkset
        .as_ref()
        .is_none_or(|value| value.get("proof").is_some());
    if is_credential {
        return Ok((code_url, read_secured(&answer)?));
    }
    let languages: Vec<&str> = run.ctx.languages.iter().map(String::as_str).collect();
    let linkset = linkset.unwrap_or_default();
    let link = choose_passport_link(&linkset, &languages).map_err(|error| {
        let url = code_url.clone();
        (
            Outcome::Unverifiable,
            Finding::NoPassportLink { url, error },
        )
    })?;
    let record_url = Run::<F>::join(&answer.url, &link.href)?;
    let secured = run.get_secured(&record_url).await?;
    Ok((record_url, secured))
}

fn check_resolver_host<F: Fetch>(run: &mut Run<'_, F>, code_url: &str) {
    let Ok(url) = WebUrl::parse(code_url) else {
        return;
    };
    let host = url.authority.clone();
    match &run.ctx.trust {
        Ok(trust) if trust.names_resolver(&host) => {
            run.record(
                CheckId::ResolverHost,
                Outcome::Pass,
                Finding::ResolverTrusted { host },
            );
        }
        Ok(_) => run.record(
            CheckId::ResolverHost,
            Outcome::Caution,
            Finding::ResolverUnknown { host },
        ),
        Err(_) => {} // Reported once, under "issuer trusted".
    }
}

/// Fills in the checks that were not reached and adds up the verdict.
fn finish<F: Fetch>(mut run: Run<'_, F>, code: Option<Gs1Code>, record: Record) -> Report {
    let all = [
        CheckId::CodeSyntax,
        CheckId::RecordFound,
        CheckId::Signature,
        CheckId::IssuerTrusted,
        CheckId::NotRevoked,
        CheckId::ProductBinding,
        CheckId::Validity,
        CheckId::ResolverHost,
    ];
    for id in all {
        if !run.checks.iter().any(|c| c.id == id) {
            run.record(id, Outcome::Skipped, Finding::NotReached);
        }
    }
    run.checks.sort_by_key(|c| (c.id, c.certification));
    let trust_list = run.ctx.trust.as_ref().ok().map(|trust| TrustListSummary {
        name: trust.name.clone(),
        valid_from: trust.valid_from,
        valid_until: trust.valid_until,
        stale: trust.is_stale(run.ctx.now),
        report: trust.report.clone(),
    });
    Report {
        level: Level::of(&run.checks),
        checks: run.checks,
        code,
        record_url: record.url,
        record_format: record.format,
        issuer: record.issuer,
        passport: record.passport,
        certifications: record.certifications,
        notices: record.notices,
        trust_list,
        checked_at: run.ctx.now,
    }
}
