//! Checking a passport: its data model, signature, issuer's trust and
//! scope, status, binding to the scanned code, validity, and each
//! certification it claims.

use time::OffsetDateTime;

use super::certification::check_certification;
use super::run::{Failure, Run};
use super::status_check::check_status;
use super::{CertificationReport, CheckId, Finding, Outcome};
use crate::code::Gs1Code;
use crate::credential::{Envelope, Passport, read_envelope, read_passport};
use crate::proof::{ProofFormat, Secured};
use crate::resolve::Fetch;
use crate::trust::Role;

/// What was learnt about the record, for the report.
#[derive(Default)]
pub(super) struct Record {
    pub url: Option<String>,
    pub format: Option<ProofFormat>,
    pub issuer: Option<String>,
    pub passport: Option<Passport>,
    pub certifications: Vec<CertificationReport>,
    pub notices: Vec<String>,
}

/// Checks a fetched passport and everything it links to.
pub(super) async fn check_record<F: Fetch>(
    run: &mut Run<'_, F>,
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
    let envelope = match read_envelope(document) {
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
    let passport = match read_passport(document) {
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

    let signature = run.check_signature(&secured, &envelope).await;
    let signed = signature.is_ok() || matches!(signature, Err((Outcome::Caution, _)));
    run.record_result(CheckId::Signature, signature);
    // Nothing else about an unsigned or forged record is worth checking.
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
            let report =
                check_certification(run, index, claim, &envelope, &passport, &mut record.notices)
                    .await;
            record.certifications.push(report);
        }
    }
    record.passport = Some(passport);
    record
}

/// The trust list must name the issuer as a producer whose company prefix
/// covers the record's GTIN.
fn check_issuer<F: Fetch>(
    run: &Run<'_, F>,
    issuer: &str,
    gtin: Option<&str>,
) -> Result<Finding, Failure> {
    let trust = run.trust()?;
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

/// Within `validFrom`..`validUntil`, and the product not past its expiry.
fn check_validity(
    now: OffsetDateTime,
    envelope: &Envelope,
    passport: &Passport,
) -> Result<Finding, Failure> {
    check_period(now, envelope)?;
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
