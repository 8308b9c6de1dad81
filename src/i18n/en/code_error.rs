//! English sentences for every way a scanned or typed code can be wrong.

use tracecheck_core::code::{
    CodeError, CouponField, CouponIssue, ScanProblem, SyntaxProblem, UriProblem, ValueProblem,
};

pub fn code_error(error: &CodeError) -> String {
    match error {
        CodeError::Empty => "No code was read.".into(),
        CodeError::NotAProductCode { read } => {
            format!("This is not a product code. It reads: “{read}”.")
        }
        CodeError::GtinLength { found } => format!(
            "A barcode number has 8, 12, 13 or 14 digits; this one has {found}. Check that every digit was typed."
        ),
        CodeError::BadUri { problem } => {
            format!("The link in the code is malformed: {}", uri(problem))
        }
        CodeError::NoPrimaryKey => {
            "The code names no product: it has no GS1 identifier such as a GTIN (01).".into()
        }
        CodeError::BadKeyQualifier { key, ai } => {
            format!("In the link, field ({ai}) may not follow the identifier ({key}) there.")
        }
        CodeError::QualifierInQuery { ai } => {
            format!("In the link, field ({ai}) belongs in the path (…/{ai}/…), not after “?”.")
        }
        CodeError::NotAnAttribute { ai } => {
            format!("Field ({ai}) may not be added to a GS1 Digital Link after “?”.")
        }
        CodeError::Syntax { problem } => format!("The GS1 code is malformed: {}", syntax(*problem)),
        CodeError::UnknownAi { ai } => format!("The code has a field GS1 does not define ({ai})."),
        CodeError::DuplicateAi { ai } => format!("Field ({ai}) appears twice in the link."),
        CodeError::RepeatedAi { ai } => {
            format!("Field ({ai}) appears twice with different values.")
        }
        CodeError::EmptyValue { ai } => format!("Field ({ai}) is empty."),
        CodeError::WrongLength {
            ai,
            min,
            max,
            found,
        } if min == max => {
            format!("Field ({ai}) must have {min} characters; the code has {found}.")
        }
        CodeError::WrongLength {
            ai,
            min,
            max,
            found,
        } => {
            format!("Field ({ai}) must have {min} to {max} characters; the code has {found}.")
        }
        CodeError::PartLengths { ai, found } => format!(
            "Field ({ai}) has {found} characters, which do not fit the fixed-length parts it is made of."
        ),
        CodeError::Invalid { ai, problem } => value(ai, problem),
        CodeError::MissingRequired { ai, any_of } => {
            let options: Vec<String> = any_of
                .iter()
                .map(|group| {
                    group
                        .split('+')
                        .map(|a| format!("({a})"))
                        .collect::<Vec<_>>()
                        .join(" with ")
                })
                .collect();
            format!(
                "Field ({ai}) cannot stand alone: the code also needs {}.",
                options.join(" or ")
            )
        }
        CodeError::Excluded { ai, other } => {
            format!("Fields ({ai}) and ({other}) may not appear together.")
        }
        CodeError::DigSigNeedsSerial { key } => format!(
            "A digital signature (8030) must sign one serialised item, but field ({key}) has no serial part."
        ),
        CodeError::Scan { problem } => scan(problem),
    }
}

fn uri(problem: &UriProblem) -> String {
    match problem {
        UriProblem::Scheme => "it must start with http:// or https://.".into(),
        UriProblem::NoHost => "it has no web address.".into(),
        UriProblem::HostCharacter { character } => {
            format!("the web address contains “{character}”.")
        }
        UriProblem::Character { character } => {
            format!("it contains “{character}”, which a link may not contain.")
        }
        UriProblem::NulByte => "it contains an encoded null character (%00).".into(),
    }
}

fn syntax(problem: SyntaxProblem) -> &'static str {
    match problem {
        SyntaxProblem::NoLeadingFnc1 => "GS1 data must start with the FNC1 mark.",
        SyntaxProblem::NoData => "there is no data after the start mark.",
        SyntaxProblem::NoOpeningBracket => {
            "it must start with a field number in brackets, like (01)."
        }
        SyntaxProblem::UnclosedAi => "a field number has no closing bracket.",
        SyntaxProblem::AiTooShort => "a field number has fewer than 2 digits.",
        SyntaxProblem::AiTooLong => "a field number has more than 4 digits.",
        SyntaxProblem::AiNotNumeric => "a field number contains something other than digits.",
        SyntaxProblem::Caret => "it contains “^”, which cannot be told apart from a separator.",
        SyntaxProblem::EmptyElement => "two separators follow each other.",
    }
}

