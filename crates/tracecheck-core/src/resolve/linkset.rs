//! Picking the product passport out of an RFC 9264 linkset.

use serde::Serialize;
use serde_json::Value;

/// Link relation types that point at a product passport credential.
const PASSPORT_RELATIONS: &[&str] = &[
    "untp:dpp",
    "https://test.uncefact.org/vocabulary/linkTypes/dpp",
    "gs1:traceability",
    "https://gs1.org/voc/traceability",
];

/// Relations that name a passport only when the link's media type is a credential.
const INFO_RELATIONS: &[&str] = &["gs1:pip", "https://gs1.org/voc/pip"];

const CREDENTIAL_TYPES: &[&str] = &[
    "application/vc+jwt",
    "application/vc+ld+json",
    "application/vc",
    "application/ld+json",
    "application/json",
];

/// The passport link chosen from a linkset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkChoice {
    /// Where the passport is (as written; may be relative to the linkset).
    pub href: String,
    /// Its media type, if the link says.
    pub media_type: Option<String>,
    /// Its language, if the link says.
    pub language: Option<String>,
}

/// Why no passport link was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinksetError {
    /// The answer is not a linkset (`{"linkset": [...]}`).
    NotALinkset,
    /// A linkset, but with no passport link in it.
    NoPassportLink,
}

/// Chooses the passport link, preferring `languages` in order, current
/// versions over `predecessor-version` links, and explicit passport
/// relations over product-information links.
pub fn choose_passport_link(
    linkset: &Value,
    languages: &[&str],
) -> Result<LinkChoice, LinksetError> {
    let contexts = linkset
        .get("linkset")
        .and_then(Value::as_array)
        .ok_or(LinksetError::NotALinkset)?;
    let mut best: Option<(u32, LinkChoice)> = None;
    let mut order = 0;
    for context in contexts {
        let Some(relations) = context.as_object() else {
            continue;
        };
        for (relation, targets) in relations {
            let explicit = PASSPORT_RELATIONS.contains(&relation.as_str());
            if !explicit && !INFO_RELATIONS.contains(&relation.as_str()) {
                continue;
            }
            for target in targets.as_array().into_iter().flatten() {
                order += 1;
                let Some(choice) = read_target(target) else {
                    continue;
                };
                let is_credential = choice.media_type.as_deref().is_some_and(|t| {
                    CREDENTIAL_TYPES.contains(&t.split(';').next().unwrap_or(t).trim())
                });
                if !explicit && !is_credential {
                    continue;
                }
                let score = rank(target, &choice, explicit, languages, order);
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, choice));
                }
            }
        }
    }
    best.map(|(_, choice)| choice)
        .ok_or(LinksetError::NoPassportLink)
}

fn read_target(target: &Value) -> Option<LinkChoice> {
    let href = target.get("href")?.as_str()?.to_owned();
    let media_type = target
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let language = match target.get("hreflang") {
        Some(Value::Array(langs)) => langs.first().and_then(Value::as_str).map(str::to_owned),
        Some(Value::String(lang)) => Some(lang.clone()),
        _ => None,
    };
    Some(LinkChoice {
        href,
        media_type,
        language,
    })
}

/// Higher is better; earlier links win ties.
fn rank(
    target: &Value,
    choice: &LinkChoice,
    explicit: bool,
    languages: &[&str],
    order: u32,
) -> u32 {
    let is_old = target
        .get("rel")
        .and_then(Value::as_array)
        .is_some_and(|rels| rels.iter().any(|r| r == "predecessor-version"));
    let language_score = match &choice.language {
        None => 1,
        Some(lang) => languages
            .iter()
            .position(|wanted| {
                lang.eq_ignore_ascii_case(wanted) || lang.split('-').next() == Some(wanted)
            })
            .map_or(0, |i| 10 - i.min(8) as u32),
    };
    let mut score =
        (u32::from(!is_old) << 24) | (u32::from(explicit) << 20) | (language_score << 16);
    score |= 0xffff - order.min(0xffff);
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prefers_the_users_language_and_current_version() {
        let linkset = json!({"linkset": [{
            "anchor": "https://r.example/01/1",
            "untp:dpp": [
                {"href": "https://c.example/old.json", "type": "application/vc+jwt", "hreflang": ["vi"], "rel": ["predecessor-version"]},
                {"href": "https://c.example/en.json", "type": "application/vc+jwt", "hreflang": ["en"]},
                {"href": "https://c.example/vi.json", "type": "application/vc+jwt", "hreflang": ["vi"]}
            ]
        }]});
        assert_eq!(
            choose_passport_link(&linkset, &["vi", "en"])
                .expect("link")
                .href,
            "https://c.example/vi.json"
        );
        assert_eq!(
            choose_passport_link(&linkset, &["en"]).expect("link").href,
            "https://c.example/en.json"
        );
    }

    #[test]
    fn accepts_pip_links_only_with_a_credential_type() {
        let html_only = json!({"linkset": [{"https://gs1.org/voc/pip": [{"href": "https://x/p.html", "type": "text/html"}]}]});
        assert_eq!(
            choose_passport_link(&html_only, &["vi"]),
            Err(LinksetError::NoPassportLink)
        );
        let credential = json!({"linkset": [{"https://gs1.org/voc/pip": [{"href": "https://x/p.json", "type": "application/vc+ld+json"}]}]});
        assert_eq!(
            choose_passport_link(&credential, &["vi"])
                .expect("link")
                .href,
            "https://x/p.json"
        );
        assert_eq!(
            choose_passport_link(&json!([1, 2]), &["vi"]),
            Err(LinksetError::NotALinkset)
        );
    }
}
