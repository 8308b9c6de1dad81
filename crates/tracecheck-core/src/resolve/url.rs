//! The few URL operations the verifier needs: split an absolute http(s) URL,
//! resolve a link against it, and decide whether it may be fetched.
//!
//! Written here rather than taken from the `url` crate, whose IDNA tables
//! would roughly double the widget's download for features a resolver link
//! never needs (we refuse non-ASCII hosts instead).

use serde::Serialize;

/// An absolute `http:` or `https:` URL, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WebUrl {
    /// `http` or `https`, lower case.
    pub scheme: String,
    /// Host, lower case, with any port (`example.com:8080`).
    pub authority: String,
    /// Path, query and fragment, starting with `/` (just `/` when empty).
    pub rest: String,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UrlError {
    /// Not an absolute http(s) URL with a plain ASCII host.
    Malformed { url: String },
    /// Plain `http:` to a host that is not local: only `https:` is fetched.
    NotHttps { url: String },
    /// A public deployment asked to fetch from this machine or a private
    /// network (loopback, private, link-local or cloud-metadata addresses,
    /// `localhost`, `.local`, `.internal` names): a code must not make a
    /// shopper's browser or a retailer's server probe its own network.
    NotPublic { url: String },
}

impl WebUrl {
    /// Splits an absolute URL.
    pub fn parse(text: &str) -> Result<WebUrl, UrlError> {
        let malformed = || UrlError::Malformed {
            url: text.to_owned(),
        };
        let (scheme, rest) = text.split_once("://").ok_or_else(malformed)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(malformed());
        }
        let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(split);
        let ok_char = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
        if authority.is_empty()
            || !authority.chars().all(ok_char)
            || text.chars().any(char::is_whitespace)
        {
            return Err(malformed());
        }
        let rest = if tail.starts_with('/') {
            tail.to_owned()
        } else {
            format!("/{tail}")
        };
        Ok(WebUrl {
            scheme,
            authority: authority.to_ascii_lowercase(),
            rest,
        })
    }

    /// The host without its port.
    pub fn host(&self) -> &str {
        if self.authority.starts_with('[') {
            return self
                .authority
                .split_inclusive(']')
                .next()
                .unwrap_or(&self.authority);
        }
        self.authority.split(':').next().unwrap_or(&self.authority)
    }

    /// `scheme://authority`.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }

    /// Resolves `link` against this URL: absolute, scheme-relative
    /// (`//host/…`), absolute-path (`/…`), query-only (`?…`) or a path
    /// relative to this URL's directory (`next.json`), as a `Location`
    /// header or a linkset may write it. Dot segments are not resolved:
    /// a link with `..` or `.` segments is refused as malformed.
    pub fn join(&self, link: &str) -> Result<WebUrl, UrlError> {
        let malformed = || UrlError::Malformed {
            url: link.to_owned(),
        };
        if link.contains("://") {
            return WebUrl::parse(link);
        }
        let path = link.split(['?', '#']).next().unwrap_or_default();
        if path
            .split('/')
            .any(|segment| segment == ".." || segment == ".")
        {
            return Err(malformed());
        }
        if let Some(rest) = link.strip_prefix("//") {
            return WebUrl::parse(&format!("{}://{rest}", self.scheme));
        }
        if link.starts_with('/') {
            return WebUrl::parse(&format!("{}{link}", self.origin()));
        }
        let own_path = self.rest.split(['?', '#']).next().unwrap_or("/");
        if link.starts_with('?') {
            return WebUrl::parse(&format!("{}{own_path}{link}", self.origin()));
        }
        if link.is_empty() || link.starts_with('#') {
            return Err(malformed());
        }
        let directory = &own_path[..own_path.rfind('/').map_or(0, |i| i + 1)];
        WebUrl::parse(&format!("{}{directory}{link}", self.origin()))
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.rest)
    }
}