fn scan(problem: &ScanProblem) -> String {
    match problem {
        ScanProblem::NoSymbologyId => {
            "The scanner's data does not say which barcode it read.".into()
        }
        ScanProblem::UnknownSymbology { id } => {
            format!("The scanner read a kind of barcode this page does not know ({id}).")
        }
        ScanProblem::NoData => "The barcode holds no data.".into(),
        ScanProblem::EanLength { found } => {
            format!("The EAN/UPC barcode has {found} digits, which is not a valid length.")
        }
        ScanProblem::EanNotNumeric => {
            "The EAN/UPC barcode contains something other than digits.".into()
        }
        ScanProblem::NotForSymbology => "This kind of barcode cannot carry that data.".into(),
    }
}

fn value(ai: &str, problem: &ValueProblem) -> String {
    let detail = match problem {
        ValueProblem::CheckDigit { expected, found } => {
            return format!(
                "Wrong check digit in field ({ai}): it should be {expected}; the code has {found}. The code may be misprinted or mistyped."
            );
        }
        ValueProblem::CheckPair { expected, found } => {
            return format!(
                "Wrong check characters in field ({ai}): they should be {expected}; the code has {found}."
            );
        }
        ValueProblem::NonDigit { character } => format!("“{character}” where only digits belong"),
        ValueProblem::NotCset82 { character }
        | ValueProblem::NotCset39 { character }
        | ValueProblem::NotCset64 { character } => {
            format!("the character “{character}”, which this field may not contain")
        }
        ValueProblem::IbanCharacter { character } => {
            format!(
                "the character “{character}”, which a bank account number (IBAN) may not contain"
            )
        }
        ValueProblem::Coupon { field, issue } => {
            let part = coupon_field(field);
            match issue {
                CouponIssue::Missing => format!("a coupon whose {part} is missing"),
                CouponIssue::Invalid => {
                    format!("a coupon whose {part} has a value that is not allowed")
                }
                CouponIssue::Truncated => format!("a coupon whose {part} is cut short"),
            }
        }
        other => simple(other).into(),
    };
    format!("Field ({ai}) has {detail}.")
}

