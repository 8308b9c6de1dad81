//! The browser glue, in headless Chromium: fetch, address routing,
//! storage, the (fake) camera, reading a QR code from a photo, and a
//! component rendered in each language.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Promise};
use tracecheck_core::resolve::{Fetch, FetchError, Request};
use tracecheck_core::scan::{Luma, decode_qr};
use tracecheck_core::verdict::Level;
use tracecheck_web::components::verdict_banner::VerdictBanner;
use tracecheck_web::i18n::Lang;
use tracecheck_web::platform::fetch::BrowserFetcher;
use tracecheck_web::platform::{camera, photo, storage};
use tracecheck_web::route::{self, Mode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

async fn sleep(millis: i32) {
    let promise = Promise::new(&mut |resolve: Function, _| {
        let window = web_sys::window().expect("window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
    });
    let _ = JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn the_fetcher_reads_answers_and_reports_unreachable_servers() {
    let fetcher = BrowserFetcher::default();
    let ok = fetcher
        .fetch(Request::get(
            "data:application/json,%7B%22a%22%3A1%7D",
            "application/json",
        ))
        .await
        .expect("a data: URL answers");
    assert_eq!(ok.status, 200);
    assert_eq!(ok.body, br#"{"a":1}"#);
    let down = fetcher
        .fetch(Request::get(
            "http://127.0.0.1:9/01/08935001000013",
            "application/linkset+json",
        ))
        .await;
    assert_eq!(down, Err(FetchError::Unreachable));
}

#[wasm_bindgen_test]
fn the_address_bar_carries_the_code() {
    route::push(&Mode::Verify("(01)08935001000013(10)LÔ 7".into()));
    assert_eq!(
        route::current(),
        Mode::Verify("(01)08935001000013(10)LÔ 7".into())
    );
    route::push(&Mode::Scan);
    assert_eq!(route::current(), Mode::Scan);
    // A phone's camera app opens the Digital Link URL itself.
    let history = web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history");
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/01/08935001000013/10/NL2611"))
        .expect("push");
    let Mode::Verify(code) = route::current() else {
        panic!("a DL path is a code to verify")
    };
    assert!(code.ends_with("/01/08935001000013/10/NL2611"), "{code}");
    route::push(&Mode::Scan);
}

#[wasm_bindgen_test]
fn settings_survive_in_local_storage() {
    storage::set("tracecheck.test", "en");
    assert_eq!(storage::get("tracecheck.test").as_deref(), Some("en"));
    assert_eq!(storage::get("tracecheck.absent"), None);
}

#[wasm_bindgen_test]
async fn the_fake_camera_starts_gives_frames_and_is_released() {
    let video: HtmlVideoElement = document()
        .create_element("video")
        .expect("video")
        .dyn_into()
        .expect("video");
    document()
        .body()
        .expect("body")
        .append_child(&video)
        .expect("append");
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("canvas");
    let stream = camera::start(&video, None)
        .await
        .expect("Chromium's fake camera starts");
    let mut frame = None;
    for _ in 0..50 {
        frame = camera::grab(&video, &canvas, 320);
        if frame.is_some() {
            break;
        }
        sleep(100).await;
    }
    let frame = frame.expect("a frame within 5 s");
    assert_eq!(frame.width, 320);
    assert_eq!(frame.data.length(), frame.width * frame.height * 4);
    // Chromium's fake camera lists continuous focus among its modes (it
    // accepts focus requests without acting on them): the capabilities are
    // read and a tap's request is accepted.
    let features = camera::features(&stream);
    assert!(features.focus_modes.continuous, "{features:?}");
    camera::keep_focusing(&stream, features.focus_modes).await;
    assert_eq!(
        camera::focus_at(&stream, features.focus_modes, (0.25, 0.75)).await,
        Ok(())
    );
    // A camera with no focus control is refused before asking it.
    assert!(
        camera::focus_at(&stream, camera::FocusModes::default(), (0.5, 0.5))
            .await
            .is_err()
    );
    camera::stop(&stream);
    for track in stream.get_tracks().iter() {
        let track: web_sys::MediaStreamTrack = track.dyn_into().expect("track");
        assert_eq!(track.ready_state(), web_sys::MediaStreamTrackState::Ended);
    }
    video.remove();
}

/// Draws `text`'s QR code on a canvas and returns it as a PNG file.
async fn qr_png(text: &str) -> web_sys::File {
    let code = qrcode::QrCode::new(text.as_bytes()).expect("encodes");
    let (modules, scale, quiet) = (code.width(), 8, 4);
    let side = ((modules + 2 * quiet) * scale) as u32;
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("canvas");
    canvas.set_width(side);
    canvas.set_height(side);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("2d")
        .expect("2d")
        .dyn_into()
        .expect("2d");
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, side as f64, side as f64);
    ctx.set_fill_style_str("#000");
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (x, y) = ((i % modules + quiet) * scale, (i / modules + quiet) * scale);
            ctx.fill_rect(x as f64, y as f64, scale as f64, scale as f64);
        }
    }
    let blob = JsFuture::from(Promise::new(&mut |resolve: Function, _| {
        let _ = canvas.to_blob(&resolve);
    }))
    .await
    .expect("toBlob");
    let parts = Array::of1(&blob);
    web_sys::File::new_with_blob_sequence(&parts, "label.png").expect("file")
}

#[wasm_bindgen_test]
async fn a_photo_of_a_label_gives_its_code() {
    let text = "https://id.example/01/08935001000013/10/NL2611";
    let file = qr_png(text).await;
    let frame = photo::load(&file).await.expect("the PNG decodes");
    let luma = tracecheck_core::scan::rgba_to_luma(&frame.data.to_vec());
    let image = Luma {
        width: frame.width as usize,
        height: frame.height as usize,
        pixels: &luma,
    };
    assert_eq!(decode_qr(image), vec![text.to_owned()]);

    let not_an_image =
        web_sys::File::new_with_str_sequence(&Array::of1(&"hello".into()), "note.txt")
            .expect("file");
    assert!(
        photo::load(&not_an_image).await.is_err(),
        "a text file is refused, not a crash"
    );
}

#[derive(Properties, PartialEq)]
struct BannerHost {
    lang: Lang,
    level: Level,
}

#[function_component]
fn Host(props: &BannerHost) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <VerdictBanner level={props.level} notices={vec!["Thu hồi lô MO2609".to_owned()]} />
        </ContextProvider<Lang>>
    }
}