/// Which URLs the verifier may fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPolicy {
    /// Origins (`http://host:port`) that may be fetched over plain http: the
    /// widget's own origin (a demo on a LAN).
    pub http_origins: Vec<String>,
    /// Whether plain http to this machine (localhost, 127.0.0.1) is allowed:
    /// yes for the CLI and a widget served from this machine in development;
    /// no for a widget on a public origin, where a code naming
    /// `http://127.0.0.1:…` must not make a shopper's browser probe their
    /// own machine.
    pub local_http: bool,
}

impl Default for UrlPolicy {
    /// The development policy: https anywhere, plain http to this machine.
    fn default() -> Self {
        UrlPolicy {
            http_origins: Vec::new(),
            local_http: true,
        }
    }
}

impl UrlPolicy {
    /// The policy for a deployment on a public origin: https, and plain http
    /// only to `http_origins`.
    pub fn public() -> Self {
        UrlPolicy {
            http_origins: Vec::new(),
            local_http: false,
        }
    }

    /// Parses `url` and checks it may be fetched: an origin allowed by name;
    /// else `https:` to a public host, and plain `http:` only to this
    /// machine when the policy allows local http (development), which also
    /// lets https reach private hosts.
    pub fn check(&self, url: &str) -> Result<WebUrl, UrlError> {
        let parsed = WebUrl::parse(url)?;
        if self.http_origins.contains(&parsed.origin()) {
            return Ok(parsed);
        }
        let host = parsed.host();
        if !self.local_http && !is_public_host(host) {
            return Err(UrlError::NotPublic {
                url: url.to_owned(),
            });
        }
        if parsed.scheme == "https" || (self.local_http && is_local(host)) {
            Ok(parsed)
        } else {
            Err(UrlError::NotHttps {
                url: url.to_owned(),
            })
        }
    }
}

/// False for hosts a public deployment must never reach: IP literals of
/// loopback, private, link-local, shared, multicast or unspecified ranges;
/// names for this machine or a local network; and numeric forms that a
/// system resolver may read as an address (`2130706433`, `0x7f.1`).
pub fn is_public_host(host: &str) -> bool {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    let public_v4 = |ip: Ipv4Addr| {
        let [a, b, ..] = ip.octets();
        !(ip.is_loopback()
            || ip.is_private()
            || ip.is_link_local()
            || ip.is_unspecified()
            || ip.is_broadcast()
            || ip.is_multicast()
            || ip.is_documentation()
            || a == 0
            || (a == 100 && (64..128).contains(&b))
            || a >= 240)
    };
    let public_v6 = |ip: Ipv6Addr| {
        if let Some(v4) = ip.to_ipv4_mapped() {
            return public_v4(v4);
        }
        let first = ip.segments()[0];
        !(ip.is_loopback()
            || ip.is_unspecified()
            || ip.is_multicast()
            || (first & 0xfe00) == 0xfc00
            || (first & 0xffc0) == 0xfe80)
    };
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().is_ok_and(public_v6);
    }
    let name = host.trim_end_matches('.').to_ascii_lowercase();
    let last_label = name.rsplit('.').next().unwrap_or_default();
    let numeric = !last_label.is_empty()
        && (last_label.bytes().all(|b| b.is_ascii_digit()) || last_label.starts_with("0x"));
    if numeric {
        // Only the plain dotted quad is taken as an address; other numeric
        // spellings are refused rather than guessed at.
        return match name.parse::<IpAddr>() {
            Ok(IpAddr::V4(ip)) => public_v4(ip),
            _ => false,
        };
    }
    const LOCAL_SUFFIXES: [&str; 5] = [".localhost", ".local", ".internal", ".home.arpa", ".lan"];
    !(name.is_empty()
        || name == "localhost"
        || !name.contains('.')
        || LOCAL_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)))
}

fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_joins() {
        let url = WebUrl::parse("HTTPS://Id.Example:8443/01/123?x=1").expect("valid");
        assert_eq!(url.authority, "id.example:8443");
        assert_eq!(url.host(), "id.example");
        assert_eq!(url.rest, "/01/123?x=1");
        assert_eq!(
            url.join("/dpp/1.json").expect("joins").to_string(),
            "https://id.example:8443/dpp/1.json"
        );
        assert_eq!(WebUrl::parse("https://a.vn").expect("valid").rest, "/");
        let base = WebUrl::parse("https://id.example/01/123/10/A?x=1").expect("valid");
        let joined = |link: &str| base.join(link).map(|u| u.to_string());
        assert_eq!(joined("B").as_deref(), Ok("https://id.example/01/123/10/B"));
        assert_eq!(
            joined("?linkType=all").as_deref(),
            Ok("https://id.example/01/123/10/A?linkType=all")
        );
        assert_eq!(
            joined("//cdn.example/a").as_deref(),
            Ok("https://cdn.example/a")
        );
        assert_eq!(
            joined("http://other.example/").as_deref(),
            Ok("http://other.example/")
        );
        for bad in ["../x", "./x", "a/../../b", "", "#frag"] {
            assert!(base.join(bad).is_err(), "{bad}");
        }
        assert_eq!(
            WebUrl::parse("http://[::1]:8080/x").expect("valid").host(),
            "[::1]"
        );
    }

    #[test]
    fn refuses_other_schemes_and_plain_http_to_the_internet() {
        let policy = UrlPolicy::default();
        assert!(policy.check("javascript:alert(1)").is_err());
        assert!(policy.check("file:///etc/passwd").is_err());
        assert!(policy.check("https://ex ample.com/").is_err());
        assert!(policy.check("https://xn--80ak6aa92e.com/").is_ok());
        assert!(policy.check("https://пример.рф/").is_err());
        assert_eq!(
            policy.check("http://shop.example/dpp"),
            Err(UrlError::NotHttps {
                url: "http://shop.example/dpp".into()
            })
        );
        assert!(policy.check("http://127.0.0.1:8080/dpp").is_ok());
        let lan = UrlPolicy {
            http_origins: vec!["http://192.168.1.5:8080".into()],
            local_http: false,
        };
        assert!(lan.check("http://192.168.1.5:8080/01/1").is_ok());
        assert!(lan.check("http://192.168.1.6:8080/01/1").is_err());
    }

    #[test]
    fn a_public_deployment_does_not_fetch_from_the_shoppers_own_machine() {
        let public = UrlPolicy::public();
        assert!(public.check("https://id.example/01/1").is_ok());
        assert!(public.check("https://93.184.216.34/01/1").is_ok());
        assert_eq!(
            public.check("http://id.example/01/1"),
            Err(UrlError::NotHttps {
                url: "http://id.example/01/1".into()
            })
        );
        for url in [
            "http://127.0.0.1:631/01/1",
            "http://localhost:8080/x",
            "http://[::1]/x",
            "https://localhost/x",
            "https://127.0.0.1/x",
            "https://10.1.2.3/x",
            "https://172.20.0.1/x",
            "https://192.168.1.1/x",
            "https://169.254.169.254/latest/meta-data/",
            "https://100.100.100.200/x",
            "https://0.0.0.0/x",
            "https://[fd00::1]/x",
            "https://[fe80::1]/x",
            "https://[::ffff:10.0.0.1]/x",
            "https://2130706433/x",
            "https://0x7f.1/x",
            "https://017700000001/x",
            "https://metadata.google.internal/x",
            "https://printer.local/x",
            "https://app.localhost/x",
            "https://intranet/x",
        ] {
            assert_eq!(
                public.check(url),
                Err(UrlError::NotPublic { url: url.into() }),
                "{url}"
            );
        }
        // The widget's own origin stays reachable when named (a LAN demo).
        let lan = UrlPolicy {
            http_origins: vec!["http://192.168.1.5:8080".into()],
            local_http: false,
        };
        assert!(lan.check("http://192.168.1.5:8080/01/1").is_ok());
        assert!(lan.check("https://192.168.1.5/01/1").is_err());
    }
}
