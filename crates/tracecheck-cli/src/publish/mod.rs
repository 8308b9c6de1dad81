//! `tracecheck publish`: from a producer's CSV files to a registry of
//! static files that any web server, object store or CDN can serve —
//! signed passports and certificates, status lists, a linkset for every
//! Digital Link path, `did:web` documents, the trust list and
//! `config.json` — plus label sheets to print (docs/publishing.md).
//!
//! [`publish`] is pure over its inputs, keys, state and clock: the same
//! input and state give the same files, byte for byte. Files whose inputs
//! did not change are kept from the previous run rather than signed again.

mod columns;
mod documents;
pub mod error;
mod inputs;
pub mod keyring;
pub mod labels;
mod model;
pub mod output;
pub mod site;
pub mod state;
pub mod status;
mod table;
pub mod trust_list;
mod values;

pub use error::{Place, Problem, PublishError, RowError};
pub use inputs::Inputs;
pub use keyring::Keyring;
pub use model::{Batch, Issuer, Model, ProofFormat, Text};
pub use output::{Output, Staged};
pub use state::{Recall, Record, State};

use std::collections::BTreeMap;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime, UtcOffset};
use tracecheck_core::resolve::WebUrl;

use crate::registry::{linkset_path, sanitize};
use model::{Certification, Image};

/// How to publish.
#[derive(Clone)]
pub struct Options {
    /// Where the registry is served (`https://registry.example.vn`).
    pub base_url: String,
    /// The time of publication: proofs are created then.
    pub now: OffsetDateTime,
    /// The publisher's time zone, for times written without one.
    pub zone: UtcOffset,
    /// How long a passport stays valid after it is signed.
    pub passport_validity: Duration,
    /// How long a signed status list or trust list stays current; they are
    /// signed again once half of it has passed.
    pub list_validity: Duration,
    /// The trust list to sign with the root's key, if this registry carries one.
    pub trust_list: Option<trust_list::Plan>,
    /// Collect the batches whose label sheets must be (re)drawn.
    pub labels: bool,
}

/// Vietnam's time zone (UTC+7, no daylight saving).
pub const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

impl Options {
    /// Defaults for `base_url` at `now`: Vietnam time, passports valid three
    /// years, lists refreshed within a month.
    pub fn new(base_url: &str, now: OffsetDateTime) -> Options {
        Options {
            base_url: base_url.trim_end_matches('/').to_owned(),
            now,
            zone: VIETNAM,
            passport_validity: Duration::days(3 * 365),
            list_validity: Duration::days(30),
            trust_list: None,
            labels: true,
        }
    }
}

/// A label sheet to print for one batch.
#[derive(Debug, Clone)]
pub struct LabelJob {
    /// The batch.
    pub batch: Batch,
    /// The Digital Link in its QR code.
    pub code: String,
}

/// What a publication did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Credentials signed in this run (passports, certificates, lists, trust list).
    pub signed: u64,
    /// Credentials kept from the previous run unchanged.
    pub kept: u64,
    /// Passports in the registry.
    pub passports: u64,
    /// Status lists in the registry.
    pub status_lists: u64,
    /// Labels to (re)print: batches that are new or changed.
    pub labels: Vec<LabelJob>,
    /// Notes that are not errors.
    pub warnings: Vec<String>,
    /// The root DID pinned in `config.json`, when a trust list was signed.
    pub root: Option<String>,
}

/// The hash in a credential's file name: of its inputs and the key that
/// signs it, so that a URL's content never changes (servers cache
/// credentials for a year).
fn file_hash(print: &str, signer: &keyring::Signer<'_>) -> String {
    fingerprint(&json!([print, signer.method]))[..12].to_owned()
}

