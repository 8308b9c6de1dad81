//! Fetching for one verification: every URL checked against the policy
//! (each redirect hop too), counted against a request budget, bounded in
//! size and by one deadline for the whole verification, and fetched once
//! (failures included, and concurrent requests for one URL share the
//! answer), so a shared status list or DID document costs one request.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

use serde_json::Value;

use super::{Finding, Outcome};
use crate::json::{self, Limits};
use crate::proof::{Secured, SecuredError};
use crate::resolve::{Fetch, FetchError, Progress, Request, UrlPolicy, WebUrl, accept};

/// A failed step: how bad, and what was found.
pub(super) type Failure = (Outcome, Finding);

/// Most redirects followed for one request (DESIGN.md §2: "a few").
pub const MAX_REDIRECTS: usize = 5;

/// The limits one verification runs within.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// Most requests (redirect hops included).
    pub max_fetches: usize,
    /// Milliseconds for the whole verification.
    pub deadline_ms: u32,
    /// Milliseconds for any one request.
    pub request_timeout_ms: u32,
}

impl FetchLimits {
    /// 24 requests (a passport with three certifications from did:web
    /// issuers needs about 15), 10 seconds in all, 8 for any one request.
    pub const DEFAULT: FetchLimits = FetchLimits {
        max_fetches: 24,
        deadline_ms: 10_000,
        request_timeout_ms: 8_000,
    };
}

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

type Answer = Result<Fetched, Failure>;

/// A URL's entry in the cache: being fetched (with who waits), or answered.
enum Slot {
    Pending(Vec<Waker>),
    Done(Answer),
}

pub(super) struct Fetcher<'a, F> {
    fetch: &'a F,
    policy: &'a UrlPolicy,
    limits: FetchLimits,
    started_ms: f64,
    fetches: Cell<usize>,
    finished: Cell<usize>,
    /// Whether progress is reported per finished request (the evidence phase).
    counting: Cell<bool>,
    cache: RefCell<HashMap<String, Slot>>,
}

