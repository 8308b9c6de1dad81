//! Status lists: which bits are set follows from the state (revoked,
//! suspended, recalled records); each list is signed by its owner and
//! signed again only when its bits change or half its validity has passed.
//! Also `tracecheck revoke | suspend | recall`: change a record, then sign
//! the lists it touches.

use std::collections::BTreeMap;

use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use tracecheck_core::issue::encode_status_list;

use super::error::PublishError;
use super::keyring::Signer;
use super::model::Issuer;
use super::state::{self, LIST_ENTRIES, ListRecord, Record, State};
use super::{Run, documents, hex, key_number, pretty};

/// `status/{owner}/{purpose}-{n}.json`.
pub fn list_path(owner: &str, purpose: &str, list: u64) -> String {
    format!("status/{owner}/{purpose}-{list}.json")
}

/// One list to write: its owner, purpose and number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ListId {
    /// Issuer id, or `issuer/key` for a `did:key` issuer.
    pub owner: String,
    /// `revocation`, `suspension` or `message`.
    pub purpose: &'static str,
    /// From 1.
    pub number: u64,
}

/// Every list the records use, with the `(index, value)` pairs set in it.
pub fn lists_of(
    state: &State,
    owners: &dyn Fn(&Record) -> Option<String>,
) -> BTreeMap<ListId, Vec<(u64, u8)>> {
    let mut lists: BTreeMap<ListId, Vec<(u64, u8)>> = BTreeMap::new();
    let passports = state.batches.values().map(|r| (r, true));
    let others = state
        .certificates
        .values()
        .chain(state.trust_list.as_ref())
        .map(|r| (r, false));
    for (record, passport) in passports.chain(others) {
        let Some(owner) = owners(record) else {
            continue;
        };
        let (number, index) = state::position(record.slot);
        let purposes: &[&'static str] = if passport {
            &PASSPORT_PURPOSES
        } else {
            &["revocation"]
        };
        for purpose in purposes {
            // A recall sets its own bit (the verdict "recalled") and the
            // message list's value 1, which carries the producer's notice.
            let value = match *purpose {
                "revocation" => u8::from(record.revoked),
                "suspension" => u8::from(record.suspended),
                _ => u8::from(record.recall.is_some()),
            };
            let set = lists
                .entry(ListId {
                    owner: owner.clone(),
                    purpose,
                    number,
                })
                .or_default();
            if value != 0 {
                set.push((index, value));
            }
        }
    }
    for set in lists.values_mut() {
        set.sort_unstable();
    }
    lists
}

/// The status entries every passport carries: the REC's revocation,
/// suspension and message purposes, and tracecheck's `recall`.
pub const PASSPORT_PURPOSES: [&str; 4] = ["revocation", "suspension", "recall", "message"];

/// A signed list credential.
pub fn signed_list(
    signer: &Signer<'_>,
    url: &str,
    purpose: &str,
    set: &[(u64, u8)],
    at: OffsetDateTime,
    validity: time::Duration,
) -> Vec<u8> {
    let size = if purpose == "message" { 2 } else { 1 };
    let encoded = encode_status_list(set, size, LIST_ENTRIES as usize);
    let unsigned = documents::status_list(url, &signer.did, purpose, &encoded, (at, at + validity));
    pretty(&signer.sign_di(&unsigned, at))
}

/// The digest of what a list says.
fn list_digest(signer: &Signer<'_>, url: &str, set: &[(u64, u8)]) -> String {
    let value = json!({"did": signer.did, "url": url, "set": set});
    hex(&Sha256::digest(
        serde_json::to_vec(&value).unwrap_or_default(),
    ))
}

/// Whether a list signed at `signed` must be signed again at `now`.
pub fn due(
    record: Option<&ListRecord>,
    digest: &str,
    now: OffsetDateTime,
    validity: time::Duration,
) -> bool {
    let Some(record) = record else {
        return true;
    };
    let signed = tracecheck_core::time::parse_timestamp(&record.signed);
    record.digest != digest || signed.is_none_or(|at| now > at + validity / 2 || at > now)
}

/// The signer of an owner's lists, with the issuer it belongs to.
pub fn owner_signer<'k>(
    run_keys: &'k super::Keyring,
    issuers: &BTreeMap<String, Issuer>,
    owner: &str,
) -> Option<Signer<'k>> {
    let (issuer_id, key) = match owner.split_once('/') {
        Some((issuer, key)) => (issuer, Some(key)),
        None => (owner, None),
    };
    let issuer = issuers.get(issuer_id)?;
    match key {
        // A did:key issuer's lists are signed by that very key.
        Some(key) => run_keys
            .all(issuer)
            .into_iter()
            .find(|s| crate::registry::sanitize(&key_number(s)) == key),
        None => run_keys.signer(issuer),
    }
}

