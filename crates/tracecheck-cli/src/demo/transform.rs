//! The demo's deliberately bad samples that data cannot make: each a small
//! change to a published registry, named for what a forger does.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use tracecheck_core::resolve::WebUrl;

use crate::publish::State;
use crate::registry::{Registry, linkset_path};

fn passport_path<'a>(state: &'a State, batch: &str) -> Result<&'a str, String> {
    state
        .batches
        .get(batch)
        .map(|r| r.path.as_str())
        .ok_or_else(|| format!("demo: no batch {batch}"))
}

/// Tampered: a genuine signature, then the expiry date pushed back.
pub fn push_back_expiry(
    registry: &mut Registry,
    state: &State,
    batch: &str,
    expiry: &str,
) -> Result<(), String> {
    let path = passport_path(state, batch)?.to_owned();
    let bytes = registry
        .files
        .get(&path)
        .ok_or_else(|| format!("demo: no file {path}"))?;
    let mut passport: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    passport["credentialSubject"]["product"]["expiryDate"] = expiry.into();
    registry.put_json(&path, &passport);
    Ok(())
}

/// A copied record re-served as a JWS that declares itself unsigned
/// (`alg: none`, no signature).
pub fn strip_signature(registry: &mut Registry, state: &State, batch: &str) -> Result<(), String> {
    let path = passport_path(state, batch)?.to_owned();
    let token = registry
        .files
        .get(&path)
        .ok_or_else(|| format!("demo: no file {path}"))?;
    let token = String::from_utf8_lossy(token).trim().to_owned();
    let payload = token.split('.').nth(1).ok_or("demo: not a JWS")?;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"vc+jwt","cty":"vc"}"#);
    registry
        .files
        .insert(path, format!("{header}.{payload}.").into_bytes());
    Ok(())
}

/// A fake label reusing a genuine record's link: `code` resolves to
/// `batch`'s passport, whose GTIN and lot differ.
pub fn misdirect(
    registry: &mut Registry,
    state: &State,
    batch: &str,
    code: &[(&str, &str)],
    base: &str,
) -> Result<(), String> {
    let genuine = linkset_path(
        &state_key_path(registry, state, batch)?
            .iter()
            .map(|(a, v)| (a.clone(), v.clone()))
            .collect::<Vec<_>>(),
    );
    let mut linkset: Value = registry
        .files
        .get(&genuine)
        .and_then(|b| serde_json::from_slice(b).ok())
        .ok_or_else(|| format!("demo: no linkset {genuine}"))?;
    let code: Vec<(String, String)> = code
        .iter()
        .map(|(a, v)| ((*a).to_owned(), (*v).to_owned()))
        .collect();
    let anchor: String = code.iter().map(|(ai, v)| format!("/{ai}/{v}")).collect();
    linkset["linkset"][0]["anchor"] = format!("{base}{anchor}").into();
    registry.put_json(&linkset_path(&code), &linkset);
    Ok(())
}

/// The key path a batch's passport answers, read from the passport itself.
fn state_key_path(
    registry: &Registry,
    state: &State,
    batch: &str,
) -> Result<Vec<(String, String)>, String> {
    let path = passport_path(state, batch)?;
    let passport: Value = registry
        .files
        .get(path)
        .and_then(|b| serde_json::from_slice(b).ok())
        .ok_or_else(|| format!("demo: no passport {path}"))?;
    let product = &passport["credentialSubject"]["product"];
    let mut key = vec![(
        "01".to_owned(),
        product["registeredId"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )];
    if let Some(lot) = product["batchNumber"].as_str() {
        key.push(("10".into(), lot.into()));
    }
    if let Some(serial) = product["serialNumber"].as_str() {
        key.push(("21".into(), serial.into()));
    }
    Ok(key)
}

/// The same server under another name: `localhost` for `127.0.0.1` and back.
pub fn alternative_base(base: &str) -> String {
    let Ok(url) = WebUrl::parse(base) else {
        return base.to_owned();
    };
    let port = url.authority.strip_prefix(url.host()).unwrap_or_default();
    let other = if url.host() == "127.0.0.1" {
        "localhost"
    } else {
        "127.0.0.1"
    };
    format!("{}://{other}{port}", url.scheme)
}