#[wasm_bindgen_test]
async fn the_verdict_reads_in_each_language_with_an_icon_not_only_colour() {
    for (lang, level, title) in [
        (Lang::Vi, Level::Counterfeit, "Cảnh báo: có thể là hàng giả"),
        (
            Lang::En,
            Level::Counterfeit,
            "Warning: possible counterfeit",
        ),
        (Lang::Vi, Level::Verified, "Đã xác thực"),
        (Lang::En, Level::NotVerifiable, "Not verifiable"),
    ] {
        let root = document().create_element("div").expect("div");
        document()
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        let handle =
            yew::Renderer::<Host>::with_root_and_props(root.clone(), BannerHost { lang, level })
                .render();
        yew::scheduler::flush().await;
        let text = root.text_content().unwrap_or_default();
        assert!(text.contains(title), "{text}");
        assert!(
            text.contains("Thu hồi lô MO2609"),
            "notices are shown: {text}"
        );
        let icon = root
            .query_selector(".verdict .icon")
            .expect("query")
            .expect("an icon");
        assert!(!icon.text_content().unwrap_or_default().is_empty());
        handle.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn a_tap_becomes_a_point_of_interest_inside_the_picture() {
    let video_box = (10.0, 20.0, 200.0, 100.0);
    assert_eq!(camera::focus_point(110.0, 70.0, video_box), (0.5, 0.5));
    assert_eq!(camera::focus_point(10.0, 20.0, video_box), (0.0, 0.0));
    // Outside the box (a tap on its border): clamped to the edge.
    assert_eq!(camera::focus_point(500.0, -5.0, video_box), (1.0, 0.0));
    // A box with no size yet, or a nonsense coordinate: the centre.
    assert_eq!(
        camera::focus_point(3.0, 4.0, (0.0, 0.0, 0.0, 0.0)),
        (0.5, 0.5)
    );
    assert_eq!(camera::focus_point(f64::NAN, 70.0, video_box).0, 0.5);
}

/// Replaces `navigator[name]` for this page (the property lives on the
/// prototype, so an own property shadows it); `undefined` hides it.
fn stub_navigator(name: &str, value: &JsValue) {
    let navigator: JsValue = web_sys::window().expect("window").navigator().into();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), value).expect("descriptor");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).expect("descriptor");
    js_sys::Object::define_property(&navigator.into(), &name.into(), &descriptor);
}

#[wasm_bindgen_test]
fn a_read_code_survives_a_browser_without_vibration() {
    use tracecheck_web::platform::haptics;
    // As after a tap in Firefox or Safari: userActivation says "touched".
    let activation = js_sys::Object::new();
    js_sys::Reflect::set(&activation, &"hasBeenActive".into(), &JsValue::TRUE).expect("set");
    stub_navigator("userActivation", &activation);

    // Firefox, WebKit: no navigator.vibrate at all.
    stub_navigator("vibrate", &JsValue::UNDEFINED);
    assert!(!haptics::vibrate(60), "nothing to call");
    // A vibrate that throws (a permissions policy, a broken shim).
    let throwing = Function::new_no_args("throw new TypeError('blocked')");
    stub_navigator("vibrate", &throwing);
    assert!(!haptics::vibrate(60), "the exception is swallowed");
    // A vibrate that works is called with the duration.
    let recording = Function::new_with_args("ms", "globalThis.__vibrated = ms; return true;");
    stub_navigator("vibrate", &recording);
    assert!(haptics::vibrate(60));
    let global: JsValue = js_sys::global().into();
    let vibrated = js_sys::Reflect::get(&global, &"__vibrated".into()).expect("get");
    assert_eq!(vibrated.as_f64(), Some(60.0));
    // No user gesture yet: not even asked.
    js_sys::Reflect::set(&activation, &"hasBeenActive".into(), &JsValue::FALSE).expect("set");
    assert!(!haptics::vibrate(60));
    // An engine with no userActivation at all.
    stub_navigator("userActivation", &JsValue::UNDEFINED);
    assert!(!haptics::vibrate(60));
    // The other tests see the browser's own navigator again.
    let navigator: js_sys::Object = web_sys::window().expect("window").navigator().into();
    for name in ["vibrate", "userActivation"] {
        js_sys::Reflect::delete_property(&navigator, &name.into()).expect("delete");
    }
}

