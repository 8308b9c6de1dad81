//! The local resolver answers like a GS1 Digital Link resolver: a linkset
//! to `Accept: application/linkset+json`, the widget to a browser.

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::serve::{RequestHeaders, Site, finish, route};

fn site(dist: Option<std::path::PathBuf>) -> Site {
    let today = tracecheck_core::time::parse_date("2026-11-29").expect("date");
    let registry = build(&DemoOptions {
        base_url: "http://127.0.0.1:8080".into(),
        today,
    })
    .expect("the demo builds");
    Site::new(registry, dist, "http://127.0.0.1:8080".into(), false)
}

#[test]
fn the_badge_loader_is_kept_for_minutes_other_unhashed_files_are_revalidated() {
    let dist = std::env::temp_dir().join(format!("tracecheck-badge-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    for file in [
        "index.html",
        "trace-check.js",
        "sw.js",
        "tracecheck-web-0123456789abcdef.js",
    ] {
        std::fs::write(dist.join(file), "x").expect("write");
    }
    let mut site = site(Some(dist.clone()));
    let cache = |site: &Site, path: &str| {
        let answer = route(site, path, "*/*");
        assert_eq!(answer.status, 200, "{path}");
        answer.header("cache-control").map(str::to_owned)
    };
    assert_eq!(
        cache(&site, "/trace-check.js").as_deref(),
        Some("public, max-age=300, must-revalidate")
    );
    // The service worker must be asked for every time (its updates).
    assert_eq!(cache(&site, "/sw.js").as_deref(), Some("no-cache"));
    assert_eq!(
        cache(&site, "/tracecheck-web-0123456789abcdef.js").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    // The badge has no service worker: its page is kept for minutes too;
    // the app's pages are revalidated (their worker answers offline).
    assert_eq!(
        cache(&site, "/embed?code=x").as_deref(),
        Some("public, max-age=300, must-revalidate")
    );
    assert_eq!(cache(&site, "/").as_deref(), Some("no-cache"));
    site.short_cache = 0;
    assert_eq!(cache(&site, "/trace-check.js").as_deref(), Some("no-cache"));
    assert_eq!(cache(&site, "/embed?code=x").as_deref(), Some("no-cache"));
    std::fs::remove_dir_all(dist).ok();
}

#[test]
fn the_demo_shop_allows_its_one_inline_stylesheet_by_hash_and_nothing_else() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let site = site(None);
    let shop = route(&site, "/retailer/", "text/html");
    assert_eq!(shop.status, 200);
    let body = String::from_utf8_lossy(&shop.body).into_owned();
    let style = body
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(css, _)| css)
        .expect("an inline stylesheet");
    assert!(style.contains("trace-check{display:block;min-height:64px}"));
    assert_eq!(body.matches("<style").count(), 1, "{body}");
    assert!(!body.contains("<link rel=\"stylesheet\""), "{body}");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    let csp = shop.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains(&format!("style-src 'sha256-{hash}';")),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    // No stylesheet of its own any more (without a build, unknown paths are 503).
    assert_ne!(route(&site, "/retailer/shop.css", "text/css").status, 200);
}

#[test]
fn a_digital_link_path_answers_a_linkset_or_the_widget() {
    let dist = std::env::temp_dir().join(format!("tracecheck-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>widget</title>",
    )
    .expect("write");
    let site = site(Some(dist.clone()));

    let linkset = route(
        &site,
        "/01/08935001000013/10/NL2611",
        "application/linkset+json",
    );
    assert_eq!(linkset.status, 200);
    assert_eq!(
        linkset.header("content-type"),
        Some("application/linkset+json")
    );
    let body: serde_json::Value = serde_json::from_slice(&linkset.body).expect("json");
    assert!(body["linkset"][0]["https://test.uncefact.org/vocabulary/linkTypes/dpp"].is_array());

    // linkType=all asks for the linkset too; query attributes do not change the record.
    let all = route(
        &site,
        "/01/08935001000013/10/NL2611?17=261231&linkType=all",
        "*/*",
    );
    assert_eq!(all.body, linkset.body);

    let page = route(
        &site,
        "/01/08935001000013/10/NL2611",
        "text/html,application/xhtml+xml",
    );
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("widget"));
    assert!(
        page.header("content-security-policy")
            .is_some_and(|csp| csp.contains("frame-ancestors 'none'"))
    );
    std::fs::remove_dir_all(dist).ok();
}

