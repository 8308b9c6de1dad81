//! gzip for text, JSON and WASM answers: the widget's download shrinks to
//! about a third. Immutable (content-hashed) assets are compressed once.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use super::Answer;

/// Compressed bodies of immutable assets, by URL.
#[derive(Default)]
pub struct Cache(Mutex<HashMap<String, Arc<Vec<u8>>>>);

/// Bodies smaller than this are sent as they are.
const MIN_SIZE: usize = 1024;

/// Gzips `answer` when its type compresses well; adds `Content-Encoding`
/// and `Vary`.
pub fn gzip(cache: &Cache, url: &str, mut answer: Answer) -> Answer {
    let kind = answer.header("Content-Type").unwrap_or_default();
    let compressible = kind.starts_with("text/")
        || kind.contains("json")
        || kind.contains("javascript")
        || kind.contains("wasm")
        || kind.contains("svg");
    if !compressible || answer.body.len() < MIN_SIZE || answer.status != 200 {
        return answer;
    }
    let immutable = answer
        .header("Cache-Control")
        .is_some_and(|c| c.contains("immutable"));
    let cached = immutable
        .then(|| cache.0.lock().ok()?.get(url).cloned())
        .flatten();
    let body = match cached {
        Some(body) => body,
        None => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            if encoder.write_all(&answer.body).is_err() {
                return answer;
            }
            let Ok(body) = encoder.finish() else {
                return answer;
            };
            let body = Arc::new(body);
            if immutable {
                if let Ok(mut map) = cache.0.lock() {
                    map.insert(url.to_owned(), Arc::clone(&body));
                }
            }
            body
        }
    };
    answer.body = body.as_ref().clone();
    answer
        .headers
        .push(("Content-Encoding".into(), "gzip".into()));
    answer.add_vary("Accept-Encoding");
    answer
}

/// Adds a weak `ETag` (a hash of the body as served, before any encoding)
/// to a `200` answer that a cache may keep, and turns it into `304 Not
/// Modified` without a body when `if_none_match` names it (or is `*`).
/// Immutable assets are never revalidated, and `no-store` answers (the
/// verification service) never kept: both are left as they are.
pub fn validate(mut answer: Answer, if_none_match: &str) -> Answer {
    let cache = answer.header("Cache-Control").unwrap_or_default();
    if answer.status != 200 || cache.contains("immutable") || cache.contains("no-store") {
        return answer;
    }
    let tag = etag(&answer.body);
    let current = if_none_match.split(',').any(|t| {
        let t = t.trim();
        t == "*" || t.trim_start_matches("W/") == tag.trim_start_matches("W/")
    });
    answer.set_header("ETag", &tag);
    if current {
        answer.status = 304;
        answer.body = Vec::new();
        answer
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("Content-Type"));
    }
    answer
}

/// `W/"…"`: the first 16 bytes of the body's SHA-256, in hex. Weak, since
/// the same entity goes out gzipped, brotli-compressed or plain.
fn etag(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// The `.br` copy of a built file, where the build wrote one beside it
/// (scripts/precompress.mjs, a Trunk post-build hook) and it is not older
/// than the file: the widget's WebAssembly is about a quarter smaller in
/// brotli than in gzip -9. Compressing at brotli's best level takes seconds
/// for 1 MB, so it is done once, at build time, never per request.
pub fn precompressed(site: &super::Site, url: &str, mut answer: Answer) -> Answer {
    let Some(dist) = &site.dist else {
        return answer;
    };
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let relative = path.trim_start_matches('/');
    if answer.status != 200
        || relative.is_empty()
        || relative.contains("..")
        || answer.header("Content-Encoding").is_some()
    {
        return answer;
    }
    let file = dist.join(relative);
    let br = dist.join(format!("{relative}.br"));
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let (Some(made), Some(original)) = (modified(&br), modified(&file)) else {
        return answer;
    };
    // Only the file as it is on disk (not a page built from it, like the
    // widget's HTML with its early requests), and only a copy made after it.
    if made < original
        || std::fs::metadata(&file).map(|m| m.len()).ok() != Some(answer.body.len() as u64)
    {
        return answer;
    }
    let immutable = answer
        .header("Cache-Control")
        .is_some_and(|c| c.contains("immutable"));
    let key = format!("br {url}");
    let cached = immutable
        .then(|| site.gzip_cache.0.lock().ok()?.get(&key).cloned())
        .flatten();
    let body = match cached {
        Some(body) => body,
        None => {
            let Ok(body) = std::fs::read(&br) else {
                return answer;
            };
            let body = Arc::new(body);
            if immutable {
                if let Ok(mut map) = site.gzip_cache.0.lock() {
                    map.insert(key, Arc::clone(&body));
                }
            }
            body
        }
    };
    answer.body = body.as_ref().clone();
    answer.set_header("Content-Encoding", "br");
    answer.add_vary("Accept-Encoding");
    answer
}
