//! Câu tiếng Việt cho mọi kiểu sai của một mã được quét hoặc nhập.

use tracecheck_core::code::{
    CodeError, CouponField, CouponIssue, ScanProblem, SyntaxProblem, UriProblem, ValueProblem,
};

pub fn code_error(error: &CodeError) -> String {
    match error {
        CodeError::Empty => "Chưa đọc được mã nào.".into(),
        CodeError::NotAProductCode { read } => {
            format!("Đây không phải mã sản phẩm. Nội dung đọc được: “{read}”.")
        }
        CodeError::GtinLength { found } => format!(
            "Mã vạch sản phẩm có 8, 12, 13 hoặc 14 chữ số; mã này có {found} chữ số. Hãy kiểm tra xem đã nhập đủ các số chưa."
        ),
        CodeError::BadUri { problem } => {
            format!("Đường dẫn trong mã bị sai định dạng: {}", uri(problem))
        }
        CodeError::NoPrimaryKey => {
            "Mã không chỉ ra sản phẩm nào: thiếu mã định danh GS1 như GTIN (01).".into()
        }
        CodeError::BadKeyQualifier { key, ai } => format!(
            "Trong đường dẫn, trường ({ai}) không được đứng sau mã định danh ({key}) ở vị trí đó."
        ),
        CodeError::QualifierInQuery { ai } => format!(
            "Trong đường dẫn, trường ({ai}) phải nằm trong phần đường dẫn (…/{ai}/…), không phải sau dấu “?”."
        ),
        CodeError::NotAnAttribute { ai } => {
            format!("Trường ({ai}) không được thêm vào đường dẫn GS1 Digital Link sau dấu “?”.")
        }
        CodeError::Syntax { problem } => format!("Mã GS1 bị sai định dạng: {}", syntax(*problem)),
        CodeError::UnknownAi { ai } => {
            format!("Mã chứa một trường mà GS1 không định nghĩa ({ai}).")
        }
        CodeError::DuplicateAi { ai } => {
            format!("Trường ({ai}) xuất hiện hai lần trong đường dẫn.")
        }
        CodeError::RepeatedAi { ai } => {
            format!("Trường ({ai}) xuất hiện hai lần với hai giá trị khác nhau.")
        }
        CodeError::EmptyValue { ai } => format!("Trường ({ai}) không có giá trị."),
        CodeError::WrongLength {
            ai,
            min,
            max,
            found,
        } if min == max => {
            format!("Trường ({ai}) phải có {min} ký tự; mã có {found}.")
        }
        CodeError::WrongLength {
            ai,
            min,
            max,
            found,
        } => {
            format!("Trường ({ai}) phải có từ {min} đến {max} ký tự; mã có {found}.")
        }
        CodeError::PartLengths { ai, found } => format!(
            "Trường ({ai}) có {found} ký tự, không khớp với các phần có độ dài cố định của trường."
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
                        .join(" cùng ")
                })
                .collect();
            format!(
                "Trường ({ai}) không thể đứng một mình: mã cần có thêm {}.",
                options.join(" hoặc ")
            )
        }
        CodeError::Excluded { ai, other } => {
            format!("Hai trường ({ai}) và ({other}) không được xuất hiện cùng nhau.")
        }
        CodeError::DigSigNeedsSerial { key } => format!(
            "Chữ ký số (8030) phải ký cho một sản phẩm có số sê-ri, nhưng trường ({key}) không có phần sê-ri."
        ),
        CodeError::Scan { problem } => scan(problem),
    }
}

fn uri(problem: &UriProblem) -> String {
    match problem {
        UriProblem::Scheme => "đường dẫn phải bắt đầu bằng http:// hoặc https://.".into(),
        UriProblem::NoHost => "đường dẫn không có địa chỉ trang web.".into(),
        UriProblem::HostCharacter { character } => {
            format!("địa chỉ trang web chứa ký tự “{character}”.")
        }
        UriProblem::Character { character } => {
            format!("đường dẫn chứa ký tự “{character}” không được phép.")
        }
        UriProblem::NulByte => "đường dẫn chứa ký tự rỗng được mã hoá (%00).".into(),
    }
}

fn syntax(problem: SyntaxProblem) -> &'static str {
    match problem {
        SyntaxProblem::NoLeadingFnc1 => "dữ liệu GS1 phải bắt đầu bằng ký hiệu FNC1.",
        SyntaxProblem::NoData => "không có dữ liệu sau ký hiệu bắt đầu.",
        SyntaxProblem::NoOpeningBracket => {
            "mã phải bắt đầu bằng số trường trong ngoặc, ví dụ (01)."
        }
        SyntaxProblem::UnclosedAi => "một số trường thiếu dấu đóng ngoặc.",
        SyntaxProblem::AiTooShort => "một số trường có ít hơn 2 chữ số.",
        SyntaxProblem::AiTooLong => "một số trường có nhiều hơn 4 chữ số.",
        SyntaxProblem::AiNotNumeric => "một số trường chứa ký tự không phải chữ số.",
        SyntaxProblem::Caret => "mã chứa dấu “^”, không phân biệt được với dấu phân cách.",
        SyntaxProblem::EmptyElement => "có hai dấu phân cách liền nhau.",
    }
}

