//! The scanning glue in Chromium: the worker's request handler, the page's
//! worker client (restart after a crash or a hang, resume with the next
//! attempt; run against small fake workers made from blobs), and the
//! camera (Chromium's fake camera, on through webdriver.json).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, Uint8ClampedArray};
use qrcode::{Color, QrCode};
use tracecheck_web::platform::camera;
use tracecheck_web::platform::decoder::{Decoder, RgbaFrame};
use tracecheck_web::platform::decoder_worker;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const URL: &str = "https://id.gs1.org/01/08935001000013/10/NL2611";

/// `text`'s QR code as RGBA, 4 pixels per module with a quiet zone.
fn qr_rgba(text: &str) -> (u32, u32, Vec<u8>) {
    let code = QrCode::new(text.as_bytes()).expect("encodable");
    let (modules, colors) = (code.width(), code.to_colors());
    let side = (modules + 8) * 4;
    let mut rgba = Vec::with_capacity(side * side * 4);
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / 4, y / 4);
            let dark = (4..modules + 4).contains(&mx)
                && (4..modules + 4).contains(&my)
                && colors[(my - 4) * modules + mx - 4] == Color::Dark;
            let v = if dark { 25 } else { 230 };
            rgba.extend_from_slice(&[v, v, v, 255]);
        }
    }
    (side as u32, side as u32, rgba)
}

fn request(kind: &str, width: u32, height: u32, rgba: &[u8], start: u32) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in [
        ("id", JsValue::from(7)),
        ("kind", JsValue::from_str(kind)),
        ("width", JsValue::from(width)),
        ("height", JsValue::from(height)),
        ("rgba", Uint8ClampedArray::from(rgba).into()),
        ("start", JsValue::from(start)),
    ] {
        Reflect::set(&object, &name.into(), &value).expect("set");
    }
    object.into()
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).expect("a field")
}

#[wasm_bindgen_test]
fn the_worker_handler_reads_a_still_picture_and_reports_progress() {
    let (w, h, rgba) = qr_rgba(URL);
    let posted = std::cell::RefCell::new(Vec::new());
    decoder_worker::handle(&request("still", w, h, &rgba, 0), |m| {
        posted.borrow_mut().push(m.clone())
    });
    let posted = posted.into_inner();
    assert_eq!(field(&posted[0], "progress").as_f64(), Some(0.0));
    let last = posted.last().expect("a reply");
    assert_eq!(field(last, "id").as_f64(), Some(7.0));
    let texts: Vec<String> = Array::from(&field(last, "texts"))
        .iter()
        .filter_map(|t| t.as_string())
        .collect();
    assert_eq!(texts, vec![URL.to_owned()]);
    let formats: Vec<String> = Array::from(&field(last, "formats"))
        .iter()
        .filter_map(|t| t.as_string())
        .collect();
    assert_eq!(formats, vec!["qr_code".to_owned()]);
}

/// RGBA of an EAN-13 at 3 pixels a module (L, G and R codes from the
/// standard's table), 60 pixels high, with a quiet zone.
fn ean13_rgba(code: &str) -> (u32, u32, Vec<u8>) {
    const L: [&str; 10] = [
        "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011",
        "0110111", "0001011",
    ];
    const PARITY: [u8; 10] = [0, 11, 13, 14, 19, 25, 28, 21, 22, 26];
    let invert = |m: &str| -> String {
        m.chars()
            .map(|c| if c == '0' { '1' } else { '0' })
            .collect()
    };
    let d: Vec<usize> = code.bytes().map(|b| usize::from(b - b'0')).collect();
    let mut modules = String::from("101");
    for (k, &digit) in d[1..7].iter().enumerate() {
        if PARITY[d[0]] & (1 << (5 - k)) != 0 {
            modules += &invert(L[digit]).chars().rev().collect::<String>();
        } else {
            modules += L[digit];
        }
    }
    modules += "01010";
    for &digit in &d[7..13] {
        modules += &invert(L[digit]);
    }
    modules += "101";
    let (scale, quiet, height) = (3usize, 30usize, 60usize);
    let width = modules.len() * scale + 2 * quiet;
    let mut row = vec![255u8; width];
    for (i, c) in modules.chars().enumerate() {
        if c == '1' {
            row[quiet + i * scale..quiet + (i + 1) * scale].fill(0);
        }
    }
    let rgba: Vec<u8> = (0..height)
        .flat_map(|_| row.iter().flat_map(|&v| [v, v, v, 255]))
        .collect();
    (width as u32, height as u32, rgba)
}

#[wasm_bindgen_test]
fn the_worker_handler_reads_a_barcode_as_scanner_data_with_its_format() {
    let (w, h, rgba) = ean13_rgba("8935001000013");
    for kind in ["still", "frame"] {
        let posted = std::cell::RefCell::new(Vec::new());
        decoder_worker::handle(&request(kind, w, h, &rgba, 0), |m| {
            posted.borrow_mut().push(m.clone())
        });
        let posted = posted.into_inner();
        let last = posted.last().expect("a reply");
        let strings = |name: &str| -> Vec<String> {
            Array::from(&field(last, name))
                .iter()
                .filter_map(|t| t.as_string())
                .collect()
        };
        assert_eq!(
            strings("texts"),
            vec!["]E08935001000013".to_owned()],
            "{kind}"
        );
        assert_eq!(strings("formats"), vec!["ean_13".to_owned()], "{kind}");
    }
}

