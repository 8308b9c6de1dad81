//! Tiếng Việt.

use tracecheck_core::code::{ForeignSystem, StampKind};
use tracecheck_core::credential::{EnvelopeError, Scheme};
use tracecheck_core::keys::KeyError;
use tracecheck_core::proof::ProofError;
use tracecheck_core::resolve::{FetchError, Progress, UrlError};
use tracecheck_core::status::StatusError;
use tracecheck_core::trust::{ListStatus, Role, TrustListError, TrustProblem};
use tracecheck_core::verdict::{CheckId, Finding, Level, Outcome, Presence, Requirement};

use super::{Lang, Msg};

mod code_error;
use crate::platform::PlatformError;
pub use code_error::code_error;

pub fn msg(msg: Msg) -> String {
    match msg {
        Msg::Tagline => "Kiểm tra nguồn gốc sản phẩm".into(),
        Msg::SwitchLanguage => "English".into(),
        Msg::LoadingTrust => "Đang tải danh sách tin cậy…".into(),
        Msg::ScanHeading => "Quét mã QR trên bao bì".into(),
        Msg::StartCamera => "Bật camera để quét".into(),
        Msg::StopCamera => "Tắt camera".into(),
        Msg::CameraHint => "Đưa mã QR vào giữa khung hình.".into(),
        Msg::TapToFocus => "Chạm vào hình để lấy nét.".into(),
        Msg::CameraStarting => "Đang mở camera…".into(),
        Msg::CameraRetrying => "Camera đã dừng. Đang mở lại…".into(),
        Msg::SwitchCamera => "Đổi camera".into(),
        Msg::TorchOn => "Bật đèn".into(),
        Msg::TorchOff => "Tắt đèn".into(),
        Msg::Zoom => "Thu phóng".into(),
        Msg::CodeRead => "Đã đọc được mã".into(),
        Msg::PickPhoto => "Chọn ảnh có mã QR".into(),
        Msg::ReadingPhoto => "Đang đọc ảnh…".into(),
        Msg::NoCodeInPhoto => {
            "Không tìm thấy mã QR trong ảnh. Hãy chụp gần hơn, đủ sáng và không bị lóa.".into()
        }
        Msg::ManualHeading => "Hoặc nhập mã".into(),
        Msg::ManualLabel => "Mã sản phẩm".into(),
        Msg::ManualPlaceholder => "Mã vạch (893…), mã GS1 hoặc đường dẫn".into(),
        Msg::ManualSubmit => "Kiểm tra".into(),
        Msg::Checking => "Đang kiểm tra chữ ký số…".into(),
        Msg::ScanAnother => "Quét mã khác".into(),
        Msg::WhyThisResult => "Vì sao có kết quả này".into(),
        Msg::TechnicalDetail => "Chi tiết kỹ thuật".into(),
        Msg::ProducerHeading => "Nhà sản xuất".into(),
        Msg::OriginHeading => "Nơi sản xuất".into(),
        Msg::CertificationsHeading => "Chứng nhận".into(),
        Msg::SupplyChainHeading => "Hành trình sản phẩm".into(),
        Msg::Gtin => "Mã GTIN".into(),
        Msg::Lot => "Số lô".into(),
        Msg::Serial => "Số sê-ri".into(),
        Msg::Brand => "Nhãn hiệu".into(),
        Msg::ProductionDate => "Ngày sản xuất".into(),
        Msg::ExpiryDate => "Hạn sử dụng".into(),
        Msg::ShelfLife => "Thời hạn bảo quản".into(),
        Msg::Country => "Xuất xứ".into(),
        Msg::CertificateNumber => "Số chứng nhận".into(),
        Msg::CertifiedBy(name) => format!("Cấp bởi {name}"),
        Msg::ValidUntil(date) => format!("Còn hiệu lực đến {date}"),
        Msg::ExpiredOn(date) => format!("Đã hết hiệu lực từ {date}"),
        Msg::Stars(n) => format!("OCOP {n} sao"),
        Msg::TrustListInfo { name, date } => format!("Đối chiếu với {name}, ban hành ngày {date}."),
        Msg::TrustListStale => {
            "Danh sách tin cậy đã quá hạn cập nhật; kết quả có thể đã cũ.".into()
        }
        Msg::ReportHeading => "Nghi ngờ hàng giả?".into(),
        Msg::ReportHint => "Hãy báo cho cơ quan quản lý:".into(),
        Msg::RecordClaims => "Bản ghi này tự nhận là (chưa được xác thực):".into(),
        Msg::Notice => "Thông báo từ nhà sản xuất".into(),
        Msg::Inputs => "Đầu vào".into(),
        Msg::Outputs => "Đầu ra".into(),
        Msg::ScannedCode => "Mã đã quét".into(),
        Msg::OpenLink => "Mở đường dẫn".into(),
        Msg::CheckGtin(gtin) => format!("Kiểm tra mã sản phẩm GTIN {gtin}"),
        Msg::BarcodeNamesProduct => "Mã vạch này chỉ cho biết sản phẩm, không cho biết lô hàng: nó không nói gói này được làm ở đâu, khi nào. Để xem hồ sơ của lô, hãy quét mã QR hoặc mã DataMatrix trên bao bì.".into(),
        Msg::PackExpiry(date) => format!("Hạn sử dụng ghi trong mã trên bao bì: {date}"),
        Msg::Certification(n) => format!("Chứng nhận {}", n + 1),
        Msg::MapAlt(name, coordinates) => {
            format!("Bản đồ: {name} ({coordinates}) trên bản đồ Việt Nam")
        }
        Msg::OpenInMaps => "Mở trong ứng dụng bản đồ".into(),
        Msg::ScannedBefore(when) => format!("Bạn đã quét mã này trước đây, lúc {when}."),
        Msg::RecentScans => "Đã quét gần đây".into(),
        Msg::RecentScansHint => "Chỉ lưu trên điện thoại này.".into(),
        Msg::ClearHistory => "Xóa lịch sử".into(),
        Msg::SkipToContent => "Bỏ qua, tới nội dung chính".into(),
        Msg::ShowDetails => "Chi tiết ▾".into(),
        Msg::HideDetails => "Thu gọn ▴".into(),
        Msg::OfflineHeading => "Đang dùng dữ liệu đã lưu (không có mạng)".into(),
        Msg::OfflineData { count, oldest } => {
            format!(
                "Kết quả dựa trên {count} tài liệu lưu trên máy này; bản cũ nhất lưu lúc {oldest}. Những gì không có trong bộ nhớ thì chưa kiểm tra được."
            )
        }
        Msg::TrustListSavedAt(when) => format!("Danh sách tin cậy lưu lúc {when}."),
        Msg::KioskHeading => "Đưa mã QR trên sản phẩm vào camera".into(),
        Msg::KioskIdle => "Kết quả kiểm tra nguồn gốc sẽ hiện ở đây.".into(),
        Msg::KioskBackIn(seconds) => format!("Trở lại màn hình quét sau {seconds} giây."),
        Msg::DemoDataTitle => "DỮ LIỆU MẪU.".into(),
        Msg::DemoDataHint => "Trang này dùng khóa thử nghiệm công khai: ai cũng ký được, nên kết quả không nói gì về hàng thật.".into(),
        Msg::Progress(step) => match step {
            Progress::Resolving => "Đang hỏi máy chủ phân giải của mã…".into(),
            Progress::FetchingRecord => "Đang tải bản ghi của sản phẩm…".into(),
            Progress::CheckingRecord => "Đang kiểm tra chữ ký và đơn vị phát hành…".into(),
            Progress::CheckingEvidence { done, total } => {
                format!("Đang kiểm tra chứng nhận và danh sách thu hồi ({done}/{total})…")
            }
        },
        Msg::NameAsWritten(name) => format!("Tên ghi trong bản ghi: {name}"),
        Msg::CertificateCallsItself(name) => format!("Chứng nhận tự ghi: “{name}”"),
        Msg::ClaimedCertification(name) if name.is_empty() => "Chứng nhận được nêu (chưa xác thực)".into(),
        Msg::ClaimedCertification(name) => format!("{name} (bản ghi tự nêu, chưa xác thực)"),
        Msg::TrustListStatusUnknown => "Chưa kiểm tra được danh sách tin cậy có bị thu hồi hay không; kết quả cần lưu ý.".into(),
        Msg::SeeTheCheck => "Xem kiểm tra".into(),
        Msg::ReportFakeLink => "Nghi ngờ hàng giả? Báo cho cơ quan quản lý".into(),
        Msg::BatchNotChecked => "Mã này chỉ cho biết sản phẩm (như mã vạch EAN), không cho biết lô hàng: ngày sản xuất, hạn dùng và hành trình của lô chưa được kiểm tra. Hãy quét mã QR hoặc DataMatrix trên bao bì, hoặc nhập kèm số lô.".into(),
        Msg::CompareHeading => "Đối chiếu với bao bì trên tay bạn".into(),
        Msg::CompareHint => "Mã thật có thể bị in lại lên hàng giả. Nếu số lô, hạn dùng hay số sê-ri in trên bao bì khác với ở đây, đó có thể là hàng giả — hãy báo ngay.".into(),
        Msg::ProducerContact => "Liên hệ nhà sản xuất".into(),
        Msg::ChecklistHeading => "Hộ chiếu số có đủ nội dung bắt buộc không".into(),
        Msg::ChecklistHint => "Theo nội dung tối thiểu của hộ chiếu số sản phẩm (Nghị định 37/2026/NĐ-CP, Điều 32) và thông tin truy xuất người tiêu dùng được xem (Thông tư 02/2024/TT-BKHCN).".into(),
        Msg::Requirement(requirement) => match requirement {
            Requirement::NameAndGtin => "Tên sản phẩm và mã GTIN",
            Requirement::Producer => "Tên, địa chỉ và mã số của nhà sản xuất hoặc nhập khẩu",
            Requirement::Origin => "Xuất xứ hoặc nơi hoàn thiện cuối cùng",
            Requirement::Traceability => "Thông tin truy xuất (các công đoạn)",
            Requirement::Certificates => "Chứng nhận hợp chuẩn, chất lượng",
            Requirement::Dates => "Ngày sản xuất và hạn sử dụng",
            Requirement::SafetyWarnings => "Cảnh báo an toàn",
        }
        .into(),
        Msg::Presence(presence) => match presence {
            Presence::Verified => "có, đã xác thực chữ ký",
            Presence::Unverified => "có, nhưng chưa được xác thực",
            Presence::Missing => "không có",
        }
        .into(),
        Msg::TryAgain => "Thử lại".into(),
        Msg::EditCode => "Sửa mã".into(),
        Msg::ScanInstead => "Quét mã bằng camera".into(),
        Msg::DidYouMean(code) => format!("Có phải bạn định nhập {code}? Kiểm tra mã này"),
        Msg::Offline => "Điện thoại đang không có mạng. Hãy kết nối mạng rồi thử lại.".into(),
        Msg::ServerDown => "Máy chủ của mã này không phản hồi (có thể đang gặp sự cố). Hãy thử lại sau ít phút.".into(),
        Msg::AddLotHint => "Nhập mã kèm số lô in trên bao bì, ví dụ (01)08935001000013(10)NL2611.".into(),
        Msg::ReportSubject => "Nghi ngờ hàng giả (tracecheck)".into(),
        Msg::ReportBody { code, verdict, at } => format!("Mã đã quét: {code}\nKết quả: {verdict}\nThời điểm: {at}\nNơi mua và mô tả:\n"),
    }
}

