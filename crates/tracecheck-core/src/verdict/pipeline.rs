//! The path from a code to a verdict: read the code, ask its resolver for
//! the passport, then check the passport, its status and its certifications.

use serde_json::Value;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::run::{Failure, Run};
use super::{CertificationReport, CheckId, Finding, Level, Outcome, Report, TrustListSummary};
use crate::code::{self, Gs1Code, ReadCode};
use crate::credential::{
    ClaimRef, Envelope, Passport, read_certification, read_envelope, read_passport,
};
use crate::json::{self, Limits};
use crate::resolve::{Fetch, UrlPolicy, WebUrl, accept, choose_passport_link};
use crate::status::read_status_list;
use crate::trust::{Role, TrustList, TrustListError};

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
    /// Most requests one verification may make.
    pub max_fetches: usize,
}

impl Context {
    /// A context with the usual bounds (16 requests).
    pub fn new(now: OffsetDateTime, trust: Result<TrustList, TrustListError>) -> Self {
        Context {
            now,
            trust,
            default_resolver: None,
            languages: vec!["vi".into(), "en".into()],
            policy: UrlPolicy::default(),
            max_fetches: 16,
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
        Ok((url, document)) => check_record(&mut run, document, url, Some(&code)).await,
        Err((outcome, finding)) => {
            run.record(CheckId::RecordFound, outcome, finding);
            Record::default()
        }
    };
    finish(run, Some(code), record)
}

/// Verifies a credential given directly (a file), without a scanned code.
pub async fn verify_document<F: Fetch>(bytes: &[u8], ctx: &Context, fetcher: &F) -> Report {
    let mut run = Run::new(ctx, fetcher);
    run.record(
        CheckId::CodeSyntax,
        Outcome::Skipped,
        Finding::NoCodeScanned,
    );
    let record = match json::parse(bytes, Limits::DEFAULT) {
        Ok(document) => check_record(&mut run, document, String::new(), None).await,
        Err(error) => {
            let finding = Finding::Unreadable {
                url: String::new(),
                error,
            };
            run.record(CheckId::RecordFound, Outcome::Unverifiable, finding);
            Record::default()
        }
    };
    finish(run, None, record)
}

/// What was learnt about the record, for the report.
#[derive(Default)]
struct Record {
    url: Option<String>,
    issuer: Option<String>,
    passport: Option<Passport>,
    certifications: Vec<CertificationReport>,
    notices: Vec<String>,
}

/// Asks the code's resolver for its linkset and fetches the passport.
async fn resolve<F: Fetch>(
    run: &mut Run<'_, F>,
    code: &Gs1Code,
) -> Result<(String, Value), Failure> {
    let resolver = code
        .resolver
        .clone()
        .or_else(|| run.ctx.default_resolver.clone())
        .ok_or((Outcome::Unverifiable, Finding::NoResolver))?;
    let code_url = code.digital_link(&resolver);
    check_resolver_host(run, &code_url);
    let answer = run.get_json(&code_url, accept::LINKSET).await?;
    // A resolver may answer with the credential itself instead of a linkset.
    if answer.get("proof").is_some() {
        return Ok((code_url, answer));
    }
    let languages: Vec<&str> = run.ctx.languages.iter().map(String::as_str).collect();
    let link = choose_passport_link(&answer, &languages).map_err(|error| {
        let url = code_url.clone();
        (
            Outcome::Unverifiable,
            Finding::NoPassportLink { url, error },
        )
    })?;
    let record_url = Run::<F>::join(&code_url, &link.href)?;
    let document = run.get_json(&record_url, accept::CREDENTIAL).await?;
    Ok((record_url, document))
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

/// Checks a fetched passport and everything it links to.
async fn check_record<F: Fetch>(
    run: &mut Run<'_, F>,
    document: Value,
    url: String,
    code: Option<&Gs1Code>,
) -> Record {
    let mut record = Record {
        url: (!url.is_empty()).then(|| url.clone()),
        ..Record::default()
    };
    let envelope = match read_envelope(&document) {
        Ok(envelope) => envelope,
        Err(error) => {
            run.record(
                CheckId::RecordFound,
                Outcome::Unverifiable,
                Finding::NotACredential { error },
            );
            return record;
        }
    };
    let passport = match read_passport(&document) {
        Ok(passport) => passport,
        Err(error) => {
            run.record(
                CheckId::RecordFound,
                Outcome::Unverifiable,
                Finding::NotAPassport { error },
            );
            return record;
        }
    };
    run.record(
        CheckId::RecordFound,
        Outcome::Pass,
        Finding::RecordFetched { url },
    );
    record.issuer = Some(envelope.issuer.clone());

    let signature = run.check_signature(&document, &envelope).await;
    let signed = signature.is_ok();
    run.record_result(CheckId::Signature, signature);
    if signed {
        let gtin = passport
            .product
            .gtin
            .as_deref()
            .or_else(|| code.and_then(Gs1Code::gtin));
        let trusted = check_issuer(run, &envelope.issuer, gtin);
        run.record_result(CheckId::IssuerTrusted, trusted);
        let status = check_status(run, &envelope, &mut record.notices).await;
        run.record_result(CheckId::NotRevoked, status);
        if let Some(code) = code {
            run.record_result(CheckId::ProductBinding, check_binding(code, &passport));
        } else {
            run.record(
                CheckId::ProductBinding,
                Outcome::Skipped,
                Finding::NoCodeScanned,
            );
        }
        let validity = check_validity(run.ctx.now, &envelope, &passport);
        run.record_result(CheckId::Validity, validity);
        for (index, claim) in passport.claims.iter().enumerate() {
            let report = check_certification(run, index, claim, &envelope, &passport).await;
            record.certifications.push(report);
        }
    }
    record.passport = Some(passport);
    record
}

fn check_issuer<F: Fetch>(
    run: &Run<'_, F>,
    issuer: &str,
    gtin: Option<&str>,
) -> Result<Finding, Failure> {
    let trust = run.ctx.trust.as_ref().map_err(|error| {
        (
            Outcome::Unverifiable,
            Finding::TrustListUnavailable {
                error: error.clone(),
            },
        )
    })?;
    let entry = trust
        .check_producer(issuer, gtin, run.ctx.now)
        .map_err(|problem| (Outcome::Counterfeit, Finding::IssuerNotTrusted { problem }))?;
    let stale = trust.is_stale(run.ctx.now);
    let finding = Finding::IssuerTrusted {
        issuer: issuer.to_owned(),
        name: entry.name.clone(),
        role: Role::Producer,
        trust_list_stale: stale,
    };
    if stale {
        Err((Outcome::Caution, finding))
    } else {
        Ok(finding)
    }
}

/// Reads every status entry; the worst one decides.
async fn check_status<F: Fetch>(
    run: &Run<'_, F>,
    envelope: &Envelope,
    notices: &mut Vec<String>,
) -> Result<Finding, Failure> {
    if envelope.status.is_empty() {
        return Ok(Finding::NoStatusDeclared);
    }
    let mut worst: Option<Failure> = None;
    for entry in &envelope.status {
        let result = read_one_status(run, envelope, entry, notices).await;
        if let Err(failure) = result {
            if worst
                .as_ref()
                .is_none_or(|(outcome, _)| failure.0 > *outcome)
            {
                worst = Some(failure);
            }
        }
    }
    match worst {
        Some(failure) => Err(failure),
        None => Ok(Finding::StatusClear {
            purposes: envelope.status.iter().map(|e| e.purpose.clone()).collect(),
        }),
    }
}

async fn read_one_status<F: Fetch>(
    run: &Run<'_, F>,
    envelope: &Envelope,
    entry: &crate::credential::StatusEntry,
    notices: &mut Vec<String>,
) -> Result<(), Failure> {
    let url = entry.list_url.clone();
    // An unreachable or unusable list means revocation is unknown: Caution.
    let soft = |finding| (Outcome::Caution, finding);
    let document = run
        .get_json(&url, accept::CREDENTIAL)
        .await
        .map_err(|(_, finding)| match finding {
            Finding::FetchFailed { url, error } => soft(Finding::StatusUnreachable { url, error }),
            other => soft(other),
        })?;
    let list_envelope = read_envelope(&document)
        .map_err(|_| soft(Finding::StatusListUntrusted { url: url.clone() }))?;
    // The list must be the issuer's own, properly signed.
    let signed = run.check_signature(&document, &list_envelope).await.is_ok();
    if !signed || list_envelope.issuer != envelope.issuer {
        return Err(soft(Finding::StatusListUntrusted { url }));
    }
    let list = read_status_list(&document, &entry.purpose, entry.size).map_err(|error| {
        soft(Finding::StatusListInvalid {
            url: url.clone(),
            error,
        })
    })?;
    let status = list.status(entry.index, entry.size).map_err(|error| {
        soft(Finding::StatusListInvalid {
            url: url.clone(),
            error,
        })
    })?;
    let stale = list_envelope
        .valid_until
        .is_some_and(|until| run.ctx.now > until);
    let message = entry
        .messages
        .iter()
        .find(|m| m.status == status)
        .map(|m| m.message.clone());
    match (entry.purpose.as_str(), status) {
        (_, 0) if stale => Err(soft(Finding::StatusListStale { url })),
        ("revocation", 0) | ("suspension", 0) => Ok(()),
        ("revocation", _) => Err((Outcome::Counterfeit, Finding::Revoked { list: url })),
        ("suspension", _) => Err((Outcome::Counterfeit, Finding::Suspended { list: url })),
        (_, status) => {
            notices.extend(message.clone());
            if status == 0 {
                Ok(())
            } else {
                Err(soft(Finding::StatusMessage { status, message }))
            }
        }
    }
}

fn check_binding(code: &Gs1Code, passport: &Passport) -> Result<Finding, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    let product = &passport.product;
    let scanned = code.gtin().unwrap_or_default().to_owned();
    let record_gtin = product.gtin.as_ref().map(|g| format!("{g:0>14}"));
    if record_gtin.as_deref() != Some(scanned.as_str()) {
        return Err(counterfeit(Finding::GtinMismatch {
            scanned,
            record: product.gtin.clone(),
        }));
    }
    if let (Some(lot), Some(record)) = (code.lot(), &product.lot) {
        if lot != record {
            return Err(counterfeit(Finding::LotMismatch {
                scanned: lot.into(),
                record: Some(record.clone()),
            }));
        }
    }
    if let Some(serial) = code.serial() {
        if product.serial.as_deref() != Some(serial) {
            return Err(counterfeit(Finding::SerialMismatch {
                scanned: serial.into(),
                record: product.serial.clone(),
            }));
        }
    }
    Ok(Finding::ProductMatches {
        gtin: scanned,
        lot: code.lot().map(str::to_owned),
        serial: code.serial().map(str::to_owned),
    })
}

fn check_validity(
    now: OffsetDateTime,
    envelope: &Envelope,
    passport: &Passport,
) -> Result<Finding, Failure> {
    if let Some(from) = envelope.valid_from.filter(|from| now < *from) {
        return Err((Outcome::Caution, Finding::NotYetValid { valid_from: from }));
    }
    if let Some(until) = envelope.valid_until.filter(|until| now > *until) {
        return Err((Outcome::Caution, Finding::Expired { valid_until: until }));
    }
    if let Some(date) = &passport.product.expiry_date {
        let expired = crate::time::parse_date(date).is_some_and(|expiry| now.date() > expiry);
        if expired {
            return Err((
                Outcome::Caution,
                Finding::ProductExpired { date: date.clone() },
            ));
        }
    }
    Ok(Finding::Current {
        valid_until: envelope.valid_until,
    })
}

/// Checks one claimed certification on its own: fetched, unchanged, signed
/// by a certifier the trust list accredits for its scheme, issued to this
/// producer or product, current, and not revoked.
async fn check_certification<F: Fetch>(
    run: &mut Run<'_, F>,
    index: usize,
    claim: &ClaimRef,
    passport_envelope: &Envelope,
    passport: &Passport,
) -> CertificationReport {
    let mut report = CertificationReport {
        claim: claim.clone(),
        certification: None,
        certifier: None,
        valid_from: None,
        valid_until: None,
        outcome: Outcome::Pass,
    };
    let result = certification_steps(run, claim, passport_envelope, passport, &mut report).await;
    let (outcome, finding) = match result {
        Ok(finding) => (Outcome::Pass, finding),
        Err(failure) => failure,
    };
    report.outcome = outcome;
    run.checks.push(super::Check {
        id: CheckId::Certification,
        outcome,
        finding,
        certification: Some(index),
    });
    report
}

async fn certification_steps<F: Fetch>(
    run: &Run<'_, F>,
    claim: &ClaimRef,
    passport_envelope: &Envelope,
    passport: &Passport,
    report: &mut CertificationReport,
) -> Result<Finding, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    let url = claim
        .url
        .clone()
        .ok_or((Outcome::Caution, Finding::CertificationMissing))?;
    // Unreachable certificates leave the claim unconfirmed: Caution.
    let (_, bytes) = run
        .get(&url, accept::CREDENTIAL)
        .await
        .map_err(|(_, f)| (Outcome::Caution, f))?;
    if let Some(expected) = &claim.sha256 {
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if !actual.eq_ignore_ascii_case(expected) {
            return Err(counterfeit(Finding::CertificationHashMismatch));
        }
    }
    let document = json::parse(&bytes, Limits::DEFAULT).map_err(|error| {
        (
            Outcome::Caution,
            Finding::Unreadable {
                url: url.clone(),
                error,
            },
        )
    })?;
    let envelope =
        read_envelope(&document).map_err(|error| counterfeit(Finding::NotACredential { error }))?;
    let certification =
        read_certification(&document).map_err(|_| counterfeit(Finding::NotACertification))?;
    report.certification = Some(certification.clone());
    report.valid_from = envelope.valid_from;
    report.valid_until = envelope.valid_until;
    run.check_signature(&document, &envelope).await?;

