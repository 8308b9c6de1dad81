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
    answer
        .headers
        .push(("Vary".into(), "Accept-Encoding".into()));
    answer
}