fn simple(problem: &ValueProblem) -> &'static str {
    match problem {
        ValueProblem::Cset64Padding => "wrong padding (“=”) at the end",
        ValueProblem::TooShortForCheckDigit => "too few digits to carry a check digit",
        ValueProblem::TooShortForCheckPair => "too few characters to carry its check characters",
        ValueProblem::TooLongForCheckPair => "too many characters for its check characters",
        ValueProblem::TooShortForCompanyPrefix => {
            "too few characters to start with a GS1 company prefix"
        }
        ValueProblem::BadCompanyPrefix => "no valid GS1 company prefix at its start",
        ValueProblem::ImporterIndexLength => "an importer index longer than one character",
        ValueProblem::BadImporterIndex => "an importer index that is not allowed",
        ValueProblem::MustNotBeZero => "a zero where a non-zero number is needed",
        ValueProblem::MustBeZero => "a digit that must be 0 but is not",
        ValueProblem::ZeroPrefix => "a number starting with 0, which is not allowed",
        ValueProblem::NotZeroOrOne => "a value other than 0 or 1",
        ValueProblem::BadWindingDirection => "a winding direction other than 0, 1 or 9",
        ValueProblem::NotCountry => "a country code that does not exist",
        ValueProblem::NotCountryOr999 => "a country code that does not exist (nor 999)",
        ValueProblem::NotCountryAlpha2 => "a two-letter country code that does not exist",
        ValueProblem::NotCurrency => "a currency code that does not exist",
        ValueProblem::IbanTooShort => "a bank account number (IBAN) that is too short",
        ValueProblem::IbanTooLong => "a bank account number (IBAN) that is too long",
        ValueProblem::IbanCountry => "a bank account number (IBAN) without a valid country code",
        ValueProblem::IbanChecksum => "a bank account number (IBAN) whose check digits are wrong",
        ValueProblem::BadMonth => "a date with a month that does not exist",
        ValueProblem::BadDay => "a date with a day that does not exist in its month",
        ValueProblem::BadHour => "a time with an hour outside 00–23",
        ValueProblem::BadMinute => "a time with minutes outside 00–59",
        ValueProblem::BadSecond => "a time with seconds outside 00–59",
        ValueProblem::PieceOfTotalLength => "a piece number and total of different lengths",
        ValueProblem::ZeroPiece => "piece number zero",
        ValueProblem::ZeroTotal => "a total of zero pieces",
        ValueProblem::PieceExceedsTotal => "a piece number greater than the total",
        ValueProblem::BadPercentEscape => "a “%” not followed by two hexadecimal digits",
        ValueProblem::CouponExpiresBeforeStart => "a coupon that expires before it starts",
        ValueProblem::CouponExcessData => "extra data after the end of the coupon",
        ValueProblem::BadLatitude => "a latitude out of range",
        ValueProblem::BadLongitude => "a longitude out of range",
        ValueProblem::BadMediaType => "a media type code that does not exist",
        ValueProblem::NotHyphen => "something other than a hyphen where only “-” may stand",
        ValueProblem::BadSexCode => "a sex code that does not exist",
        ValueProblem::SequenceMalformed => "a position that is not written as “position/total”",
        ValueProblem::PositionExceedsEnd => "a position after the last one",
        ValueProblem::NeedsNonDigit => "only digits, but it needs at least one letter or sign",
        ValueProblem::BadPackageType => "a package type code that does not exist",
        // Described with their details in `value`.
        ValueProblem::CheckDigit { .. }
        | ValueProblem::CheckPair { .. }
        | ValueProblem::NonDigit { .. }
        | ValueProblem::NotCset82 { .. }
        | ValueProblem::NotCset39 { .. }
        | ValueProblem::NotCset64 { .. }
        | ValueProblem::IbanCharacter { .. }
        | ValueProblem::Coupon { .. } => "a value that is not allowed",
    }
}

fn coupon_field(field: &CouponField) -> String {
    let nth = |n: &u8| match n {
        1 => "first",
        2 => "second",
        _ => "third",
    };
    match field {
        CouponField::FormatCode => "format code".into(),
        CouponField::FunderLength => "funder ID length".into(),
        CouponField::Funder => "funder ID".into(),
        CouponField::CompanyPrefixLength => "company prefix length".into(),
        CouponField::CompanyPrefix => "company prefix".into(),
        CouponField::OfferCode => "offer code".into(),
        CouponField::SaveValueLength => "save value length".into(),
        CouponField::SaveValue => "save value".into(),
        CouponField::RequirementLength { purchase } => {
            format!("{} purchase requirement length", nth(purchase))
        }
        CouponField::Requirement { purchase } => format!("{} purchase requirement", nth(purchase)),
        CouponField::RequirementCode { purchase } => {
            format!("{} purchase requirement code", nth(purchase))
        }
        CouponField::FamilyCode { purchase } => format!("{} purchase family code", nth(purchase)),
        CouponField::PurchaseCompanyPrefixLength { purchase } => {
            format!("{} purchase company prefix length", nth(purchase))
        }
        CouponField::PurchaseCompanyPrefix { purchase } => {
            format!("{} purchase company prefix", nth(purchase))
        }
        CouponField::AdditionalRules => "additional purchase rules code".into(),
        CouponField::ExpirationDate => "expiration date".into(),
        CouponField::StartDate => "start date".into(),
        CouponField::SerialLength => "serial number length".into(),
        CouponField::Serial => "serial number".into(),
        CouponField::RetailerLength => "retailer ID length".into(),
        CouponField::Retailer => "retailer ID".into(),
        CouponField::SaveValueCode => "save value code".into(),
        CouponField::SaveValueAppliesTo => "“applies to item” code".into(),
        CouponField::StoreCouponFlag => "store coupon flag".into(),
        CouponField::DontMultiplyFlag => "“don't multiply” flag".into(),
    }
}