#[wasm_bindgen_test]
fn the_worker_handler_runs_one_camera_attempt_per_frame() {
    let blank = vec![128u8; 64 * 48 * 4];
    let posted = std::cell::RefCell::new(Vec::new());
    decoder_worker::handle(&request("frame", 64, 48, &blank, 1), |m| {
        posted.borrow_mut().push(m.clone())
    });
    let posted = posted.into_inner();
    assert_eq!(posted.len(), 1, "no progress messages for frames");
    assert_eq!(Array::from(&field(&posted[0], "texts")).length(), 0);
    assert_eq!(field(&posted[0], "next").as_f64(), Some(2.0));
}

/// A fake decoder worker from a blob: ready at once; a frame `width` of 1
/// crashes it, 2 hangs it; a still crashes at attempt 0 and reads at 1.
fn fake_worker_url() -> String {
    let source = r#"
        self.onmessage = (e) => {
          const r = e.data;
          if (r.kind === "still") {
            self.postMessage({ id: r.id, progress: r.start });
            if (r.start === 0) throw new Error("decoder panic");
            self.postMessage({ id: r.id, texts: ["still after " + r.start], next: 0 });
            return;
          }
          if (r.width === 1) throw new Error("decoder panic");
          if (r.width === 2) return;
          self.postMessage({ id: r.id, texts: ["frame " + r.start], next: r.start + 1 });
        };
        self.postMessage({ ready: true });
    "#;
    let parts = Array::of1(&source.into());
    let options = js_sys::Object::new();
    Reflect::set(&options, &"type".into(), &"text/javascript".into()).expect("set");
    let class: js_sys::Function = Reflect::get(&js_sys::global(), &"Blob".into())
        .expect("Blob")
        .unchecked_into();
    let blob: web_sys::Blob = Reflect::construct(&class, &Array::of2(&parts, &options))
        .expect("a blob")
        .unchecked_into();
    web_sys::Url::create_object_url_with_blob(&blob).expect("a blob URL")
}

fn frame(width: u32) -> RgbaFrame {
    RgbaFrame {
        width,
        height: 1,
        data: Uint8ClampedArray::new_with_length(width * 4),
    }
}

#[wasm_bindgen_test]
async fn the_client_restarts_a_crashed_or_hung_worker_and_moves_on() {
    let decoder = Decoder::with_url(&fake_worker_url()).expect("a worker");
    assert_eq!(
        decoder.frame(&frame(10), 3).await,
        (vec!["frame 3".to_owned()], 4)
    );

    // A crash: nothing read, the next attempt is the one after.
    assert_eq!(decoder.frame(&frame(1), 2).await, (Vec::new(), 3));
    assert_eq!(decoder.crashes(), 1);
    // The restarted worker answers.
    assert_eq!(
        decoder.frame(&frame(10), 0).await,
        (vec!["frame 0".to_owned()], 1)
    );

    // A hang: the watchdog ends it.
    assert_eq!(decoder.frame(&frame(2), 4).await, (Vec::new(), 5));
    assert_eq!(decoder.crashes(), 2);

    // A still picture resumes after the attempt that crashed.
    assert_eq!(
        decoder.still(&frame(10)).await,
        vec!["still after 1".to_owned()]
    );
    assert_eq!(decoder.crashes(), 3);
}

#[wasm_bindgen_test]
async fn the_fake_camera_starts_gives_frames_and_stops() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let video: web_sys::HtmlVideoElement = document
        .create_element("video")
        .expect("video")
        .unchecked_into();
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .unchecked_into();
    let stream = camera::start(&video, None)
        .await
        .expect("Chromium's fake camera");
    assert!(camera::is_live(&stream));
    assert!(!camera::cameras().await.is_empty());
    let device = camera::device_of(&stream);
    assert!(device.is_some());
    // The fake camera reports no torch; zoom, if any, is a proper range.
    let features = camera::features(&stream);
    if let Some((min, max, _)) = features.zoom {
        assert!(max > min);
    }
    let mut grabbed = None;
    for _ in 0..50 {
        grabbed = camera::grab(&video, &canvas, 320);
        if grabbed.is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    let grabbed = grabbed.expect("a frame within 2.5 s");
    assert!(grabbed.width <= 320 && grabbed.width > 0);
    assert_eq!(grabbed.data.length(), grabbed.width * grabbed.height * 4);
    // The same device again by id.
    camera::stop(&stream);
    assert!(!camera::is_live(&stream));
    let again = camera::start(&video, device.as_deref())
        .await
        .expect("by deviceId");
    assert_eq!(camera::device_of(&again), device);
    camera::stop(&again);
}