fn scan(problem: &ScanProblem) -> String {
    match problem {
        ScanProblem::NoSymbologyId => {
            "Dữ liệu từ máy quét không cho biết loại mã vạch đã đọc.".into()
        }
        ScanProblem::UnknownSymbology { id } => {
            format!("Máy quét đã đọc một loại mã vạch mà trang này không nhận ra ({id}).")
        }
        ScanProblem::NoData => "Mã vạch không chứa dữ liệu.".into(),
        ScanProblem::EanLength { found } => {
            format!("Mã vạch EAN/UPC có {found} chữ số, không phải độ dài hợp lệ.")
        }
        ScanProblem::EanNotNumeric => "Mã vạch EAN/UPC chứa ký tự không phải chữ số.".into(),
        ScanProblem::NotForSymbology => "Loại mã vạch này không thể chứa dữ liệu đó.".into(),
    }
}

fn value(ai: &str, problem: &ValueProblem) -> String {
    let detail = match problem {
        ValueProblem::CheckDigit { expected, found } => {
            return format!(
                "Số kiểm tra của trường ({ai}) sai: đúng ra phải là {expected}, mã có {found}. Mã có thể bị in sai hoặc nhập nhầm."
            );
        }
        ValueProblem::CheckPair { expected, found } => {
            return format!(
                "Cặp ký tự kiểm tra của trường ({ai}) sai: đúng ra phải là {expected}, mã có {found}."
            );
        }
        ValueProblem::NonDigit { character } => {
            format!("ký tự “{character}” ở chỗ chỉ được có chữ số")
        }
        ValueProblem::NotCset82 { character }
        | ValueProblem::NotCset39 { character }
        | ValueProblem::NotCset64 { character } => {
            format!("ký tự “{character}” không được phép trong trường này")
        }
        ValueProblem::IbanCharacter { character } => {
            format!("ký tự “{character}” không được phép trong số tài khoản ngân hàng (IBAN)")
        }
        ValueProblem::Coupon { field, issue } => {
            let part = coupon_field(field);
            match issue {
                CouponIssue::Missing => format!("phiếu giảm giá thiếu {part}"),
                CouponIssue::Invalid => {
                    format!("phiếu giảm giá có {part} mang giá trị không hợp lệ")
                }
                CouponIssue::Truncated => format!("phiếu giảm giá có {part} bị thiếu chữ số"),
            }
        }
        other => simple(other).into(),
    };
    format!("Trường ({ai}) có {detail}.")
}

