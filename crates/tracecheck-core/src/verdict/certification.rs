//! Each certification a passport claims is checked on its own: fetched,
//! unchanged (when the passport gives its hash), the scheme it claims,
//! signed by a certifier the trust list accredits for that scheme, issued
//! to this producer (and, when it names products, to this product),
//! current, and not revoked.
//!
//! What the producer writes about a certificate proves nothing by itself:
//! the holder is bound to the passport's issuer (or a producer the trust
//! list lists for this GTIN), never to a party the passport names.

use futures_util::future::join;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::facts::VerifiedCertification;
use super::fetcher::{Failure, Fetcher, read_secured};
use super::record::check_period;
use super::signature::check_signature;
use super::status_check::check_status;
use super::{CertificationReport, Finding, Outcome};
use crate::credential::{Certification, ClaimRef, Envelope, read_certification, read_envelope};
use crate::proof::ProofError;
use crate::resolve::{Fetch, accept};
use crate::trust::{TrustList, TrustedIssuer};

/// What the passport says of itself that a certificate is checked against.
pub(super) struct Holder<'p> {
    /// The passport's issuer (its signature and scope already checked).
    pub issuer: &'p str,
    /// The product's GTIN, as the passport writes it.
    pub gtin: Option<&'p str>,
}

/// Checks one claim; returns its report, its check and the notices its
/// status lists carry.
pub(super) async fn check_certification<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    trust: &TrustList,
    claim: &ClaimRef,
    holder: &Holder<'_>,
    now: OffsetDateTime,
) -> (CertificationReport, Finding, Vec<String>) {
    let mut verified = None;
    let mut notices = Vec::new();
    let result = steps(
        fetcher,
        trust,
        claim,
        holder,
        now,
        &mut verified,
        &mut notices,
    )
    .await;
    let (outcome, finding) = match result {
        Ok(finding) => (Outcome::Pass, finding),
        Err(failure) => failure,
    };
    // A revoked or forged certificate vouches for nothing.
    if outcome > Outcome::Caution {
        verified = None;
    }
    let report = CertificationReport {
        claim: claim.clone(),
        verified,
        outcome,
    };
    (report, finding, notices)
}

async fn steps<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    trust: &TrustList,
    claim: &ClaimRef,
    holder: &Holder<'_>,
    now: OffsetDateTime,
    verified: &mut Option<VerifiedCertification>,
    notices: &mut Vec<String>,
) -> Result<Finding, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    let url = claim
        .url
        .clone()
        .ok_or((Outcome::Caution, Finding::CertificationMissing))?;
    // An unreachable certificate leaves the claim unconfirmed: Caution.
    let fetched = fetcher
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

    // Everything that needs no fetch first: a certificate that is out of
    // scope, borrowed or for another scheme costs no more requests.
    let certifier = scope(trust, &envelope, &certification, claim, holder, now)?;
    let (signature, (status, status_notices)) = join(
        check_signature(fetcher, &secured, &envelope, now),
        check_status(fetcher, &envelope, now),
    )
    .await;
    signature.map_err(|(outcome, finding)| match (outcome, &finding) {
        // A certificate its certifier never signed backs nothing: the
        // passport claims what nobody vouches for.
        (
            _,
            Finding::SignatureInvalid {
                error: ProofError::Missing,
            },
        ) => (Outcome::Counterfeit, finding),
        // A certifier's key that cannot be fetched leaves the claim
        // unconfirmed, not the record unverifiable.
        (Outcome::Unverifiable, _) => (Outcome::Caution, finding),
        _ => (outcome, finding),
    })?;
    *verified = Some(VerifiedCertification::new(
        &certification,
        certifier,
        envelope.valid_from,
        envelope.valid_until,
    ));
    notices.extend(status_notices);
    check_period(now, &envelope)?;
    // A certificate cannot be "recalled": a set recall bit withdraws it.
    status.map_err(|(outcome, finding)| match outcome {
        Outcome::Recalled => (Outcome::Counterfeit, finding),
        outcome => (outcome, finding),
    })?;
    Ok(Finding::CertificationValid {
        scheme: certification.scheme,
        certifier: envelope.issuer,
    })
}

/// The checks that need no fetch: the claim names the certificate's
/// scheme, its issuer is accredited for that scheme, it was issued to the
/// passport's issuer (or a producer listed for this GTIN), and when it
/// names products, this one is among them.
fn scope<'t>(
    trust: &'t TrustList,
    envelope: &Envelope,
    certification: &Certification,
    claim: &ClaimRef,
    holder: &Holder<'_>,
    now: OffsetDateTime,
) -> Result<&'t TrustedIssuer, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    if let Some(claimed) = &claim.declared_scheme {
        if *claimed != certification.scheme {
            return Err(counterfeit(Finding::CertificationSchemeMismatch {
                claimed: claimed.clone(),
                certified: certification.scheme.clone(),
            }));
        }
    }
    let certifier = trust
        .check_certifier(&envelope.issuer, certification.scheme.code(), now)
        .map_err(|problem| counterfeit(Finding::IssuerNotTrusted { problem }))?;
    let listed_producer = |did: &str| {
        holder
            .gtin
            .is_some_and(|gtin| trust.check_producer(did, Some(gtin), now).is_ok())
    };
    let for_holder = certification
        .holder
        .as_deref()
        .is_some_and(|h| h == holder.issuer || listed_producer(h));
    if !for_holder {
        return Err(counterfeit(Finding::CertificationNotForProduct {
            holder: certification.holder.clone(),
        }));
    }
    if let Some(gtin) = holder.gtin {
        if !certification.products.is_empty() && !covers(certification, gtin) {
            // The producer's own certificate, for other products: the claim
            // is not backed for this one (no badge), but nothing is forged.
            return Err((
                Outcome::Caution,
                Finding::CertificationForOtherProducts {
                    gtin: gtin.to_owned(),
                },
            ));
        }
    }
    Ok(certifier)
}

/// Whether the certificate's product list includes `gtin` (compared as
/// GTIN-14).
fn covers(certification: &Certification, gtin: &str) -> bool {
    let gtin14 = format!("{gtin:0>14}");
    certification
        .products
        .iter()
        .any(|p| format!("{p:0>14}") == gtin14)
}
