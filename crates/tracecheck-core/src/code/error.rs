//! Every way a scanned or typed code can be wrong, as data the widget
//! translates (`src/i18n/{vi,en}.rs`).

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
    /// A number typed by hand with a digit count no GTIN has (8, 12, 13, 14).
    GtinLength { found: usize },
    /// A GS1 Digital Link URI that is not a well-formed web address.
    BadUri { problem: UriProblem },
    /// The data names no GS1 primary key (a Digital Link path has none, or
    /// element data to be written as a Digital Link has none).
    NoPrimaryKey,
    /// A Digital Link path AI that may not follow the key there (not one of
    /// its qualifiers, or out of order, or mixing alternatives).
    BadKeyQualifier { key: String, ai: String },
    /// A key qualifier given in the query: it belongs in the path.
    QualifierInQuery { ai: String },
    /// An AI that may not be a Digital Link data attribute.
    NotAnAttribute { ai: String },
    /// Element-string or bracketed syntax that cannot be read.
    Syntax { problem: SyntaxProblem },
    /// An AI that GS1 does not define.
    UnknownAi { ai: String },
    /// An AI given twice in a Digital Link URI.
    DuplicateAi { ai: String },
    /// An AI repeated with a different value.
    RepeatedAi { ai: String },
    /// An AI with an empty value.
    EmptyValue { ai: String },
    /// A value of the wrong length.
    WrongLength {
        ai: String,
        min: usize,
        max: usize,
        found: usize,
    },
    /// A value whose parts do not fit the AI's fixed-length parts.
    PartLengths { ai: String, found: usize },
    /// A value that breaks one of the AI's content rules.
    Invalid { ai: String, problem: ValueProblem },
    /// An AI that needs another AI alongside (one of the groups listed;
    /// `01+21` means both).
    MissingRequired { ai: String, any_of: Vec<String> },
    /// Two AIs that may not appear together.
    Excluded { ai: String, other: String },
    /// A digital signature (AI 8030) on a key without its serial component.
    DigSigNeedsSerial { key: String },
    /// Scanner output that cannot be read.
    Scan { problem: ScanProblem },
}

/// What is wrong with a web address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UriProblem {
    /// Not `http://` or `https://` (all lower or all upper case).
    Scheme,
    /// No host name.
    NoHost,
    /// A character that may not appear in a host name.
    HostCharacter { character: char },
    /// A character that may not appear in a URI.
    Character { character: char },
    /// A percent escape that decodes to a NUL byte.
    NulByte,
}

/// What is wrong with the shape of element-string data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyntaxProblem {
    /// Unbracketed data must start with FNC1 (`^`).
    NoLeadingFnc1,
    /// No AI after the start.
    NoData,
    /// Bracketed data must start with `(`.
    NoOpeningBracket,
    /// An AI with no closing `)`.
    UnclosedAi,
    /// An AI with fewer than 2 digits.
    AiTooShort,
    /// An AI with more than 4 digits.
    AiTooLong,
    /// An AI with a non-digit.
    AiNotNumeric,
    /// A literal `^`, which means FNC1 and cannot be data.
    Caret,
    /// Two separators in a row.
    EmptyElement,
}

/// What is wrong with scanner output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScanProblem {
    /// No `]` symbology identifier at the start.
    NoSymbologyId,
    /// A symbology identifier this reader does not know.
    UnknownSymbology { id: String },
    /// A GS1 symbology with no data.
    NoData,
    /// An EAN/UPC with the wrong number of digits.
    EanLength { found: usize },
    /// An EAN/UPC with a non-digit.
    EanNotNumeric,
    /// Data this symbology cannot carry.
    NotForSymbology,
}

/// A part of a North American coupon code (AIs 8110, 8112).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CouponField {
    /// Format code.
    FormatCode,
    /// Length indicator of the funder ID.
    FunderLength,
    /// Funder ID.
    Funder,
    /// Length indicator of the company prefix.
    CompanyPrefixLength,
    /// Company prefix.
    CompanyPrefix,
    /// Offer code.
    OfferCode,
    /// Length indicator of the save value.
    SaveValueLength,
    /// Save value.
    SaveValue,
    /// Length indicator of a purchase requirement (1st, 2nd, 3rd).
    RequirementLength { purchase: u8 },
    /// A purchase requirement.
    Requirement { purchase: u8 },
    /// A purchase requirement code.
    RequirementCode { purchase: u8 },
    /// A purchase family code.
    FamilyCode { purchase: u8 },
    /// Length indicator of a purchase's company prefix.
    PurchaseCompanyPrefixLength { purchase: u8 },
    /// A purchase's company prefix.
    PurchaseCompanyPrefix { purchase: u8 },
    /// Additional purchase rules code.
    AdditionalRules,
    /// Expiration date.
    ExpirationDate,
    /// Start date.
    StartDate,
    /// Length indicator of the serial number.
    SerialLength,
    /// Serial number.
    Serial,
    /// Length indicator of the retailer's company prefix or GLN.
    RetailerLength,
    /// Retailer's company prefix or GLN.
    Retailer,
    /// Save value code.
    SaveValueCode,
    /// Which item the save value applies to.
    SaveValueAppliesTo,
    /// Store coupon flag.
    StoreCouponFlag,
    /// Don't-multiply flag.
    DontMultiplyFlag,
}

