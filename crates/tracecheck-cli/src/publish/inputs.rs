//! Where the input files come from: a data folder on disk, or files held
//! in memory (the demo's, and tests').

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The data a publication reads.
pub enum Inputs {
    /// A folder with `issuers.csv`, `products.csv`… and the pictures they name.
    Dir(PathBuf),
    /// Files by relative path.
    Memory(BTreeMap<String, Vec<u8>>),
}

impl Inputs {
    /// The bytes of `name`, `None` when there is no such file.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        match self {
            Inputs::Dir(dir) => match std::fs::read(dir.join(name)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error.to_string()),
            },
            Inputs::Memory(files) => Ok(files.get(name).cloned()),
        }
    }

    /// Whether `path` stays inside the data folder (no `..`, not absolute).
    pub fn is_safe_relative(&self, path: &str) -> bool {
        let path = Path::new(path);
        !path.as_os_str().is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))
    }
}