pub fn check(id: CheckId) -> &'static str {
    match id {
        CheckId::CodeSyntax => "Mã sản phẩm",
        CheckId::RecordFound => "Bản ghi truy xuất",
        CheckId::Signature => "Chữ ký số",
        CheckId::IssuerTrusted => "Đơn vị ký",
        CheckId::NotRevoked => "Trạng thái thu hồi",
        CheckId::ProductBinding => "Khớp với mã đã quét",
        CheckId::Validity => "Thời hạn hiệu lực",
        CheckId::Certification => "Chứng nhận",
        CheckId::ResolverHost => "Máy chủ phân giải",
    }
}

pub fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "Đạt",
        Outcome::Skipped => "Không kiểm tra",
        Outcome::Caution => "Lưu ý",
        Outcome::Unverifiable => "Chưa xác định",
        Outcome::Recalled => "Đã thu hồi",
        Outcome::Counterfeit => "Không đạt",
    }
}

pub fn level(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Verified => (
            "Đã xác thực",
            "Chữ ký số hợp lệ và đơn vị ký có trong danh sách tin cậy.",
        ),
        Level::ProductVerified => (
            "Sản phẩm chính hãng — chưa kiểm tra lô hàng",
            "Mã này chỉ cho biết sản phẩm, không cho biết lô. Nhà sản xuất và sản phẩm đã được xác thực; lô hàng trên tay bạn thì chưa.",
        ),
        Level::Recalled => (
            "Đã bị thu hồi — không sử dụng",
            "Đây là hàng thật, nhưng nhà sản xuất đã thu hồi lô này. Đừng dùng; hãy làm theo thông báo của nhà sản xuất.",
        ),
        Level::Caution => (
            "Cần lưu ý",
            "Bản ghi hợp lệ nhưng có điểm cần lưu ý bên dưới.",
        ),
        Level::Counterfeit => (
            "Cảnh báo: có thể là hàng giả",
            "Bản ghi không vượt qua kiểm tra. Đừng tin các thông tin bên dưới.",
        ),
        Level::NotVerifiable => (
            "Không xác thực được",
            "Không có bản ghi có chữ ký số để kiểm tra.",
        ),
    }
}

