//! The four demo products and their supply chains. Names, places and
//! companies are illustrative; the coordinates are real places in Hưng Yên.

use serde_json::{Value, json};
use time::Date;

use super::actors::{Actor, Actors};
use super::build::{address, event, gln, gtin14, place, text};

/// One batch (or serialised item) to write a passport for.
pub struct Batch<'a> {
    /// File name stem, e.g. `longan-NL2611`.
    pub slug: String,
    /// Who issues its passport.
    pub producer: &'a Actor,
    /// GTIN-14.
    pub gtin: String,
    /// Lot.
    pub lot: String,
    /// Serial number, for serialised items.
    pub serial: Option<String>,
    /// `credentialSubject.product`.
    pub product: Value,
    /// Supply-chain steps.
    pub events: Vec<Value>,
    /// Certifications to claim.
    pub certifications: Vec<CertSpec<'a>>,
    /// Set this batch's revocation bit.
    pub revoked: bool,
    /// Message status to set in the producer's message list (recall notices).
    pub message: Option<u8>,
    /// Its picture, one of [`super::media::IMAGES`].
    pub image: &'static str,
}

/// A certification to issue and claim.
#[derive(Clone)]
pub struct CertSpec<'a> {
    /// File name stem.
    pub slug: String,
    /// Who signs it.
    pub certifier: &'a Actor,
    /// Scheme code (`vietgap`, `ocop`, `organic`, `gmp`).
    pub scheme: &'static str,
    /// Scheme display name (vi, en).
    pub scheme_name: (&'static str, &'static str),
    /// Certificate number.
    pub number: String,
    /// OCOP stars.
    pub stars: Option<u8>,
    /// Validity, in days relative to the reference date.
    pub valid_days: (i64, i64),
    /// Whom it is issued to.
    pub holder: &'a Actor,
}

/// The GS1 company prefixes of the demo producers.
pub const LONGAN_PREFIX: &str = "8935001";
/// Đông Tảo chicken farm.
pub const CHICKEN_PREFIX: &str = "8935002";
/// Honey cooperative.
pub const HONEY_PREFIX: &str = "8935003";
/// Medicine maker.
pub const PHARMA_PREFIX: &str = "8935004";
/// Used only by the rogue issuer.
pub const ROGUE_PREFIX: &str = "8935009";

fn vietgap<'a>(
    a: &'a Actors,
    holder: &'a Actor,
    number: &str,
    valid_days: (i64, i64),
) -> CertSpec<'a> {
    CertSpec {
        slug: format!("vietgap-{number}"),
        certifier: &a.certifier,
        scheme: "vietgap",
        scheme_name: ("VietGAP", "VietGAP"),
        number: number.into(),
        stars: None,
        valid_days,
        holder,
    }
}

fn ocop<'a>(a: &'a Actors, holder: &'a Actor, number: &str, stars: u8) -> CertSpec<'a> {
    CertSpec {
        slug: format!("ocop-{number}"),
        certifier: &a.ocop,
        scheme: "ocop",
        scheme_name: ("OCOP", "OCOP"),
        number: number.into(),
        stars: Some(stars),
        valid_days: (-300, 795),
        holder,
    }
}

