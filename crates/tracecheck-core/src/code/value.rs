//! Checks one AI value against its dictionary entry: length, the split into
//! components, each component's character set and linters, in that order
//! (so the first problem reported is the one GS1's reference engine reports).

use super::dictionary::{AiSpec, Charset};
use super::{CodeError, lint};

/// The longest value an AI the dictionary does not know may have, when
/// unknown AIs are permitted (the longest any AI allows).
pub(crate) const UNKNOWN_AI_MAX: usize = 90;

/// The most components any dictionary entry has (a test checks this).
const MAX_PARTS: usize = 8;

/// Splits `s` after `n` characters (or at its end).
fn split_chars(s: &str, n: usize) -> (&str, &str) {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.split_at(at)
}

/// Checks `value` for the AI `spec` describes.
pub(crate) fn check(spec: &AiSpec, value: &str) -> Result<(), CodeError> {
    let ai = || spec.ai.to_owned();
    if value.is_empty() {
        return Err(CodeError::EmptyValue { ai: ai() });
    }
    let length = value.chars().count();
    let (min, max) = (spec.min_len(), spec.max_len());
    if length < min || length > max {
        return Err(CodeError::WrongLength {
            ai: ai(),
            min,
            max,
            found: length,
        });
    }
    // First every part's length (so a length problem is reported before any
    // content problem), then each part's content in order.
    let mut parts = [""; MAX_PARTS];
    let mut count = 0;
    let mut rest = value;
    for component in spec.components.iter().take(MAX_PARTS) {
        if rest.is_empty() && component.optional {
            break;
        }
        let (part, after) = split_chars(rest, component.max);
        if part.chars().count() < component.min {
            return Err(CodeError::PartLengths {
                ai: ai(),
                found: length,
            });
        }
        parts[count] = part;
        count += 1;
        rest = after;
    }
    if !rest.is_empty() {
        return Err(CodeError::PartLengths {
            ai: ai(),
            found: length,
        });
    }
    for (component, part) in spec.components.iter().zip(&parts[..count]) {
        let invalid = |problem| CodeError::Invalid { ai: ai(), problem };
        lint::check_charset(component.charset, part).map_err(invalid)?;
        for &linter in component.linters {
            lint::run(linter, part).map_err(invalid)?;
        }
    }
    Ok(())
}

/// Checks the value of an AI the dictionary does not know (allowed only when
/// the caller permits unknown AIs): CSET 82, 1 to 90 characters.
pub(crate) fn check_unknown(ai: &str, value: &str) -> Result<(), CodeError> {
    if value.is_empty() {
        return Err(CodeError::EmptyValue { ai: ai.to_owned() });
    }
    let length = value.chars().count();
    if length > UNKNOWN_AI_MAX {
        return Err(CodeError::WrongLength {
            ai: ai.to_owned(),
            min: 1,
            max: UNKNOWN_AI_MAX,
            found: length,
        });
    }
    lint::check_charset(Charset::Cset82, value).map_err(|problem| CodeError::Invalid {
        ai: ai.to_owned(),
        problem,
    })
}

#[cfg(test)]
mod tests {
    use super::super::ValueProblem;
    use super::super::dictionary::ai_spec;
    use super::*;

    fn check_ai(ai: &str, value: &str) -> Result<(), CodeError> {
        check(ai_spec(ai).expect("known AI"), value)
    }

    #[test]
    fn checks_length_then_parts_then_content() {
        assert_eq!(check_ai("01", "12345678901231"), Ok(()));
        assert!(matches!(
            check_ai("01", "1234567890123"),
            Err(CodeError::WrongLength {
                min: 14,
                max: 14,
                found: 13,
                ..
            })
        ));
        assert!(matches!(
            check_ai("7007", "2112252"),
            Err(CodeError::PartLengths { found: 7, .. })
        ));
        assert_eq!(
            check_ai("01", "12345678901234"),
            Err(CodeError::Invalid {
                ai: "01".into(),
                problem: ValueProblem::CheckDigit {
                    expected: '1',
                    found: '4'
                }
            })
        );
        assert!(check_ai("8003", "02112345678900").is_ok());
        assert!(
            check_ai("10", "Lô").is_err(),
            "non-ASCII is outside CSET 82"
        );
        assert!(check_unknown("89", "ABC").is_ok());
        assert!(
            super::super::all_ais()
                .iter()
                .all(|spec| spec.components.len() <= MAX_PARTS)
        );
    }
}
