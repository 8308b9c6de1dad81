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

    /// Resolves `link` (absolute, or a path starting with `/`) against this URL.
    pub fn join(&self, link: &str) -> Result<WebUrl, UrlError> {
        if link.starts_with('/') && !link.starts_with("//") {
            return WebUrl::parse(&format!("{}{link}", self.origin()));
        }
        WebUrl::parse(link)
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

    /// Parses `url` and checks it may be fetched: `https:` anywhere, `http:`
    /// only to the local machine (when allowed) or an allowed origin.
    pub fn check(&self, url: &str) -> Result<WebUrl, UrlError> {
        let parsed = WebUrl::parse(url)?;
        if parsed.scheme == "https"
            || (self.local_http && is_local(parsed.host()))
            || self.http_origins.contains(&parsed.origin())
        {
            Ok(parsed)
        } else {
            Err(UrlError::NotHttps {
                url: url.to_owned(),
            })
        }
    }
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
        for url in [
            "http://127.0.0.1:631/01/1",
            "http://localhost:8080/x",
            "http://[::1]/x",
        ] {
            assert_eq!(
                public.check(url),
                Err(UrlError::NotHttps { url: url.into() })
            );
        }
    }
}