/// Fresh longan from an orchard in Hồng Châu.
pub fn longan<'a>(a: &'a Actors, today: Date, lot: &str) -> Batch<'a> {
    let gtin = gtin14(LONGAN_PREFIX, "00001");
    let orchard = place(
        ("Vườn nhãn Đằng Châu", "Đằng Châu longan orchard"),
        gln(LONGAN_PREFIX, "00010"),
        address("Thôn Đằng Châu", "Phường Hồng Châu", "Tỉnh Hưng Yên"),
        (20.6412, 106.0718),
    );
    let packing = place(
        (
            "Xưởng sơ chế và đóng gói Phố Hiến",
            "Phố Hiến packing house",
        ),
        gln(LONGAN_PREFIX, "00020"),
        address("Đường Nguyễn Văn Linh", "Phường Phố Hiến", "Tỉnh Hưng Yên"),
        (20.6558, 106.0551),
    );
    let store = place(
        (
            "Siêu thị Thực phẩm Sạch Cầu Giấy (dữ liệu mẫu)",
            "Cầu Giấy Fresh Food supermarket (demo)",
        ),
        "8935099000016".into(),
        address(
            "Đường Trần Thái Tông",
            "Phường Cầu Giấy",
            "Thành phố Hà Nội",
        ),
        (21.0335, 105.7905),
    );
    let p = &a.longan;
    Batch {
        slug: format!("longan-{lot}"),
        producer: p,
        gtin: gtin.clone(),
        lot: lot.into(),
        serial: None,
        product: json!({
            "name": text("Nhãn lồng Hưng Yên", "Hưng Yên longan"),
            "description": text(
                "Nhãn lồng tươi, cùi dày, vị ngọt thanh, thu hái trong ngày tại vườn trồng theo VietGAP. Hộp 1 kg.",
                "Fresh longan with thick, sweet flesh, picked the same day in a VietGAP orchard. 1 kg box."),
            "brand": "Nhãn lồng Phố Hiến",
            "productionDate": super::day(today, -2),
            "expiryDate": super::day(today, 12),
            "shelfLife": text("14 ngày ở 5–10 °C", "14 days at 5–10 °C"),
            "countryOfProduction": "VN",
            "producedAtFacility": orchard,
        }),
        events: vec![
            event(
                "harvesting",
                super::at(today, -2, 5, 30),
                &orchard,
                p,
                (
                    "Thu hái nhãn vào sáng sớm, chọn chùm chín đều.",
                    "Longan picked at dawn, evenly ripe bunches only.",
                ),
                &[],
                &[(
                    "Nhãn tươi nguyên chùm, 1.200 kg",
                    "Fresh longan on the bunch, 1,200 kg",
                )],
            ),
            event(
                "sorting",
                super::at(today, -2, 9, 0),
                &packing,
                p,
                (
                    "Phân loại, cắt cuống, rửa và làm ráo.",
                    "Sorted, trimmed, washed and dried.",
                ),
                &[(
                    "Nhãn tươi nguyên chùm, 1.200 kg",
                    "Fresh longan on the bunch, 1,200 kg",
                )],
                &[("Nhãn loại 1, 1.050 kg", "Grade 1 longan, 1,050 kg")],
            ),
            event(
                "packing",
                super::at(today, -2, 13, 15),
                &packing,
                p,
                (
                    "Đóng hộp 1 kg, dán tem truy xuất lô.",
                    "Packed in 1 kg boxes and labelled with the lot's trace code.",
                ),
                &[("Nhãn loại 1, 1.050 kg", "Grade 1 longan, 1,050 kg")],
                &[("1.000 hộp nhãn 1 kg", "1,000 boxes of 1 kg")],
            ),
            event(
                "storing",
                super::at(today, -2, 15, 0),
                &packing,
                p,
                (
                    "Bảo quản lạnh 6 °C trước khi xuất hàng.",
                    "Cold storage at 6 °C before dispatch.",
                ),
                &[],
                &[],
            ),
            event(
                "shipping",
                super::at(today, -1, 4, 0),
                &packing,
                p,
                (
                    "Xe lạnh vận chuyển về Hà Nội.",
                    "Refrigerated truck to Hà Nội.",
                ),
                &[],
                &[],
            ),
            event(
                "receiving",
                super::at(today, -1, 7, 30),
                &store,
                p,
                (
                    "Siêu thị nhận hàng, kiểm tra nhiệt độ 7 °C.",
                    "Received by the supermarket; 7 °C on arrival.",
                ),
                &[],
                &[],
            ),
        ],
        certifications: vec![
            vietgap(a, p, "VG-HY-2025-0147", (-200, 530)),
            ocop(a, p, "OCOP-HY-2024-031", 4),
        ],
        image: "longan",
        revoked: false,
        message: None,
    }
}

