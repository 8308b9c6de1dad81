//! Checking a passport: its data model, issuer's trust and scope, binding
//! to the scanned code and validity (none of which needs a fetch), then
//! its signature, and only then — when nothing decisive failed — its status
//! and each certification it claims, concurrently.

use futures_util::future::{Either, join, join_all, select};
use time::OffsetDateTime;

use super::certification::{Holder, check_certification};
use super::facts::VerifiedRecord;
use super::fetcher::{Failure, Fetcher};
use super::signature::check_signature;
use super::status_check::check_status;
use super::{CertificationReport, Check, CheckId, Context, Finding, Outcome};
use crate::code::Gs1Code;
use crate::credential::{Envelope, Passport, read_envelope, read_passport};
use crate::proof::{ProofError, ProofFormat, Secured};
use crate::resolve::{Fetch, Progress};
use crate::time::read_calendar_date;
use crate::trust::{Role, TrustList, TrustedIssuer};

/// What was learnt about the record, for the report.
#[derive(Default)]
pub(super) struct Record {
    pub url: Option<String>,
    pub format: Option<ProofFormat>,
    pub issuer: Option<String>,
    pub passport: Option<Passport>,
    pub verified: Option<VerifiedRecord>,
    pub certifications: Vec<CertificationReport>,
    pub notices: Vec<String>,
}

/// Checks a fetched passport and everything it links to, adding each
/// check to `log`.
pub(super) async fn check_record<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    ctx: &Context,
    log: &mut Vec<Check>,
    secured: Secured,
    url: String,
    code: Option<&Gs1Code>,
) -> Record {
    let mut record = Record {
        url: (!url.is_empty()).then(|| url.clone()),
        format: Some(secured.format()),
        ..Record::default()
    };
    let document = &secured.credential;
    let read = read_envelope(document)
        .map_err(|error| Finding::NotACredential { error })
        .and_then(|envelope| {
            let passport =
                read_passport(document).map_err(|error| Finding::NotAPassport { error })?;
            Ok((envelope, passport))
        });
    let (envelope, passport) = match read {
        Ok(read) => read,
        Err(finding) => {
            log.push(Check::new(
                CheckId::RecordFound,
                Outcome::Unverifiable,
                finding,
            ));
            return record;
        }
    };
    log.push(Check::new(
        CheckId::RecordFound,
        Outcome::Pass,
        Finding::RecordFetched { url },
    ));
    record.issuer = Some(envelope.issuer.clone());
    fetcher.progress(Progress::CheckingRecord);

    // The checks that need no fetch.
    let now = ctx.now;
    let gtin = passport
        .product
        .gtin
        .as_deref()
        .or_else(|| code.and_then(Gs1Code::gtin));
    let (producer, trusted) = check_issuer(ctx, &envelope.issuer, gtin);
    let binding = code.map(|code| check_binding(code, &passport));
    let validity = check_validity(now, &envelope, &passport);
    let decisive = matches!(trusted, Err((outcome, _)) if outcome >= Outcome::Unverifiable)
        || matches!(binding, Some(Err((Outcome::Counterfeit, _))));

    // The signature; meanwhile, when nothing decisive failed, the status
    // lists and certificates start coming in.
    let evidence: Vec<String> = if decisive {
        Vec::new()
    } else {
        envelope
            .status
            .iter()
            .map(|entry| entry.list_url.clone())
            .chain(passport.claims.iter().filter_map(|claim| claim.url.clone()))
            .collect()
    };
    let signature = check_signature(fetcher, &secured, &envelope, now);
    let prefetch = fetcher.prefetch(&evidence);
    let (signature, prefetch) = match select(Box::pin(signature), Box::pin(prefetch)).await {
        Either::Left((signature, prefetch)) => (signature, Some(prefetch)),
        Either::Right(((), signature)) => (signature.await, None),
    };
    let signed = matches!(signature, Ok(_) | Err((Outcome::Caution, _)));
    if !signed {
        // Nothing an unsigned or forged record says is worth checking; a
        // record for a listed producer's GTIN that carries no proof is a
        // forgery, not a shrug.
        let signature = match (signature, ctx.trust.as_ref(), gtin) {
            (
                Err((
                    _,
                    Finding::SignatureInvalid {
                        error: ProofError::Missing,
                    },
                )),
                Ok(trust),
                Some(gtin),
            ) if !trust.producers_for(gtin, now).is_empty() => Err((
                Outcome::Counterfeit,
                Finding::UnsignedRecord {
                    gtin: gtin.to_owned(),
                },
            )),
            (signature, _, _) => signature,
        };
        log.push(Check::from_result(CheckId::Signature, signature));
        record.passport = Some(passport);
        return record;
    }
    log.push(Check::from_result(CheckId::Signature, signature));
    log.push(Check::from_result(CheckId::IssuerTrusted, trusted));
    let binding_ok = !matches!(binding, Some(Err(_)));
    match binding {
        Some(result) => log.push(Check::from_result(CheckId::ProductBinding, result)),
        None => log.push(Check::new(
            CheckId::ProductBinding,
            Outcome::Skipped,
            Finding::NoCodeScanned,
        )),
    }
    log.push(Check::from_result(CheckId::Validity, validity));

    if !decisive {
        fetcher.count_evidence();
        let Ok(trust) = ctx.trust.as_ref() else {
            record.passport = Some(passport);
            return record;
        };
        let holder = Holder {
            issuer: &envelope.issuer,
            gtin: passport.product.gtin.as_deref(),
        };
        let certificates = join_all(
            passport
                .claims
                .iter()
                .map(|claim| check_certification(fetcher, trust, claim, &holder, now)),
        );
        let checks = join(check_status(fetcher, &envelope, now), certificates);
        let ((status, notices), certifications) = match prefetch {
            Some(prefetch) => join(checks, prefetch).await.0,
            None => checks.await,
        };
        log.push(Check::from_result(CheckId::NotRevoked, status));
        record.notices = notices;
        for (index, (report, finding, notices)) in certifications.into_iter().enumerate() {
            let mut check = Check::new(CheckId::Certification, report.outcome, finding);
            check.certification = Some(index);
            log.push(check);
            record.notices.extend(notices);
            record.certifications.push(report);
        }
    }
    if let (Some(producer), true) = (producer, binding_ok) {
        // A code without a lot vouches for the product, not for a batch.
        let batch = code.is_none_or(|code| code.lot().is_some());
        record.verified = Some(VerifiedRecord::new(&passport, producer, batch));
    }
    record.passport = Some(passport);
    record
}