fn role(role: Role) -> &'static str {
    match role {
        Role::Producer => "nhà sản xuất",
        Role::Certifier => "tổ chức chứng nhận",
    }
}

pub fn finding(finding: &Finding) -> String {
    match finding {
        Finding::CodeRead { element_string, .. } => format!("Mã GS1 hợp lệ ({element_string})."),
        Finding::CodeInvalid { error } => code_error(error),
        Finding::ForeignSystem { system, stamp, .. } => format!(
            "Mã này thuộc {}. Những gì ở đó là lời tự khai của người bán, không có chữ ký số.{}",
            match system {
                ForeignSystem::NationalPortal => "Cổng thông tin truy xuất nguồn gốc quốc gia",
                ForeignSystem::TradeMinistry => "hệ thống xác thực hàng chính hãng của Bộ Công Thương",
                ForeignSystem::ESupplyChain => "hệ thống eSupplyChain (check.net.vn)",
                ForeignSystem::ICheck => "iCheck",
                ForeignSystem::TeFood => "TE-FOOD",
                ForeignSystem::VnptCheck => "hệ thống truy xuất của VNPT",
                ForeignSystem::CheckService => "một dịch vụ tra cứu khác",
                ForeignSystem::Website => "một trang web khác",
            },
            match stamp {
                StampKind::SecretCode => " Đây là mã bí mật (lớp cào) chỉ để kiểm tra một lần, tại chính hệ thống đó: đừng gửi mã này cho ai khác.",
                StampKind::ProductPage | StampKind::PublicCode | StampKind::Other => "",
            }
        ),
        Finding::NoCodeScanned => "Không quét mã: kiểm tra trực tiếp tệp chứng từ.".into(),
        Finding::RecordFetched { .. } => "Đã tải bản ghi truy xuất của sản phẩm.".into(),
        Finding::NoResolver => "Mã không chỉ ra nơi tra cứu và chưa cấu hình máy chủ phân giải mặc định.".into(),
        Finding::UrlRefused { error: UrlError::NotPublic { .. } } => "Mã dẫn tới một địa chỉ trong mạng nội bộ hoặc trên chính máy này nên không được mở.".into(),
        Finding::UrlRefused { error: UrlError::NotHttps { .. } } => "Địa chỉ bản ghi không an toàn (không dùng https) nên không được mở.".into(),
        Finding::UrlRefused { error: UrlError::Malformed { .. } } => "Địa chỉ bản ghi không hợp lệ nên không được mở.".into(),
        Finding::FetchFailed { error, .. } => fetch_error(error),
        Finding::HttpStatus { status, .. } if *status == 404 => "Máy chủ không có bản ghi cho mã này.".into(),
        Finding::HttpStatus { status, .. } => format!("Máy chủ trả lỗi (mã {status})."),
        Finding::NoPassportLink { .. } => "Máy chủ phân giải không chỉ tới hộ chiếu sản phẩm nào.".into(),
        Finding::Unreadable { .. } => "Dữ liệu nhận được không đọc được (không phải JSON hợp lệ, quá lớn hoặc có trường trùng lặp).".into(),
        Finding::NotACredential { error } => format!(
            "Tài liệu không phải chứng từ số (Verifiable Credential) hợp lệ. {}",
            envelope_error(error)
        ),
        Finding::UnreadableJws { .. } => "Bản ghi có dạng mã thông báo có chữ ký (JWS) nhưng không đọc được.".into(),
        Finding::NotAPassport { .. } => "Tài liệu không phải hộ chiếu sản phẩm.".into(),
        Finding::SignatureValid { .. } => "Chữ ký số hợp lệ: nội dung không bị sửa từ khi ký.".into(),
        Finding::SignatureInvalid { error } => proof_error(error),
        Finding::SignedInFuture { created } => format!(
            "Chữ ký ghi thời điểm ký trong tương lai ({}); kiểm tra lại đồng hồ của điện thoại, hoặc bản ghi được ký với thời gian giả.",
            Lang::Vi.datetime_text(created)
        ),
        Finding::UnsignedRecord { gtin } => format!(
            "Mã {gtin} thuộc một nhà sản xuất có trong danh sách tin cậy, nhưng bản ghi này không có chữ ký của họ: có thể là bản ghi giả."
        ),
        Finding::SignerNotIssuer { .. } => "Khóa đã ký không thuộc về đơn vị phát hành bản ghi.".into(),
        Finding::WrongProofPurpose { purpose } => format!("Chữ ký dùng sai mục đích ({purpose})."),
        Finding::KeyUnavailable { error, .. } => key_error(error),
        Finding::IssuerTrusted { name, role: r, trust_list_stale, trust_list_status, .. } => {
            let who = Lang::Vi.text(name);
            let mut line = format!("{who} có trong danh sách tin cậy với vai trò {}.", role(*r));
            if *trust_list_stale {
                line.push_str(" Nhưng danh sách đã quá hạn cập nhật.");
            }
            if *trust_list_status == ListStatus::Unknown {
                line.push_str(" Nhưng chưa kiểm tra được danh sách có bị thu hồi hay không.");
            }
            line
        }
        Finding::IssuerNotTrusted { problem } => trust_problem(problem),
        Finding::TrustListUnavailable { error } => trust_list_error(error),
        Finding::NoStatusDeclared => "Bản ghi không đăng ký danh sách thu hồi.".into(),
        Finding::StatusClear { .. } => "Nhà sản xuất chưa thu hồi hay tạm dừng bản ghi này.".into(),
        Finding::Revoked { .. } => "Bản ghi đã bị thu hồi.".into(),
        Finding::Suspended { .. } => "Bản ghi đang bị tạm dừng.".into(),
        Finding::Recalled { .. } => "Nhà sản xuất đã thu hồi lô hàng này.".into(),
        Finding::StatusMessage { message, .. } => match message {
            Some(text) => format!("Thông báo: {text}"),
            None => "Có thông báo trạng thái chưa rõ nội dung.".into(),
        },
        Finding::StatusUnreachable { .. } => "Không tải được danh sách thu hồi; chưa thể khẳng định bản ghi còn hiệu lực.".into(),
        Finding::StatusListInvalid { error, .. } => status_error(error),
        Finding::StatusListUntrusted { .. } => "Danh sách thu hồi không có chữ ký hợp lệ của đơn vị phát hành.".into(),
        Finding::StatusListStale { .. } => "Danh sách thu hồi đã quá hạn cập nhật.".into(),
        Finding::StatusUnsupported { status_type } => format!(
            "Bản ghi dùng cơ chế trạng thái mà trình kiểm tra này không đọc được ({status_type}), nên chưa biết bản ghi có bị thu hồi hay không."
        ),
        Finding::ProductMatches { gtin, lot, .. } => match lot {
            Some(lot) => format!("Bản ghi đúng sản phẩm {gtin}, lô {lot}."),
            None => format!("Bản ghi đúng sản phẩm {gtin}."),
        },
        Finding::GtinMismatch { scanned, record } => format!(
            "Mã trên bao bì ({scanned}) khác mã trong bản ghi ({}).",
            record.as_deref().unwrap_or("không có")
        ),
        Finding::LotMismatch { scanned, record } => format!(
            "Số lô trên bao bì ({scanned}) khác số lô trong bản ghi ({}).",
            record.as_deref().unwrap_or("không có")
        ),
        Finding::SerialMismatch { scanned, record } => format!(
            "Số sê-ri trên bao bì ({scanned}) khác bản ghi ({}).",
            record.as_deref().unwrap_or("không có")
        ),
        Finding::Current { valid_until } => match valid_until {
            Some(until) => format!("Bản ghi còn hiệu lực đến {}.", Lang::Vi.date(until.date())),
            None => "Bản ghi đang có hiệu lực.".into(),
        },
        Finding::NotYetValid { valid_from } => format!("Chưa đến ngày có hiệu lực ({}).", Lang::Vi.date(valid_from.date())),
        Finding::Expired { valid_until } => format!("Đã hết hiệu lực từ {}.", Lang::Vi.date(valid_until.date())),
        Finding::ProductExpired { date } => format!("Sản phẩm đã quá hạn sử dụng ({}).", Lang::Vi.date_text(date)),
        Finding::ProductDateUnreadable { member, text } => format!(
            "{} ghi trong bản ghi (“{text}”) không đọc được nên không được hiển thị.",
            if member == "expiryDate" { "Hạn sử dụng" } else { "Ngày sản xuất" }
        ),
        Finding::CertificationValid { .. } => "Chứng nhận hợp lệ, do tổ chức có thẩm quyền cấp.".into(),
        Finding::CertificationMissing => "Bản ghi nêu chứng nhận nhưng không kèm chứng từ.".into(),
        Finding::CertificationNotForProduct { .. } => "Chứng nhận được cấp cho một đơn vị khác, không phải nhà sản xuất đã ký bản ghi.".into(),
        Finding::CertificationForOtherProducts { gtin } => format!(
            "Chứng nhận của chính nhà sản xuất nhưng cho các sản phẩm khác, không có mã {gtin}."
        ),
        Finding::CertificationSchemeMismatch { claimed, certified } => format!(
            "Bản ghi nêu chứng nhận {} nhưng chứng từ kèm theo là {}.",
            Lang::Vi.scheme(claimed),
            Lang::Vi.scheme(certified)
        ),
        Finding::CertificationHashMismatch => "Chứng từ chứng nhận đã bị thay đổi so với bản được dẫn chiếu.".into(),
        Finding::NotACertification => "Tài liệu dẫn chiếu không phải chứng nhận.".into(),
        Finding::ResolverTrusted { host } => format!("Máy chủ {host} có trong danh sách tin cậy."),
        Finding::ResolverUnknown { host } => format!("Máy chủ {host} không có trong danh sách tin cậy; mã có thể đã bị thay."),
        Finding::NotReached => "Chưa kiểm tra vì bước trước không đạt.".into(),
    }
}

