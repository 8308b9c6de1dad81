//! Unbracketed element strings, as GS1's vectors write them: `^` for FNC1 at
//! the start and after each AI without a predefined length.

use super::dictionary::{ai_at_start, ai_spec};
use super::{CodeError, Element, SyntaxProblem, value};

/// Parses `^0112345678901231^10ABC` into checked elements. Unknown AIs are
/// never accepted here: without brackets their length cannot be known.
pub fn parse_element_string(data: &str) -> Result<Vec<Element>, CodeError> {
    let syntax = |problem| CodeError::Syntax { problem };
    let mut rest = data
        .strip_prefix('^')
        .ok_or(syntax(SyntaxProblem::NoLeadingFnc1))?;
    if rest.is_empty() {
        return Err(syntax(SyntaxProblem::NoData));
    }
    let mut elements = Vec::new();
    while !rest.is_empty() {
        if rest.starts_with('^') {
            return Err(syntax(SyntaxProblem::EmptyElement));
        }
        let spec = ai_at_start(rest).ok_or_else(|| CodeError::UnknownAi {
            ai: rest
                .chars()
                .take_while(char::is_ascii_digit)
                .take(4)
                .collect::<String>(),
        })?;
        let after_ai = &rest[spec.ai.len()..];
        let end = after_ai.find('^').unwrap_or(after_ai.len());
        let end = if spec.fnc1 {
            end
        } else {
            // A predefined-length AI ends after its length, separator or not.
            end.min(
                after_ai
                    .char_indices()
                    .nth(spec.max_len())
                    .map_or(after_ai.len(), |(i, _)| i),
            )
        };
        let (value_text, after) = after_ai.split_at(end);
        value::check(spec, value_text)?;
        elements.push(Element::new(spec.ai, value_text));
        // One separator may follow any AI (superfluous after fixed ones).
        rest = after.strip_prefix('^').unwrap_or(after);
    }
    Ok(elements)
}

/// Writes elements as `^…`, with `^` after each AI that needs a separator
/// (unknown AIs always do) unless it is the last.
pub fn write_element_string(elements: &[Element]) -> String {
    let mut out = String::from("^");
    for (i, element) in elements.iter().enumerate() {
        out.push_str(&element.ai);
        out.push_str(&element.value);
        if i + 1 < elements.len() && needs_separator(&element.ai) {
            out.push('^');
        }
    }
    out
}

/// True unless `ai` has a predefined length.
pub(crate) fn needs_separator(ai: &str) -> bool {
    ai_spec(ai).is_none_or(|spec| spec.fnc1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_separators() {
        let elements = parse_element_string("^0112345678901231235XYZ^10BATCH").expect("valid");
        assert_eq!(elements.len(), 3);
        assert_eq!(
            write_element_string(&elements),
            "^0112345678901231235XYZ^10BATCH"
        );
        assert!(parse_element_string("^0112345678901231^").is_ok());
        assert!(matches!(
            parse_element_string("0112345678901231"),
            Err(CodeError::Syntax { .. })
        ));
        assert!(matches!(
            parse_element_string("^891234"),
            Err(CodeError::UnknownAi { .. })
        ));
    }
}
