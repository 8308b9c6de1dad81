//! Web addresses of other traceability systems seen on Vietnamese packaging.

use serde::Serialize;

/// Other systems whose addresses appear on Vietnamese packaging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForeignSystem {
    /// The national traceability portal (truyxuatnguongoc.gov.vn and similar).
    NationalPortal,
    /// A provincial or commercial checking service (e.g. check.net.vn).
    CheckService,
    /// Any other web address.
    Website,
}

/// Which system `url` (an `http(s)://` address) belongs to.
pub(crate) fn foreign_system(url: &str) -> ForeignSystem {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if is("truyxuatnguongoc.gov.vn") || is("txng.gov.vn") || is("vnpt-txng.vn") {
        ForeignSystem::NationalPortal
    } else if is("check.net.vn") || is("truyxuat.vn") || is("icheck.vn") || is("icheck.com.vn") {
        ForeignSystem::CheckService
    } else {
        ForeignSystem::Website
    }
}
