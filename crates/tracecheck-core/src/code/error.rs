use serde::Serialize;

/// Why a piece of text is not a usable product code. Each variant names one
/// way a code can be wrong, with what is needed to explain it to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CodeError {
    /// Nothing was read.
    Empty,
    /// The text is neither GS1 data nor a web address.
    NotAProductCode { read: String },
    /// A Digital Link URI whose path carries no GS1 identifier.
    NoIdentifierInUri,
    /// A URI that is malformed (bad scheme, host or character).
    MalformedUri,
    /// An AI that GS1 does not define, or that may not appear here.
    UnknownAi { ai: String },
    /// An AI given twice.
    DuplicateAi { ai: String },
    /// An AI with an empty value.
    EmptyValue { ai: String },
    /// A value of the wrong length.
    WrongLength {
        ai: String,
        min: usize,
        max: usize,
        found: usize,
    },
    /// A character that the AI's character set does not allow.
    BadCharacter { ai: String, character: char },
    /// A check digit that does not match (the digit the data needs, and the one written).
    CheckDigit {
        ai: String,
        expected: char,
        found: char,
    },
    /// A date that does not exist (`YYMMDD`).
    BadDate { ai: String },
    /// Key qualifiers in the wrong order or not allowed with this key.
    BadQualifier { ai: String },
    /// A bracketed `(AI)value` string that is not well-formed.
    MalformedBracketed,
}
