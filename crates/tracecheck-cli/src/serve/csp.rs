//! The Content-Security-Policy headers this server (and the nginx
//! configuration) sends.

/// The widget's Content-Security-Policy, as the built page's own `<meta>`
/// has it plus what only a header can say (`frame-ancestors`). Codes may
/// name any resolver, hence `connect-src https:`. The page's inline
/// stylesheet and boot loader are allowed by hash: see [`with_page_hashes`].
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' https: data: blob:; connect-src 'self' https:; media-src 'self' blob:; \
worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The CSP of registry files: data and pictures, never pages (an SVG
/// opened directly runs no script and loads nothing).
pub const DATA_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/// The widget's CSP when it may be framed (`/embed`: the retailer badge).
pub fn embed_csp(csp: &str) -> String {
    csp.replace("frame-ancestors 'none'", "frame-ancestors *")
}

/// The directives whose hash sources a page's `<meta>` CSP lends the header.
const HASHED: [&str; 2] = ["script-src", "style-src"];

/// `csp` with the hash sources (`'sha256-…'`, `'sha384-…'`, `'sha512-…'`)
/// that `page`'s own `<meta>` CSP lists in script-src and style-src.
///
/// The build puts the stylesheet and the boot loader inside index.html,
/// each allowed by its hash in the page's `<meta>` (scripts/inline-head.mjs).
/// A browser enforces the header's policy as well as the page's, so the
/// header must allow the same two elements, and only them: a hash names
/// exactly one content, never whatever an attacker could inject.
pub fn with_page_hashes(csp: &str, page: &str) -> String {
    let Some(meta) = meta_csp(page) else {
        return csp.to_owned();
    };
    csp.split(';')
        .map(|directive| {
            let directive = directive.trim();
            let name = directive.split_whitespace().next().unwrap_or_default();
            let mut out = directive.to_owned();
            if HASHED.contains(&name) {
                for source in hash_sources(meta, name) {
                    if !out.split_whitespace().any(|s| s == source) {
                        out.push(' ');
                        out.push_str(source);
                    }
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The `content` of the page's `<meta http-equiv="Content-Security-Policy">`.
fn meta_csp(page: &str) -> Option<&str> {
    let head = &page[..page.find("</head>").unwrap_or(page.len())];
    let at = head.find("http-equiv=\"Content-Security-Policy\"")?;
    // The attributes of that one tag, either side of http-equiv.
    let start = head[..at].rfind('<')?;
    let end = at + head[at..].find('>')?;
    let tag = &head[start..end];
    let value = &tag[tag.find("content=\"")? + "content=\"".len()..];
    Some(&value[..value.find('"')?])
}

/// The hash sources of directive `name` in `policy`.
fn hash_sources<'a>(policy: &'a str, name: &str) -> Vec<&'a str> {
    policy
        .split(';')
        .filter(|d| d.split_whitespace().next() == Some(name))
        .flat_map(str::split_whitespace)
        .filter(|s| is_hash_source(s))
        .collect()
}

/// `'sha256-<base64>'` (or 384, 512): nothing else may be lent.
fn is_hash_source(source: &str) -> bool {
    let Some(inner) = source.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) else {
        return false;
    };
    let Some(digest) = ["sha256-", "sha384-", "sha512-"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
    else {
        return false;
    };
    !digest.is_empty()
        && digest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta\n  http-equiv=\"Content-Security-Policy\"\n  \
content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-Ym9vdA=='; style-src 'self' 'sha256-Y3Nz+/='\"\n/>\
</head><body></body></html>";

    #[test]
    fn the_pages_hashes_join_the_header() {
        let csp = with_page_hashes(APP_CSP, PAGE);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-Ym9vdA=='; "));
        assert!(csp.contains("style-src 'self' 'sha256-Y3Nz+/='; "));
        assert!(csp.ends_with("frame-ancestors 'none'"));
        // Nothing else moves.
        assert_eq!(
            csp.replace(" 'sha256-Ym9vdA=='", "")
                .replace(" 'sha256-Y3Nz+/='", ""),
            APP_CSP
        );
    }

    #[test]
    fn only_hash_sources_are_lent() {
        let page = PAGE.replace(
            "'sha256-Ym9vdA=='",
            "'unsafe-inline' https://evil.example 'nonce-abc' 'sha256-'",
        );
        let csp = with_page_hashes(APP_CSP, &page);
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("evil"));
        assert!(!csp.contains("nonce"));
        assert!(csp.contains("style-src 'self' 'sha256-Y3Nz+/='"));
    }

    #[test]
    fn a_page_without_a_meta_csp_changes_nothing() {
        assert_eq!(
            with_page_hashes(APP_CSP, "<html><head></head></html>"),
            APP_CSP
        );
        // A CSP named in the body is not the page's.
        let body = "<html><head></head><body>http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-QQ=='\"</body></html>";
        assert_eq!(with_page_hashes(APP_CSP, body), APP_CSP);
    }

    #[test]
    fn a_hash_already_there_is_not_repeated() {
        let once = with_page_hashes(APP_CSP, PAGE);
        assert_eq!(with_page_hashes(&once, PAGE), once);
    }
}