impl<'a, F: Fetch> Fetcher<'a, F> {
    pub fn new(fetch: &'a F, policy: &'a UrlPolicy, limits: FetchLimits) -> Self {
        Fetcher {
            fetch,
            policy,
            limits,
            started_ms: fetch.now_ms(),
            fetches: Cell::new(0),
            finished: Cell::new(0),
            counting: Cell::new(false),
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Tells the platform what the verification is doing.
    pub fn progress(&self, step: Progress) {
        self.fetch.progress(step);
    }

    /// From now on, report progress as requests finish.
    pub fn count_evidence(&self) {
        self.counting.set(true);
        self.report_evidence();
    }

    fn report_evidence(&self) {
        if self.counting.get() {
            self.fetch.progress(Progress::CheckingEvidence {
                done: self.finished.get(),
                total: self.fetches.get(),
            });
        }
    }

    /// Fetches `url` once per verification; anything but a 2xx answer
    /// (after redirects) is a failure, Unverifiable by default.
    pub async fn get(&self, url: &str, accept: &'static str) -> Answer {
        let waiting = {
            let mut cache = self.cache.borrow_mut();
            match cache.get(url) {
                Some(Slot::Done(answer)) => return answer.clone(),
                Some(Slot::Pending(_)) => true,
                None => {
                    cache.insert(url.to_owned(), Slot::Pending(Vec::new()));
                    false
                }
            }
        };
        if waiting {
            return WaitFor { fetcher: self, url }.await;
        }
        let answer = self.fetch_following(url, accept).await;
        let slot = self
            .cache
            .borrow_mut()
            .insert(url.to_owned(), Slot::Done(answer.clone()));
        if let Some(Slot::Pending(wakers)) = slot {
            wakers.into_iter().for_each(Waker::wake);
        }
        answer
    }

    /// One request and the redirects it leads to, each hop within the policy.
    async fn fetch_following(&self, url: &str, accept: &'static str) -> Answer {
        let unverifiable = |finding| (Outcome::Unverifiable, finding);
        let refused = |error| unverifiable(Finding::UrlRefused { error });
        let mut target = self.policy.check(url).map_err(refused)?;
        for hop in 0..=MAX_REDIRECTS {
            let url = target.to_string();
            let failed = |error| {
                unverifiable(Finding::FetchFailed {
                    url: url.clone(),
                    error,
                })
            };
            let timeout_ms = self.time_left().map_err(failed)?;
            self.take_budget().map_err(failed)?;
            let request = Request {
                url: url.clone(),
                accept,
                timeout_ms,
            };
            let response = self.fetch.fetch(request).await;
            self.finished.set(self.finished.get() + 1);
            self.report_evidence();
            let response = response.map_err(failed)?;
            if let (300..=399, Some(location)) = (response.status, &response.location) {
                if hop == MAX_REDIRECTS {
                    return Err(failed(FetchError::TooManyRedirects));
                }
                target = target
                    .join(location)
                    .and_then(|next| self.policy.check(&next.to_string()))
                    .map_err(refused)?;
                continue;
            }
            if !(200..300).contains(&response.status) {
                let status = response.status;
                return Err(unverifiable(Finding::HttpStatus { url, status }));
            }
            if response.body.len() > Limits::DEFAULT.max_bytes {
                let error = FetchError::TooLarge {
                    limit: Limits::DEFAULT.max_bytes,
                };
                return Err(failed(error));
            }
            // A fetcher that followed redirects itself reports where it
            // ended: that too must be within the policy.
            let final_url = if response.url.is_empty() || response.url == url {
                url
            } else {
                self.policy
                    .check(&response.url)
                    .map_err(refused)?
                    .to_string()
            };
            return Ok(Fetched {
                url: final_url,
                content_type: response.content_type,
                body: Rc::new(response.body),
            });
        }
        Err(unverifiable(Finding::FetchFailed {
            url: url.to_owned(),
            error: FetchError::TooManyRedirects,
        }))
    }

    /// Milliseconds left for the next request, or why there are none.
    fn time_left(&self) -> Result<u32, FetchError> {
        let elapsed = (self.fetch.now_ms() - self.started_ms).max(0.0);
        let left = f64::from(self.limits.deadline_ms) - elapsed;
        if left < 1.0 {
            return Err(FetchError::DeadlinePassed {
                limit_ms: self.limits.deadline_ms,
            });
        }
        // `left` is below u32::MAX: it is at most the deadline itself.
        Ok((left as u32).min(self.limits.request_timeout_ms))
    }

    fn take_budget(&self) -> Result<(), FetchError> {
        if self.fetches.get() >= self.limits.max_fetches {
            return Err(FetchError::BudgetExhausted {
                limit: self.limits.max_fetches,
            });
        }
        self.fetches.set(self.fetches.get() + 1);
        Ok(())
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

    /// Starts fetching `urls` (into the cache) without waiting for them to
    /// be needed: the status lists and certificates of a record that has
    /// passed every check that needs no fetch.
    pub async fn prefetch(&self, urls: &[String]) {
        let all = urls.iter().map(|url| self.get(url, accept::CREDENTIAL));
        futures_util::future::join_all(all).await;
    }

    /// The parsed URL of `link` relative to `base`.
    pub fn join(base: &str, link: &str) -> Result<String, Failure> {
        let joined = WebUrl::parse(base).and_then(|b| b.join(link));
        joined
            .map(|u| u.to_string())
            .map_err(|error| (Outcome::Unverifiable, Finding::UrlRefused { error }))
    }
}

/// Waits for another request's answer to the same URL.
struct WaitFor<'f, 'a, F> {
    fetcher: &'f Fetcher<'a, F>,
    url: &'f str,
}

impl<F> Future for WaitFor<'_, '_, F> {
    type Output = Answer;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Answer> {
        let mut cache = self.fetcher.cache.borrow_mut();
        match cache.get_mut(self.url) {
            Some(Slot::Done(answer)) => Poll::Ready(answer.clone()),
            Some(Slot::Pending(wakers)) => {
                wakers.push(cx.waker().clone());
                Poll::Pending
            }
            // Unreachable: a URL is only ever pending or done once added.
            None => Poll::Ready(Err((Outcome::Unverifiable, Finding::NotReached))),
        }
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