/// Chilled whole Đông Tảo chicken.
pub fn chicken<'a>(a: &'a Actors, today: Date, lot: &str) -> Batch<'a> {
    let gtin = gtin14(CHICKEN_PREFIX, "00001");
    let farm = place(
        ("Trang trại gà Đông Tảo", "Đông Tảo chicken farm"),
        gln(CHICKEN_PREFIX, "00010"),
        address("Thôn Cao Xá", "Xã Đông Tảo", "Tỉnh Hưng Yên"),
        (20.8195, 105.9839),
    );
    let abattoir = place(
        (
            "Cơ sở giết mổ gia cầm Khoái Châu",
            "Khoái Châu poultry abattoir",
        ),
        gln(CHICKEN_PREFIX, "00020"),
        address(
            "Cụm công nghiệp Khoái Châu",
            "Xã Khoái Châu",
            "Tỉnh Hưng Yên",
        ),
        (20.8343, 105.9700),
    );
    let p = &a.chicken;
    Batch {
        slug: format!("chicken-{lot}"),
        producer: p,
        gtin,
        lot: lot.into(),
        serial: None,
        product: json!({
            "name": text("Gà Đông Tảo Khoái Châu nguyên con", "Whole Đông Tảo chicken, Khoái Châu"),
            "description": text(
                "Gà Đông Tảo thuần chủng nuôi thả vườn 8 tháng, làm sạch, ướp lạnh. Khoảng 3 kg/con.",
                "Purebred free-range Đông Tảo chicken raised for 8 months, dressed and chilled. About 3 kg each."),
            "brand": "Gà Đông Tảo Khoái Châu",
            "productionDate": super::day(today, -1),
            "expiryDate": super::day(today, 4),
            "shelfLife": text("5 ngày ở 0–4 °C", "5 days at 0–4 °C"),
            "countryOfProduction": "VN",
            "producedAtFacility": farm,
        }),
        events: vec![
            event(
                "raising",
                super::at(today, -245, 8, 0),
                &farm,
                p,
                (
                    "Nuôi thả vườn, thức ăn ngô và thóc tự trồng.",
                    "Free-range, fed on home-grown maize and paddy rice.",
                ),
                &[(
                    "Gà con Đông Tảo 1 ngày tuổi, đàn 120 con",
                    "Day-old Đông Tảo chicks, flock of 120",
                )],
                &[],
            ),
            event(
                "inspecting",
                super::at(today, -2, 9, 0),
                &farm,
                p,
                (
                    "Thú y kiểm tra sức khỏe đàn trước khi xuất chuồng.",
                    "Veterinary health check before leaving the farm.",
                ),
                &[],
                &[],
            ),
            event(
                "slaughtering",
                super::at(today, -1, 4, 30),
                &abattoir,
                p,
                (
                    "Giết mổ, làm sạch theo quy trình có kiểm soát thú y.",
                    "Slaughtered and dressed under veterinary control.",
                ),
                &[(
                    "Gà Đông Tảo sống, 40 con",
                    "Live Đông Tảo chickens, 40 birds",
                )],
                &[(
                    "Gà nguyên con làm sạch, 40 con",
                    "Dressed whole chickens, 40 birds",
                )],
            ),
            event(
                "packing",
                super::at(today, -1, 7, 0),
                &abattoir,
                p,
                (
                    "Đóng túi hút chân không, ướp lạnh 2 °C.",
                    "Vacuum packed and chilled to 2 °C.",
                ),
                &[],
                &[],
            ),
            event(
                "shipping",
                super::at(today, -1, 10, 0),
                &abattoir,
                p,
                (
                    "Giao bằng xe lạnh tới cửa hàng.",
                    "Delivered to shops by refrigerated van.",
                ),
                &[],
                &[],
            ),
        ],
        certifications: vec![
            CertSpec {
                slug: "vietgahp-VGAHP-HY-2025-0032".into(),
                scheme: "vietgahp",
                scheme_name: ("VietGAHP (chăn nuôi)", "VietGAHP (livestock)"),
                ..vietgap(a, p, "VGAHP-HY-2025-0032", (-120, 610))
            },
            ocop(a, p, "OCOP-HY-2023-118", 3),
        ],
        image: "chicken",
        revoked: false,
        message: None,
    }
}

