//! The printable page of demo QR codes, so anyone can try the widget with a
//! real phone on the same network.

use super::{Answer, Site};
use tracecheck_core::code::uri_escape;
use tracecheck_core::verdict::Level;

/// `/demo`: every sample with its QR code, title and expected verdict.
pub fn demo_page(site: &Site) -> Answer {
    let mut cards = String::new();
    for sample in &site.registry.samples {
        let expected = match sample.expected {
            // The widget's own words for each level (src/i18n/{vi,en}.rs).
            Level::Verified => ("ok", "Đã xác thực — Verified"),
            Level::ProductVerified => (
                "ok",
                "Sản phẩm chính hãng — chưa kiểm tra lô hàng — Genuine product — batch not checked",
            ),
            Level::Caution => ("caution", "Cần lưu ý — Caution"),
            Level::Recalled => (
                "recalled",
                "Đã bị thu hồi — không sử dụng — Recalled — do not use",
            ),
            Level::Counterfeit => (
                "fake",
                "Cảnh báo: có thể là hàng giả — Warning: possible counterfeit",
            ),
            Level::NotVerifiable => ("none", "Không xác thực được — Not verifiable"),
        };
        let open = format!("/?code={}", uri_escape(&sample.code, false));
        // A sample written as scanner data is drawn as that barcode.
        let image = if sample.code.starts_with("]E0") {
            "alt=\"EAN-13\" width=\"180\""
        } else if sample.code.starts_with("]d2") {
            "alt=\"Data Matrix\" width=\"180\" height=\"180\""
        } else {
            "alt=\"QR\" width=\"180\" height=\"180\""
        };
        cards.push_str(&format!(
            "<article class=\"card {class}\"><img src=\"/demo/qr/{id}.svg\" {image}>\
<h2 lang=\"vi\">{vi}</h2><p lang=\"en\">{en}</p><p class=\"expect\">{expect}</p>\
<p class=\"code\"><a href=\"{open}\">{code}</a></p></article>\n",
            class = expected.0,
            id = escape(&sample.id),
            image = image,
            vi = escape(&sample.title_vi),
            en = escape(&sample.title_en),
            expect = expected.1,
            open = escape(&open),
            // GS (FNC1) shown as the control picture ␝.
            code = escape(&sample.code.replace('\u{1d}', "\u{241d}")),
        ));
    }
    let page = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>tracecheck — mã QR mẫu / demo QR codes</title><link rel=\"stylesheet\" href=\"/demo.css\"></head><body>\
<header><h1>Mã QR mẫu — Demo QR codes</h1>\
<p>Quét bằng camera điện thoại hoặc mở <a href=\"/\">trang quét</a>. Dữ liệu mẫu, không phải sản phẩm thật.</p>\
<p lang=\"en\">Scan with a phone camera or open <a href=\"/\">the scanner</a>. Demo data, not real products.</p>\
<p class=\"server\">{url}</p></header><main>{cards}</main></body></html>",
        url = escape(&site.public_url),
    );
    Answer::html(200, page.into_bytes())
}

/// `/demo/qr/{id}.svg`: the sample's QR code (an EAN-13 or Data Matrix for
/// a sample written as such scanner data: `crate::qr::svg`).
pub fn qr_svg(site: &Site, id: &str) -> Answer {
    let Some(sample) = site.registry.sample(id) else {
        return Answer::text(404, "no such sample");
    };
    let Ok(image) = crate::qr::svg(&sample.code, 180) else {
        return Answer::text(500, "code too long for a QR symbol");
    };
    Answer {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "image/svg+xml".into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
        ],
        body: image.into_bytes(),
    }
}

/// The page's stylesheet (served, since the CSP forbids inline styles).
pub fn demo_css() -> Answer {
    let css = "body{font-family:system-ui,sans-serif;margin:1rem;color:#1b1b1b}\
header{max-width:60rem}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}\
.card{border:2px solid #888;border-radius:.5rem;padding:.75rem;break-inside:avoid}\
.card h2{font-size:1.05rem;margin:.5rem 0 .25rem}.card p{margin:.25rem 0}\
.ok{border-color:#1a7f37}.caution{border-color:#9a6700}.fake{border-color:#cf222e}.recalled{border-color:#9a3412}.none{border-color:#57606a}\
.expect{font-weight:600}.code{font-size:.75rem;word-break:break-all}.server{color:#57606a}\
@media print{a{color:inherit;text-decoration:none}header p{display:none}}";
    Answer::css(css)
}

/// Text made safe inside HTML content and quoted attributes.
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
