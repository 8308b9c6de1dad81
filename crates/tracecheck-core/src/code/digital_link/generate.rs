//! Elements → canonical GS1 Digital Link URI: the primary key and its longest
//! matching qualifier sequence in the path, every other AI in the query
//! (predefined-length AIs first, then the rest, each in the order given).

use super::super::dictionary::ai_spec;
use super::super::element_string::needs_separator;
use super::super::{CodeError, Element, Options};
use super::escape::uri_escape;

/// The stem GS1 uses when none is given.
pub const GS1_STEM: &str = "https://id.gs1.org";

/// Writes `elements` as a Digital Link URI under `stem` (a trailing `/` is
/// dropped; an empty stem gives a relative `/01/…` URI). The first primary
/// key in the data becomes the path.
pub fn to_digital_link(stem: &str, elements: &[Element]) -> Result<String, CodeError> {
    generate(stem, elements, 0, &Options::default())
}

/// As [`to_digital_link`], with parser options: unknown AIs may be query
/// attributes when `permit_unknown_ais` is on and
/// `unknown_ai_not_dl_attribute` is off.
pub fn to_digital_link_with(
    stem: &str,
    elements: &[Element],
    options: &Options,
) -> Result<String, CodeError> {
    generate(stem, elements, 0, options)
}

/// As [`to_digital_link`], but when `path_len` is non-zero the first
/// `path_len` elements are the path as read from a Digital Link URI.
pub(crate) fn generate(
    stem: &str,
    elements: &[Element],
    path_len: usize,
    options: &Options,
) -> Result<String, CodeError> {
    let unknown_allowed = options.permit_unknown_ais && !options.unknown_ai_not_dl_attribute;
    let unique = collapse_repeats(elements)?;
    let path: Vec<usize> = if path_len > 0 && path_len <= unique.len() {
        (0..path_len).collect()
    } else {
        choose_path(&unique)?
    };
    let rest: Vec<&Element> = (0..unique.len())
        .filter(|i| !path.contains(i))
        .map(|i| unique[i])
        .collect();
    if let Some(e) = rest.iter().find(|e| match ai_spec(&e.ai) {
        Some(spec) => !spec.dl_attribute,
        None => !unknown_allowed,
    }) {
        return Err(CodeError::NotAnAttribute { ai: e.ai.clone() });
    }

    let mut uri = stem.strip_suffix('/').unwrap_or(stem).to_owned();
    for &i in &path {
        uri.push('/');
        uri.push_str(&unique[i].ai);
        uri.push('/');
        uri.push_str(&uri_escape(&unique[i].value, false));
    }
    let fixed_first = rest
        .iter()
        .filter(|e| !needs_separator(&e.ai))
        .chain(rest.iter().filter(|e| needs_separator(&e.ai)));
    for (n, e) in fixed_first.enumerate() {
        uri.push(if n == 0 { '?' } else { '&' });
        uri.push_str(&e.ai);
        uri.push('=');
        uri.push_str(&uri_escape(&e.value, true));
    }
    Ok(uri)
}

/// The key and qualifiers a Digital Link path would carry (empty when the
/// data has no primary key).
pub(crate) fn key_path(elements: &[Element], path_len: usize) -> Vec<&Element> {
    if path_len > 0 && path_len <= elements.len() {
        return elements[..path_len].iter().collect();
    }
    let Ok(unique) = collapse_repeats(elements) else {
        return Vec::new();
    };
    choose_path(&unique)
        .map(|path| path.into_iter().map(|i| unique[i]).collect())
        .unwrap_or_default()
}

/// Drops repeats of an AI with the same value; a repeat with another value
/// is an error.
fn collapse_repeats(elements: &[Element]) -> Result<Vec<&Element>, CodeError> {
    let mut unique: Vec<&Element> = Vec::with_capacity(elements.len());
    for element in elements {
        match unique.iter().find(|e| e.ai == element.ai) {
            Some(seen) if seen.value == element.value => {}
            Some(_) => {
                return Err(CodeError::RepeatedAi {
                    ai: element.ai.clone(),
                });
            }
            None => unique.push(element),
        }
    }
    Ok(unique)
}

/// The first primary key, then the qualifier sequence that uses the most
/// AIs present (the first such in the dictionary's order).
fn choose_path(elements: &[&Element]) -> Result<Vec<usize>, CodeError> {
    let (key_index, key) = elements
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            ai_spec(&e.ai)
                .filter(|s| s.is_primary_key())
                .map(|s| (i, s))
        })
        .ok_or(CodeError::NoPrimaryKey)?;
    let position = |ai: &str| elements.iter().position(|e| e.ai == ai);
    let mut best: Vec<usize> = Vec::new();
    for seq in key.qualifier_sequences() {
        let found: Option<Vec<usize>> = seq.iter().map(|ai| position(ai)).collect();
        if let Some(found) = found {
            if found.len() > best.len() {
                best = found;
            }
        }
    }
    let mut path = vec![key_index];
    path.extend(best);
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(pairs: &[(&str, &str)]) -> Vec<Element> {
        pairs.iter().map(|(a, v)| Element::new(*a, *v)).collect()
    }

    #[test]
    fn writes_canonical_uris() {
        let data = elements(&[
            ("01", "08931234567897"),
            ("17", "261231"),
            ("10", "LOT/7"),
            ("99", "A B"),
        ]);
        assert_eq!(
            to_digital_link("https://id.example/", &data),
            Ok("https://id.example/01/08931234567897/10/LOT%2F7?17=261231&99=A+B".into())
        );
        assert_eq!(
            to_digital_link("", &elements(&[("10", "A")])),
            Err(CodeError::NoPrimaryKey)
        );
        assert_eq!(
            to_digital_link(
                "",
                &elements(&[("01", "08931234567897"), ("22", "A"), ("235", "B")])
            ),
            Err(CodeError::NotAnAttribute { ai: "235".into() })
        );
    }
}
