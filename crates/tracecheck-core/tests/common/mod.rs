//! Shared helpers for the vector tests: where the vectors live, and a tally
//! printed per vector folder (pass/total) in every `cargo test` run.

#![allow(dead_code)]

use std::path::PathBuf;

/// The repository's copy of the peer vectors (`tests/vectors/` at the top).
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// Reads a vector file as text.
pub fn read_text(relative: &str) -> String {
    let path = vectors_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads a vector file as JSON.
pub fn read_json(relative: &str) -> serde_json::Value {
    serde_json::from_str(&read_text(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Counts passes and lists failures; `finish` prints the tally and fails the
/// test if anything failed.
pub struct Tally {
    name: String,
    total: usize,
    failures: Vec<String>,
}

impl Tally {
    pub fn new(name: &str) -> Self {
        Tally {
            name: name.into(),
            total: 0,
            failures: Vec::new(),
        }
    }

    pub fn record(&mut self, case: &str, ok: bool, detail: impl FnOnce() -> String) {
        self.total += 1;
        if !ok {
            self.failures.push(format!("{case}: {}", detail()));
        }
    }

    pub fn finish(self) {
        use std::io::Write;
        let passed = self.total - self.failures.len();
        // Written to the real stderr, past libtest's capture (which only
        // catches print! and eprint!), so the tally shows without --nocapture.
        let _ = writeln!(
            std::io::stderr(),
            "VECTORS {}: {passed}/{} passed",
            self.name,
            self.total
        );
        assert!(self.total > 0, "{}: no cases ran", self.name);
        assert!(
            self.failures.is_empty(),
            "{} failures:\n{}",
            self.name,
            self.failures.join("\n")
        );
    }
}
