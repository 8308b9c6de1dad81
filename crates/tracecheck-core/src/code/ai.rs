//! The GS1 Application Identifiers a trade item carries.
//!
//! A first cut covering the AIs of DESIGN.md §1; the full GS1 Barcode Syntax
//! Dictionary replaces it (issue "Every product code").

/// How an AI's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// Digits only.
    Numeric,
    /// GS1 AI encodable character set 82.
    Cset82,
}

/// The rules for one AI's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AiSpec {
    /// The AI itself.
    pub ai: &'static str,
    /// Shortest allowed value.
    pub min: usize,
    /// Longest allowed value.
    pub max: usize,
    /// Its character set.
    pub charset: Charset,
    /// The last digit is a GS1 mod-10 check digit.
    pub check_digit: bool,
    /// A `YYMMDD` date (DD may be 00).
    pub date: bool,
    /// A Digital Link primary key.
    pub primary_key: bool,
    /// Key qualifiers allowed in the path after this primary key, in order.
    pub qualifiers: &'static [&'static str],
}

impl AiSpec {
    /// Fixed-length values need no FNC1 separator after them.
    pub fn is_fixed_length(&self) -> bool {
        self.min == self.max && PREDEFINED_LENGTH.iter().any(|p| self.ai.starts_with(p))
    }
}

/// AI prefixes whose length GS1 predefines (General Specifications 7.8.5).
const PREDEFINED_LENGTH: &[&str] = &[
    "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "31",
    "32", "33", "34", "35", "36", "41",
];

const fn n(ai: &'static str, len: usize, check_digit: bool) -> AiSpec {
    AiSpec {
        ai,
        min: len,
        max: len,
        charset: Charset::Numeric,
        check_digit,
        date: false,
        primary_key: false,
        qualifiers: &[],
    }
}

const fn date(ai: &'static str) -> AiSpec {
    AiSpec {
        date: true,
        ..n(ai, 6, false)
    }
}

const fn x(ai: &'static str, max: usize) -> AiSpec {
    AiSpec {
        ai,
        min: 1,
        max,
        charset: Charset::Cset82,
        check_digit: false,
        date: false,
        primary_key: false,
        qualifiers: &[],
    }
}

const fn key(spec: AiSpec, qualifiers: &'static [&'static str]) -> AiSpec {
    AiSpec {
        primary_key: true,
        qualifiers,
        ..spec
    }
}

static AIS: &[AiSpec] = &[
    key(n("00", 18, true), &[]),
    key(n("01", 14, true), &["22", "10", "21", "235"]),
    n("02", 14, true),
    x("10", 20),
    date("11"),
    date("13"),
    date("15"),
    date("16"),
    date("17"),
    x("21", 20),
    x("22", 20),
    x("235", 28),
    x("240", 30),
    key(n("414", 13, true), &["254", "7040"]),
    x("254", 20),
    n("3103", 6, false),
    n("37", 8, false),
    n("3922", 4, false),
    x("7040", 4),
    x("8003", 30),
    key(x("8004", 30), &[]),
    x("90", 30),
    x("91", 90),
    x("92", 90),
    x("93", 90),
    x("94", 90),
    x("95", 90),
    x("96", 90),
    x("97", 90),
    x("98", 90),
    x("99", 90),
];

/// The rules for `ai`, if it is one we know.
pub fn ai_spec(ai: &str) -> Option<&'static AiSpec> {
    AIS.iter().find(|spec| spec.ai == ai)
}

/// Checks one AI value against its rules.
pub(crate) fn validate(ai: &str, value: &str) -> Result<&'static AiSpec, super::CodeError> {
    use super::CodeError;
    let spec = ai_spec(ai).ok_or_else(|| CodeError::UnknownAi { ai: ai.to_owned() })?;
    let owned = || ai.to_owned();
    if value.is_empty() {
        return Err(CodeError::EmptyValue { ai: owned() });
    }
    let length = value.chars().count();
    if length < spec.min || length > spec.max {
        return Err(CodeError::WrongLength {
            ai: owned(),
            min: spec.min,
            max: spec.max,
            found: length,
        });
    }
    let allowed = |c: char| match spec.charset {
        Charset::Numeric => c.is_ascii_digit(),
        Charset::Cset82 => is_cset82(c),
    };
    if let Some(bad) = value.chars().find(|&c| !allowed(c)) {
        return Err(CodeError::BadCharacter {
            ai: owned(),
            character: bad,
        });
    }
    if spec.check_digit {
        let (data, written) = value.split_at(value.len() - 1);
        let expected = super::gtin_check_digit(data).unwrap_or('?');
        let found = written.chars().next().unwrap_or('?');
        if expected != found {
            return Err(CodeError::CheckDigit {
                ai: owned(),
                expected,
                found,
            });
        }
    }
    if spec.date && !is_valid_yymmdd(value) {
        return Err(CodeError::BadDate { ai: owned() });
    }
    Ok(spec)
}

/// GS1 AI encodable character set 82.
fn is_cset82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// `YYMMDD` where DD may be `00` (meaning the end of the month).
fn is_valid_yymmdd(value: &str) -> bool {
    let field = |i: usize| value.get(i..i + 2).and_then(|s| s.parse::<u32>().ok());
    let (Some(yy), Some(mm), Some(dd)) = (field(0), field(2), field(4)) else {
        return false;
    };
    // Leap years: YY → 20YY or 19YY, and either way divisibility by 4 decides
    // within 1951–2050 (2000 is a leap year).
    let days_in_month = match mm {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if yy % 4 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    dd <= days_in_month
}