/// Longan-blossom honey.
pub fn honey<'a>(a: &'a Actors, today: Date, lot: &str) -> Batch<'a> {
    let gtin = gtin14(HONEY_PREFIX, "00001");
    let apiary = place(
        ("Trại ong Tiên Lữ", "Tiên Lữ apiary"),
        gln(HONEY_PREFIX, "00010"),
        address("Thôn Hải Triều", "Xã Tiên Lữ", "Tỉnh Hưng Yên"),
        (20.6649, 106.1322),
    );
    let workshop = place(
        (
            "Xưởng lọc và đóng chai mật ong Tiên Lữ",
            "Tiên Lữ honey filtering and bottling workshop",
        ),
        gln(HONEY_PREFIX, "00020"),
        address("Thôn Hải Triều", "Xã Tiên Lữ", "Tỉnh Hưng Yên"),
        (20.6672, 106.1351),
    );
    let p = &a.honey;
    Batch {
        slug: format!("honey-{lot}"),
        producer: p,
        gtin,
        lot: lot.into(),
        serial: None,
        product: json!({
            "name": text("Mật ong hoa nhãn Hưng Yên", "Hưng Yên longan-blossom honey"),
            "description": text(
                "Mật ong nguyên chất từ hoa nhãn, khai thác vụ xuân, độ ẩm dưới 20%. Chai 500 ml.",
                "Pure honey from longan blossom, spring harvest, moisture below 20%. 500 ml bottle."),
            "brand": "Ong mật Tiên Lữ",
            "productionDate": super::day(today, -20),
            "expiryDate": super::day(today, 710),
            "shelfLife": text("24 tháng kể từ ngày đóng chai", "24 months from bottling"),
            "countryOfProduction": "VN",
            "producedAtFacility": apiary,
        }),
        events: vec![
            event(
                "harvesting",
                super::at(today, -24, 6, 0),
                &apiary,
                p,
                (
                    "Quay mật từ 300 đàn ong trong mùa hoa nhãn.",
                    "Honey extracted from 300 hives during the longan bloom.",
                ),
                &[],
                &[("Mật ong thô, 900 kg", "Raw honey, 900 kg")],
            ),
            event(
                "processing",
                super::at(today, -22, 8, 0),
                &workshop,
                p,
                (
                    "Lọc, hạ thủy phần bằng phương pháp sấy lạnh.",
                    "Filtered; moisture lowered by cold drying.",
                ),
                &[("Mật ong thô, 900 kg", "Raw honey, 900 kg")],
                &[("Mật ong thành phẩm, 860 kg", "Finished honey, 860 kg")],
            ),
            event(
                "inspecting",
                super::at(today, -21, 14, 0),
                &workshop,
                p,
                (
                    "Kiểm nghiệm: độ ẩm 18,6%, không phát hiện kháng sinh.",
                    "Lab test: moisture 18.6%, no antibiotics detected.",
                ),
                &[],
                &[],
            ),
            event(
                "packing",
                super::at(today, -20, 9, 0),
                &workshop,
                p,
                (
                    "Đóng chai thủy tinh 500 ml, niêm phong.",
                    "Filled into sealed 500 ml glass bottles.",
                ),
                &[("Mật ong thành phẩm, 860 kg", "Finished honey, 860 kg")],
                &[("1.200 chai 500 ml", "1,200 bottles of 500 ml")],
            ),
            event(
                "shipping",
                super::at(today, -6, 8, 0),
                &workshop,
                p,
                (
                    "Giao cho nhà phân phối tại Hà Nội.",
                    "Shipped to a distributor in Hà Nội.",
                ),
                &[],
                &[],
            ),
        ],
        certifications: vec![
            CertSpec {
                slug: "organic-ORG-VN-2025-0081".into(),
                certifier: &a.certifier,
                scheme: "organic",
                scheme_name: ("Hữu cơ (TCVN 11041)", "Organic (TCVN 11041)"),
                number: "ORG-VN-2025-0081".into(),
                stars: None,
                valid_days: (-150, 580),
                holder: p,
            },
            ocop(a, p, "OCOP-HY-2024-077", 4),
        ],
        image: "honey",
        revoked: false,
        message: Some(0),
    }
}

