//! What the rules ask a product passport to show, item by item: present and
//! vouched for by the checks, present but not vouched for, or missing.
//!
//! The items follow the minimum content of a digital product passport as
//! published summaries give Decree 37/2026/NĐ-CP, Art. 32 (under Law
//! 78/2025/QH15), and what Circular 02/2024/TT-BKHCN has a consumer see; the
//! sources and how each item is read are in docs/verifier.md, "The passport
//! checklist".

use serde::Serialize;

use super::{Level, Outcome, Report};
use crate::credential::Passport;

/// One thing a passport must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The product's name and GTIN.
    NameAndGtin,
    /// The producer's (or importer's) name, address and identifier.
    Producer,
    /// The origin, or the place of the last finishing stage.
    Origin,
    /// Traceability information: the supply-chain steps.
    Traceability,
    /// Conformity and quality certificates.
    Certificates,
    /// Production and expiry dates.
    Dates,
    /// Safety warnings.
    SafetyWarnings,
}

/// How a requirement is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Present, in a record the checks vouch for (for certificates: each
    /// claimed certificate checked out).
    Verified,
    /// Present, but not vouched for: the record failed its checks, a
    /// certificate did not check out, or (for batch items) the code named
    /// no batch.
    Unverified,
    /// Not in the record.
    Missing,
}

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// What is asked for.
    pub requirement: Requirement,
    /// How the record meets it.
    pub presence: Presence,
}

impl Requirement {
    /// Every requirement, in the order shown.
    pub const ALL: [Requirement; 7] = [
        Requirement::NameAndGtin,
        Requirement::Producer,
        Requirement::Origin,
        Requirement::Traceability,
        Requirement::Certificates,
        Requirement::Dates,
        Requirement::SafetyWarnings,
    ];

    /// Whether the item belongs to one batch (lot), not the product.
    fn per_batch(self) -> bool {
        matches!(self, Requirement::Traceability | Requirement::Dates)
    }
}

/// The checklist of `report`'s record; empty when no record was read.
pub fn checklist(report: &Report) -> Vec<ChecklistItem> {
    let Some(passport) = &report.passport else {
        return Vec::new();
    };
    let vouched = report.verified.is_some() && report.level.vouches();
    let batch_checked = report
        .verified
        .as_ref()
        .is_some_and(|verified| verified.batch.is_some());
    Requirement::ALL
        .into_iter()
        .map(|requirement| {
            let presence = if !present(passport, requirement) {
                Presence::Missing
            } else if requirement == Requirement::Certificates {
                certificates(report, vouched)
            } else if vouched && (batch_checked || !requirement.per_batch()) {
                Presence::Verified
            } else {
                Presence::Unverified
            };
            ChecklistItem {
                requirement,
                presence,
            }
        })
        .collect()
}

/// Whether the record (as written) has the item at all.
fn present(passport: &Passport, requirement: Requirement) -> bool {
    let product = &passport.product;
    match requirement {
        Requirement::NameAndGtin => !product.name.is_empty() && product.gtin.is_some(),
        Requirement::Producer => passport.producer.as_ref().is_some_and(|producer| {
            !producer.name.is_empty()
                && producer.address.is_some()
                && (producer.registered_id.is_some() || producer.id.is_some())
        }),
        Requirement::Origin => {
            passport
                .facility
                .as_ref()
                .is_some_and(|f| f.address.is_some() || f.location.is_some())
                || product.country.is_some()
        }
        Requirement::Traceability => !passport.events.is_empty(),
        Requirement::Certificates => !passport.claims.is_empty(),
        Requirement::Dates => product.production_date.is_some() && product.expiry_date.is_some(),
        Requirement::SafetyWarnings => !product.safety_warning.is_empty(),
    }
}

fn certificates(report: &Report, vouched: bool) -> Presence {
    let all_checked = report
        .certifications
        .iter()
        .all(|c| c.verified.is_some() && c.outcome == Outcome::Pass);
    if vouched && all_checked && !report.certifications.is_empty() {
        Presence::Verified
    } else {
        Presence::Unverified
    }
}

impl Report {
    /// The passport checklist of this report (see [`checklist`]).
    pub fn checklist(&self) -> Vec<ChecklistItem> {
        checklist(self)
    }

    /// The check that decided the verdict: the first, in display order,
    /// with the outcome the level comes from; `None` when every check
    /// passed (Verified, ProductVerified).
    pub fn decisive_check(&self) -> Option<&super::Check> {
        let wanted: &[Outcome] = match self.level {
            Level::Verified | Level::ProductVerified => return None,
            Level::Caution => &[Outcome::Caution],
            Level::Recalled => &[Outcome::Recalled],
            Level::Counterfeit => &[Outcome::Counterfeit],
            Level::NotVerifiable => &[Outcome::Unverifiable, Outcome::Recalled, Outcome::Caution],
        };
        wanted
            .iter()
            .find_map(|outcome| self.checks.iter().find(|check| check.outcome == *outcome))
    }
}
