//! The human-readable bracketed form `(01)09520123456788(10)ABC`, with `\(`
//! for a literal bracket inside a value.

use super::dictionary::{ai_spec, clashes_with_known_ai};
use super::{CodeError, Element, Options, SyntaxProblem, value};

/// Parses bracketed AI data into checked elements.
pub fn parse_bracketed(text: &str, options: &Options) -> Result<Vec<Element>, CodeError> {
    let syntax = |problem| CodeError::Syntax { problem };
    let mut rest = text
        .strip_prefix('(')
        .ok_or(syntax(SyntaxProblem::NoOpeningBracket))?;
    let mut elements = Vec::new();
    loop {
        let (ai, after_ai) = rest
            .split_once(')')
            .ok_or(syntax(SyntaxProblem::UnclosedAi))?;
        if !ai.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax(SyntaxProblem::AiNotNumeric));
        }
        if ai.len() < 2 {
            return Err(syntax(SyntaxProblem::AiTooShort));
        }
        if ai.len() > 4 {
            return Err(syntax(SyntaxProblem::AiTooLong));
        }
        let (value_text, next) = read_value(after_ai)?;
        match ai_spec(ai) {
            Some(spec) => value::check(spec, &value_text)?,
            None if options.permit_unknown_ais && !clashes_with_known_ai(ai) => {
                value::check_unknown(ai, &value_text)?;
            }
            None => return Err(CodeError::UnknownAi { ai: ai.to_owned() }),
        }
        elements.push(Element::new(ai, value_text));
        match next {
            Some(after_open) => rest = after_open,
            None => return Ok(elements),
        }
    }
}

/// Reads a value up to the next unescaped `(`; returns it and what follows
/// that bracket (`None` at the end of the text).
fn read_value(text: &str) -> Result<(String, Option<&str>), CodeError> {
    let mut value = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|&(_, next)| next == '(') => {
                value.push('(');
                chars.next();
            }
            '(' => return Ok((value, Some(&text[i + 1..]))),
            '^' => {
                return Err(CodeError::Syntax {
                    problem: SyntaxProblem::Caret,
                });
            }
            c => value.push(c),
        }
    }
    Ok((value, None))
}

/// Writes elements in the bracketed form.
pub fn write_bracketed(elements: &[Element]) -> String {
    let mut out = String::new();
    for element in elements {
        out.push('(');
        out.push_str(&element.ai);
        out.push(')');
        out.push_str(&element.value.replace('(', "\\("));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_escaped_brackets_and_rejects_bad_ais() {
        let options = Options::default();
        let elements = parse_bracketed("(10)12345\\(11)991225", &options).expect("valid");
        assert_eq!(elements, vec![Element::new("10", "12345(11)991225")]);
        assert_eq!(write_bracketed(&elements), "(10)12345\\(11)991225");
        assert!(parse_bracketed("(89)ABC", &options).is_err());
        let permissive = Options {
            permit_unknown_ais: true,
            ..Options::default()
        };
        assert!(parse_bracketed("(89)ABC", &permissive).is_ok());
        assert!(parse_bracketed("(011)ABC", &permissive).is_err());
    }
}