    let trust = run.ctx.trust.as_ref().map_err(|error| {
        (
            Outcome::Unverifiable,
            Finding::TrustListUnavailable {
                error: error.clone(),
            },
        )
    })?;
    let certifier = trust
        .check_certifier(&envelope.issuer, &certification.scheme, run.ctx.now)
        .map_err(|problem| counterfeit(Finding::IssuerNotTrusted { problem }))?;
    report.certifier = Some(certifier.name.clone());

    // Issued to this producer, or naming this product.
    let producer = passport.producer.as_ref().and_then(|p| p.id.as_deref());
    let for_holder = certification
        .holder
        .as_deref()
        .is_some_and(|h| h == passport_envelope.issuer || Some(h) == producer);
    let for_product = passport.product.gtin.as_ref().is_some_and(|gtin| {
        certification
            .products
            .iter()
            .any(|p| format!("{p:0>14}") == format!("{gtin:0>14}"))
    });
    if !for_holder && !for_product {
        return Err(counterfeit(Finding::CertificationNotForProduct {
            holder: certification.holder.clone(),
        }));
    }

    if let Some(from) = envelope.valid_from.filter(|from| run.ctx.now < *from) {
        return Err((Outcome::Caution, Finding::NotYetValid { valid_from: from }));
    }
    if let Some(until) = envelope.valid_until.filter(|until| run.ctx.now > *until) {
        return Err((Outcome::Caution, Finding::Expired { valid_until: until }));
    }
    let mut notices = Vec::new();
    check_status(run, &envelope, &mut notices).await?;
    Ok(Finding::CertificationValid {
        scheme: certification.scheme,
        certifier: envelope.issuer,
    })
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
        issuer: record.issuer,
        passport: record.passport,
        certifications: record.certifications,
        notices: record.notices,
        trust_list,
        checked_at: run.ctx.now,
    }
}