fn simple(problem: &ValueProblem) -> &'static str {
    match problem {
        ValueProblem::Cset64Padding => "phần đệm (“=”) ở cuối không đúng",
        ValueProblem::TooShortForCheckDigit => "quá ít chữ số để có số kiểm tra",
        ValueProblem::TooShortForCheckPair => "quá ít ký tự để có cặp ký tự kiểm tra",
        ValueProblem::TooLongForCheckPair => "quá nhiều ký tự để tính cặp ký tự kiểm tra",
        ValueProblem::TooShortForCompanyPrefix => {
            "quá ít ký tự để bắt đầu bằng mã doanh nghiệp GS1"
        }
        ValueProblem::BadCompanyPrefix => "phần đầu không phải mã doanh nghiệp GS1 hợp lệ",
        ValueProblem::ImporterIndexLength => "chỉ số nhà nhập khẩu dài hơn một ký tự",
        ValueProblem::BadImporterIndex => "chỉ số nhà nhập khẩu không hợp lệ",
        ValueProblem::MustNotBeZero => "giá trị 0 ở chỗ cần một số khác 0",
        ValueProblem::MustBeZero => "một chữ số lẽ ra phải là 0",
        ValueProblem::ZeroPrefix => "một số bắt đầu bằng 0, điều không được phép",
        ValueProblem::NotZeroOrOne => "giá trị khác 0 và 1",
        ValueProblem::BadWindingDirection => "hướng cuộn khác 0, 1 và 9",
        ValueProblem::NotCountry => "mã quốc gia không tồn tại",
        ValueProblem::NotCountryOr999 => "mã quốc gia không tồn tại (và không phải 999)",
        ValueProblem::NotCountryAlpha2 => "mã quốc gia hai chữ cái không tồn tại",
        ValueProblem::NotCurrency => "mã tiền tệ không tồn tại",
        ValueProblem::IbanTooShort => "số tài khoản ngân hàng (IBAN) quá ngắn",
        ValueProblem::IbanTooLong => "số tài khoản ngân hàng (IBAN) quá dài",
        ValueProblem::IbanCountry => "số tài khoản ngân hàng (IBAN) không có mã quốc gia hợp lệ",
        ValueProblem::IbanChecksum => "số tài khoản ngân hàng (IBAN) có chữ số kiểm tra sai",
        ValueProblem::BadMonth => "ngày tháng có tháng không tồn tại",
        ValueProblem::BadDay => "ngày tháng có ngày không tồn tại trong tháng đó",
        ValueProblem::BadHour => "giờ nằm ngoài khoảng 00–23",
        ValueProblem::BadMinute => "phút nằm ngoài khoảng 00–59",
        ValueProblem::BadSecond => "giây nằm ngoài khoảng 00–59",
        ValueProblem::PieceOfTotalLength => "số thứ tự kiện và tổng số kiện có độ dài khác nhau",
        ValueProblem::ZeroPiece => "số thứ tự kiện bằng 0",
        ValueProblem::ZeroTotal => "tổng số kiện bằng 0",
        ValueProblem::PieceExceedsTotal => "số thứ tự kiện lớn hơn tổng số kiện",
        ValueProblem::BadPercentEscape => "dấu “%” không có hai chữ số thập lục phân theo sau",
        ValueProblem::CouponExpiresBeforeStart => "phiếu giảm giá hết hạn trước ngày bắt đầu",
        ValueProblem::CouponExcessData => "dữ liệu thừa sau phần cuối của phiếu giảm giá",
        ValueProblem::BadLatitude => "vĩ độ nằm ngoài phạm vi",
        ValueProblem::BadLongitude => "kinh độ nằm ngoài phạm vi",
        ValueProblem::BadMediaType => "mã loại vật mang dữ liệu không tồn tại",
        ValueProblem::NotHyphen => "ký tự khác dấu gạch ngang ở chỗ chỉ được có “-”",
        ValueProblem::BadSexCode => "mã giới tính không tồn tại",
        ValueProblem::SequenceMalformed => "vị trí không được viết dạng “vị trí/tổng số”",
        ValueProblem::PositionExceedsEnd => "vị trí lớn hơn vị trí cuối cùng",
        ValueProblem::NeedsNonDigit => {
            "toàn chữ số, trong khi cần ít nhất một chữ cái hoặc ký hiệu"
        }
        ValueProblem::BadPackageType => "mã loại bao bì không tồn tại",
        // Được mô tả kèm chi tiết trong `value`.
        ValueProblem::CheckDigit { .. }
        | ValueProblem::CheckPair { .. }
        | ValueProblem::NonDigit { .. }
        | ValueProblem::NotCset82 { .. }
        | ValueProblem::NotCset39 { .. }
        | ValueProblem::NotCset64 { .. }
        | ValueProblem::IbanCharacter { .. }
        | ValueProblem::Coupon { .. } => "giá trị không hợp lệ",
    }
}

fn coupon_field(field: &CouponField) -> String {
    let nth = |n: &u8| match n {
        1 => "thứ nhất",
        2 => "thứ hai",
        _ => "thứ ba",
    };
    match field {
        CouponField::FormatCode => "mã định dạng".into(),
        CouponField::FunderLength => "độ dài mã nhà tài trợ".into(),
        CouponField::Funder => "mã nhà tài trợ".into(),
        CouponField::CompanyPrefixLength => "độ dài mã doanh nghiệp".into(),
        CouponField::CompanyPrefix => "mã doanh nghiệp".into(),
        CouponField::OfferCode => "mã ưu đãi".into(),
        CouponField::SaveValueLength => "độ dài giá trị giảm".into(),
        CouponField::SaveValue => "giá trị giảm".into(),
        CouponField::RequirementLength { purchase } => {
            format!("độ dài yêu cầu mua hàng {}", nth(purchase))
        }
        CouponField::Requirement { purchase } => format!("yêu cầu mua hàng {}", nth(purchase)),
        CouponField::RequirementCode { purchase } => {
            format!("mã yêu cầu mua hàng {}", nth(purchase))
        }
        CouponField::FamilyCode { purchase } => {
            format!("mã nhóm hàng của lần mua {}", nth(purchase))
        }
        CouponField::PurchaseCompanyPrefixLength { purchase } => {
            format!("độ dài mã doanh nghiệp của lần mua {}", nth(purchase))
        }
        CouponField::PurchaseCompanyPrefix { purchase } => {
            format!("mã doanh nghiệp của lần mua {}", nth(purchase))
        }
        CouponField::AdditionalRules => "mã quy tắc mua thêm".into(),
        CouponField::ExpirationDate => "ngày hết hạn".into(),
        CouponField::StartDate => "ngày bắt đầu".into(),
        CouponField::SerialLength => "độ dài số sê-ri".into(),
        CouponField::Serial => "số sê-ri".into(),
        CouponField::RetailerLength => "độ dài mã nhà bán lẻ".into(),
        CouponField::Retailer => "mã nhà bán lẻ".into(),
        CouponField::SaveValueCode => "mã loại giảm giá".into(),
        CouponField::SaveValueAppliesTo => "mã sản phẩm được giảm giá".into(),
        CouponField::StoreCouponFlag => "cờ phiếu của cửa hàng".into(),
        CouponField::DontMultiplyFlag => "cờ “không nhân”".into(),
    }
}
