//! Web addresses of other traceability systems seen on Vietnamese packaging,
//! recognised by host name. What a path inside one of them means is read in
//! `legacy.rs`.

use serde::Serialize;

/// Other systems whose addresses appear on Vietnamese packaging. None of
/// them signs what it shows: their pages are the seller's own claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForeignSystem {
    /// The national traceability portal (truyxuatnguongoc.gov.vn and similar).
    NationalPortal,
    /// The Ministry of Industry and Trade's genuine-goods checking
    /// (truyxuat.gov.vn, verigoods.vn).
    TradeMinistry,
    /// eSupplyChain and the provincial check.net.vn family
    /// (hy.check.net.vn, check.cantho.gov.vn, esupplychain.vn …).
    ESupplyChain,
    /// iCheck (icheck.vn, icheck.com.vn).
    ICheck,
    /// TE-FOOD (te-food.com, tefoodint.com).
    TeFood,
    /// VNPT's traceability service (vnpt-txng.vn).
    VnptCheck,
    /// Another checking service we know only by name (truyxuat.vn).
    CheckService,
    /// Any other web address.
    Website,
}

/// Host names (and their subdomains) of each system, most specific first.
const HOSTS: &[(&str, ForeignSystem)] = &[
    ("truyxuatnguongoc.gov.vn", ForeignSystem::NationalPortal),
    ("txng.gov.vn", ForeignSystem::NationalPortal),
    ("truyxuat.gov.vn", ForeignSystem::TradeMinistry),
    ("verigoods.vn", ForeignSystem::TradeMinistry),
    ("check.net.vn", ForeignSystem::ESupplyChain),
    ("esupplychain.vn", ForeignSystem::ESupplyChain),
    ("check.cantho.gov.vn", ForeignSystem::ESupplyChain),
    ("icheck.vn", ForeignSystem::ICheck),
    ("icheck.com.vn", ForeignSystem::ICheck),
    ("te-food.com", ForeignSystem::TeFood),
    ("tefoodint.com", ForeignSystem::TeFood),
    ("vnpt-txng.vn", ForeignSystem::VnptCheck),
    ("truyxuat.vn", ForeignSystem::CheckService),
];

/// The lower-case host of `url` (an `http(s)://` address), without user
/// information, port or a trailing dot.
pub(crate) fn host_of(url: &str) -> String {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#', '\\'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default();
    host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase()
}

/// Which system `url` (an `http(s)://` address) belongs to.
pub(crate) fn foreign_system(url: &str) -> ForeignSystem {
    let host = host_of(url);
    // A whole label must match: "notcheck.net.vn" is not check.net.vn.
    let is = |domain: &str| {
        host == domain
            || host
                .strip_suffix(domain)
                .is_some_and(|rest| rest.ends_with('.'))
    };
    HOSTS
        .iter()
        .find(|(domain, _)| is(domain))
        .map_or(ForeignSystem::Website, |(_, system)| *system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_systems_by_host_and_subdomain() {
        let cases = [
            ("https://hy.check.net.vn/p/1", ForeignSystem::ESupplyChain),
            ("https://HN.Check.Net.VN./t1/1", ForeignSystem::ESupplyChain),
            (
                "https://check.cantho.gov.vn/p/9",
                ForeignSystem::ESupplyChain,
            ),
            ("https://esupplychain.vn/t2/AB", ForeignSystem::ESupplyChain),
            (
                "https://truyxuatnguongoc.gov.vn/x",
                ForeignSystem::NationalPortal,
            ),
            (
                "https://hanoi.truyxuatnguongoc.gov.vn",
                ForeignSystem::NationalPortal,
            ),
            ("https://truyxuat.gov.vn/q", ForeignSystem::TradeMinistry),
            ("http://verigoods.vn/", ForeignSystem::TradeMinistry),
            ("https://icheck.com.vn/a", ForeignSystem::ICheck),
            ("https://qr.icheck.vn/a", ForeignSystem::ICheck),
            ("https://www.te-food.com/a", ForeignSystem::TeFood),
            ("https://u@tefoodint.com:443/a", ForeignSystem::TeFood),
            ("https://vnpt-txng.vn/a", ForeignSystem::VnptCheck),
            ("https://truyxuat.vn/a", ForeignSystem::CheckService),
            ("https://notcheck.net.vn/p/1", ForeignSystem::Website),
            (
                "https://check.net.vn.evil.example/p/1",
                ForeignSystem::Website,
            ),
            (
                "https://evil.example/?u=check.net.vn",
                ForeignSystem::Website,
            ),
            (
                "https://check.net.vn@evil.example/p/1",
                ForeignSystem::Website,
            ),
            ("https://shop.example", ForeignSystem::Website),
        ];
        for (url, system) in cases {
            assert_eq!(foreign_system(url), system, "{url}");
        }
    }
}