/// A serialised box of herbal sleep capsules made with dried longan.
pub fn medicine<'a>(a: &'a Actors, today: Date, lot: &str, serial: &str) -> Batch<'a> {
    let gtin = gtin14(PHARMA_PREFIX, "00001");
    let plant = place(
        (
            "Nhà máy Dược liệu Phố Hiến",
            "Phố Hiến herbal medicine plant",
        ),
        gln(PHARMA_PREFIX, "00010"),
        address(
            "Khu công nghiệp Phố Nối A",
            "Phường Mỹ Hào",
            "Tỉnh Hưng Yên",
        ),
        (20.9425, 106.0575),
    );
    let p = &a.pharma;
    Batch {
        slug: format!("medicine-{lot}-{serial}"),
        producer: p,
        gtin,
        lot: lot.into(),
        serial: Some(serial.into()),
        product: json!({
            "name": text("Viên nang An thần Long nhãn (dữ liệu mẫu)", "Longan herbal sleep capsules (demo)"),
            "description": text(
                "Thuốc từ dược liệu: long nhãn, táo nhân, lạc tiên. Hộp 3 vỉ × 10 viên. Đọc kỹ hướng dẫn trước khi dùng.",
                "Herbal medicine: dried longan, jujube seed, passion-flower. Box of 3 blisters × 10 capsules. Read the leaflet before use."),
            "brand": "Dược liệu Phố Hiến",
            "productionDate": super::day(today, -40),
            "expiryDate": super::day(today, 1055),
            "shelfLife": text("36 tháng kể từ ngày sản xuất", "36 months from manufacture"),
            "countryOfProduction": "VN",
            "producedAtFacility": plant,
        }),
        events: vec![
            event(
                "receiving",
                super::at(today, -60, 9, 0),
                &plant,
                p,
                (
                    "Nhận long nhãn sấy khô từ HTX Nhãn lồng Phố Hiến, kiểm tra dược liệu đầu vào.",
                    "Dried longan received from the Phố Hiến Longan Cooperative; incoming herbs tested.",
                ),
                &[(
                    "Long nhãn sấy khô, lô LN2609, 200 kg",
                    "Dried longan, lot LN2609, 200 kg",
                )],
                &[],
            ),
            event(
                "processing",
                super::at(today, -45, 8, 0),
                &plant,
                p,
                (
                    "Chiết xuất và cô đặc dược liệu.",
                    "Herbal extraction and concentration.",
                ),
                &[(
                    "Long nhãn, táo nhân, lạc tiên",
                    "Dried longan, jujube seed, passion-flower",
                )],
                &[("Cao dược liệu, 38 kg", "Herbal extract, 38 kg")],
            ),
            event(
                "processing",
                super::at(today, -40, 8, 0),
                &plant,
                p,
                (
                    "Đóng nang, ép vỉ, đóng hộp; in mã định danh từng hộp.",
                    "Encapsulated, blistered and boxed; a unique code printed on every box.",
                ),
                &[("Cao dược liệu, 38 kg", "Herbal extract, 38 kg")],
                &[("20.000 hộp", "20,000 boxes")],
            ),
            event(
                "inspecting",
                super::at(today, -35, 14, 0),
                &plant,
                p,
                (
                    "Kiểm nghiệm thành phẩm đạt tiêu chuẩn cơ sở; xuất xưởng.",
                    "Finished-product QC passed; batch released.",
                ),
                &[],
                &[],
            ),
            event(
                "shipping",
                super::at(today, -20, 8, 0),
                &plant,
                p,
                ("Phân phối tới nhà thuốc.", "Distributed to pharmacies."),
                &[],
                &[],
            ),
        ],
        certifications: vec![CertSpec {
            slug: "gmp-GMP-WHO-2024-0415".into(),
            certifier: &a.gmp,
            scheme: "gmp",
            scheme_name: ("GMP-WHO", "WHO GMP"),
            number: "GMP-WHO-2024-0415".into(),
            stars: None,
            valid_days: (-400, 695),
            holder: p,
        }],
        image: "medicine",
        revoked: false,
        message: None,
    }
}
