//! What can go wrong while publishing, each with where it happened, so a
//! producer can fix the spreadsheet cell the message names.

use std::fmt;

/// A cell (or a whole row, or a whole file) a message points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The CSV file's name, as given (`products.csv`).
    pub file: String,
    /// 1-based line of the row (the header is line 1); 0 for the file itself.
    pub line: u64,
    /// 1-based column number and the header as written, when one cell is at fault.
    pub column: Option<(usize, String)>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some((number, header)) = &self.column {
            write!(f, ": column {number} \"{header}\"")?;
        }
        Ok(())
    }
}

/// Why a row, cell or file cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read.
    Unreadable { reason: String },
    /// The bytes are not UTF-8 (Excel: save as "CSV UTF-8").
    NotUtf8,
    /// The CSV syntax is broken (an unclosed quote, a row with extra cells).
    Syntax { reason: String },
    /// A column the file must have is missing from the header.
    MissingColumn { column: &'static str },
    /// Two headers name the same column (say, `lot` and `số lô`).
    DuplicateColumn { column: &'static str },
    /// A required cell is empty.
    Empty,
    /// A GTIN that is not 8, 12, 13 or 14 digits.
    GtinLength,
    /// A GTIN or GLN whose check digit is wrong.
    CheckDigit { expected: char },
    /// A GLN that is not 13 digits.
    GlnLength,
    /// Not a date (`YYYY-MM-DD` or `DD/MM/YYYY`).
    Date,
    /// Not a time (RFC 3339, or a date and `HH:MM` in the publishing time zone).
    Time,
    /// Not a number in range.
    Number { min: i64, max: i64 },
    /// Not one of the accepted words.
    Choice { accepted: &'static [&'static str] },
    /// A value a GS1 Digital Link cannot carry, or that no static file path can hold.
    CodeValue { reason: &'static str },
    /// Two rows with the same id.
    DuplicateId { id: String, first_line: u64 },
    /// Two batches with the same Digital Link path.
    DuplicateCode { code: String, first_line: u64 },
    /// An id that the file it refers to does not define.
    UnknownReference { file: &'static str, id: String },
    /// A scheme code outside the fixed table.
    UnknownScheme { code: String },
    /// An OCOP rating on another scheme, or an OCOP certificate without one.
    Rating,
    /// A certificate claimed for a batch of another producer than its holder.
    BorrowedCertificate { certificate: String, holder: String },
    /// A certificate no batch claims names no holder.
    NoHolder,
    /// An image path outside the data folder, or not an https URL.
    Image,
    /// `validUntil` before `validFrom`.
    DatesOutOfOrder,
    /// A `did:web` that this registry cannot serve.
    DidWeb { reason: String },
    /// The issuer has no signing key.
    NoKey { issuer: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable { reason } => write!(f, "cannot read the file: {reason}"),
            Problem::NotUtf8 => write!(
                f,
                "not UTF-8 text (in a spreadsheet, save as \"CSV UTF-8\")"
            ),
            Problem::Syntax { reason } => write!(f, "broken CSV: {reason}"),
            Problem::MissingColumn { column } => write!(f, "no column \"{column}\" in the header"),
            Problem::DuplicateColumn { column } => write!(f, "column \"{column}\" appears twice"),
            Problem::Empty => write!(f, "empty, but required"),
            Problem::GtinLength => write!(f, "a GTIN has 8, 12, 13 or 14 digits"),
            Problem::CheckDigit { expected } => {
                write!(f, "wrong check digit (the last digit should be {expected})")
            }
            Problem::GlnLength => write!(f, "a GLN has 13 digits"),
            Problem::Date => write!(f, "not a date: write YYYY-MM-DD or DD/MM/YYYY"),
            Problem::Time => write!(
                f,
                "not a time: write YYYY-MM-DD HH:MM (local time) or RFC 3339"
            ),
            Problem::Number { min, max } => write!(f, "not a number from {min} to {max}"),
            Problem::Choice { accepted } => write!(f, "not one of: {}", accepted.join(", ")),
            Problem::CodeValue { reason } => write!(f, "cannot be used in a code: {reason}"),
            Problem::DuplicateId { id, first_line } => {
                write!(f, "id \"{id}\" is already used on line {first_line}")
            }
            Problem::DuplicateCode { code, first_line } => {
                write!(f, "the code {code} is already used on line {first_line}")
            }
            Problem::UnknownReference { file, id } => write!(f, "\"{id}\" is not an id in {file}"),
            Problem::UnknownScheme { code } => write!(
                f,
                "unknown scheme \"{code}\"; use one of: {}",
                super::values::SCHEMES.join(", ")
            ),
            Problem::Rating => write!(
                f,
                "a rating (1–5 stars) goes with the ocop scheme only, and every OCOP certificate has one"
            ),
            Problem::BorrowedCertificate {
                certificate,
                holder,
            } => write!(
                f,
                "certificate \"{certificate}\" is held by \"{holder}\", not by this batch's producer"
            ),
            Problem::NoHolder => write!(
                f,
                "no batch claims this certificate, so its holder column must name the issuer it is issued to"
            ),
            Problem::Image => write!(
                f,
                "an image is a file inside the data folder or an https:// URL"
            ),
            Problem::DatesOutOfOrder => write!(f, "ends before it starts"),
            Problem::DidWeb { reason } => write!(f, "did:web: {reason}"),
            Problem::NoKey { issuer } => write!(
                f,
                "no signing key for issuer \"{issuer}\" (create one with `tracecheck keys new`)"
            ),
        }
    }
}

/// One problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Where.
    pub place: Place,
    /// What.
    pub problem: Problem,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

/// Why a publication did not happen. Nothing is written in either case.
#[derive(Debug)]
pub enum PublishError {
    /// The input has errors (every one found, up to a limit).
    Input(Vec<RowError>),
    /// Writing the registry, the state or the labels failed.
    Io { path: String, reason: String },
    /// The state file is unreadable or from an incompatible version.
    State { reason: String },
    /// An option is unusable (say, a base URL that is not http(s)).
    Option { reason: String },
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::Input(errors) => {
                writeln!(
                    f,
                    "{} problem(s) in the input; nothing was published:",
                    errors.len()
                )?;
                for error in errors {
                    writeln!(f, "  {error}")?;
                }
                Ok(())
            }
            PublishError::Io { path, reason } => write!(f, "{path}: {reason}"),
            PublishError::State { reason } => write!(f, "state file: {reason}"),
            PublishError::Option { reason } => write!(f, "{reason}"),
        }
    }
}

impl PublishError {
    /// An I/O failure on `path`.
    pub fn io(path: impl AsRef<std::path::Path>, error: std::io::Error) -> Self {
        PublishError::Io {
            path: path.as_ref().display().to_string(),
            reason: error.to_string(),
        }
    }
}