/// How a coupon part is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponIssue {
    /// It is missing.
    Missing,
    /// It has a value that is not allowed.
    Invalid,
    /// It is shorter than it should be.
    Truncated,
}

/// A content rule a value breaks (the GS1 Barcode Syntax Tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueProblem {
    /// A non-digit where a digit belongs.
    NonDigit { character: char },
    /// A character outside GS1 character set 82.
    NotCset82 { character: char },
    /// A character outside GS1 character set 39.
    NotCset39 { character: char },
    /// A character outside GS1 character set 64 (base64url).
    NotCset64 { character: char },
    /// Wrong base64 padding.
    Cset64Padding,
    /// A wrong check digit (the digit the data needs, and the one written).
    CheckDigit { expected: char, found: char },
    /// Too short to carry a check digit.
    TooShortForCheckDigit,
    /// A wrong alphanumeric check-character pair.
    CheckPair { expected: String, found: String },
    /// Too short to carry a check-character pair.
    TooShortForCheckPair,
    /// Too long for the check-character pair calculation.
    TooLongForCheckPair,
    /// Too short to start with a GS1 Company Prefix.
    TooShortForCompanyPrefix,
    /// Does not start with a GS1 Company Prefix.
    BadCompanyPrefix,
    /// The importer index must be one character.
    ImporterIndexLength,
    /// A character that is not an importer index.
    BadImporterIndex,
    /// Zero where a non-zero value is needed.
    MustNotBeZero,
    /// Must be zero.
    MustBeZero,
    /// A leading zero that is not allowed.
    ZeroPrefix,
    /// Must be 0 or 1.
    NotZeroOrOne,
    /// Winding direction must be 0, 1 or 9.
    BadWindingDirection,
    /// Not an ISO 3166 numeric country code.
    NotCountry,
    /// Not an ISO 3166 numeric country code or 999.
    NotCountryOr999,
    /// Not an ISO 3166 two-letter country code.
    NotCountryAlpha2,
    /// Not an ISO 4217 numeric currency code.
    NotCurrency,
    /// Too short for an IBAN.
    IbanTooShort,
    /// Too long for an IBAN.
    IbanTooLong,
    /// A character an IBAN may not have.
    IbanCharacter { character: char },
    /// An IBAN that does not start with a country code.
    IbanCountry,
    /// An IBAN whose check digits are wrong.
    IbanChecksum,
    /// A month that does not exist.
    BadMonth,
    /// A day that does not exist in its month.
    BadDay,
    /// An hour outside 00–23.
    BadHour,
    /// A minute outside 00–59.
    BadMinute,
    /// A second outside 00–59.
    BadSecond,
    /// Piece and total must have equal lengths.
    PieceOfTotalLength,
    /// Piece number zero.
    ZeroPiece,
    /// Total zero.
    ZeroTotal,
    /// Piece number above the total.
    PieceExceedsTotal,
    /// A `%` not followed by two hex digits.
    BadPercentEscape,
    /// A coupon part that is missing, not allowed, or cut short.
    Coupon {
        field: CouponField,
        issue: CouponIssue,
    },
    /// A coupon that expires before it starts.
    CouponExpiresBeforeStart,
    /// Data after the last coupon part.
    CouponExcessData,
    /// A latitude above 180 degrees (offset).
    BadLatitude,
    /// A longitude above 360 degrees (offset).
    BadLongitude,
    /// Not an AIDC media type.
    BadMediaType,
    /// Only hyphens are allowed.
    NotHyphen,
    /// Not an ISO/IEC 5218 code.
    BadSexCode,
    /// Not `<pos>/<end>`.
    SequenceMalformed,
    /// Position after the end.
    PositionExceedsEnd,
    /// Needs at least one non-digit.
    NeedsNonDigit,
    /// Not a PackageTypeCode.
    BadPackageType,
}
