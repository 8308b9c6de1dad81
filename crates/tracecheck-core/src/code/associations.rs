//! Rules between AIs (GS1 Barcode Syntax Dictionary `req=` and `ex=`
//! attributes, repeats, and the digital-signature rule): checked over the
//! whole set of elements once each value is known to be valid.

use super::dictionary::{ai_spec, matches_pattern};
use super::{CodeError, Element};

/// Keys whose serial component is optional in the dictionary, and the
/// shortest serialised value: a digital signature (AI 8030) must sign a
/// serialised instance.
const SERIALISABLE_KEYS: [(&str, usize); 3] = [("253", 14), ("255", 14), ("8003", 15)];

/// Checks repeats, exclusions, requirements and the DigSig rule, in that
/// order.
pub fn check_associations(elements: &[Element]) -> Result<(), CodeError> {
    check_repeats(elements)?;
    check_exclusions(elements)?;
    check_requirements(elements)?;
    check_digsig(elements)
}

/// The same AI may come twice only with the same value.
fn check_repeats(elements: &[Element]) -> Result<(), CodeError> {
    for (i, element) in elements.iter().enumerate() {
        if elements[..i]
            .iter()
            .any(|e| e.ai == element.ai && e.value != element.value)
        {
            return Err(CodeError::RepeatedAi {
                ai: element.ai.clone(),
            });
        }
    }
    Ok(())
}

fn check_exclusions(elements: &[Element]) -> Result<(), CodeError> {
    for element in elements {
        let Some(spec) = ai_spec(&element.ai) else {
            continue;
        };
        for pattern in spec.excludes {
            // An AI does not exclude itself even when it matches a pattern.
            if let Some(other) = elements
                .iter()
                .find(|o| o.ai != element.ai && matches_pattern(pattern, &o.ai))
            {
                return Err(CodeError::Excluded {
                    ai: element.ai.clone(),
                    other: other.ai.clone(),
                });
            }
        }
    }
    Ok(())
}

fn check_requirements(elements: &[Element]) -> Result<(), CodeError> {
    let present = |pattern: &str| elements.iter().any(|e| matches_pattern(pattern, &e.ai));
    for element in elements {
        let Some(spec) = ai_spec(&element.ai) else {
            continue;
        };
        for groups in spec.requires {
            if !groups.iter().any(|group| group.iter().all(|p| present(p))) {
                return Err(CodeError::MissingRequired {
                    ai: element.ai.clone(),
                    any_of: groups.iter().map(|group| group.join("+")).collect(),
                });
            }
        }
    }
    Ok(())
}

fn check_digsig(elements: &[Element]) -> Result<(), CodeError> {
    if !elements.iter().any(|e| e.ai == "8030") {
        return Ok(());
    }
    for (key, serialised) in SERIALISABLE_KEYS {
        if let Some(e) = elements.iter().find(|e| e.ai == key) {
            if e.value.chars().count() < serialised {
                return Err(CodeError::DigSigNeedsSerial { key: key.into() });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(pairs: &[(&str, &str)]) -> Vec<Element> {
        pairs.iter().map(|(a, v)| Element::new(*a, *v)).collect()
    }

    #[test]
    fn names_the_rule_that_fails() {
        assert_eq!(
            check_associations(&elements(&[("10", "A")])),
            Err(CodeError::MissingRequired {
                ai: "10".into(),
                any_of: vec![
                    "01".into(),
                    "02".into(),
                    "03".into(),
                    "8006".into(),
                    "8026".into()
                ]
            })
        );
        assert_eq!(
            check_associations(&elements(&[("01", "12345678901231"), ("8030", "SIG")])),
            Err(CodeError::MissingRequired {
                ai: "8030".into(),
                any_of: [
                    "00",
                    "01+21",
                    "253",
                    "255",
                    "8003",
                    "8004",
                    "8006+21",
                    "8010+8011",
                    "8017",
                    "8018"
                ]
                .map(String::from)
                .to_vec()
            })
        );
        assert!(
            check_associations(&elements(&[
                ("01", "12345678901231"),
                ("21", "S1"),
                ("8030", "SIG")
            ]))
            .is_ok()
        );
        assert_eq!(
            check_associations(&elements(&[
                ("21", "A"),
                ("235", "B"),
                ("01", "12345678901231")
            ])),
            Err(CodeError::Excluded {
                ai: "21".into(),
                other: "235".into()
            })
        );
    }
}
