//! Text in several languages, as VCDM 2.0 writes it: a plain string, one
//! `{"@value", "@language"}` object, or an array of them.

use serde::Serialize;
use serde_json::Value;

/// A piece of text, possibly in several languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// `(language tag, text)`; the tag is empty when none was given.
    pub variants: Vec<(String, String)>,
}

impl Text {
    /// Reads any of the three forms; anything else gives empty text.
    pub fn read(value: Option<&Value>) -> Text {
        let mut variants = Vec::new();
        let mut add = |v: &Value| match v {
            Value::String(text) => variants.push((String::new(), text.clone())),
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("@value") {
                    let lang = map
                        .get("@language")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    variants.push((lang.to_ascii_lowercase(), text.clone()));
                }
            }
            _ => {}
        };
        match value {
            Some(Value::Array(items)) => items.iter().for_each(&mut add),
            Some(other) => add(other),
            None => {}
        }
        Text { variants }
    }

    /// Plain text with no language.
    pub fn plain(text: &str) -> Text {
        Text {
            variants: vec![(String::new(), text.to_owned())],
        }
    }

    /// The text in the first of `languages` available, else untagged text,
    /// else whatever there is.
    pub fn pick(&self, languages: &[&str]) -> Option<&str> {
        let tagged = |lang: &str| {
            self.variants
                .iter()
                .find(|(tag, _)| tag == lang || tag.split('-').next() == Some(lang))
        };
        languages
            .iter()
            .find_map(|lang| tagged(lang))
            .or_else(|| self.variants.iter().find(|(tag, _)| tag.is_empty()))
            .or_else(|| self.variants.first())
            .map(|(_, text)| text.as_str())
    }

    /// True when there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn picks_the_preferred_language() {
        let text = Text::read(Some(&json!([
            {"@value": "Nhãn lồng", "@language": "vi"},
            {"@value": "Longan", "@language": "en-GB"}
        ])));
        assert_eq!(text.pick(&["vi", "en"]), Some("Nhãn lồng"));
        assert_eq!(text.pick(&["en", "vi"]), Some("Longan"));
        assert_eq!(text.pick(&["fr"]), Some("Nhãn lồng"));
        assert_eq!(
            Text::read(Some(&json!("Mật ong"))).pick(&["en"]),
            Some("Mật ong")
        );
        assert!(Text::read(Some(&json!(42))).is_empty());
    }
}