/// The trust list must name the issuer as a producer whose company prefix
/// covers the record's GTIN: its entry, and the check. A list past its
/// refresh date, or whose own status could not be read, makes the pass a
/// Caution.
fn check_issuer<'c>(
    ctx: &'c Context,
    issuer: &str,
    gtin: Option<&str>,
) -> (Option<&'c TrustedIssuer>, Result<Finding, Failure>) {
    let trust: &TrustList = match ctx.trust.as_ref() {
        Ok(trust) => trust,
        Err(error) => {
            let error = error.clone();
            return (
                None,
                Err((
                    Outcome::Unverifiable,
                    Finding::TrustListUnavailable { error },
                )),
            );
        }
    };
    let entry = match trust.check_producer(issuer, gtin, ctx.now) {
        Ok(entry) => entry,
        Err(problem) => {
            return (
                None,
                Err((Outcome::Counterfeit, Finding::IssuerNotTrusted { problem })),
            );
        }
    };
    let finding = Finding::IssuerTrusted {
        issuer: issuer.to_owned(),
        name: entry.name.clone(),
        role: Role::Producer,
        trust_list_stale: trust.is_stale(ctx.now),
        trust_list_status: trust.status_checked,
    };
    let result = if trust.needs_caution(ctx.now) {
        Err((Outcome::Caution, finding))
    } else {
        Ok(finding)
    };
    (Some(entry), result)
}

/// The record must describe the scanned product: the same GTIN, the same
/// lot when both name one, the same serial when the code has one.
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

/// Within `validFrom`..`validUntil`; the product's dates read (a date that
/// does not read is not "no date"); the product not past its expiry.
fn check_validity(
    now: OffsetDateTime,
    envelope: &Envelope,
    passport: &Passport,
) -> Result<Finding, Failure> {
    check_period(now, envelope)?;
    let product = &passport.product;
    for (member, text) in [
        ("productionDate", &product.production_date),
        ("expiryDate", &product.expiry_date),
    ] {
        if let Some(text) = text.as_ref().filter(|t| read_calendar_date(t).is_none()) {
            return Err((
                Outcome::Caution,
                Finding::ProductDateUnreadable {
                    member: member.to_owned(),
                    text: text.clone(),
                },
            ));
        }
    }
    let expiry = product.expiry_date.as_deref().and_then(read_calendar_date);
    if let (Some(expiry), Some(text)) = (expiry, &product.expiry_date) {
        if now.date() > expiry {
            return Err((
                Outcome::Caution,
                Finding::ProductExpired { date: text.clone() },
            ));
        }
    }
    Ok(Finding::Current {
        valid_until: envelope.valid_until,
    })
}

/// A credential's own validity period (soft: Caution).
pub(super) fn check_period(now: OffsetDateTime, envelope: &Envelope) -> Result<(), Failure> {
    if let Some(from) = envelope.valid_from.filter(|from| now < *from) {
        return Err((Outcome::Caution, Finding::NotYetValid { valid_from: from }));
    }
    if let Some(until) = envelope.valid_until.filter(|until| now > *until) {
        return Err((Outcome::Caution, Finding::Expired { valid_until: until }));
    }
    Ok(())
}