fn proof_error(error: &ProofError) -> String {
    match error {
        ProofError::Missing => "Bản ghi không có chữ ký số.".into(),
        ProofError::Malformed { member } => {
            format!("Chữ ký số bị lỗi định dạng (trường {member}).")
        }
        ProofError::UnsupportedSuite { name } => {
            format!("Kiểu chữ ký không được chấp nhận ({name}).")
        }
        ProofError::ProofSetUnsupported => {
            "Bản ghi mang nhiều chữ ký cùng lúc; kiểu này không được chấp nhận.".into()
        }
        ProofError::ProofValueEncoding => "Giá trị chữ ký không đúng kiểu mã hóa quy định.".into(),
        ProofError::SignatureLength { found } => {
            format!("Chữ ký có độ dài sai ({found} byte).")
        }
        ProofError::ContextMismatch => "Chữ ký không khớp với ngữ cảnh của tài liệu.".into(),
        ProofError::Key(error) => key_error(error),
        ProofError::SignatureMismatch => {
            "Chữ ký không khớp: nội dung đã bị sửa sau khi ký, hoặc do người khác ký.".into()
        }
        ProofError::KeyAlgorithmMismatch => {
            "Chữ ký được tạo bằng loại khóa khác với khóa đã công bố.".into()
        }
        ProofError::Expired { expires } => format!(
            "Chữ ký đã hết hạn từ {}; đơn vị phát hành không còn bảo đảm cho bản ghi này.",
            Lang::Vi.date(expires.date())
        ),
        ProofError::NotYetValid { not_before } => format!(
            "Chữ ký chỉ có hiệu lực từ {}.",
            Lang::Vi.date(not_before.date())
        ),
        ProofError::JwsEncoding => "Mã thông báo có chữ ký (JWS) bị lỗi định dạng.".into(),
        ProofError::UnsecuredJws => {
            "Mã thông báo tự khai là không có chữ ký (alg \"none\") nên không chứng minh được gì."
                .into()
        }
        ProofError::UnsupportedAlgorithm { name } => {
            format!("Thuật toán chữ ký không được chấp nhận ({name}).")
        }
        ProofError::UnsupportedCritical { names } => format!(
            "Mã thông báo đòi hỏi phần mở rộng mà trình kiểm tra này không hỗ trợ ({}).",
            names.join(", ")
        ),
        ProofError::WrongMediaType { member, value } => {
            format!("Mã thông báo khai sai kiểu nội dung ({member}: {value}).")
        }
        ProofError::Payload(_) => "Nội dung của mã thông báo có chữ ký không đọc được.".into(),
        ProofError::ForbiddenClaim { claim } => {
            format!("Mã thông báo chứa trường không được phép (“{claim}”).")
        }
        ProofError::IssuerClaimMismatch { iss } => {
            format!("Mã thông báo ghi đơn vị phát hành ({iss}) khác với bản ghi.")
        }
    }
}

