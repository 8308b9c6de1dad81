//! The state file: what earlier runs issued, so that a re-run is
//! incremental (unchanged inputs keep their signed files) and idempotent
//! (the same input gives the same registry), and so that every credential
//! keeps its status-list entries for life — an index is never handed out
//! twice, or revoking one batch would revoke another.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Entries in one status list: the Bitstring Status List minimum (§2.1:
/// at least 131,072, for herd privacy).
pub const LIST_ENTRIES: u64 = 131_072;

/// The state format this build reads and writes.
pub const VERSION: u32 = 1;

/// Everything earlier runs handed out.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct State {
    /// Format version.
    pub version: u32,
    /// The last run that completed (its registry carries the same number).
    pub run: u64,
    /// Where the registry is served (every URL inside it starts so).
    #[serde(default)]
    pub base_url: String,
    /// Whether the registry keeps `.gz` copies beside its files.
    #[serde(default)]
    pub gzip: bool,
    /// Status-list slots handed out, per issuer id.
    pub slots: BTreeMap<String, u64>,
    /// Passports by batch id.
    pub batches: BTreeMap<String, Record>,
    /// Certificates by certification id.
    pub certificates: BTreeMap<String, Record>,
    /// The trust list, when this registry publishes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_list: Option<Record>,
    /// Signed status lists by registry path.
    pub lists: BTreeMap<String, ListRecord>,
}

/// One issued credential.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Issuer id (whose lists hold its entries).
    pub issuer: String,
    /// The key that signed it (its verification method's fragment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its slot in the issuer's status lists.
    pub slot: u64,
    /// Digest of the inputs it was made from.
    pub fingerprint: String,
    /// When it was signed (RFC 3339).
    pub issued: String,
    /// Registry path of the signed file.
    pub path: String,
    /// SHA-256 (hex) of the file's bytes.
    pub digest: String,
    /// Revoked for good.
    #[serde(default, skip_serializing_if = "is_false")]
    pub revoked: bool,
    /// Suspended (may be lifted).
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspended: bool,
    /// A recall notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall: Option<Recall>,
}

/// A recall notice, shown to shoppers.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Recall {
    /// In Vietnamese.
    pub vi: String,
    /// In English.
    pub en: String,
}

/// One signed status list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ListRecord {
    /// Digest of what is set in it.
    pub digest: String,
    /// When it was signed (RFC 3339).
    pub signed: String,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Where slot `slot` sits: list number (from 1) and index in that list.
/// Slots are spread over each list by a fixed odd stride, so neighbouring
/// batches do not sit in neighbouring bits (the spec's advice against
/// correlating entries); any odd stride is a bijection modulo 2^17.
pub fn position(slot: u64) -> (u64, u64) {
    const STRIDE: u64 = 77_171;
    let list = slot / LIST_ENTRIES + 1;
    let index = (slot % LIST_ENTRIES * STRIDE + 4_099) % LIST_ENTRIES;
    (list, index)
}

impl State {
    /// A new state.
    pub fn new() -> State {
        State {
            version: VERSION,
            ..State::default()
        }
    }

    /// Reads a state file's bytes.
    pub fn parse(bytes: &[u8]) -> Result<State, String> {
        let state: State = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if state.version != VERSION {
            return Err(format!(
                "version {} (this build reads {VERSION})",
                state.version
            ));
        }
        Ok(state)
    }

    /// The state as JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Hands out `issuer`'s next slot.
    pub fn allocate(&mut self, issuer: &str) -> u64 {
        let next = self.slots.entry(issuer.to_owned()).or_insert(0);
        let slot = *next;
        *next += 1;
        slot
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn slots_never_share_a_bit() {
        let mut seen = HashSet::new();
        for slot in 0..LIST_ENTRIES + 10 {
            assert!(seen.insert(position(slot)), "slot {slot} reuses a bit");
        }
        assert_eq!(position(LIST_ENTRIES).0, 2);
        assert_ne!(position(1).1, position(0).1 + 1);
    }

    #[test]
    fn a_state_round_trips_and_refuses_other_versions() {
        let mut state = State::new();
        assert_eq!(state.allocate("coop"), 0);
        assert_eq!(state.allocate("coop"), 1);
        assert_eq!(State::parse(&state.to_bytes()), Ok(state));
        assert!(State::parse(br#"{"version":99}"#).is_err());
    }
}
