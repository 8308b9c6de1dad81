//! A registry: the files a resolver serves (linksets, credentials, status
//! lists, the trust list) held in memory, written to or read from a folder.

use std::collections::BTreeMap;
use std::path::Path;

use crate::demo::Sample;

/// Files by path (no leading slash), plus the demo samples when built here.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// `path → bytes`.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The sample codes (empty for a registry read from disk without `samples.json`).
    pub samples: Vec<Sample>,
}

/// Where linksets live: `linksets/01/{gtin}[/10/{lot}[/21/{serial}]].json`.
pub const LINKSET_DIR: &str = "linksets";

impl Registry {
    /// The sample named `id`.
    pub fn sample(&self, id: &str) -> Option<&Sample> {
        self.samples.iter().find(|s| s.id == id)
    }

    /// Adds a JSON file.
    pub fn put_json(&mut self, path: &str, value: &serde_json::Value) {
        let bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
        self.files.insert(path.to_owned(), bytes);
    }

    /// The linkset for a Digital Link path (`/01/…/10/…`): the most specific
    /// one registered, dropping qualifiers from the right.
    pub fn linkset_for(&self, ai_path: &[(String, String)]) -> Option<&[u8]> {
        (1..=ai_path.len()).rev().find_map(|n| {
            self.files
                .get(&linkset_path(&ai_path[..n]))
                .map(Vec::as_slice)
        })
    }

    /// Writes every file under `dir`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        for (path, bytes) in &self.files {
            let target = dir.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, bytes)?;
        }
        Ok(())
    }

    /// Reads every file under `dir`.
    pub fn read_from(dir: &Path) -> std::io::Result<Registry> {
        let mut registry = Registry::default();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let path = entry?.path();
                if path.is_dir() {
                    pending.push(path);
                } else if let Ok(relative) = path.strip_prefix(dir) {
                    // Precompressed copies and the publication marker are for
                    // static servers (`tracecheck nginx`), not answers.
                    let name = relative.to_string_lossy();
                    if name.ends_with(".gz") || name.starts_with('.') {
                        continue;
                    }
                    let key = relative.to_string_lossy().replace('\\', "/");
                    registry.files.insert(key, std::fs::read(&path)?);
                }
            }
        }
        Ok(registry)
    }
}

/// Where the linkset of a Digital Link key path is:
/// `linksets/01/{gtin}[/10/{lot}][/21/{serial}].json`, the values as they
/// are (percent-decoded), so that a static server finds it from the
/// request's decoded path alone (`tracecheck nginx`). Publishing refuses
/// values that no file path can hold (`.`, `..`, empty segments).
pub fn linkset_path(ai_path: &[(String, String)]) -> String {
    let key: String = ai_path
        .iter()
        .map(|(ai, value)| format!("/{ai}/{value}"))
        .collect();
    format!("{LINKSET_DIR}{key}.json")
}

/// Keeps a path segment to safe file-name characters.
pub fn sanitize(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}
