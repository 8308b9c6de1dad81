//! Recent scans, kept on this phone only (localStorage), so the widget can
//! say "you scanned this code before on …". Never sent anywhere.

use serde::{Deserialize, Serialize};

use super::storage;

const KEY: &str = "tracecheck.history";
/// How many scans are kept.
const KEEP: usize = 20;

/// One past verification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// What was scanned or typed.
    pub code: String,
    /// When, in milliseconds since 1970 (the browser's clock).
    pub at_ms: f64,
    /// The verdict level, as the core serialises it (`verified`…).
    pub level: String,
    /// The product's name as shown then, if there was a record.
    pub name: Option<String>,
}

/// Every kept scan, most recent first. Unreadable storage reads as empty.
pub fn load() -> Vec<Visit> {
    storage::get(KEY)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The last time `code` was verified, if kept.
pub fn last_for(code: &str) -> Option<Visit> {
    load().into_iter().find(|visit| visit.code == code)
}

/// Remembers `visit` as the most recent, once per code.
pub fn record(visit: Visit) {
    let mut visits = load();
    visits.retain(|old| old.code != visit.code);
    visits.insert(0, visit);
    visits.truncate(KEEP);
    if let Ok(text) = serde_json::to_string(&visits) {
        storage::set(KEY, &text);
    }
}

/// Forgets every scan.
pub fn clear() {
    storage::set(KEY, "[]");
}
