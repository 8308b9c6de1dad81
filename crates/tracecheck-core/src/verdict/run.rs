//! The state of one verification: the checks so far, the fetch budget and
//! the documents already fetched (each URL once per run, failures included,
//! so a shared status list or DID document costs one request).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::{Check, CheckId, Context, Finding, Outcome};
use crate::credential::Envelope;
use crate::json::{self, Limits};
use crate::keys::{KeyError, PublicKey, assertion_key, did_web_url, parse_did_key};
use crate::proof::{ProofError, Secured, SecuredError};
use crate::resolve::{Fetch, FetchError, Request, WebUrl, accept};
use crate::trust::TrustList;

pub(super) struct Run<'a, F> {
    pub ctx: &'a Context,
    fetcher: &'a F,
    fetches: Cell<usize>,
    cache: RefCell<HashMap<String, Result<Fetched, Failure>>>,
    pub checks: Vec<Check>,
}

/// A failed step: how bad, and what was found.
pub(super) type Failure = (Outcome, Finding);

/// An answer, as fetched.
#[derive(Clone)]
pub(super) struct Fetched {
    /// The URL that finally answered.
    pub url: String,
    /// Its `Content-Type`.
    pub content_type: Option<String>,
    /// The body (shared: the cache hands out copies).
    pub body: Rc<Vec<u8>>,
}

impl<'a, F: Fetch> Run<'a, F> {
    pub fn new(ctx: &'a Context, fetcher: &'a F) -> Self {
        Run {
            ctx,
            fetcher,
            fetches: Cell::new(0),
            cache: RefCell::new(HashMap::new()),
            checks: Vec::new(),
        }
    }

    pub fn record(&mut self, id: CheckId, outcome: Outcome, finding: Finding) {
        self.checks.push(Check {
            id,
            outcome,
            finding,
            certification: None,
        });
    }