/// What signing lists needs.
pub struct Lists<'a> {
    /// Signing keys.
    pub keys: &'a super::Keyring,
    /// Issuers by id.
    pub issuers: &'a BTreeMap<String, Issuer>,
    /// Where the registry is served.
    pub base_url: &'a str,
    /// Now.
    pub now: OffsetDateTime,
    /// How long a list stays current.
    pub validity: time::Duration,
}

/// Signs every list that changed or is due, keeps the others; returns
/// (lists in the registry, lists signed, warnings).
pub fn write_all(
    lists: &Lists<'_>,
    state: &mut State,
    out: &mut dyn super::Output,
) -> Result<(u64, u64, Vec<String>), PublishError> {
    let issuers = lists.issuers;
    let owners = |record: &Record| {
        issuers
            .get(&record.issuer)
            .map(|issuer| super::owner(issuer, record.key.as_deref().unwrap_or_default()))
    };
    let wanted = lists_of(state, &owners);
    let (mut total, mut signed, mut warnings) = (0, 0, Vec::new());
    for (id, set) in wanted {
        let path = list_path(&id.owner, id.purpose, id.number);
        let Some(signer) = owner_signer(lists.keys, issuers, &id.owner) else {
            // The key was retired: its credentials' status can no longer be vouched for.
            warnings.push(format!("no key left to sign {path}"));
            continue;
        };
        let url = format!("{}/{path}", lists.base_url);
        let digest = list_digest(&signer, &url, &set);
        let record = state.lists.get(&path).cloned();
        total += 1;
        let is_due = due(record.as_ref(), &digest, lists.now, lists.validity);
        if !is_due && out.keep(&path)? {
            continue;
        }
        // Not due but gone (a memory registry): the same time gives the same bytes.
        let at = match &record {
            Some(r) if !is_due => {
                tracecheck_core::time::parse_timestamp(&r.signed).unwrap_or(lists.now)
            }
            _ => lists.now,
        };
        out.write(
            &path,
            &signed_list(&signer, &url, id.purpose, &set, at, lists.validity),
        )?;
        signed += 1;
        state.lists.insert(
            path,
            ListRecord {
                digest,
                signed: documents::stamp(at),
            },
        );
    }
    Ok((total, signed, warnings))
}

pub(super) fn write_lists(run: &mut Run<'_>) -> Result<(), PublishError> {
    let lists = Lists {
        keys: run.keys,
        issuers: &run.model.issuers,
        base_url: &run.options.base_url,
        now: run.options.now,
        validity: run.options.list_validity,
    };
    let (total, signed, warnings) = write_all(&lists, run.state, run.out)?;
    run.summary.status_lists = total;
    run.summary.signed += signed;
    run.summary.kept += total - signed;
    run.summary.warnings.extend(warnings);
    Ok(())
}

/// What `tracecheck revoke | suspend | recall` does to a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Revoked for good.
    Revoke,
    /// Suspended.
    Suspend,
    /// Suspension lifted.
    Lift,
    /// Recalled: revoked, with a notice shoppers see.
    Recall(super::Recall),
}

/// Which record to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A batch, by its id in products.csv.
    Batch(String),
    /// A certificate, by its id in certifications.csv.
    Certificate(String),
    /// The registry's trust list.
    TrustList,
}

/// Why a change could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// No such record has been published.
    NotPublished(Target),
    /// A revoked credential cannot be reinstated (revocation is final).
    Final(Target),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |t: &Target| match t {
            Target::Batch(id) => format!("batch \"{id}\""),
            Target::Certificate(id) => format!("certificate \"{id}\""),
            Target::TrustList => "the trust list".to_owned(),
        };
        match self {
            ChangeError::NotPublished(t) => write!(
                f,
                "{} has not been published (run `tracecheck publish` first)",
                name(t)
            ),
            ChangeError::Final(t) => {
                write!(f, "{} is revoked: revocation cannot be undone", name(t))
            }
        }
    }
}

/// Applies `change` to the record `target` names.
pub fn apply(state: &mut State, target: &Target, change: &Change) -> Result<(), ChangeError> {
    let record = match target {
        Target::Batch(id) => state.batches.get_mut(id),
        Target::Certificate(id) => state.certificates.get_mut(id),
        Target::TrustList => state.trust_list.as_mut(),
    }
    .ok_or_else(|| ChangeError::NotPublished(target.clone()))?;
    match change {
        Change::Revoke => record.revoked = true,
        Change::Suspend => record.suspended = true,
        Change::Lift if record.revoked => return Err(ChangeError::Final(target.clone())),
        Change::Lift => record.suspended = false,
        Change::Recall(notice) => {
            record.revoked = true;
            record.recall = Some(notice.clone());
        }
    }
    Ok(())
}