/// Runs `check` with the page's `localStorage` replaced by a getter whose
/// body is `getter` (JavaScript), then puts the real one back.
fn with_local_storage(getter: &str, check: impl FnOnce()) {
    let swap = Function::new_with_args(
        "getter",
        "const real = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           ?? Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get: new Function(getter) }); \
         return () => Object.defineProperty(window, 'localStorage', real);",
    );
    let restore: Function = swap
        .call1(&JsValue::NULL, &getter.into())
        .expect("swap localStorage")
        .dyn_into()
        .expect("a restore function");
    check();
    restore.call0(&JsValue::NULL).expect("restore localStorage");
}

#[wasm_bindgen_test]
fn settings_and_recent_scans_survive_storage_that_throws() {
    use tracecheck_web::platform::history::{self, Visit};
    let visit = Visit {
        code: "8935001000013".into(),
        at_ms: 0.0,
        level: "verified".into(),
        name: None,
    };
    // Storage blocked (cookies off, some private modes): reading it throws.
    with_local_storage("throw new DOMException('blocked', 'SecurityError')", || {
        storage::set("tracecheck.test", "en");
        assert_eq!(storage::get("tracecheck.test"), None);
        history::record(visit.clone());
        assert_eq!(history::load(), vec![]);
    });
    // Safari's old private mode: there, readable, but every write throws.
    with_local_storage(
        "return { getItem: () => null, setItem() { throw new DOMException('full', 'QuotaExceededError'); } }",
        || {
            storage::set("tracecheck.test", "en");
            history::record(visit.clone());
            assert_eq!(history::last_for("8935001000013"), None);
        },
    );
}

#[wasm_bindgen_test]
fn no_service_worker_api_means_no_registration_and_no_crash() {
    use tracecheck_web::platform::offline;
    // Firefox private windows and some WebKit apps have no navigator.serviceWorker.
    stub_navigator("serviceWorker", &JsValue::UNDEFINED);
    assert!(!offline::register_service_worker());
    // One that is there but not a ServiceWorkerContainer (a broken shim).
    stub_navigator("serviceWorker", &js_sys::Object::new());
    assert!(!offline::register_service_worker());
    let navigator: js_sys::Object = web_sys::window().expect("window").navigator().into();
    js_sys::Reflect::delete_property(&navigator, &"serviceWorker".into()).expect("delete");
}

fn cams(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(id, label)| ((*id).to_owned(), (*label).to_owned()))
        .collect()
}

#[wasm_bindgen_test]
fn an_ultra_wide_or_telephoto_first_choice_moves_to_the_main_rear_camera() {
    // iPhone labels (English and Vietnamese), an Android one without words.
    let iphone = cams(&[
        ("front", "Front Camera"),
        ("ultra", "Back Ultra Wide Camera"),
        ("main", "Back Camera"),
        ("tele", "Back Telephoto Camera"),
    ]);
    assert_eq!(
        camera::main_rear_camera("Back Ultra Wide Camera", &iphone).as_deref(),
        Some("main")
    );
    assert_eq!(
        camera::main_rear_camera("Back Telephoto Camera", &iphone).as_deref(),
        Some("main")
    );
    assert_eq!(camera::main_rear_camera("Back Camera", &iphone), None);
    let vi = cams(&[
        ("u", "Camera góc siêu rộng mặt sau"),
        ("m", "Camera mặt sau"),
    ]);
    assert_eq!(
        camera::main_rear_camera("Camera góc siêu rộng mặt sau", &vi).as_deref(),
        Some("m")
    );
    // Capitals, Vietnamese ones included, read the same (the browser lowercases).
    let vi_capitals = cams(&[
        ("u", "CAMERA GÓC SIÊU RỘNG MẶT SAU"),
        ("m", "CAMERA MẶT SAU"),
    ]);
    assert_eq!(
        camera::main_rear_camera("CAMERA GÓC SIÊU RỘNG MẶT SAU", &vi_capitals).as_deref(),
        Some("m")
    );
    // No label to go by (before permission, or "camera2 2, facing back"):
    // the browser's choice stands; so does an extra lens with no other.
    assert_eq!(camera::main_rear_camera("", &iphone), None);
    let only_ultra = cams(&[("u", "Back Ultra Wide Camera"), ("f", "Front Camera")]);
    assert_eq!(
        camera::main_rear_camera("Back Ultra Wide Camera", &only_ultra),
        None
    );
}
