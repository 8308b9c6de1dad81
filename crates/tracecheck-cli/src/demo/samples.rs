//! The codes the demo offers, good and bad, with the verdict each must get
//! (`data/samples.csv`).

use serde::Serialize;
use tracecheck_core::verdict::Level;

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
    /// The verdict it must get (the core's own level, by its name).
    pub expected: Level,
}

/// Reads the expanded samples file.
pub fn read(text: &str) -> Result<Vec<Sample>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut samples = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("demo samples: {e}"))?;
        let cell = |i: usize| record.get(i).unwrap_or_default().to_owned();
        let expected = Level::from_code(&cell(4))
            .ok_or_else(|| format!("demo samples: unknown verdict {}", cell(4)))?;
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
