//! The keys issuers sign with: one folder per issuer holding its keys as
//! `key-0001.key`, `key-0002.key`… (Multikey secrets, mode 0600). The
//! highest number signs; every key still in the folder stays listed (in
//! its `did:web` document, or in the trust list for `did:key` issuers), so
//! credentials signed before a rotation keep verifying until the old key
//! file is retired.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use time::OffsetDateTime;
use tracecheck_core::issue::IssuerKey;

use super::model::Issuer;

/// One issuer key and the names a verifier finds it by.
pub struct Signer<'a> {
    key: &'a IssuerKey,
    /// The issuer's DID.
    pub did: String,
    /// The verification method (DID URL) of this key.
    pub method: String,
}

impl Signer<'_> {
    /// An eddsa-jcs-2022 proof made at `created`.
    pub fn sign_di(&self, credential: &Value, created: OffsetDateTime) -> Value {
        self.key.sign_as(credential, created, &self.method)
    }

    /// A VC-JOSE compact JWS.
    pub fn sign_jose(&self, credential: &Value) -> String {
        self.key.sign_jose_as(credential, &self.method)
    }

    /// This key as a DID document's verification method.
    pub fn verification_method(&self) -> Value {
        json!({
            "id": self.method,
            "type": "Multikey",
            "controller": self.did,
            "publicKeyMultibase": self.key.public_multibase(),
        })
    }
}

/// Issuer id → keys, oldest first.
#[derive(Default)]
pub struct Keyring {
    keys: BTreeMap<String, Vec<(u32, IssuerKey)>>,
}

/// Why keys could not be read or made.
pub type KeyError = String;

impl Keyring {
    /// Adds `key` as `issuer`'s newest (the demo's keys come from seeds).
    pub fn insert(&mut self, issuer: &str, key: IssuerKey) {
        let keys = self.keys.entry(issuer.to_owned()).or_default();
        let number = keys.last().map_or(1, |(n, _)| n + 1);
        keys.push((number, key));
    }

    /// Reads `dir/{issuer}/key-NNNN.key` for every issuer folder.
    pub fn from_dir(dir: &Path) -> Result<Keyring, KeyError> {
        let mut keyring = Keyring::default();
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let folder = entry.path();
            let Some(issuer) = folder
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_owned)
            else {
                continue;
            };
            if !folder.is_dir() || issuer.starts_with('.') {
                continue;
            }
            let mut numbered = Vec::new();
            for file in std::fs::read_dir(&folder)
                .map_err(|e| format!("{}: {e}", folder.display()))?
                .flatten()
            {
                let path = file.path();
                if let Some(number) = key_number(&path) {
                    numbered.push((number, path));
                }
            }
            numbered.sort();
            for (number, path) in numbered {
                let key = read_key(&path)?;
                keyring
                    .keys
                    .entry(issuer.clone())
                    .or_default()
                    .push((number, key));
            }
        }
        Ok(keyring)
    }

    /// The key that signs for `issuer` now (its newest).
    pub fn signer(&self, issuer: &Issuer) -> Option<Signer<'_>> {
        let (number, key) = self.keys.get(&issuer.id)?.last()?;
        Some(signer(issuer, *number, key))
    }

    /// Every key of `issuer`, oldest first.
    pub fn all(&self, issuer: &Issuer) -> Vec<Signer<'_>> {
        self.keys
            .get(&issuer.id)
            .into_iter()
            .flatten()
            .map(|(number, key)| signer(issuer, *number, key))
            .collect()
    }

    /// Every issuer's keys: number and did:key, oldest first.
    pub fn describe(&self) -> Value {
        self.keys
            .iter()
            .map(|(issuer, keys)| {
                let list: Vec<Value> = keys
                    .iter()
                    .map(|(n, k)| json!({"key": format!("key-{n:04}.key"), "didKey": k.did()}))
                    .collect();
                (issuer.clone(), Value::Array(list))
            })
            .collect::<serde_json::Map<String, Value>>()
            .into()
    }

    /// Whether `issuer` has a key.
    pub fn has(&self, issuer: &str) -> bool {
        self.keys.get(issuer).is_some_and(|k| !k.is_empty())
    }
}

fn signer<'a>(issuer: &Issuer, number: u32, key: &'a IssuerKey) -> Signer<'a> {
    match &issuer.did_web {
        Some(did) => Signer {
            key,
            did: did.clone(),
            method: format!("{did}#key-{number}"),
        },
        None => Signer {
            key,
            did: key.did(),
            method: key.method(),
        },
    }
}

/// `key-0007.key` → 7.
fn key_number(path: &Path) -> Option<u32> {
    let name = path.file_name()?.to_str()?;
    let digits = name.strip_prefix("key-")?.strip_suffix(".key")?;
    digits
        .parse()
        .ok()
        .filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads a secret key file, refusing one that others may read (as ssh does).
fn read_key(path: &Path) -> Result<IssuerKey, KeyError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(format!(
                "{}: readable by others (mode {:o}); run chmod 600 on it",
                path.display(),
                mode & 0o777
            ));
        }
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    IssuerKey::from_secret_multibase(&text)
        .map_err(|e| format!("{}: not a secret key ({e:?})", path.display()))
}

/// Creates `dir/{issuer}/key-NNNN.key` (the next number, mode 0600) and
/// returns its path and key.
pub fn new_key(dir: &Path, issuer: &str) -> Result<(PathBuf, IssuerKey), KeyError> {
    let folder = dir.join(issuer);
    create_private_dir(&folder)?;
    let next = std::fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .flatten()
        .filter_map(|f| key_number(&f.path()))
        .max()
        .unwrap_or(0)
        + 1;
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).map_err(|e| format!("no randomness from the OS: {e}"))?;
    let key = IssuerKey::from_seed(seed);
    let path = folder.join(format!("key-{next:04}.key"));
    write_secret(&path, &key.secret_multibase()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((path, key))
}

/// Writes a new secret file readable by its owner only; never overwrites.
pub fn write_secret(path: &Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    writeln!(file, "{secret}")?;
    file.sync_all()
}

fn create_private_dir(dir: &Path) -> Result<(), KeyError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))
}
