//! A credential's signature, by the one acceptance rule (`proof::accept`)
//! that records, certificates, status lists and the trust list share;
//! here the key is found through the issuer's DID (`did:key` in place,
//! `did:web` through its DID document).

use time::OffsetDateTime;

use super::fetcher::{Failure, Fetcher};
use super::{Finding, Outcome};
use crate::credential::Envelope;
use crate::keys::{KeyError, PublicKey, assertion_key, did_web_url, parse_did_key};
use crate::proof::{ProofError, Refusal, Secured, Untimely, check_signer, check_with_key};
use crate::resolve::{Fetch, accept};

/// Checks `secured`'s proof: by its issuer's own key, for assertions,
/// matching the document, and current. A genuine proof that does not
/// vouch for now (expired, or dated in the future) is a Caution; no proof
/// at all is Unverifiable here (the record check decides what that means).
pub(super) async fn check_signature<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    secured: &Secured,
    envelope: &Envelope,
    now: OffsetDateTime,
) -> Result<Finding, Failure> {
    let counterfeit = |finding| (Outcome::Counterfeit, finding);
    let prepared = secured.prepare().map_err(|error| match error {
        ProofError::Missing => (Outcome::Unverifiable, Finding::SignatureInvalid { error }),
        error => counterfeit(Finding::SignatureInvalid { error }),
    })?;
    check_signer(&prepared, &envelope.issuer).map_err(|refusal| counterfeit(refused(refusal)))?;
    let method = prepared.verification_method.clone();
    let key = resolve_key(fetcher, &method).await?;
    match check_with_key(&prepared, &key, now) {
        Err(refusal) => Err(counterfeit(refused(refusal))),
        Ok(Some(Untimely::OutOfTime(error))) => {
            Err((Outcome::Caution, Finding::SignatureInvalid { error }))
        }
        Ok(Some(Untimely::CreatedInFuture { created })) => {
            Err((Outcome::Caution, Finding::SignedInFuture { created }))
        }
        Ok(None) => Ok(Finding::SignatureValid {
            method,
            created: prepared.created,
            format: secured.format(),
        }),
    }
}

fn refused(refusal: Refusal) -> Finding {
    match refusal {
        Refusal::SignerNotIssuer { method, issuer } => Finding::SignerNotIssuer { method, issuer },
        Refusal::WrongPurpose { purpose } => Finding::WrongProofPurpose { purpose },
        Refusal::Invalid(error) => Finding::SignatureInvalid { error },
    }
}

/// Finds the public key a verification method names. A DID document that
/// cannot be fetched leaves the signature unchecked; one that does not
/// list the key fails it.
async fn resolve_key<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    method: &str,
) -> Result<PublicKey, Failure> {
    let failed = |outcome, error| {
        let method = method.to_owned();
        (outcome, Finding::KeyUnavailable { method, error })
    };
    let did = method.split('#').next().unwrap_or_default();
    if did.starts_with("did:key:") {
        return parse_did_key(method).map_err(|e| failed(Outcome::Counterfeit, e));
    }
    if !did.starts_with("did:web:") {
        let error = KeyError::UnsupportedDidMethod {
            did: did.to_owned(),
        };
        return Err(failed(Outcome::Counterfeit, error));
    }
    let url = did_web_url(did).map_err(|e| failed(Outcome::Counterfeit, e))?;
    let document = match fetcher.get_json(&url, accept::DID_DOCUMENT).await {
        Ok(document) if document.is_object() => document,
        Ok(_) | Err((_, Finding::Unreadable { .. })) => {
            return Err(failed(
                Outcome::Unverifiable,
                KeyError::DocumentUnreadable { url },
            ));
        }
        Err(_) => {
            return Err(failed(
                Outcome::Unverifiable,
                KeyError::DocumentUnavailable { url },
            ));
        }
    };
    assertion_key(&document, did, method).map_err(|e| failed(Outcome::Counterfeit, e))
}
