//! Each certification a passport claims is checked on its own: fetched,
//! unchanged (when the passport gives its hash), signed by its issuer, that
//! issuer a certifier the trust list accredits for the scheme, issued to
//! this producer or product, current, and not revoked.

use sha2::{Digest, Sha256};

use super::record::check_period;
use super::run::{Failure, Run, read_secured};
use super::status_check::check_status;
use super::{CertificationReport, Check, CheckId, Finding, Outcome};
use crate::credential::{ClaimRef, Envelope, Passport, read_certification, read_envelope};
use crate::resolve::{Fetch, accept};

/// Checks claim `index` and records its check.
pub(super) async fn check_certification<F: Fetch>(
    run: &mut Run<'_, F>,
    index: usize,
    claim: &ClaimRef,
    passport_envelope: &Envelope,
    passport: &Passport,
    notices: &mut Vec<String>,
) -> CertificationReport {
    let mut report = CertificationReport {
        claim: claim.clone(),
        certification: None,
        certifier: None,
        valid_from: None,
        valid_until: None,
        outcome: Outcome::Pass,
    };
    let result = steps(
        run,
        claim,
        passport_envelope,
        passport,
        &mut report,
        notices,
    )
    .await;
    let (outcome, finding) = match result {
        Ok(finding) => (Outcome::Pass, finding),
        Err(failure) => failure,
    };
    report.outcome = outcome;
    run.checks.push(Check {
        id: CheckId::Certification,
        outcome,
        finding,
        certification: Some(index),
    });
    report
}

async fn steps<F: Fetch>(
    run: &Run<'_, F>,
    claim: &ClaimRef,
    passport_envelope: &Envelope,
    passport: &Passport,
    report: &mut CertificationReport,
    notices: &mut Vec<String>,
) -> Result<Finding, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    let url = claim
        .url
        .clone()
        .ok_or((Outcome::Caution, Finding::CertificationMissing))?;
    // An unreachable certificate leaves the claim unconfirmed: Caution.
    let fetched = run
        .get(&url, accept::CREDENTIAL)
        .await
        .map_err(|(_, f)| (Outcome::Caution, f))?;
    if let Some(expected) = &claim.sha256 {
        let actual: String = Sha256::digest(fetched.body.as_slice())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if !actual.eq_ignore_ascii_case(expected) {
            return Err(counterfeit(Finding::CertificationHashMismatch));
        }
    }
    let secured = read_secured(&fetched).map_err(|(_, f)| (Outcome::Caution, f))?;
    let document = &secured.credential;
    let envelope =
        read_envelope(document).map_err(|error| counterfeit(Finding::NotACredential { error }))?;
    let certification =
        read_certification(document).map_err(|_| counterfeit(Finding::NotACertification))?;
    report.certification = Some(certification.clone());
    report.valid_from = envelope.valid_from;
    report.valid_until = envelope.valid_until;
    run.check_signature(&secured, &envelope).await?;

    let trust = run.trust()?;
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
    check_period(run.ctx.now, &envelope)?;
    check_status(run, &envelope, notices).await?;
    Ok(Finding::CertificationValid {
        scheme: certification.scheme,
        certifier: envelope.issuer,
    })
}