fn key_error(error: &KeyError) -> String {
    match error {
        KeyError::NotBase58btc => "Khóa công khai không đúng kiểu mã hóa quy định.".into(),
        KeyError::BadBase58 => "Khóa công khai chứa ký tự không hợp lệ.".into(),
        KeyError::UnsupportedKeyType { multicodec } => {
            format!("Loại khóa này không dùng để ký bản ghi được (mã {multicodec}).")
        }
        KeyError::WrongKeyLength { expected, found } => {
            format!("Khóa có độ dài sai ({found} byte thay vì {expected}).")
        }
        KeyError::InvalidKey => "Khóa công khai không phải là khóa hợp lệ.".into(),
        KeyError::UnsupportedDidMethod { did } => format!(
            "Định danh của đơn vị ký dùng phương thức mà trình kiểm tra này không tra cứu được ({did})."
        ),
        KeyError::FragmentMismatch => {
            "Tham chiếu khóa không trỏ tới khóa của chính đơn vị ký.".into()
        }
        KeyError::MalformedDid { did } => {
            format!("Định danh của đơn vị ký bị lỗi định dạng ({did}).")
        }
        KeyError::DocumentUnavailable { url } => {
            format!("Không tải được tài liệu khóa của đơn vị ký ({url}).")
        }
        KeyError::DocumentUnreadable { url } => {
            format!("Tài liệu khóa của đơn vị ký không đọc được ({url}).")
        }
        KeyError::DocumentIdMismatch { did, .. } => {
            format!("Tài liệu khóa không phải của {did}.")
        }
        KeyError::MethodNotFound { .. } => {
            "Tài liệu khóa của đơn vị ký không chứa khóa đã dùng để ký.".into()
        }
        KeyError::NotAnAssertionMethod { .. } => {
            "Khóa đó không phải khóa mà đơn vị ký dùng để ký bản ghi.".into()
        }
        KeyError::ControllerMismatch { .. } => {
            "Khóa do một bên khác quản lý, không phải đơn vị ký.".into()
        }
        KeyError::UnsupportedMethodType { method_type } => format!(
            "Khóa được công bố theo dạng mà trình kiểm tra này không đọc được ({method_type})."
        ),
        KeyError::BadJwk { member } => {
            format!("Khóa công khai bị lỗi định dạng (trường {member}).")
        }
        KeyError::PrivateKeyPublished => {
            "Đơn vị ký đã công bố cả khóa bí mật, nên ai cũng có thể ký thay họ.".into()
        }
        KeyError::UnsupportedCurve { curve } => {
            format!("Trình kiểm tra này không xác minh được chữ ký với loại khóa này ({curve}).")
        }
    }
}

