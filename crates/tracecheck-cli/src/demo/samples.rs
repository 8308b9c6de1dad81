//! The codes the demo offers, good and bad, with the verdict each must get.

use serde::Serialize;

/// What a sample's verification must come out as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    /// Verified.
    Verified,
    /// Caution.
    Caution,
    /// Warning: possible counterfeit.
    Counterfeit,
    /// Not verifiable.
    NotVerifiable,
}

/// One demo code.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    /// Short id (`longan`, `tampered`…).
    pub id: String,
    /// What it shows, in Vietnamese.
    pub title_vi: String,
    /// What it shows, in English.
    pub title_en: String,
    /// The text in its QR code.
    pub code: String,
    /// The verdict it must get.
    pub expected: Expectation,
}

impl Sample {
    pub(crate) fn new(id: &str, vi: &str, en: &str, code: String, expected: Expectation) -> Self {
        Sample {
            id: id.into(),
            title_vi: vi.into(),
            title_en: en.into(),
            code,
            expected,
        }
    }
}
