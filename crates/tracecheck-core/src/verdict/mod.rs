//! The verdict: every check the record went through, each with its outcome
//! and finding, and the level they add up to (DESIGN.md §5).

mod certification;
mod check;
mod finding;
mod pipeline;
mod record;
mod report;
mod run;
mod status_check;

pub use check::{Check, CheckId, Outcome};
pub use finding::Finding;
pub use pipeline::{Context, verify_code, verify_document};
pub use report::{CertificationReport, Level, Report, TrustListSummary};
