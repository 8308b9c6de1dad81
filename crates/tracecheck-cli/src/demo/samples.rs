//! The codes the demo offers, good and bad, with the verdict each must get
//! (`data/samples.csv`).

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

/// Reads the expanded samples file.
pub fn read(text: &str) -> Result<Vec<Sample>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut samples = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("demo samples: {e}"))?;
        let cell = |i: usize| record.get(i).unwrap_or_default().to_owned();
        let expected = match cell(4).as_str() {
            "verified" => Expectation::Verified,
            "caution" => Expectation::Caution,
            "counterfeit" => Expectation::Counterfeit,
            "not_verifiable" => Expectation::NotVerifiable,
            other => return Err(format!("demo samples: unknown verdict {other}")),
        };
        samples.push(Sample {
            id: cell(0),
            title_vi: cell(1),
            title_en: cell(2),
            code: cell(3),
            expected,
        });
    }
    Ok(samples)
}
