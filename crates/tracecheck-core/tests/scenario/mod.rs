//! A small world to verify in, built with the issuer side (`issue`) and
//! served from memory: a trust list, a producer on `did:web`, a certifier
//! and an OCOP council on `did:key`, a passport with three certifications,
//! status lists, and a resolver. Tests change any part before publishing
//! (or any served byte after) to make exactly one check fail. The
//! benchmarks verify the same passport.

#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context as TaskContext, Poll, Wake, Waker};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use tracecheck_core::code::gtin_check_digit;
use tracecheck_core::issue::{IssuerKey, encode_status_list};
use tracecheck_core::keys::encode_base58btc;
use tracecheck_core::proof::{JwsAlgorithm, JwsKind, ProofOptions, sign, sign_jws};
use tracecheck_core::resolve::{Fetch, FetchError, Request, Response};
use tracecheck_core::time::{format_timestamp, parse_timestamp};
use tracecheck_core::trust::load_trust_list;
use tracecheck_core::verdict::{CheckId, Context, Finding, Level, Outcome, Report, verify_code};

pub const VC: &str = "https://www.w3.org/ns/credentials/v2";
pub const RESOLVER: &str = "https://resolver.example";
pub const PRODUCER_HOST: &str = "coop.example";
pub const PREFIX: &str = "8935001";
pub const LOT: &str = "NL2611";

/// The GTIN-14 of item `item` (5 digits) under [`PREFIX`].
pub fn gtin(item: &str) -> String {
    let data = format!("{PREFIX}{item}");
    format!("0{data}{}", gtin_check_digit(&data).unwrap_or('0'))
}

