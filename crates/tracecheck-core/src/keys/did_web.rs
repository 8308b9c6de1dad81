//! `did:web`: where a DID's document lives (W3C CCG did:web method, §3.2
//! "Read (Resolve)"): `did:web:host[%3Aport][:path…]` becomes
//! `https://host[:port]/path…/did.json`, or `/.well-known/did.json` without
//! a path.

use super::KeyError;

/// The `https:` URL of the DID document of a `did:web` DID.
pub fn did_web_url(did: &str) -> Result<String, KeyError> {
    let malformed = || KeyError::MalformedDid {
        did: did.to_owned(),
    };
    let specific = did
        .strip_prefix("did:web:")
        .ok_or_else(|| KeyError::UnsupportedDidMethod {
            did: did.to_owned(),
        })?;
    let mut segments = specific.split(':');
    let authority = segments.next().ok_or_else(malformed)?;
    let authority = decode_port(authority).ok_or_else(malformed)?;
    let path: Vec<&str> = segments.collect();
    if path
        .iter()
        .any(|s| s.is_empty() || !s.bytes().all(path_byte))
    {
        return Err(malformed());
    }
    let path = if path.is_empty() {
        ".well-known".to_owned()
    } else {
        path.join("/")
    };
    Ok(format!("https://{authority}/{path}/did.json"))
}

/// `host` or `host%3Aport`, as `host[:port]`. Hosts are DNS names: the
/// method does not allow IP addresses.
fn decode_port(authority: &str) -> Option<String> {
    let (host, port) = match authority.split_once("%3A").or(authority.split_once("%3a")) {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    let is_ip = host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if !labels_ok || is_ip || !port_ok {
        return None;
    }
    let host = host.to_ascii_lowercase();
    Some(match port {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// Path bytes a DID may carry unescaped (RFC 3986 unreserved, `%` escapes).
fn path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_did_web() {
        for bad in [
            "did:web:",
            "did:web:exa mple.com",
            "did:web:example.com::user",
            "did:web:example.com:user/alice",
            "did:web:example.com%3A",
            "did:web:example.com%3Ahttp",
            "did:web:127.0.0.1",
            "did:web:-bad.example",
            "did:web:example.com#key-1",
            "did:web:example.com:a?b",
        ] {
            assert!(
                matches!(did_web_url(bad), Err(KeyError::MalformedDid { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            did_web_url("did:key:z6Mk"),
            Err(KeyError::UnsupportedDidMethod { .. })
        ));
    }

    #[test]
    fn lowercases_the_host_only() {
        assert_eq!(
            did_web_url("did:web:Example.COM:Users:Alice").as_deref(),
            Ok("https://example.com/Users/Alice/did.json")
        );
    }
}
