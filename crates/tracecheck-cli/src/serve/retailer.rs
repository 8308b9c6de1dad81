//! A demo retailer: a product listing that embeds the widget's badges with
//! `<trace-check>`, under the strict CSP a shop would send — no inline
//! script or style, scripts and frames only from the widget's origin. Open
//! it under another host name (e.g. `localhost` when the widget is
//! `127.0.0.1`) to see the badges work across origins.

use super::pages::escape;
use super::{Answer, Site};
use crate::demo::Sample;
use tracecheck_core::resolve::WebUrl;

/// The host page's CSP: what a careful shop sends. Its one inline
/// stylesheet is allowed by its hash; nothing else inline.
fn shop_csp(widget_origin: &str) -> String {
    format!(
        "default-src 'none'; script-src {widget_origin}; frame-src {widget_origin}; \
style-src '{style}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        style = csp_hash(SHOP_CSS)
    )
}

/// `sha256-…` of an inline element's text, as a CSP source names it.
fn csp_hash(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The listing's products: (sample id, name, price, picture under `/media/`).
/// The fake uses the genuine product's picture, as fakes do.
const LISTING: &[(&str, &str, &str, &str)] = &[
    (
        "longan",
        "Nhãn lồng Hưng Yên — hộp 1 kg",
        "85.000 ₫",
        "longan",
    ),
    (
        "honey",
        "Mật ong hoa nhãn — chai 500 ml",
        "180.000 ₫",
        "honey",
    ),
    (
        "chicken",
        "Gà Đông Tảo nguyên con — khoảng 3 kg",
        "1.350.000 ₫",
        "chicken",
    ),
    (
        "unknown-issuer",
        "Nhãn lồng Hưng Yên loại 1 — giá sốc",
        "39.000 ₫",
        "longan",
    ),
];

/// `/retailer/`: four products, one of them a fake; `/retailer/many`: ten badges.
pub fn page(site: &Site, many: bool) -> Answer {
    let widget = WebUrl::parse(&site.public_url)
        .map(|u| u.origin())
        .unwrap_or_default();
    let items: Vec<(&Sample, &str, &str, Option<&str>)> = if many {
        let all: Vec<&Sample> = site
            .registry
            .samples
            .iter()
            .filter(|s| s.code.starts_with(&widget))
            .collect();
        all.iter()
            .cycle()
            .take(10)
            .map(|s| (*s, s.title_vi.as_str(), "—", None))
            .collect()
    } else {
        LISTING
            .iter()
            .filter_map(|(id, name, price, picture)| {
                site.registry
                    .sample(id)
                    .map(|s| (s, *name, *price, Some(*picture)))
            })
            .collect()
    };
    let mut cards = String::new();
    for (sample, name, price, picture) in items {
        // The shop's own copy of the picture (same origin: img-src 'self').
        let photo = match picture {
            Some(p) => format!(
                "<img class=\"photo\" src=\"/media/{}.svg\" alt=\"\">",
                escape(p)
            ),
            None => "<div class=\"photo\" aria-hidden=\"true\"></div>".into(),
        };
        cards.push_str(&format!(
            "<li class=\"product\" data-sample=\"{id}\">{photo}\
<h2>{name}</h2><p class=\"price\">{price}</p>\
<trace-check code=\"{code}\" lang=\"vi\"></trace-check></li>\n",
            id = escape(&sample.id),
            name = escape(name),
            price = escape(price),
            code = escape(&sample.code),
        ));
    }
    let page = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Chợ Quê Online (cửa hàng mẫu)</title><style>{SHOP_CSS}</style>\
<script src=\"{widget}/trace-check.js\" defer></script></head><body>\
<header><h1>Chợ Quê Online</h1><p>Đặc sản Hưng Yên — cửa hàng mẫu để thử huy hiệu tracecheck.</p></header>\
<main><ul class=\"listing\">{cards}</ul></main></body></html>"
    );
    Answer {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "text/html; charset=utf-8".into()),
            ("Content-Security-Policy".into(), shop_csp(&widget)),
            ("X-Content-Type-Options".into(), "nosniff".into()),
            ("Cache-Control".into(), "no-cache".into()),
        ],
        body: page.into_bytes(),
    }
}

/// The shop's stylesheet, inside its page: a kilobyte, and a stylesheet
/// of its own would hold back the first paint and the badge loader (a
/// deferred script) by a round trip on a first visit, the demo shop's cost,
/// not the badge's. `trace-check` keeps the badge's first height (the
/// loader's iframe starts at 64 px) before the loader has run, so the
/// cards below do not move when it does (docs/embedding.md).
const SHOP_CSS: &str = "body{margin:0;font-family:system-ui,sans-serif;color:#222;background:#faf7f2}\
header{padding:1rem 1.5rem;background:#7a2e0e;color:#fff}header h1{margin:0 0 .25rem}header p{margin:0}\
main{padding:1rem}.listing{list-style:none;margin:0;padding:0;display:grid;gap:1rem;\
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}\
.product{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}\
.photo{display:block;width:100%;height:7rem;border-radius:.5rem;background:linear-gradient(135deg,#e9c46a,#f4a261)}\
img.photo{height:auto;aspect-ratio:16/10}\
.product h2{font-size:1.05rem;margin:.6rem 0 .2rem}.price{font-weight:700;color:#7a2e0e;margin:0 0 .5rem}\
trace-check{display:block;min-height:64px}";
