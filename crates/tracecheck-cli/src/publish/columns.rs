//! The columns of each input file: the English name (used in messages and
//! docs/publishing.md) and the Vietnamese headers that mean the same.

use super::table::Column;

const fn req(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        aliases,
        required: true,
    }
}

const fn opt(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        aliases,
        required: false,
    }
}

/// `issuers.csv`: who signs.
pub const ISSUERS: &[Column] = &[
    req("id", &["mã", "mã đơn vị"]),
    opt("name_vi", &["tên", "tên đơn vị"]),
    opt("name_en", &["tên tiếng anh"]),
    opt("did", &[]),
];

/// `facilities.csv`: farms, packing houses, shops.
pub const FACILITIES: &[Column] = &[
    req("id", &["mã", "mã cơ sở"]),
    opt("name_vi", &["tên", "tên cơ sở"]),
    opt("name_en", &["tên tiếng anh"]),
    opt("gln", &["mã gln", "mã địa điểm"]),
    opt("street", &["địa chỉ", "thôn", "đường"]),
    opt("locality", &["phường xã", "xã", "phường"]),
    opt("region", &["tỉnh thành phố", "tỉnh", "thành phố"]),
    opt("country", &["quốc gia"]),
    opt("latitude", &["vĩ độ"]),
    opt("longitude", &["kinh độ"]),
];

/// `products.csv`: one row per batch (or per serialised item).
pub const BATCHES: &[Column] = &[
    req("id", &["mã lô hàng", "mã"]),
    req("gtin", &["mã gtin", "mã sản phẩm", "mã vạch"]),
    opt("lot", &["số lô", "lô"]),
    opt("serial", &["số sê ri", "số seri", "mã định danh"]),
    req("producer", &["nhà sản xuất", "đơn vị sản xuất"]),
    opt("name_vi", &["tên sản phẩm", "tên"]),
    opt("name_en", &["tên tiếng anh"]),
    opt("description_vi", &["mô tả"]),
    opt("description_en", &["mô tả tiếng anh"]),
    opt("brand", &["nhãn hiệu", "thương hiệu"]),
    opt("production_date", &["ngày sản xuất"]),
    opt("expiry_date", &["hạn sử dụng", "ngày hết hạn"]),
    opt("shelf_life_vi", &["thời hạn bảo quản", "bảo quản"]),
    opt(
        "shelf_life_en",
        &["thời hạn bảo quản tiếng anh", "bảo quản tiếng anh"],
    ),
    opt("country", &["quốc gia", "xuất xứ"]),
    opt("facility", &["cơ sở", "cơ sở sản xuất", "nơi sản xuất"]),
    opt("image", &["hình ảnh", "ảnh"]),
    opt("certifications", &["chứng nhận"]),
    opt("proof", &["chữ ký", "định dạng chữ ký"]),
    opt("gtin_default", &["mặc định cho gtin", "lô mặc định"]),
];

/// `events.csv`: the supply-chain steps of each batch.
pub const EVENTS: &[Column] = &[
    req("batch", &["mã lô hàng", "lô hàng"]),
    req("step", &["bước", "công đoạn"]),
    req("time", &["thời gian", "thời điểm"]),
    opt("facility", &["cơ sở", "địa điểm"]),
    opt("actor", &["người thực hiện", "đơn vị thực hiện"]),
    opt("description_vi", &["mô tả"]),
    opt("description_en", &["mô tả tiếng anh"]),
    opt("inputs_vi", &["đầu vào"]),
    opt("inputs_en", &["đầu vào tiếng anh"]),
    opt("outputs_vi", &["đầu ra"]),
    opt("outputs_en", &["đầu ra tiếng anh"]),
];

/// `certifications.csv`: certificates, each signed by its certifier.
pub const CERTIFICATIONS: &[Column] = &[
    req("id", &["mã", "mã chứng nhận"]),
    req("certifier", &["tổ chức chứng nhận", "đơn vị cấp"]),
    opt("holder", &["đơn vị được cấp", "người được cấp"]),
    req("scheme", &["tiêu chuẩn", "chương trình"]),
    opt("scheme_name_vi", &["tên tiêu chuẩn"]),
    opt("scheme_name_en", &["tên tiêu chuẩn tiếng anh"]),
    req("number", &["số chứng nhận", "số giấy chứng nhận"]),
    opt("rating", &["số sao", "hạng sao"]),
    req("valid_from", &["hiệu lực từ", "ngày cấp"]),
    req("valid_until", &["hiệu lực đến", "ngày hết hiệu lực"]),
    opt("assessment_date", &["ngày đánh giá"]),
    opt("products", &["sản phẩm", "mã gtin"]),
];

/// `trust-list.csv`: who may sign what (for `tracecheck trust-list`).
pub const TRUST_LIST: &[Column] = &[
    opt("did", &["mã", "định danh"]),
    opt("name_vi", &["tên"]),
    opt("name_en", &["tên tiếng anh"]),
    req("roles", &["vai trò"]),
    opt("gs1_prefixes", &["mã doanh nghiệp gs1", "tiền tố gs1"]),
    opt("schemes", &["tiêu chuẩn"]),
    opt("hosts", &["máy chủ", "tên miền"]),
    opt("valid_from", &["hiệu lực từ"]),
    opt("valid_until", &["hiệu lực đến"]),
];