/// The moment every scenario is judged at.
pub fn now() -> OffsetDateTime {
    parse_timestamp("2026-11-29T12:00:00+07:00").unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `days` from [`now`], as written in credentials.
pub fn stamp(days: i64) -> String {
    format_timestamp(now() + time::Duration::days(days))
}

/// An issuer: its key, its DID and the verification method that signs.
pub struct Issuer {
    pub key: IssuerKey,
    pub did: String,
    pub method: String,
}

impl Issuer {
    /// An issuer on `did:key`.
    pub fn did_key(seed: u8) -> Issuer {
        let key = IssuerKey::from_seed([seed; 32]);
        Issuer {
            did: key.did(),
            method: key.method(),
            key,
        }
    }

    /// An issuer on `did:web:{host}` whose key is `#key-1`.
    pub fn did_web(seed: u8, host: &str) -> Issuer {
        let key = IssuerKey::from_seed([seed; 32]);
        let did = format!("did:web:{host}");
        Issuer {
            method: format!("{did}#key-1"),
            did,
            key,
        }
    }

    /// Its DID document: the key as a Multikey method listed for assertions.
    pub fn did_document(&self) -> Value {
        let public = self.key.signing_key().verifying_key().to_bytes();
        let mut multikey = vec![0xed, 0x01];
        multikey.extend_from_slice(&public);
        json!({
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": self.did,
            "verificationMethod": [{
                "id": self.method,
                "type": "Multikey",
                "controller": self.did,
                "publicKeyMultibase": encode_base58btc(&multikey)
            }],
            "assertionMethod": [self.method]
        })
    }

    /// Signs with an eddsa-jcs-2022 proof.
    pub fn sign_di(&self, document: &Value, purpose: &str, expires: Option<String>) -> Value {
        let options = ProofOptions {
            verification_method: self.method.clone(),
            created: stamp(-2),
            proof_purpose: purpose.to_owned(),
            expires,
        };
        sign(document, self.key.signing_key(), &options)
    }

    /// Signs as a VC-JOSE compact JWS.
    pub fn sign_jose(&self, document: &Value) -> String {
        use ed25519_dalek::Signer;
        sign_jws(
            document,
            JwsAlgorithm::EdDSA,
            &self.method,
            JwsKind::Credential,
            |input| self.key.signing_key().sign(input).to_bytes().to_vec(),
        )
    }
}

/// How a document is secured when published.
#[derive(Clone, Debug, PartialEq)]
pub enum Securing {
    /// eddsa-jcs-2022 with `assertionMethod`.
    Di,
    /// eddsa-jcs-2022 with another purpose.
    DiPurpose(String),
    /// eddsa-jcs-2022 that expired `days` ago.
    DiExpired(i64),
    /// eddsa-jcs-2022 with this `created`.
    DiCreated(String),
    /// VC-JOSE.
    Jose,
    /// Not signed at all.
    None,
}

/// One document to sign and serve.
pub struct Doc {
    pub url: String,
    pub body: Value,
    /// Index into `Scenario::issuers` of who signs it.
    pub signer: usize,
    pub securing: Securing,
}

/// An answer served from memory.
#[derive(Clone)]
pub struct Served {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// A redirect's `Location`.
    pub location: Option<String>,
}

impl Served {
    /// A redirect to `location`.
    pub fn redirect(status: u16, location: &str) -> Served {
        Served {
            status,
            content_type: None,
            body: Vec::new(),
            location: Some(location.to_owned()),
        }
    }
}

/// A change to bytes already signed.
pub type Change = Box<dyn Fn(&mut Vec<u8>)>;

/// Everything that will be published.
pub struct Scenario {
    /// 0 root, 1 producer (did:web), 2 certifier, 3 OCOP council, 4 rogue.
    pub issuers: Vec<Issuer>,
    pub trust_list: Value,
    pub passport: Doc,
    pub certifications: Vec<Doc>,
    pub status_lists: Vec<Doc>,
    /// Answers served as they are (DID documents, linksets…), by URL.
    pub extra: HashMap<String, Served>,
    /// Changes to published bytes, by URL.
    pub after: Vec<(String, Change)>,
    /// URLs that answer nothing.
    pub down: Vec<String>,
    /// The code to scan.
    pub code: String,
}

pub const ROOT: usize = 0;
pub const PRODUCER: usize = 1;
pub const CERTIFIER: usize = 2;
pub const OCOP: usize = 3;
pub const ROGUE: usize = 4;

pub fn passport_url() -> String {
    format!("https://{PRODUCER_HOST}/passports/{LOT}.json")
}

pub fn producer_list_url(purpose: &str) -> String {
    format!("https://{PRODUCER_HOST}/status/{purpose}.json")
}

pub fn certifier_list_url(host: &str) -> String {
    format!("https://{host}/status/revocation.json")
}

/// A `BitstringStatusListEntry`.
pub fn status_entry(list: &str, purpose: &str, index: u64) -> Value {
    let mut entry = json!({
        "id": format!("{list}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": list,
    });
    if purpose == "message" {
        entry["statusSize"] = json!(2);
        entry["statusMessage"] = json!([
            {"status": "0x0", "message": "On sale"},
            {"status": "0x1", "message": "Recalled: do not eat"},
            {"status": "0x2", "message": "Counterfeit labels reported"},
            {"status": "0x3", "message": "Sale suspended"}
        ]);
    }
    entry
}

/// `encode_status_list` once per distinct list (GZIP at its best level is
/// slow in debug builds, and most scenarios share their lists).
pub fn encoded_list(set: &[(u64, u8)], size: u32, entries: usize) -> String {
    use std::sync::{Mutex, OnceLock};
    type Cache = Mutex<HashMap<(Vec<(u64, u8)>, u32, usize), String>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (set.to_vec(), size, entries);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let encoded = encode_status_list(set, size, entries);
    if let Ok(mut c) = cache.lock() {
        c.insert(key, encoded.clone());
    }
    encoded
}

/// A status list credential with `set` entries.
pub fn status_list(issuer: &str, url: &str, purpose: &str, set: &[(u64, u8)]) -> Value {
    let size = if purpose == "message" { 2 } else { 1 };
    json!({
        "@context": [VC],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": stamp(-1),
        "validUntil": stamp(30),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded_list(set, size, 131_072)
        }
    })
}

/// A conformity credential for `scheme`, issued to the producer.
pub fn certification(issuer: &str, url: &str, scheme: &str, holder: &str, index: u64) -> Value {
    let list = certifier_list_url(url_host(url));
    json!({
        "@context": [VC, "https://test.uncefact.org/vocabulary/untp/dcc/0.6.0/"],
        "id": url,
        "type": ["VerifiableCredential", "DigitalConformityCredential"],
        "issuer": {"id": issuer, "name": "Certifier"},
        "validFrom": stamp(-300),
        "validUntil": stamp(400),
        "credentialStatus": [status_entry(&list, "revocation", index)],
        "credentialSubject": {
            "type": ["ConformityAttestation"],
            "id": format!("{url}#attestation"),
            "scheme": {"code": scheme, "name": scheme.to_uppercase()},
            "certificateNumber": format!("{scheme}-0001"),
            "issuedToParty": {"id": holder, "name": "Coop"},
            "assessedProducts": [{"registeredId": gtin("00001")}],
            "assessmentDate": "2025-12-01"
        }
    })
}

fn url_host(url: &str) -> &str {
    url.trim_start_matches("https://")
        .split('/')
        .next()
        .unwrap_or_default()
}

/// A product passport for `gtin`/`lot` (claims filled in when published).
pub fn passport(issuer: &str, gtin: &str, lot: &str) -> Value {
    json!({
        "@context": [VC, "https://test.uncefact.org/vocabulary/untp/dpp/0.6.0/"],
        "id": passport_url(),
        "type": ["VerifiableCredential", "DigitalProductPassport"],
        "issuer": {"id": issuer, "name": [{"@value": "HTX Nhãn", "@language": "vi"}]},
        "validFrom": stamp(-1),
        "validUntil": stamp(1000),
        "credentialStatus": [
            status_entry(&producer_list_url("revocation"), "revocation", 1000),
            status_entry(&producer_list_url("message"), "message", 1037)
        ],
        "credentialSubject": {
            "type": ["ProductPassport"],
            "id": format!("https://id.gs1.org/01/{gtin}/10/{lot}"),
            "product": {
                "type": ["Product"],
                "id": format!("https://id.gs1.org/01/{gtin}/10/{lot}"),
                "name": [{"@value": "Nhãn lồng", "@language": "vi"}, {"@value": "Longan", "@language": "en"}],
                "registeredId": gtin,
                "batchNumber": lot,
                "productionDate": "2026-11-20",
                "expiryDate": "2026-12-20",
                "producedByParty": {"id": issuer, "name": "HTX"}
            },
            "conformityClaim": [],
            "traceabilityEvents": []
        }
    })
}

/// A trust-list entry.
pub fn listing(did: &str, roles: &[&str], prefixes: &[&str], schemes: &[&str]) -> Value {
    json!({
        "id": did, "name": "Listed", "roles": roles,
        "gs1CompanyPrefixes": prefixes, "schemes": schemes,
        "validFrom": stamp(-400), "validUntil": stamp(1500)
    })
}

impl Scenario {
    /// The genuine world: everything verifies.
    pub fn genuine() -> Scenario {
        let issuers = vec![
            Issuer::did_key(1),
            Issuer::did_web(2, PRODUCER_HOST),
            Issuer::did_key(3),
            Issuer::did_key(4),
            Issuer::did_key(5),
        ];
        let producer = issuers[PRODUCER].did.clone();
        let trust_list = json!({
            "@context": [VC, "https://tracecheck.example/ns/v1"],
            "id": "https://trust.example/list.json",
            "type": ["VerifiableCredential", "TraceTrustList"],
            "issuer": issuers[ROOT].did,
            "validFrom": stamp(-30),
            "validUntil": stamp(365),
            "credentialSubject": {
                "id": "urn:example:trust-list",
                "name": "Test trust list",
                "issuers": [
                    listing(&producer, &["producer"], &[PREFIX], &[]),
                    listing(&issuers[CERTIFIER].did, &["certifier"], &[], &["vietgap", "organic"]),
                    listing(&issuers[OCOP].did, &["certifier"], &[], &["ocop"])
                ],
                "resolvers": [{"host": "resolver.example", "name": "Resolver"}]
            }
        });
        let cert = |n: usize, signer: usize, scheme: &str, host: &str| {
            let url = format!("https://{host}/certificates/{scheme}.json");
            Doc {
                body: certification(&issuers[signer].did, &url, scheme, &producer, 10 + n as u64),
                url,
                signer,
                securing: Securing::Jose,
            }
        };
        let certifications = vec![
            cert(0, CERTIFIER, "vietgap", "cert.example"),
            cert(1, CERTIFIER, "organic", "cert.example"),
            cert(2, OCOP, "ocop", "ocop.example"),
        ];
        let list = |signer: usize, url: String, purpose: &str, securing: Securing| Doc {
            body: status_list(&issuers[signer].did, &url, purpose, &[(7, 1)]),
            url,
            signer,
            securing,
        };
        // The council publishes its list as VC-JOSE: both formats everywhere.
        let status_lists = vec![
            list(
                PRODUCER,
                producer_list_url("revocation"),
                "revocation",
                Securing::Di,
            ),
            list(
                PRODUCER,
                producer_list_url("message"),
                "message",
                Securing::Di,
            ),
            list(
                CERTIFIER,
                certifier_list_url("cert.example"),
                "revocation",
                Securing::Di,
            ),
            list(
                OCOP,
                certifier_list_url("ocop.example"),
                "revocation",
                Securing::Jose,
            ),
        ];
        let mut extra = HashMap::new();
        extra.insert(
            format!("https://{PRODUCER_HOST}/.well-known/did.json"),
            json_answer(&issuers[PRODUCER].did_document()),
        );
        let passport = Doc {
            body: passport(&producer, &gtin("00001"), LOT),
            url: passport_url(),
            signer: PRODUCER,
            securing: Securing::Di,
        };
        Scenario {
            issuers,
            trust_list,
            passport,
            certifications,
            status_lists,
            extra,
            after: Vec::new(),
            down: Vec::new(),
            code: format!("{RESOLVER}/01/{}/10/{LOT}", gtin("00001")),
        }
    }

    /// Signs and serves everything; returns the fetcher and the context.
    pub fn publish(&self) -> (MemoryFetch, Context) {
        let mut files = self.extra.clone();
        let mut claims = Vec::new();
        for doc in &self.certifications {
            let served = self.secure(doc);
            let digest: String = Sha256::digest(&served.body)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let scheme = doc.body["credentialSubject"]["scheme"]["code"].clone();
            claims.push(json!({
                "type": ["Claim"],
                "referenceScheme": {"code": scheme, "name": scheme},
                "conformityEvidence": {"linkURL": doc.url, "hashMethod": "SHA-256", "hashDigest": digest}
            }));
            files.insert(doc.url.clone(), served);
        }
        for doc in &self.status_lists {
            files.insert(doc.url.clone(), self.secure(doc));
        }
        let mut passport = Doc {
            body: self.passport.body.clone(),
            url: self.passport.url.clone(),
            signer: self.passport.signer,
            securing: self.passport.securing.clone(),
        };
        if passport.body["credentialSubject"]["conformityClaim"] == json!([]) {
            passport.body["credentialSubject"]["conformityClaim"] = Value::Array(claims);
        }
        let media = match passport.securing {
            Securing::Jose => "application/vc+jwt",
            _ => "application/vc+ld+json",
        };
        files.insert(passport.url.clone(), self.secure(&passport));
        let code_path = self.code.trim_start_matches(RESOLVER).to_owned();
        files
            .entry(format!("{RESOLVER}{code_path}"))
            .or_insert_with(|| {
                json_answer(&json!({"linkset": [{
                    "anchor": format!("{RESOLVER}{code_path}"),
                    "https://test.uncefact.org/vocabulary/linkTypes/dpp": [
                        {"href": passport.url, "type": media, "hreflang": ["vi"]}
                    ]
                }]}))
            });
        for (url, change) in &self.after {
            if let Some(served) = files.get_mut(url) {
                change(&mut served.body);
            }
        }
        for url in &self.down {
            files.remove(url);
        }
        let root = &self.issuers[ROOT];
        let trust_bytes =
            serde_json::to_vec(&root.sign_di(&self.trust_list, "assertionMethod", None))
                .unwrap_or_default();
        let trust = load_trust_list(&trust_bytes, &root.did, now());
        let ctx = Context::new(now(), trust);
        (MemoryFetch::new(files), ctx)
    }

    fn secure(&self, doc: &Doc) -> Served {
        let signer = &self.issuers[doc.signer];
        let json = |value: &Value| json_answer(value);
        match &doc.securing {
            Securing::Di => json(&signer.sign_di(&doc.body, "assertionMethod", None)),
            Securing::DiPurpose(purpose) => json(&signer.sign_di(&doc.body, purpose, None)),
            Securing::DiExpired(days) => {
                json(&signer.sign_di(&doc.body, "assertionMethod", Some(stamp(-days))))
            }
            Securing::DiCreated(created) => {
                let options = ProofOptions {
                    verification_method: signer.method.clone(),
                    created: created.clone(),
                    proof_purpose: "assertionMethod".into(),
                    expires: None,
                };
                json(&sign(&doc.body, signer.key.signing_key(), &options))
            }
            Securing::Jose => Served {
                status: 200,
                content_type: Some("application/vc+jwt".into()),
                body: signer.sign_jose(&doc.body).into_bytes(),
                location: None,
            },
            Securing::None => json(&doc.body),
        }
    }

    /// Publishes and verifies the scenario's code.
    pub fn verify(&self) -> (Report, MemoryFetch) {
        let (fetch, ctx) = self.publish();
        let report = run(&fetch.net, verify_code(&self.code, &ctx, &fetch));
        (report, fetch)
    }
}

/// A JSON answer.
pub fn json_answer(value: &Value) -> Served {
    Served {
        status: 200,
        content_type: Some("application/json".into()),
        body: serde_json::to_vec_pretty(value).unwrap_or_default(),
        location: None,
    }
}

/// Answers from memory; every other URL is unreachable. Each answer can
/// take simulated time (`latency`, in ms): the clock is virtual, advanced
/// by [`run`] to the next answer due, so tests measure how long a
/// verification waits, and how many round trips it makes one after
/// another, without sleeping.
pub struct MemoryFetch {
    pub files: HashMap<String, Served>,
    pub requests: RefCell<Vec<String>>,
    /// Milliseconds each URL takes to answer (default `default_latency`).
    pub latency: HashMap<String, f64>,
    pub default_latency: f64,
    pub net: Rc<Net>,
}

/// The simulated network's clock and the requests waiting on it.
#[derive(Default)]
pub struct Net {
    pub clock: Cell<f64>,
    timers: RefCell<Vec<(f64, Waker)>>,
}

impl MemoryFetch {
    pub fn new(files: HashMap<String, Served>) -> MemoryFetch {
        MemoryFetch {
            files,
            requests: RefCell::new(Vec::new()),
            latency: HashMap::new(),
            default_latency: 0.0,
            net: Rc::new(Net::default()),
        }
    }
}

impl Fetch for MemoryFetch {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        self.requests.borrow_mut().push(request.url.clone());
        let latency = self
            .latency
            .get(&request.url)
            .copied()
            .unwrap_or(self.default_latency);
        let timeout = f64::from(request.timeout_ms);
        let start = self.net.clock.get();
        Delay {
            net: Rc::clone(&self.net),
            at: start + latency.min(timeout),
        }
        .await;
        if latency > timeout {
            return Err(FetchError::Timeout);
        }
        let served = self
            .files
            .get(&request.url)
            .ok_or(FetchError::Unreachable)?;
        Ok(Response {
            url: request.url,
            status: served.status,
            content_type: served.content_type.clone(),
            location: served.location.clone(),
            body: served.body.clone(),
        })
    }

    fn now_ms(&self) -> f64 {
        self.net.clock.get()
    }
}

