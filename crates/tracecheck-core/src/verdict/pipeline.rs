//! The path from a code to a verdict: read the code, ask its resolver for
//! the passport, then check the passport, its status and its certifications
//! (`record.rs`, `status_check.rs`, `certification.rs`).

use time::OffsetDateTime;

use super::fetcher::{Failure, FetchLimits, Fetched, Fetcher, read_secured};
use super::record::{Record, check_record};
use super::{Check, CheckId, Finding, Level, Outcome, Report, TrustListSummary};
use crate::code::{self, Gs1Code, ReadCode};
use crate::json::{self, Limits};
use crate::proof::Secured;
use crate::resolve::{Fetch, Progress, UrlPolicy, WebUrl, accept, choose_passport_link};
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
    /// Requests and time one verification may take.
    pub limits: FetchLimits,
}

impl Context {
    /// A context with the usual bounds: 24 requests (a passport with three
    /// certifications from did:web issuers needs about 15), 10 seconds in
    /// all, 8 for any one request; the development URL policy.
    pub fn new(now: OffsetDateTime, trust: Result<TrustList, TrustListError>) -> Self {
        Context {
            now,
            trust,
            default_resolver: None,
            languages: vec!["vi".into(), "en".into()],
            policy: UrlPolicy::default(),
            limits: FetchLimits::DEFAULT,
        }
    }
}

/// Verifies what was scanned or typed.
pub async fn verify_code<F: Fetch>(input: &str, ctx: &Context, fetch: &F) -> Report {
    let fetcher = Fetcher::new(fetch, &ctx.policy, ctx.limits.clone());
    let mut log = Vec::new();
    let code = match code::read(input) {
        Ok(ReadCode::Gs1(code)) => code,
        Ok(ReadCode::Foreign {
            url,
            system,
            stamp,
            gtin,
        }) => {
            log.push(Check::new(
                CheckId::CodeSyntax,
                Outcome::Unverifiable,
                Finding::ForeignSystem {
                    url,
                    system,
                    stamp,
                    gtin,
                },
            ));
            return finish(ctx, log, None, Record::default());
        }
        Err(error) => {
            log.push(Check::new(
                CheckId::CodeSyntax,
                Outcome::Unverifiable,
                Finding::CodeInvalid { error },
            ));
            return finish(ctx, log, None, Record::default());
        }
    };
    log.push(Check::new(
        CheckId::CodeSyntax,
        Outcome::Pass,
        Finding::CodeRead {
            form: code.form,
            element_string: code.element_string(),
        },
    ));
    let record = match resolve(&fetcher, ctx, &mut log, &code).await {
        Ok((url, secured)) => {
            check_record(&fetcher, ctx, &mut log, secured, url, Some(&code)).await
        }
        Err((outcome, finding)) => {
            log.push(Check::new(CheckId::RecordFound, outcome, finding));
            Record::default()
        }
    };
    finish(ctx, log, Some(code), record)
}

/// Verifies a credential given directly (a file): JSON with a Data
/// Integrity proof, or a VC-JOSE compact JWS.
pub async fn verify_document<F: Fetch>(bytes: &[u8], ctx: &Context, fetch: &F) -> Report {
    let fetcher = Fetcher::new(fetch, &ctx.policy, ctx.limits.clone());
    let mut log = vec![Check::new(
        CheckId::CodeSyntax,
        Outcome::Skipped,
        Finding::NoCodeScanned,
    )];
    let fetched = Fetched {
        url: String::new(),
        content_type: None,
        body: std::rc::Rc::new(bytes.to_vec()),
    };
    let record = match read_secured(&fetched) {
        Ok(secured) => check_record(&fetcher, ctx, &mut log, secured, String::new(), None).await,
        Err((outcome, finding)) => {
            log.push(Check::new(CheckId::RecordFound, outcome, finding));
            Record::default()
        }
    };
    finish(ctx, log, None, record)
}

/// Asks the code's resolver for its linkset and fetches the passport.
async fn resolve<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    ctx: &Context,
    log: &mut Vec<Check>,
    code: &Gs1Code,
) -> Result<(String, Secured), Failure> {
    let resolver = code
        .resolver
        .clone()
        .or_else(|| ctx.default_resolver.clone())
        .ok_or((Outcome::Unverifiable, Finding::NoResolver))?;
    let code_url = code.digital_link(&resolver);
    log.extend(check_resolver_host(ctx, &code_url));
    fetcher.progress(Progress::Resolving);
    let answer = fetcher.get(&code_url, accept::LINKSET).await?;
    let linkset = json::parse(&answer.body, Limits::DEFAULT).ok();
    // A resolver may answer with the credential itself (JSON with a proof,
    // or a JWS) instead of a linkset.
    let is_credential = linkset
        .as_ref()
        .is_none_or(|value| value.get("proof").is_some());
    if is_credential {
        return Ok((code_url, read_secured(&answer)?));
    }
    let languages: Vec<&str> = ctx.languages.iter().map(String::as_str).collect();
    let linkset = linkset.unwrap_or_default();
    let link = choose_passport_link(&linkset, &languages).map_err(|error| {
        let url = code_url.clone();
        (
            Outcome::Unverifiable,
            Finding::NoPassportLink { url, error },
        )
    })?;
    let record_url = Fetcher::<F>::join(&answer.url, &link.href)?;
    fetcher.progress(Progress::FetchingRecord);
    let secured = fetcher.get_secured(&record_url).await?;
    Ok((record_url, secured))
}

fn check_resolver_host(ctx: &Context, code_url: &str) -> Option<Check> {
    let host = WebUrl::parse(code_url).ok()?.authority;
    match &ctx.trust {
        Ok(trust) if trust.names_resolver(&host) => Some(Check::new(
            CheckId::ResolverHost,
            Outcome::Pass,
            Finding::ResolverTrusted { host },
        )),
        Ok(_) => Some(Check::new(
            CheckId::ResolverHost,
            Outcome::Caution,
            Finding::ResolverUnknown { host },
        )),
        Err(_) => None, // Reported once, under "issuer trusted".
    }
}

/// Fills in the checks that were not reached and adds up the verdict.
fn finish(ctx: &Context, mut checks: Vec<Check>, code: Option<Gs1Code>, record: Record) -> Report {
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
        if !checks.iter().any(|c| c.id == id) {
            checks.push(Check::new(id, Outcome::Skipped, Finding::NotReached));
        }
    }
    checks.sort_by_key(|c| (c.id, c.certification));
    let trust_list = ctx
        .trust
        .as_ref()
        .ok()
        .map(|trust| TrustListSummary::of(trust, ctx.now));
    // A code without a lot verifies the product, not a batch.
    let product_only = code.as_ref().is_some_and(|code| code.lot().is_none());
    let level = Level::of_checks(&checks, product_only);
    // The last gate: facts are shown as verified only under a verdict that
    // vouches for them.
    let verified = record.verified.filter(|_| level.vouches());
    Report {
        level,
        checks,
        code,
        record_url: record.url,
        record_format: record.format,
        issuer: record.issuer,
        passport: record.passport,
        verified,
        certifications: record.certifications,
        notices: record.notices,
        trust_list,
        checked_at: ctx.now,
    }
}