/// SHA-256 of `value`'s JSON, hex.
fn fingerprint(value: &Value) -> String {
    hex(&Sha256::digest(
        serde_json::to_vec(value).unwrap_or_default(),
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct Run<'a> {
    model: &'a Model,
    keys: &'a Keyring,
    options: &'a Options,
    state: &'a mut State,
    out: &'a mut dyn Output,
    summary: Summary,
}

/// Publishes `inputs` into `out`, updating `state`.
pub fn publish(
    inputs: &Inputs,
    keys: &Keyring,
    state: &mut State,
    options: &Options,
    out: &mut dyn Output,
) -> Result<Summary, PublishError> {
    if WebUrl::parse(&options.base_url).is_err() {
        return Err(PublishError::Option {
            reason: format!("--base-url: not an http(s) URL: {}", options.base_url),
        });
    }
    let model = Model::load(inputs, options.zone).map_err(PublishError::Input)?;
    check_keys(&model, keys, options)?;
    let mut run = Run {
        model: &model,
        keys,
        options,
        state,
        out,
        summary: Summary {
            warnings: model.warnings.clone(),
            ..Summary::default()
        },
    };
    run.did_documents()?;
    let images = run.media(inputs)?;
    let claims = run.certificates()?;
    run.passports(&claims, &images)?;
    if let Some(plan) = &options.trust_list {
        let root = trust_list::publish(&mut run, plan)?;
        run.summary.root = Some(root);
    }
    status::write_lists(&mut run)?;
    run.config()?;
    run.state.run += 1;
    run.state.base_url = options.base_url.clone();
    Ok(run.summary)
}

fn check_keys(model: &Model, keys: &Keyring, options: &Options) -> Result<(), PublishError> {
    let mut errors = Vec::new();
    let mut need = |issuer: &str, file: &str, line: u64| {
        if !keys.has(issuer)
            && !errors.iter().any(
                |e: &RowError| matches!(&e.problem, Problem::NoKey { issuer: i } if i == issuer),
            )
        {
            errors.push(RowError {
                place: Place {
                    file: file.into(),
                    line,
                    column: None,
                },
                problem: Problem::NoKey {
                    issuer: issuer.to_owned(),
                },
            });
        }
    };
    for batch in &model.batches {
        need(&batch.producer, model::PRODUCTS_CSV, batch.line);
    }
    for cert in model.certifications.values() {
        need(&cert.certifier, model::CERTIFICATIONS_CSV, cert.line);
    }
    if let Some(plan) = &options.trust_list {
        need(&plan.root, "--root", 0);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PublishError::Input(errors))
    }
}

/// Which key signed a record: its number among the issuer's keys.
fn key_number(signer: &keyring::Signer<'_>) -> String {
    signer
        .method
        .rsplit('#')
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl Run<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.options.base_url)
    }

    fn issuer(&self, id: &str) -> Result<&Issuer, PublishError> {
        self.model
            .issuers
            .get(id)
            .ok_or_else(|| PublishError::Option {
                reason: format!("no issuer \"{id}\" in issuers.csv"),
            })
    }

    fn owner(issuer: &Issuer, key: &str) -> String {
        owner(issuer, key)
    }

    /// The signer that made `record`, if its key is still in the keyring.
    fn signer_of<'k>(
        keys: &'k Keyring,
        issuer: &Issuer,
        record: &Record,
    ) -> Option<keyring::Signer<'k>> {
        keys.all(issuer)
            .into_iter()
            .find(|s| record.key.as_deref() == Some(key_number(s).as_str()))
    }

    fn did_documents(&mut self) -> Result<(), PublishError> {
        let base = WebUrl::parse(&self.options.base_url).map_err(|_| PublishError::Option {
            reason: "bad base URL".into(),
        })?;
        for issuer in self.model.issuers.values() {
            let Some(did) = &issuer.did_web else {
                continue;
            };
            let url =
                tracecheck_core::keys::did_web_url(did).map_err(|_| PublishError::Option {
                    reason: format!("{did}: not a did:web DID"),
                })?;
            let document_url = WebUrl::parse(&url).map_err(|_| PublishError::Option {
                reason: format!("{did}: bad did:web"),
            })?;
            if document_url.authority != base.authority {
                return Err(PublishError::Input(vec![RowError {
                    place: Place {
                        file: model::ISSUERS_CSV.into(),
                        line: 0,
                        column: None,
                    },
                    problem: Problem::DidWeb {
                        reason: format!(
                            "{did} is served by {}, but this registry is served at {}",
                            document_url.authority, base.authority
                        ),
                    },
                }]));
            }
            let methods = self
                .keys
                .all(issuer)
                .iter()
                .map(keyring::Signer::verification_method)
                .collect();
            let document = documents::did_document(did, methods);
            let path = document_url.rest.trim_start_matches('/').to_owned();
            self.out.write(&path, &pretty(&document))?;
        }
        Ok(())
    }

    fn media(&mut self, inputs: &Inputs) -> Result<BTreeMap<String, String>, PublishError> {
        let mut urls = BTreeMap::new();
        for batch in &self.model.batches {
            let Some(Image::File(file)) = &batch.image else {
                continue;
            };
            if urls.contains_key(file) {
                continue;
            }
            let bytes = inputs.read(file).ok().flatten().ok_or_else(|| {
                PublishError::Input(vec![RowError {
                    place: Place {
                        file: model::PRODUCTS_CSV.into(),
                        line: batch.line,
                        column: None,
                    },
                    problem: Problem::Unreadable {
                        reason: format!("image {file} not found in the data folder"),
                    },
                }])
            })?;
            let name: Vec<String> = file.split('/').map(sanitize).collect();
            let name = name.join("/");
            let path = if name.starts_with("media/") {
                name
            } else {
                format!("media/{name}")
            };
            self.out.write(&path, &bytes)?;
            urls.insert(file.clone(), self.url(&path));
        }
        Ok(urls)
    }

    /// A record for `id` in `records`: the earlier one while its owner is
    /// unchanged, else a fresh slot.
    fn record_for(
        state: &mut State,
        existing: Option<Record>,
        issuer: &Issuer,
        signer: &keyring::Signer<'_>,
    ) -> Record {
        let owner = Self::owner(issuer, &key_number(signer));
        match existing {
            Some(record) if record.owner_key(issuer) == owner => record,
            existing => {
                let slot = state.allocate(&owner);
                Record {
                    issuer: issuer.id.clone(),
                    key: Some(key_number(signer)),
                    slot,
                    fingerprint: String::new(),
                    issued: String::new(),
                    path: String::new(),
                    digest: String::new(),
                    revoked: existing.as_ref().is_some_and(|r| r.revoked),
                    suspended: existing.as_ref().is_some_and(|r| r.suspended),
                    recall: existing.and_then(|r| r.recall),
                }
            }
        }
    }

    fn status_url(&self, owner: &str, purpose: &str, list: u64) -> String {
        self.url(&status::list_path(owner, purpose, list))
    }

    /// Signs `unsigned` (or keeps the previous file when its fingerprint is
    /// unchanged), stores it at `path` and fills in `record`.
    fn issue(
        &mut self,
        record: &mut Record,
        signer: &keyring::Signer<'_>,
        fingerprint: String,
        path: String,
        build: impl FnOnce(OffsetDateTime) -> Value,
        format: ProofFormat,
    ) -> Result<(), PublishError> {
        let unchanged = record.fingerprint == fingerprint && record.path == path;
        if unchanged && self.out.keep(&path)? {
            self.summary.kept += 1;
            return Ok(());
        }
        // Same inputs, file gone (a memory registry): sign again at the same
        // time, which gives the same bytes.
        let issued = if unchanged {
            tracecheck_core::time::parse_timestamp(&record.issued).unwrap_or(self.options.now)
        } else {
            self.options.now
        };
        let unsigned = build(issued);
        let bytes = match format {
            ProofFormat::DataIntegrity => pretty(&signer.sign_di(&unsigned, issued)),
            ProofFormat::Jose => signer.sign_jose(&unsigned).into_bytes(),
        };
        self.out.write(&path, &bytes)?;
        self.summary.signed += 1;
        record.fingerprint = fingerprint;
        record.issued = documents::stamp(issued);
        record.path = path;
        record.digest = hex(&Sha256::digest(&bytes));
        record.key = Some(key_number(signer));
        Ok(())
    }

    /// Every certificate: its URL and digest by id.
    fn certificates(&mut self) -> Result<BTreeMap<String, (String, String)>, PublishError> {
        let mut claims = BTreeMap::new();
        let zone = self.options.zone;
        for cert in self.model.certifications.values() {
            let certifier = self.issuer(&cert.certifier)?.clone();
            let holder = self.issuer(&cert.holder)?.clone();
            let existing = self.state.certificates.get(&cert.id).cloned();
            let keys = self.keys;
            let current = keys.signer(&certifier).ok_or_else(|| no_key(&certifier))?;
            let keep_signer = existing
                .as_ref()
                .and_then(|r| Self::signer_of(keys, &certifier, r));
            let signer = keep_signer.unwrap_or(current);
            let mut record = Self::record_for(self.state, existing, &certifier, &signer);
            let owner = Self::owner(&certifier, record.key.as_deref().unwrap_or_default());
            let (list, index) = state::position(record.slot);
            let status = documents::status_entry(
                &self.status_url(&owner, "revocation", list),
                "revocation",
                index,
                None,
            );
            let holder_party = documents::party(&self.holder_did(&holder)?, &holder.name);
            let certifier_party = documents::party(&signer.did, &certifier.name);
            let recipe = json!({"cert": cert, "holder": holder_party, "certifier": certifier_party, "status": status});
            let print = fingerprint(&recipe);
            let path = format!(
                "credentials/certificates/{}-{}.json",
                sanitize(&cert.id),
                file_hash(&print, &signer)
            );
            let url = self.url(&path);
            let build = |_: OffsetDateTime| {
                documents::certificate(
                    cert,
                    &url,
                    certifier_party.clone(),
                    holder_party.clone(),
                    status.clone(),
                    zone,
                )
            };
            self.issue(
                &mut record,
                &signer,
                print,
                path,
                build,
                ProofFormat::DataIntegrity,
            )?;
            claims.insert(cert.id.clone(), (url, record.digest.clone()));
            self.state.certificates.insert(cert.id.clone(), record);
        }
        Ok(claims)
    }

    /// The DID a holder's credentials are issued by (its current key's).
    fn holder_did(&self, holder: &Issuer) -> Result<String, PublishError> {
        match &holder.did_web {
            Some(did) => Ok(did.clone()),
            None => self
                .keys
                .signer(holder)
                .map(|s| s.did)
                .ok_or_else(|| no_key(holder)),
        }
    }

    fn passports(
        &mut self,
        claims: &BTreeMap<String, (String, String)>,
        images: &BTreeMap<String, String>,
    ) -> Result<(), PublishError> {
        let model = self.model;
        let zone = self.options.zone;
        for batch in &model.batches {
            let producer = self.issuer(&batch.producer)?.clone();
            let existing = self.state.batches.get(&batch.id).cloned();
            let keys = self.keys;
            let current = keys.signer(&producer).ok_or_else(|| no_key(&producer))?;
            let keep_signer = existing
                .as_ref()
                .and_then(|r| Self::signer_of(keys, &producer, r));
            let signer = keep_signer.unwrap_or(current);
            let mut record = Self::record_for(self.state, existing, &producer, &signer);
            let owner = Self::owner(&producer, record.key.as_deref().unwrap_or_default());
            let (list, index) = state::position(record.slot);
            let status: Vec<Value> = status::PASSPORT_PURPOSES
                .iter()
                .map(|purpose| {
                    documents::status_entry(
                        &self.status_url(&owner, purpose, list),
                        purpose,
                        index,
                        record.recall.as_ref(),
                    )
                })
                .collect();
            let producer_party = documents::party(&signer.did, &producer.name);
            let facility = batch
                .facility
                .as_ref()
                .and_then(|f| model.facilities.get(f));
            let events: Vec<Value> = model
                .events
                .get(&batch.id)
                .into_iter()
                .flatten()
                .map(|event| {
                    let actor = match event.actor.as_ref().and_then(|a| model.issuers.get(a)) {
                        Some(actor) if actor.id != producer.id => {
                            let did = self.holder_did(actor).unwrap_or_default();
                            documents::party(&did, &actor.name)
                        }
                        _ => producer_party.clone(),
                    };
                    let place = event
                        .facility
                        .as_ref()
                        .and_then(|f| model.facilities.get(f));
                    documents::event(event, place, actor, zone)
                })
                .collect();
            let batch_claims: Vec<Value> = batch
                .certifications
                .iter()
                .filter_map(|id| {
                    let cert: &Certification = model.certifications.get(id)?;
                    let (url, digest) = claims.get(id)?;
                    Some(documents::claim(cert, url, digest))
                })
                .collect();
            let image = match &batch.image {
                Some(Image::Url(url)) => Some(url.clone()),
                Some(Image::File(file)) => images.get(file).cloned(),
                None => None,
            };
            let recipe = json!({
                "batch": batch, "events": events, "claims": batch_claims, "status": status,
                "producer": producer_party, "facility": facility.map(documents::facility), "image": image,
                "validity": self.options.passport_validity.whole_seconds(),
            });
            let print = fingerprint(&recipe);
            let (ext, media_type) = match batch.proof {
                ProofFormat::DataIntegrity => ("json", "application/vc+ld+json"),
                ProofFormat::Jose => ("jwt", "application/vc+jwt"),
            };
            let mut stem = sanitize(batch.lot.as_deref().unwrap_or("item"));
            if let Some(serial) = &batch.serial {
                stem = format!("{stem}-{}", sanitize(serial));
            }
            let path = format!(
                "credentials/passports/{}/{stem}-{}.{ext}",
                batch.gtin,
                file_hash(&print, &signer)
            );
            let url = self.url(&path);
            let validity = self.options.passport_validity;
            let build = |issued: OffsetDateTime| {
                documents::passport(
                    batch,
                    documents::PassportParts {
                        url: &url,
                        producer: producer_party.clone(),
                        facility,
                        image: image.clone(),
                        claims: batch_claims.clone(),
                        events: events.clone(),
                        status: status.clone(),
                        valid: (issued, issued + validity),
                    },
                )
            };
            let changed = record.fingerprint != print;
            self.issue(&mut record, &signer, print, path, build, batch.proof)?;
            let key_path = batch.key_path();
            let base = self.options.base_url.clone();
            let linkset = documents::linkset(&base, &key_path, &url, media_type);
            self.write_linkset(&key_path, &linkset)?;
            if batch.gtin_default {
                let gtin_only = vec![("01".to_owned(), batch.gtin.clone())];
                let linkset = documents::linkset(&base, &gtin_only, &url, media_type);
                self.write_linkset(&gtin_only, &linkset)?;
            }
            if changed && self.options.labels {
                self.summary.labels.push(LabelJob {
                    batch: batch.clone(),
                    code: documents::digital_link(&base, &key_path),
                });
            }
            self.summary.passports += 1;
            self.state.batches.insert(batch.id.clone(), record);
        }
        Ok(())
    }

    fn write_linkset(
        &mut self,
        key_path: &[(String, String)],
        linkset: &Value,
    ) -> Result<(), PublishError> {
        let path = linkset_path(key_path);
        self.out.write(&path, &pretty(linkset))
    }

    fn config(&mut self) -> Result<(), PublishError> {
        let mut config = json!({"defaultResolver": self.options.base_url});
        if let Some(root) = &self.summary.root {
            config["root"] = json!(root);
            config["trustList"] = json!("/trust-list.json");
        }
        self.out.write("config.json", &pretty(&config))
    }
}