fn envelope_error(error: &EnvelopeError) -> String {
    match error {
        EnvelopeError::NotAnObject => "Đây không phải một đối tượng JSON.".into(),
        EnvelopeError::BadContext => {
            "Tài liệu không khai báo ngữ cảnh Verifiable Credentials 2.0 ở vị trí đầu tiên.".into()
        }
        EnvelopeError::BadContextEntry { index } => format!(
            "Mục ngữ cảnh thứ {} không phải địa chỉ hay định nghĩa hợp lệ.",
            index + 1
        ),
        EnvelopeError::ProtectedTermRedefined { term } => {
            format!("Tài liệu định nghĩa lại thuật ngữ được bảo vệ “{term}”.")
        }
        EnvelopeError::NotACredential => {
            "Tài liệu không khai báo là chứng từ số (VerifiableCredential).".into()
        }
        EnvelopeError::NotAPresentation => {
            "Tài liệu không khai báo là bản trình bày chứng từ (VerifiablePresentation).".into()
        }
        EnvelopeError::UnmappedType { name } => {
            format!("Kiểu “{name}” không được định nghĩa trong ngữ cảnh nào.")
        }
        EnvelopeError::BadMember { member } => {
            format!("Trường “{member}” bị thiếu hoặc sai định dạng.")
        }
        EnvelopeError::NotAUrl { member } => {
            format!("Trường “{member}” phải là địa chỉ hoặc định danh dạng URL.")
        }
        EnvelopeError::MissingType { member } => {
            format!("Một mục trong “{member}” không khai báo kiểu.")
        }
        EnvelopeError::EmptySubject => {
            "Chứng từ không đưa ra thông tin nào về đối tượng được chứng nhận.".into()
        }
        EnvelopeError::BadLanguageValue { member } => format!(
            "Trường “{member}” không phải văn bản, cũng không phải văn bản có gắn ngôn ngữ."
        ),
        EnvelopeError::ValidityReversed => {
            "Thời hạn hiệu lực của chứng từ kết thúc trước khi bắt đầu.".into()
        }
    }
}

