//! Where a publication writes: a registry held in memory (the demo, tests),
//! or a staging folder beside the live registry that replaces it in one
//! step when everything is written — a failed or interrupted run leaves the
//! live registry as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::PublishError;
use crate::registry::Registry;

/// Receives registry files.
pub trait Output {
    /// Writes `bytes` at registry path `path`.
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), PublishError>;
    /// Keeps the previous run's file at `path` as it is, if there is one.
    fn keep(&mut self, path: &str) -> Result<bool, PublishError>;
}

impl Output for Registry {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), PublishError> {
        self.files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn keep(&mut self, _path: &str) -> Result<bool, PublishError> {
        Ok(false)
    }
}

/// Files whose type compresses well get a `.gz` beside them, for servers
/// that send precompressed files (nginx `gzip_static`, object stores with
/// `Content-Encoding` metadata). Small files gain nothing.
const GZIP_MIN: usize = 1024;

fn compressible(path: &str) -> bool {
    [
        ".json",
        ".jwt",
        ".svg",
        ".html",
        ".css",
        ".js",
        ".wasm",
        ".webmanifest",
    ]
    .iter()
    .any(|ext| path.ends_with(ext))
}

/// A staging folder that becomes the registry on [`Staged::commit`].
pub struct Staged {
    live: PathBuf,
    staging: PathBuf,
    /// Write `.gz` copies of compressible files.
    pub gzip: bool,
    committed: bool,
    /// Files written, and files kept from the previous run.
    pub counts: (u64, u64),
    /// Folders already made (a million files share a few thousand).
    made: std::collections::HashSet<PathBuf>,
}

impl Staged {
    /// A fresh staging folder beside `live` (same file system, so that the
    /// final rename is atomic).
    pub fn begin(live: &Path, gzip: bool) -> Result<Staged, PublishError> {
        let parent = live
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = live
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("registry");
        std::fs::create_dir_all(parent).map_err(|e| PublishError::io(parent, e))?;
        remove_leftovers(parent, name);
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        std::fs::create_dir_all(&staging).map_err(|e| PublishError::io(&staging, e))?;
        Ok(Staged {
            live: live.to_path_buf(),
            staging,
            gzip,
            committed: false,
            counts: (0, 0),
            made: std::collections::HashSet::new(),
        })
    }

    /// Replaces the live registry with the staged one: an atomic exchange
    /// where the OS has one (Linux `renameat2(RENAME_EXCHANGE)`), else two
    /// renames in a row.
    pub fn commit(mut self) -> Result<(), PublishError> {
        let old = self.staging.with_extension("old");
        if self.live.exists() {
            if exchange(&self.staging, &self.live).is_ok() {
                std::fs::rename(&self.staging, &old).map_err(|e| PublishError::io(&old, e))?;
            } else {
                std::fs::rename(&self.live, &old).map_err(|e| PublishError::io(&self.live, e))?;
                std::fs::rename(&self.staging, &self.live)
                    .map_err(|e| PublishError::io(&self.live, e))?;
            }
            let _ = std::fs::remove_dir_all(&old);
        } else {
            std::fs::rename(&self.staging, &self.live)
                .map_err(|e| PublishError::io(&self.live, e))?;
        }
        self.committed = true;
        Ok(())
    }

    fn target(&mut self, path: &str) -> Result<PathBuf, PublishError> {
        let relative = Path::new(path);
        if !relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            return Err(PublishError::Io {
                path: path.to_owned(),
                reason: "not a path inside the registry".into(),
            });
        }
        let target = self.staging.join(relative);
        if let Some(parent) = target.parent() {
            if !self.made.contains(parent) {
                std::fs::create_dir_all(parent).map_err(|e| PublishError::io(parent, e))?;
                self.made.insert(parent.to_path_buf());
            }
        }
        Ok(target)
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}

/// Staging folders of runs that died (their process is gone).
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.staging-");
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let file = entry.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid
            .is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

impl Output for Staged {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), PublishError> {
        let target = self.target(path)?;
        std::fs::write(&target, bytes).map_err(|e| PublishError::io(&target, e))?;
        if self.gzip && compressible(path) && bytes.len() >= GZIP_MIN {
            let gz = gzip_path(&target);
            std::fs::write(&gz, gzip(bytes)).map_err(|e| PublishError::io(&gz, e))?;
        }
        self.counts.0 += 1;
        Ok(())
    }

    fn keep(&mut self, path: &str) -> Result<bool, PublishError> {
        let previous = self.live.join(path);
        if !previous.is_file() {
            return Ok(false);
        }
        let target = self.target(path)?;
        link_or_copy(&previous, &target)?;
        let gz = gzip_path(&previous);
        if gz.is_file() {
            link_or_copy(&gz, &gzip_path(&target))?;
        }
        self.counts.1 += 1;
        Ok(true)
    }
}

fn link_or_copy(from: &Path, to: &Path) -> Result<(), PublishError> {
    std::fs::hard_link(from, to)
        .or_else(|_| std::fs::copy(from, to).map(|_| ()))
        .map_err(|e| PublishError::io(to, e))
}

/// `file.json` → `file.json.gz`.
pub fn gzip_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

/// GZIP at the best level (files are compressed once, served many times).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Replaces one file of a live folder in one step (a temporary file, then
/// a rename), and its `.gz` when `gzip` is set.
pub fn replace_file(path: &Path, bytes: &[u8], gzip_too: bool) -> Result<(), PublishError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| PublishError::io(parent, e))?;
    }
    let write = |target: &Path, data: &[u8]| -> Result<(), PublishError> {
        let temp = target.with_extension(format!("tmp-{}", std::process::id()));
        let mut file = std::fs::File::create(&temp).map_err(|e| PublishError::io(&temp, e))?;
        file.write_all(data)
            .and_then(|()| file.sync_all())
            .map_err(|e| PublishError::io(&temp, e))?;
        std::fs::rename(&temp, target).map_err(|e| PublishError::io(target, e))
    };
    write(path, bytes)?;
    let gz = gzip_path(path);
    if gzip_too && bytes.len() >= GZIP_MIN && compressible(&path.to_string_lossy()) {
        write(&gz, &gzip(bytes))?;
    } else if gz.exists() {
        // A stale .gz would be served instead of the new file.
        std::fs::remove_file(&gz).map_err(|e| PublishError::io(&gz, e))?;
    }
    Ok(())
}

/// Writes a `.gz` beside every compressible file under `dir` that has none
/// or an older one; returns how many were written.
pub fn gzip_tree(dir: &Path) -> Result<usize, PublishError> {
    let mut written = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| PublishError::io(&folder, e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let name = path.to_string_lossy();
            if !compressible(&name) {
                continue;
            }
            let gz = gzip_path(&path);
            let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
            if gz.exists() && modified(&gz) >= modified(&path) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| PublishError::io(&path, e))?;
            if bytes.len() >= GZIP_MIN {
                replace_file(&gz, &gzip(&bytes), false)?;
                written += 1;
            }
        }
    }
    Ok(written)
}