/// The owner of the status lists an issuer's key writes into: the issuer
/// for a `did:web` (its DID outlives its keys), the key itself for a
/// `did:key` (a list must be signed by the credential's issuer).
pub(crate) fn owner(issuer: &Issuer, key: &str) -> String {
    match issuer.did_web {
        Some(_) => issuer.id.clone(),
        None => format!("{}/{}", issuer.id, sanitize(key)),
    }
}

fn no_key(issuer: &Issuer) -> PublishError {
    PublishError::Input(vec![RowError {
        place: Place {
            file: model::ISSUERS_CSV.into(),
            line: 0,
            column: None,
        },
        problem: Problem::NoKey {
            issuer: issuer.id.clone(),
        },
    }])
}

/// Vietnamese and English text.
pub fn model_text(vi: &str, en: &str) -> Text {
    let some = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
    Text {
        vi: some(vi),
        en: some(en),
    }
}

/// The issuers of a data folder (issuers.csv alone: a recall must not wait
/// for an unrelated mistake in another file).
pub fn load_issuers(inputs: &Inputs) -> Result<BTreeMap<String, Issuer>, PublishError> {
    model::load_issuers(inputs).map_err(PublishError::Input)
}

/// The issuer ids of a data folder.
pub fn issuer_ids(inputs: &Inputs) -> Result<Vec<String>, PublishError> {
    Ok(load_issuers(inputs)?.into_keys().collect())
}

/// Pretty JSON bytes (registries are read by people too).
pub fn pretty(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap_or_default()
}

impl Record {
    /// The owner of the lists this record's entries are in.
    fn owner_key(&self, issuer: &Issuer) -> String {
        Run::owner(issuer, self.key.as_deref().unwrap_or_default())
    }
}
