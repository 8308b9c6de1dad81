//! The verdict: every check the record went through, each with its outcome
//! and finding, the level they add up to (DESIGN.md §5), and the facts the
//! checks vouch for.

mod certification;
mod check;
mod checklist;
mod facts;
mod fetcher;
mod finding;
mod load;
mod pipeline;
mod record;
mod report;
mod signature;
mod status_check;

pub use check::{Check, CheckId, Outcome};
pub use checklist::{ChecklistItem, Presence, Requirement, checklist};
pub use facts::{
    VerifiedBatch, VerifiedCertification, VerifiedProducer, VerifiedProduct, VerifiedRecord,
};
pub use fetcher::{FetchLimits, MAX_REDIRECTS};
pub use finding::Finding;
pub use load::{Config, ConfigError, check_trust_list, load_context, load_trust};
pub use pipeline::{Context, verify_code, verify_document};
pub use report::{CertificationReport, Level, Report, TrustListSummary};