    /// The trust list, or the failure every trust check reports without
    /// one: the issuer cannot be judged, so the record is not verifiable.
    pub fn trust(&self) -> Result<&'a TrustList, Failure> {
        self.ctx.trust.as_ref().map_err(|error| {
            (
                Outcome::Unverifiable,
                Finding::TrustListUnavailable {
                    error: error.clone(),
                },
            )
        })
    }

    pub fn record_result(&mut self, id: CheckId, result: Result<Finding, Failure>) {
        match result {
            Ok(finding) => self.record(id, Outcome::Pass, finding),
            Err((outcome, finding)) => self.record(id, outcome, finding),
        }
    }

    /// Fetches `url` once per run: checked against the policy, counted in
    /// the budget, bounded in size; anything but a 2xx answer is a failure.
    pub async fn get(&self, url: &str, accept: &'static str) -> Result<Fetched, Failure> {
        if let Some(cached) = self.cache.borrow().get(url) {
            return cached.clone();
        }
        let answer = self.fetch(url, accept).await;
        self.cache
            .borrow_mut()
            .insert(url.to_owned(), answer.clone());
        answer
    }

    async fn fetch(&self, url: &str, accept: &'static str) -> Result<Fetched, Failure> {
        let unverifiable = |finding| (Outcome::Unverifiable, finding);
        let url = self
            .ctx
            .policy
            .check(url)
            .map_err(|error| unverifiable(Finding::UrlRefused { error }))?
            .to_string();
        if self.fetches.get() >= self.ctx.max_fetches {
            let error = FetchError::BudgetExhausted {
                limit: self.ctx.max_fetches,
            };
            return Err(unverifiable(Finding::FetchFailed { url, error }));
        }
        self.fetches.set(self.fetches.get() + 1);
        let request = Request {
            url: url.clone(),
            accept,
        };
        let response = self.fetcher.fetch(request).await.map_err(|error| {
            unverifiable(Finding::FetchFailed {
                url: url.clone(),
                error,
            })
        })?;
        if !(200..300).contains(&response.status) {
            let status = response.status;
            return Err(unverifiable(Finding::HttpStatus { url, status }));
        }
        if response.body.len() > Limits::DEFAULT.max_bytes {
            let error = FetchError::TooLarge {
                limit: Limits::DEFAULT.max_bytes,
            };
            return Err(unverifiable(Finding::FetchFailed { url, error }));
        }
        // A redirect may not leave the policy either (the fetcher follows it).
        let final_url = if response.url.is_empty() {
            url
        } else {
            self.ctx
                .policy
                .check(&response.url)
                .map_err(|error| unverifiable(Finding::UrlRefused { error }))?
                .to_string()
        };
        Ok(Fetched {
            url: final_url,
            content_type: response.content_type,
            body: Rc::new(response.body),
        })
    }

    /// Fetches and strictly parses a JSON document.
    pub async fn get_json(&self, url: &str, accept: &'static str) -> Result<Value, Failure> {
        let fetched = self.get(url, accept).await?;
        json::parse(&fetched.body, Limits::DEFAULT).map_err(|error| {
            let url = fetched.url.clone();
            (Outcome::Unverifiable, Finding::Unreadable { url, error })
        })
    }

    /// Fetches a credential in either proof format.
    pub async fn get_secured(&self, url: &str) -> Result<Secured, Failure> {
        let fetched = self.get(url, accept::CREDENTIAL).await?;
        read_secured(&fetched)
    }

    /// Checks a credential's proof: made by its issuer's own key, for
    /// assertions, matching the document, and within its own time bounds.
    pub async fn check_signature(
        &self,
        secured: &Secured,
        envelope: &Envelope,
    ) -> Result<Finding, Failure> {
        let counterfeit = |finding| (Outcome::Counterfeit, finding);
        let prepared = secured.prepare().map_err(|error| match error {
            ProofError::Missing => (Outcome::Unverifiable, Finding::SignatureInvalid { error }),
            error => counterfeit(Finding::SignatureInvalid { error }),
        })?;
        let method = prepared.verification_method.clone();
        let signer = method.split('#').next().unwrap_or_default();
        if signer != envelope.issuer {
            return Err(counterfeit(Finding::SignerNotIssuer {
                method,
                issuer: envelope.issuer.clone(),
            }));
        }
        if prepared.proof_purpose != "assertionMethod" {
            return Err(counterfeit(Finding::WrongProofPurpose {
                purpose: prepared.proof_purpose.clone(),
            }));
        }
        let key = self.resolve_key(&method).await?;
        prepared
            .check(&key)
            .map_err(|error| counterfeit(Finding::SignatureInvalid { error }))?;
        // A genuine signature past its own expiry: no longer vouched for.
        prepared
            .check_time(self.ctx.now)
            .map_err(|error| (Outcome::Caution, Finding::SignatureInvalid { error }))?;
        Ok(Finding::SignatureValid {
            method,
            created: prepared.created,
            format: secured.format(),
        })
    }

    /// Finds the public key a verification method names: `did:key` in
    /// place, `did:web` through its DID document (fetched once per run,
    /// within the budget). A document that cannot be fetched leaves the
    /// signature unchecked; one that does not list the key fails it.
    async fn resolve_key(&self, method: &str) -> Result<PublicKey, Failure> {
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
        let document = match self.get_json(&url, accept::DID_DOCUMENT).await {
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

    /// The parsed URL of `link` relative to `base`.
    pub fn join(base: &str, link: &str) -> Result<String, Failure> {
        let joined = WebUrl::parse(base).and_then(|b| b.join(link));
        joined
            .map(|u| u.to_string())
            .map_err(|error| (Outcome::Unverifiable, Finding::UrlRefused { error }))
    }
}

/// Reads a fetched credential in either proof format.
pub(super) fn read_secured(fetched: &Fetched) -> Result<Secured, Failure> {
    Secured::read(&fetched.body, fetched.content_type.as_deref()).map_err(|error| {
        let url = fetched.url.clone();
        let finding = match error {
            SecuredError::Json(error) => Finding::Unreadable { url, error },
            SecuredError::JwsEncoding => Finding::UnreadableJws { url },
        };
        (Outcome::Unverifiable, finding)
    })
}