#[test]
fn only_a_server_on_this_machine_lets_the_widget_reach_plain_http_locally() {
    let dist = std::env::temp_dir().join(format!("tracecheck-csp-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; connect-src 'self' https:; object-src 'none'\">";
    std::fs::write(dist.join("index.html"), meta).expect("write");
    let dev_hosts = "connect-src 'self' https: http://127.0.0.1:* http://localhost:*;";

    let local = site(Some(dist.clone()));
    let page = route(&local, "/", "text/html");
    let csp = page
        .header("content-security-policy")
        .unwrap_or_default()
        .to_owned();
    assert!(csp.contains(dev_hosts), "{csp}");
    assert!(
        String::from_utf8_lossy(&page.body).contains(dev_hosts),
        "the page's own meta agrees"
    );

    let mut public = site(Some(dist.clone()));
    public.public_url = "https://truyxuat.example.vn".into();
    let page = route(&public, "/", "text/html");
    let csp = page
        .header("content-security-policy")
        .unwrap_or_default()
        .to_owned();
    assert!(
        csp.contains("connect-src 'self' https:;") && !csp.contains("localhost"),
        "{csp}"
    );
    assert!(!String::from_utf8_lossy(&page.body).contains("localhost"));
    let embed = route(&public, "/embed?code=x", "text/html");
    let csp = embed
        .header("content-security-policy")
        .unwrap_or_default()
        .to_owned();
    assert!(
        csp.contains("frame-ancestors *") && !csp.contains("localhost"),
        "{csp}"
    );
    std::fs::remove_dir_all(dist).ok();
}

#[test]
fn the_badge_page_draws_its_shell_as_the_badge_and_allows_the_pages_hashes() {
    let dist = std::env::temp_dir().join(format!("tracecheck-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
script-src 'self' 'sha256-Ym9vdA=='; style-src 'self' 'sha256-Y3Nz'\"></head><body>\
<div id=\"app-shell\" class=\"app-shell\"><header></header></div></body></html>";
    std::fs::write(dist.join("index.html"), page).expect("write");
    let site = site(Some(dist.clone()));

    let embed = route(&site, "/embed?code=x", "text/html");
    let body = String::from_utf8_lossy(&embed.body).into_owned();
    assert!(body.contains("class=\"app-shell in-embed\""), "{body}");
    let csp = embed.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-Ym9vdA=='"),
        "{csp}"
    );
    assert!(csp.contains("style-src 'self' 'sha256-Y3Nz'"), "{csp}");
    assert!(csp.contains("frame-ancestors *"), "{csp}");

    // The app itself keeps the plain shell (it has a header).
    let app = route(&site, "/", "text/html");
    assert!(!String::from_utf8_lossy(&app.body).contains("in-embed"));
    assert!(
        app.header("content-security-policy")
            .unwrap_or_default()
            .contains("frame-ancestors 'none'")
    );
    std::fs::remove_dir_all(dist).ok();
}

#[test]
fn unknown_and_broken_codes_get_problem_answers() {
    let site = site(None);
    let unknown = route(&site, "/01/08935001000099", "application/linkset+json");
    assert_eq!(unknown.status, 404);
    let broken = route(&site, "/01/08935001000014", "application/linkset+json");
    assert_eq!(
        broken.status, 400,
        "a wrong check digit is not a valid Digital Link"
    );
    assert_eq!(route(&site, "/../etc/passwd", "*/*").status, 400);
}

#[test]
fn credentials_are_served_with_cors_and_the_demo_page_lists_every_sample() {
    let site = site(None);
    let trust = route(&site, "/trust-list.json", "*/*");
    assert_eq!(trust.status, 200);
    assert_eq!(trust.header("access-control-allow-origin"), Some("*"));
    let page = String::from_utf8(route(&site, "/demo", "text/html").body).expect("utf-8");
    for sample in &site.registry.samples {
        assert!(
            page.contains(&format!("/demo/qr/{}.svg", sample.id)),
            "{}",
            sample.id
        );
        let qr = route(
            &site,
            &format!("/demo/qr/{}.svg", sample.id),
            "image/svg+xml",
        );
        assert_eq!(qr.status, 200);
        assert!(String::from_utf8_lossy(&qr.body).contains("<svg"));
    }
}

#[test]
fn product_pictures_are_images_that_cannot_run_script() {
    let site = site(None);
    for name in ["longan", "chicken", "honey", "medicine"] {
        let picture = route(&site, &format!("/media/{name}.svg"), "image/*");
        assert_eq!(picture.status, 200, "{name}");
        assert_eq!(picture.header("content-type"), Some("image/svg+xml"));
        let csp = picture
            .header("content-security-policy")
            .unwrap_or_default();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("sandbox"),
            "{csp}"
        );
        assert!(String::from_utf8_lossy(&picture.body).starts_with("<svg"));
    }
}

/// The widget's page names the requests its first verification makes
/// (serve/early.rs), so boot.js can start them while the WebAssembly loads.
#[test]
fn a_page_names_its_first_verifications_requests() {
    let dist = std::env::temp_dir().join(format!("tracecheck-early-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    std::fs::write(
        dist.join("index.html"),
        "<html><head></head><body></body></html>",
    )
    .expect("write");
    let site = site(Some(dist.clone()));
    let named = |url: &str| {
        let page = route(&site, url, "text/html");
        let page = String::from_utf8_lossy(&page.body).into_owned();
        let start = page.find("id=\"tracecheck-early\">").map(|at| at + 22);
        let list = start
            .and_then(|at| page[at..].find("</script>").map(|end| &page[at..at + end]))
            .unwrap_or("[]");
        let pairs: Vec<(String, String)> = serde_json::from_str(list).expect("a JSON list");
        pairs.into_iter().map(|(path, _)| path).collect::<Vec<_>>()
    };
    let direct = named("/01/08935001000013/10/NL2611");
    for wanted in [
        "/config.json",
        "/trust-list.json",
        "/01/08935001000013/10/NL2611",
    ] {
        assert!(direct.iter().any(|p| p == wanted), "{wanted} in {direct:?}");
    }
    assert!(
        direct
            .iter()
            .any(|p| p.starts_with("/credentials/passports/08935001000013/"))
    );
    assert!(
        direct
            .iter()
            .any(|p| p.starts_with("/credentials/certificates/"))
    );
    let embed =
        named("/embed?code=http%3A%2F%2F127.0.0.1%3A8080%2F01%2F08935001000013%2F10%2FNL2611");
    assert_eq!(embed, direct);
    // The scanning page only loads the context; a missing asset names nothing.
    let scan = named("/");
    assert!(
        scan.contains(&"/config.json".to_owned()) && !scan.iter().any(|p| p.starts_with("/01/"))
    );
    assert!(named("/missing.js").is_empty());
    std::fs::remove_dir_all(dist).ok();
}

#[test]
fn data_is_kept_for_minutes_and_revalidated_with_its_etag() {
    let mut site = site(None);
    let wire = RequestHeaders::default();
    let get = |site: &Site, url: &str, accept: &str, wire: &RequestHeaders| {
        finish(site, url, route(site, url, accept), wire)
    };

    let trust = get(&site, "/trust-list.json", "*/*", &wire);
    assert_eq!(trust.status, 200);
    assert_eq!(
        trust.header("cache-control"),
        Some("public, max-age=300, must-revalidate")
    );
    let linkset = get(
        &site,
        "/01/08935001000013/10/NL2611",
        "application/linkset+json",
        &wire,
    );
    assert_eq!(
        linkset.header("cache-control"),
        Some("public, max-age=300, must-revalidate")
    );
    // The same address is the widget's page: a kept linkset must never
    // answer a browser's navigation.
    assert_eq!(linkset.header("vary"), Some("Accept"));
    let page = get(&site, "/01/08935001000013/10/NL2611", "text/html", &wire);
    assert!(page.header("vary").is_some_and(|v| v.contains("Accept")));
    // The configuration names the trust root and the trust list: kept no
    // longer than the list (a second visit needs no round trip for it).
    let config = get(&site, "/config.json", "*/*", &wire);
    assert_eq!(
        config.header("cache-control"),
        Some("public, max-age=300, must-revalidate")
    );
    // The demo's samples: asked for every time.
    let samples = get(&site, "/samples.json", "*/*", &wire);
    assert_eq!(samples.header("cache-control"), Some("no-cache"));

    // The copy a browser kept is still current: 304, no body.
    let tag = trust.header("etag").expect("an ETag").to_owned();
    assert!(tag.starts_with("W/\""), "{tag}");
    let again = get(
        &site,
        "/trust-list.json",
        "*/*",
        &RequestHeaders {
            if_none_match: tag.clone(),
            ..Default::default()
        },
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(tag.as_str()));
    // Another file's tag is not this one's: the whole answer.
    let other = get(
        &site,
        "/config.json",
        "*/*",
        &RequestHeaders {
            if_none_match: tag,
            ..Default::default()
        },
    );
    assert_eq!(other.status, 200);
    assert!(!other.body.is_empty());

    site.short_cache = 0;
    let trust = get(&site, "/trust-list.json", "*/*", &wire);
    assert_eq!(trust.header("cache-control"), Some("no-cache"));
    let config = get(&site, "/config.json", "*/*", &wire);
    assert_eq!(config.header("cache-control"), Some("no-cache"));
}

#[test]
fn built_files_go_out_brotli_compressed_where_the_build_left_a_copy() {
    let dist = std::env::temp_dir().join(format!("tracecheck-br-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><head><title>widget</title></head>",
    )
    .expect("write");
    let wasm = "tracecheck-web-0123456789abcdef_bg.wasm";
    let body = vec![7u8; 4096];
    std::fs::write(dist.join(wasm), &body).expect("write");
    std::fs::write(dist.join(format!("{wasm}.br")), b"brotli bytes").expect("write");
    let plain = vec![1u8; 4096];
    std::fs::write(dist.join("scan-worker.js"), &plain).expect("write");
    let site = site(Some(dist.clone()));
    let url = format!("/{wasm}");
    let both = RequestHeaders {
        accept_encoding: "gzip, deflate, br, zstd".into(),
        ..Default::default()
    };

    let answer = finish(&site, &url, route(&site, &url, "*/*"), &both);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-encoding"), Some("br"));
    assert_eq!(answer.body, b"brotli bytes");
    assert_eq!(answer.header("content-type"), Some("application/wasm"));
    assert_eq!(answer.header("etag"), None, "immutable: never revalidated");

    // A client without brotli gets gzip, computed here.
    let gzip_only = RequestHeaders {
        accept_encoding: "gzip, br;q=0".into(),
        ..Default::default()
    };
    let answer = finish(&site, &url, route(&site, &url, "*/*"), &gzip_only);
    assert_eq!(answer.header("content-encoding"), Some("gzip"));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(answer.body.as_slice()),
        &mut unzipped,
    )
    .expect("gzip");
    assert_eq!(unzipped, body);

    // No copy beside it: gzip as before, and an ETag (the name has no hash).
    let answer = finish(
        &site,
        "/scan-worker.js",
        route(&site, "/scan-worker.js", "*/*"),
        &both,
    );
    assert_eq!(answer.header("content-encoding"), Some("gzip"));
    assert!(answer.header("etag").is_some());

    // The page is built per answer (its early requests): never the copy.
    std::fs::write(dist.join("index.html.br"), b"stale").expect("write");
    let page = finish(&site, "/", route(&site, "/", "text/html"), &both);
    assert_ne!(page.header("content-encoding"), Some("br"));
    // The demo registry pins the demo root: the page says so before the
    // widget has its trust list (the demo mark from the first render).
    let page = route(&site, "/", "text/html");
    assert!(
        String::from_utf8_lossy(&page.body)
            .contains("<meta name=\"tracecheck-demo\" content=\"root\"></head>")
    );
    std::fs::remove_dir_all(dist).ok();
}
