//! The view's number text (`i18n::number`): what `{:.N}` printed before, by
//! integer arithmetic (docs/performance.md: no float formatting code).
#![cfg(target_arch = "wasm32")]

use tracecheck_web::i18n::Lang;
use tracecheck_web::i18n::number::{fixed, short};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn fixed_rounds_to_the_places_asked() {
    assert_eq!(fixed(20.64125, 1), "20.6");
    assert_eq!(fixed(106.07187, 4), "106.0719");
    assert_eq!(fixed(-3.25, 1), "-3.3");
    assert_eq!(fixed(-0.04, 1), "0.0");
    assert_eq!(fixed(0.5, 0), "1");
    assert_eq!(fixed(7.0, 5), "7.00000");
    assert_eq!(fixed(20.6412345, 5), "20.64123");
    assert_eq!(fixed(1.0, 20), "1.000000000");
}

#[wasm_bindgen_test]
fn fixed_never_panics_on_odd_values() {
    assert_eq!(fixed(f64::NAN, 1), "0.0");
    assert_eq!(fixed(f64::INFINITY, 0), i64::MAX.to_string());
    assert!(fixed(-1e300, 1).starts_with('-'));
}

#[wasm_bindgen_test]
fn short_drops_trailing_zeros() {
    assert_eq!(short(1.0), "1");
    assert_eq!(short(10.0), "10");
    assert_eq!(short(0.1), "0.1");
    assert_eq!(short(0.0125), "0.0125");
    assert_eq!(short(-0.0), "0");
    assert_eq!(short(-2.5), "-2.5");
}

#[wasm_bindgen_test]
fn each_language_writes_its_own_separator() {
    assert_eq!(
        Lang::Vi.coordinates(20.64127, 106.07187),
        "20,6413° B, 106,0719° Đ"
    );
    assert_eq!(
        Lang::En.coordinates(-33.8688, -151.2093),
        "33.8688° S, 151.2093° W"
    );
}
