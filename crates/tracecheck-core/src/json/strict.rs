//! Strict JSON parsing for untrusted documents.
//!
//! serde_json does the tokenising; this module adds the rules a signature
//! checker needs: a size and nesting bound, no duplicate object members (else
//! a signature could cover one value while the page shows the other) and no
//! number literal that an IEEE double would silently change (JCS hashes
//! doubles; see `numbers.rs`). Strings are kept exactly as written: no
//! Unicode normalisation, and serde_json refuses lone surrogate escapes.

use std::cell::RefCell;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Bounds applied to every untrusted JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted document, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects.
    pub max_depth: usize,
}

impl Limits {
    /// 1 MiB and 32 levels: far above any trace record, far below what hurts a phone.
    pub const DEFAULT: Limits = Limits {
        max_bytes: 1 << 20,
        max_depth: 32,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JsonError {
    /// The document is larger than [`Limits::max_bytes`].
    TooLarge { limit: usize },
    /// Arrays and objects nest deeper than [`Limits::max_depth`].
    TooDeep { limit: usize },
    /// An object names the same member twice.
    DuplicateKey { key: String },
    /// A number a double cannot hold faithfully: an integer beyond ±2^53,
    /// more than 17 significant digits, or a non-zero value that underflows.
    ImpreciseNumber,
    /// Not well-formed JSON (1-based line and column of the problem).
    Syntax { line: usize, column: usize },
}

/// Parses `bytes` as one JSON value under `limits`.
pub fn parse(bytes: &[u8], limits: Limits) -> Result<Value, JsonError> {
    if bytes.len() > limits.max_bytes {
        return Err(JsonError::TooLarge {
            limit: limits.max_bytes,
        });
    }
    let problem = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let seed = StrictValue {
        depth: 0,
        limits,
        problem: &problem,
    };
    let parsed = seed.deserialize(&mut de).and_then(|value| {
        de.end()?;
        Ok(value)
    });
    let value = parsed.map_err(|err| {
        problem.take().unwrap_or(JsonError::Syntax {
            line: err.line(),
            column: err.column(),
        })
    })?;
    super::numbers::check_literals(bytes)?;
    Ok(value)
}

/// Deserialises one value at `depth`, recording the first rule it breaks in
/// `problem` (serde errors are strings; this keeps the typed reason).
#[derive(Clone, Copy)]
struct StrictValue<'p> {
    depth: usize,
    limits: Limits,
    problem: &'p RefCell<Option<JsonError>>,
}

impl StrictValue<'_> {
    fn fail<E: de::Error>(&self, problem: JsonError) -> E {
        self.problem.borrow_mut().get_or_insert(problem);
        E::custom("strict JSON rule broken")
    }

    fn nested<E: de::Error>(&self) -> Result<Self, E> {
        if self.depth >= self.limits.max_depth {
            return Err(self.fail(JsonError::TooDeep {
                limit: self.limits.max_depth,
            }));
        }
        Ok(StrictValue {
            depth: self.depth + 1,
            ..*self
        })
    }
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    // Number literals are checked afterwards, from the text (numbers.rs).
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // serde_json never yields a non-finite double from JSON text.
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| self.fail(JsonError::ImpreciseNumber))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(self.fail(JsonError::DuplicateKey { key }));
            }
            let value = map.next_value_seed(inner)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict(text: &str) -> Result<Value, JsonError> {
        parse(text.as_bytes(), Limits::DEFAULT)
    }

    #[test]
    fn accepts_ordinary_documents() {
        let v = strict(r#"{"a":[1,2.5,"x",null,true],"b":{"c":-3}}"#).expect("valid");
        assert_eq!(v["a"][1], 2.5);
        assert_eq!(v["b"]["c"], -3);
    }

    #[test]
    fn rejects_duplicate_members_even_when_nested() {
        assert_eq!(
            strict(r#"{"a":{"name":"real","name":"fake"}}"#),
            Err(JsonError::DuplicateKey { key: "name".into() })
        );
    }

    #[test]
    fn rejects_integers_a_double_would_round() {
        assert_eq!(strict("9007199254740993"), Err(JsonError::ImpreciseNumber));
        assert_eq!(strict("-9007199254740993"), Err(JsonError::ImpreciseNumber));
        assert!(strict("9007199254740992").is_ok());
        // Beyond u64, serde_json falls back to a double: still refused.
        assert_eq!(
            strict(r#"{"gtin": 89312345678970000000001}"#),
            Err(JsonError::ImpreciseNumber)
        );
        assert_eq!(strict("[1e-400]"), Err(JsonError::ImpreciseNumber));
    }

    #[test]
    fn keeps_strings_exactly_and_refuses_broken_ones() {
        // Decomposed and composed "é" stay different: no normalisation.
        let v = strict(r#"["e\u0301", "\u00e9"]"#).expect("valid");
        assert_ne!(v[0], v[1]);
        assert_eq!(v[0].as_str().map(str::len), Some(3));
        // A lone surrogate escape is not a Unicode string.
        assert!(matches!(
            strict(r#""\ud800""#),
            Err(JsonError::Syntax { .. })
        ));
        assert!(matches!(
            strict(r#""\udc00x""#),
            Err(JsonError::Syntax { .. })
        ));
        // Raw control characters must be escaped.
        assert!(matches!(
            strict("\"a\u{1}b\""),
            Err(JsonError::Syntax { .. })
        ));
        // Invalid UTF-8 bytes are refused.
        assert!(matches!(
            parse(b"\"\xff\"", Limits::DEFAULT),
            Err(JsonError::Syntax { .. })
        ));
    }

    #[test]
    fn compares_keys_after_unescaping() {
        assert_eq!(
            strict(r#"{"name":"real","n\u0061me":"fake"}"#),
            Err(JsonError::DuplicateKey { key: "name".into() })
        );
    }

    #[test]
    fn bounds_depth_and_size() {
        let deep = "[".repeat(40) + &"]".repeat(40);
        assert_eq!(strict(&deep), Err(JsonError::TooDeep { limit: 32 }));
        let ok = "[".repeat(32) + &"]".repeat(32);
        assert!(strict(&ok).is_ok());
        let small = Limits {
            max_bytes: 4,
            max_depth: 4,
        };
        assert_eq!(
            parse(b"[1,2]", small),
            Err(JsonError::TooLarge { limit: 4 })
        );
    }

    #[test]
    fn reports_position_of_syntax_errors() {
        assert_eq!(
            strict("{\n  \"a\": }"),
            Err(JsonError::Syntax { line: 2, column: 8 })
        );
        assert!(matches!(strict("[1] [2]"), Err(JsonError::Syntax { .. })));
        assert!(matches!(strict(""), Err(JsonError::Syntax { .. })));
        assert!(matches!(
            strict("\u{feff}{}"),
            Err(JsonError::Syntax { .. })
        ));
    }
}