/// Ready once the virtual clock reaches `at`.
struct Delay {
    net: Rc<Net>,
    at: f64,
}

impl Future for Delay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<()> {
        if self.net.clock.get() >= self.at {
            return Poll::Ready(());
        }
        self.net
            .timers
            .borrow_mut()
            .push((self.at, cx.waker().clone()));
        Poll::Pending
    }
}

struct Flag(AtomicBool);
impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs `future` on `net`'s virtual clock: whenever it waits, the clock
/// jumps to the next answer due.
pub fn run<T>(net: &Net, future: impl Future<Output = T>) -> T {
    let flag = Arc::new(Flag(AtomicBool::new(true)));
    let waker = Waker::from(Arc::clone(&flag));
    let mut cx = TaskContext::from_waker(&waker);
    let mut future = Box::pin(future);
    loop {
        flag.0.store(false, Ordering::SeqCst);
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
        if flag.0.load(Ordering::SeqCst) {
            continue;
        }
        let mut timers = net.timers.take();
        let next = timers
            .iter()
            .map(|(at, _)| *at)
            .fold(f64::INFINITY, f64::min);
        assert!(next.is_finite(), "the verification waits on nothing");
        net.clock.set(next.max(net.clock.get()));
        let (due, later): (Vec<_>, Vec<_>) = timers.drain(..).partition(|(at, _)| *at <= next);
        net.timers.borrow_mut().extend(later);
        due.into_iter().for_each(|(_, waker)| waker.wake());
    }
}

/// The checks that did not pass (Skipped ones are not failures).
pub fn failing(report: &Report) -> Vec<CheckId> {
    let mut ids: Vec<CheckId> = report
        .checks
        .iter()
        .filter(|c| !matches!(c.outcome, Outcome::Pass | Outcome::Skipped))
        .map(|c| c.id)
        .collect();
    ids.dedup();
    ids
}

pub fn finding(report: &Report, id: CheckId) -> Finding {
    report
        .checks
        .iter()
        .find(|c| c.id == id && c.outcome != Outcome::Pass)
        .map(|c| c.finding.clone())
        .unwrap_or(Finding::NotReached)
}

/// Verifies `scenario` and checks its level and failing checks.
pub fn expect(name: &str, scenario: &Scenario, level: Level, fails: &[CheckId]) -> Report {
    let (report, _) = scenario.verify();
    assert_ne!(report.level, Level::Verified, "{name}: came out Verified");
    assert_eq!(report.level, level, "{name}: {:#?}", report.checks);
    assert_eq!(failing(&report), fails, "{name}: {:#?}", report.checks);
    report
}
