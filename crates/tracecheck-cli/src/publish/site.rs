//! A publication folder on disk: `registry/` (what a web server serves),
//! `labels/` (what a printer prints) and `state.json` (what the next run
//! needs). The registry is replaced in one step; the state is written
//! beside it first as `state.json.new` and renamed once the registry is in
//! place, so that a crash between the two is repaired by the next run and
//! a status-list slot is never handed out twice.

use std::path::{Path, PathBuf};

use super::error::PublishError;
use super::output::{Output, replace_file};
use super::state::State;

/// The marker the registry carries: the run that wrote it.
pub const RUN_MARKER: &str = ".tracecheck-run";

/// Paths of a publication folder.
pub struct Site {
    /// The folder.
    pub dir: PathBuf,
}

impl Site {
    /// The folder `dir`.
    pub fn new(dir: &Path) -> Site {
        Site {
            dir: dir.to_path_buf(),
        }
    }

    /// The registry to serve.
    pub fn registry(&self) -> PathBuf {
        self.dir.join("registry")
    }

    /// The label sheets.
    pub fn labels(&self) -> PathBuf {
        self.dir.join("labels")
    }

    fn state_path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    fn pending_path(&self) -> PathBuf {
        self.dir.join("state.json.new")
    }

    /// The state of the last completed run (a new one for a new folder),
    /// after repairing a run that died between its two final steps.
    pub fn load_state(&self) -> Result<State, PublishError> {
        let pending = self.pending_path();
        if let Ok(bytes) = std::fs::read(&pending) {
            let marker =
                std::fs::read_to_string(self.registry().join(RUN_MARKER)).unwrap_or_default();
            let state = State::parse(&bytes).map_err(|reason| PublishError::State { reason })?;
            if marker.trim() == state.run.to_string() {
                // The registry was replaced: its state is the pending one.
                std::fs::rename(&pending, self.state_path())
                    .map_err(|e| PublishError::io(&pending, e))?;
            } else {
                std::fs::remove_file(&pending).map_err(|e| PublishError::io(&pending, e))?;
            }
        }
        match std::fs::read(self.state_path()) {
            Ok(bytes) => State::parse(&bytes).map_err(|reason| PublishError::State { reason }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(State::new()),
            Err(error) => Err(PublishError::io(self.state_path(), error)),
        }
    }

    /// Writes the state the next registry goes with (before it replaces the live one).
    pub fn stage_state(&self, state: &State) -> Result<(), PublishError> {
        replace_file(&self.pending_path(), &state.to_bytes(), false)
    }

    /// Makes the staged state current (after the registry is in place).
    pub fn commit_state(&self) -> Result<(), PublishError> {
        let pending = self.pending_path();
        std::fs::rename(&pending, self.state_path()).map_err(|e| PublishError::io(&pending, e))
    }

    /// Writes the state at once (after an in-place change of the live registry).
    pub fn save_state(&self, state: &State) -> Result<(), PublishError> {
        replace_file(&self.state_path(), &state.to_bytes(), false)
    }
}

/// The live registry as an [`Output`]: each file replaced in one step
/// (`tracecheck revoke` re-signs status lists in place).
pub struct Live {
    /// The registry folder.
    pub dir: PathBuf,
    /// Whether `.gz` copies are kept beside files.
    pub gzip: bool,
}

impl Output for Live {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), PublishError> {
        replace_file(&self.dir.join(path), bytes, self.gzip)
    }

    fn keep(&mut self, path: &str) -> Result<bool, PublishError> {
        Ok(self.dir.join(path).is_file())
    }
}