fn status_error(error: &StatusError) -> String {
    match error {
        StatusError::NotBase64url => "Danh sách trạng thái không đúng kiểu mã hóa quy định.".into(),
        StatusError::NotGzip => "Không giải nén được danh sách trạng thái.".into(),
        StatusError::TooShort { entries } => {
            format!("Danh sách trạng thái ngắn hơn mức tiêu chuẩn cho phép ({entries} mục).")
        }
        StatusError::TooLarge => "Danh sách trạng thái quá lớn.".into(),
        StatusError::IndexOutOfRange { index } => {
            format!("Vị trí của bản ghi ({index}) nằm ngoài danh sách trạng thái.")
        }
        StatusError::BadMember { member } => {
            format!("Danh sách trạng thái bị lỗi định dạng (trường {member}).")
        }
        StatusError::PurposeMismatch { entry, list } => {
            format!("Danh sách trạng thái dùng cho mục đích khác ({list}, không phải {entry}).")
        }
        StatusError::BadStatusSize { size } => {
            format!("Mục trạng thái có kích thước không hợp lệ ({size} bit).")
        }
        StatusError::NotYetValid => "Danh sách trạng thái chưa có hiệu lực.".into(),
    }
}

fn trust_problem(problem: &TrustProblem) -> String {
    match problem {
        TrustProblem::NotListed { .. } => "Đơn vị ký không có trong danh sách tin cậy.".into(),
        TrustProblem::ListingNotStarted { .. } => {
            "Đơn vị ký chưa đến thời hạn được công nhận.".into()
        }
        TrustProblem::ListingEnded { .. } => "Đơn vị ký đã hết thời hạn được công nhận.".into(),
        TrustProblem::WrongRole { needed, .. } => format!(
            "Đơn vị ký không có vai trò {} trong danh sách tin cậy.",
            role(*needed)
        ),
        TrustProblem::GtinOutOfScope { gtin, .. } => format!(
            "Đơn vị ký không được phép phát hành bản ghi cho mã {gtin} (mã thuộc doanh nghiệp khác)."
        ),
        TrustProblem::SchemeOutOfScope { scheme, .. } => {
            format!("Đơn vị ký không được công nhận để cấp chứng nhận {scheme}.")
        }
    }
}

