//! The state of one verification: the checks so far, the fetch budget and
//! the documents already fetched.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use serde_json::Value;

use super::{Check, CheckId, Context, Finding, Outcome};
use crate::credential::Envelope;
use crate::json::{self, Limits};
use crate::keys::{KeyError, PublicKey, parse_did_key};
use crate::proof::{self, ProofError};
use crate::resolve::{Fetch, FetchError, Request, WebUrl};

pub(super) struct Run<'a, F> {
    pub ctx: &'a Context,
    fetcher: &'a F,
    fetches: Cell<usize>,
    cache: RefCell<HashMap<String, Value>>,
    pub checks: Vec<Check>,
}

/// A failed step: how bad, and what was found.
pub(super) type Failure = (Outcome, Finding);

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

    pub fn record_result(&mut self, id: CheckId, result: Result<Finding, Failure>) {
        match result {
            Ok(finding) => self.record(id, Outcome::Pass, finding),
            Err((outcome, finding)) => self.record(id, outcome, finding),
        }
    }

    /// Checks `url` against the policy and fetches it within the budget;
    /// anything but a 2xx answer is a failure.
    pub async fn get(&self, url: &str, accept: &'static str) -> Result<(String, Vec<u8>), Failure> {
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
        Ok((response.url, response.body))
    }

    /// Fetches and strictly parses a JSON document, once per URL per run.
    pub async fn get_json(&self, url: &str, accept: &'static str) -> Result<Value, Failure> {
        if let Some(cached) = self.cache.borrow().get(url) {
            return Ok(cached.clone());
        }
        let (final_url, body) = self.get(url, accept).await?;
        let value = json::parse(&body, Limits::DEFAULT).map_err(|error| {
            (
                Outcome::Unverifiable,
                Finding::Unreadable {
                    url: final_url,
                    error,
                },
            )
        })?;
        self.cache
            .borrow_mut()
            .insert(url.to_owned(), value.clone());
        Ok(value)
    }

    /// Checks a credential's proof: made by its issuer's own key, for
    /// assertions, and matching the document.
    pub async fn check_signature(
        &self,
        document: &Value,
        envelope: &Envelope,
    ) -> Result<Finding, Failure> {
        let counterfeit = |finding| (Outcome::Counterfeit, finding);
        let prepared = proof::prepare(document).map_err(|error| match error {
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
        let key = self.resolve_key(&method).await.map_err(|error| {
            counterfeit(Finding::KeyUnavailable {
                method: method.clone(),
                error,
            })
        })?;
        prepared
            .check(&key)
            .map_err(|error| counterfeit(Finding::SignatureInvalid { error }))?;
        Ok(Finding::SignatureValid {
            method,
            created: prepared.created,
        })
    }

    /// Finds the public key a verification method names.
    async fn resolve_key(&self, method: &str) -> Result<PublicKey, KeyError> {
        parse_did_key(method)
    }

    /// The parsed URL of `link` relative to `base`.
    pub fn join(base: &str, link: &str) -> Result<String, Failure> {
        let joined = WebUrl::parse(base).and_then(|b| b.join(link));
        joined
            .map(|u| u.to_string())
            .map_err(|error| (Outcome::Unverifiable, Finding::UrlRefused { error }))
    }
}