fn trust_list_error(error: &TrustListError) -> String {
    match error {
        TrustListError::Unavailable => {
            "Không tải được danh sách tin cậy nên chưa thể xác thực.".into()
        }
        TrustListError::NotYetValid => "Danh sách tin cậy chưa có hiệu lực.".into(),
        TrustListError::Revoked => {
            "Danh sách tin cậy đã bị cơ quan ban hành thu hồi nên không dùng được.".into()
        }
        TrustListError::Suspended => {
            "Danh sách tin cậy đang bị cơ quan ban hành tạm dừng nên không dùng được.".into()
        }
        TrustListError::Json(_)
        | TrustListError::Envelope(_)
        | TrustListError::NotATrustList
        | TrustListError::BadRoot(_)
        | TrustListError::WrongSigner { .. }
        | TrustListError::Signature(_) => {
            "Danh sách tin cậy không hợp lệ (sai chữ ký gốc) nên chưa thể xác thực.".into()
        }
    }
}

fn fetch_error(error: &FetchError) -> String {
    match error {
        FetchError::Unreachable => "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.".into(),
        FetchError::Timeout => "Máy chủ phản hồi quá chậm. Hãy thử lại.".into(),
        FetchError::TooLarge { .. } => "Dữ liệu máy chủ trả về quá lớn.".into(),
        FetchError::TooManyRedirects => "Máy chủ chuyển hướng quá nhiều lần.".into(),
        FetchError::BudgetExhausted { .. } => "Bản ghi dẫn tới quá nhiều tài liệu khác.".into(),
        FetchError::Refused { .. } => "Địa chỉ không được phép truy cập.".into(),
        FetchError::DeadlinePassed { .. } => {
            "Việc kiểm tra mất quá nhiều thời gian nên đã dừng. Hãy thử lại.".into()
        }
    }
}

pub fn platform(error: &PlatformError) -> String {
    match error {
        PlatformError::InsecureContext => "Trình duyệt chỉ cho dùng camera trên trang https. Hãy chọn ảnh hoặc nhập mã bên dưới.".into(),
        PlatformError::CameraDenied => "Chưa được phép dùng camera. Hãy cho phép trong cài đặt trình duyệt, hoặc chọn ảnh / nhập mã bên dưới.".into(),
        PlatformError::NoCamera => "Không tìm thấy camera trên thiết bị. Hãy chọn ảnh hoặc nhập mã bên dưới.".into(),
        PlatformError::CameraFailed => "Không mở được camera (có thể ứng dụng khác đang dùng). Hãy thử lại, hoặc chọn ảnh / nhập mã.".into(),
        PlatformError::ImageUnreadable => "Không mở được tệp ảnh này.".into(),
        PlatformError::Unavailable => "Trình duyệt không hỗ trợ chức năng này.".into(),
    }
}

pub fn scheme(scheme: &Scheme) -> Option<&'static str> {
    Some(match scheme {
        Scheme::VietGap => "VietGAP",
        Scheme::VietGahp => "VietGAHP",
        Scheme::GlobalGap => "GLOBALG.A.P.",
        Scheme::Organic => "Hữu cơ",
        Scheme::Haccp => "HACCP",
        Scheme::Iso22000 => "ISO 22000",
        Scheme::Gmp => "GMP",
        Scheme::Ocop => "OCOP",
        Scheme::Unlisted(_) => return None,
    })
}

pub fn country(code: &str) -> Option<&'static str> {
    Some(match code.to_ascii_uppercase().as_str() {
        "VN" => "Việt Nam",
        "TH" => "Thái Lan",
        "CN" => "Trung Quốc",
        "LA" => "Lào",
        "KH" => "Campuchia",
        "JP" => "Nhật Bản",
        "KR" => "Hàn Quốc",
        "US" => "Hoa Kỳ",
        _ => return None,
    })
}

pub fn step(step: &str) -> Option<&'static str> {
    Some(match step {
        "harvesting" => "Thu hoạch",
        "sorting" => "Phân loại",
        "packing" => "Đóng gói",
        "storing" => "Bảo quản",
        "shipping" => "Vận chuyển",
        "receiving" => "Nhận hàng",
        "inspecting" => "Kiểm tra",
        "processing" => "Chế biến",
        "raising" => "Chăn nuôi",
        "slaughtering" => "Giết mổ",
        "commissioning" => "Gắn mã",
        "retail_selling" => "Bán lẻ",
        _ => return None,
    })
}
