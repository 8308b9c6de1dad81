//! The camera's scanning state (`hooks::use_scanner`), without a camera:
//! which reader a frame goes to, which attempt, and the kiosk's
//! de-duplication.
#![cfg(target_arch = "wasm32")]

use tracecheck_web::hooks::use_scanner::{FORGET_AFTER_EMPTY_FRAMES, ScanAction, ScanState, Step};
use tracecheck_web::platform::frame_reader::{FrameRead, Source};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn texts(texts: &[&str], next: Option<usize>) -> ScanAction {
    ScanAction::Frame(FrameRead::Texts {
        texts: texts.iter().map(|t| (*t).to_owned()).collect(),
        next_attempt: next,
    })
}

fn report(step: &Step) -> Vec<&str> {
    step.report.iter().map(String::as_str).collect()
}

#[wasm_bindgen_test]
fn the_detector_goes_first_and_its_failure_hands_over_to_the_worker() {
    let mut state = ScanState::new(false);
    assert_eq!(state.source(), Source::Worker);
    state.reduce(ScanAction::Started { detector: true });
    assert_eq!(state.source(), Source::Detector);
    assert_eq!(
        state.reduce(ScanAction::Frame(FrameRead::DetectorFailed)),
        Step::default()
    );
    assert_eq!(state.source(), Source::Worker);
    // A browser without a detector starts with the worker.
    state.reduce(ScanAction::Started { detector: false });
    assert_eq!(state.source(), Source::Worker);
}

#[wasm_bindgen_test]
fn the_worker_attempt_moves_on_and_restarts_with_the_camera() {
    let mut state = ScanState::new(true);
    state.reduce(ScanAction::Started { detector: false });
    assert_eq!(state.attempt(), 0);
    state.reduce(texts(&[], Some(3)));
    assert_eq!(state.attempt(), 3);
    // The detector's answers carry no attempt: it stays.
    state.reduce(texts(&[], None));
    state.reduce(ScanAction::Frame(FrameRead::Nothing));
    assert_eq!(state.attempt(), 3);
    state.reduce(ScanAction::Started { detector: false });
    assert_eq!(state.attempt(), 0);
}

#[wasm_bindgen_test]
fn a_single_scan_reports_the_first_code_and_stops() {
    let mut state = ScanState::new(false);
    state.reduce(ScanAction::Started { detector: false });
    let step = state.reduce(texts(&[], Some(1)));
    assert!(!step.stop);
    assert!(step.report.is_empty());
    let step = state.reduce(texts(&["A", "B"], Some(1)));
    assert!(step.stop);
    assert_eq!(report(&step), ["A"]);
}

#[wasm_bindgen_test]
fn the_kiosk_reports_a_code_once_until_it_has_left_the_view() {
    let mut state = ScanState::new(true);
    state.reduce(ScanAction::Started { detector: false });
    let step = state.reduce(texts(&["A"], Some(0)));
    assert_eq!(report(&step), ["A"]);
    assert!(!step.stop);
    // Held still: not again, even after a few empty frames.
    for _ in 0..FORGET_AFTER_EMPTY_FRAMES - 1 {
        assert!(state.reduce(texts(&[], Some(0))).report.is_empty());
    }
    assert!(state.reduce(texts(&["A"], Some(0))).report.is_empty());
    // A new code is reported at once.
    assert_eq!(report(&state.reduce(texts(&["B"], Some(0)))), ["B"]);
    // B away long enough, then back: reported again.
    for _ in 0..FORGET_AFTER_EMPTY_FRAMES {
        state.reduce(ScanAction::Frame(FrameRead::Nothing));
    }
    assert_eq!(report(&state.reduce(texts(&["B"], Some(0)))), ["B"]);
    // A restart of the camera forgets too.
    state.reduce(ScanAction::Started { detector: false });
    assert_eq!(report(&state.reduce(texts(&["B"], Some(0)))), ["B"]);
}

#[wasm_bindgen_test]
fn the_kiosk_waits_longer_after_each_failed_start_up_to_its_cap() {
    use tracecheck_web::hooks::use_camera::{RETRY_FIRST_MS, RETRY_MAX_MS, retry_wait_ms};
    let waits: Vec<u32> = (0..8).map(retry_wait_ms).collect();
    assert_eq!(waits[0], RETRY_FIRST_MS);
    assert_eq!(waits[1], 2 * RETRY_FIRST_MS);
    assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
    assert_eq!(waits[7], RETRY_MAX_MS);
    assert_eq!(retry_wait_ms(u32::MAX), RETRY_MAX_MS);
}

#[wasm_bindgen_test]
fn a_page_that_can_never_have_a_camera_is_not_retried() {
    use tracecheck_web::hooks::use_camera::is_retryable;
    use tracecheck_web::platform::PlatformError;
    assert!(!is_retryable(&PlatformError::NoCamera));
    assert!(!is_retryable(&PlatformError::InsecureContext));
    assert!(is_retryable(&PlatformError::CameraFailed));
}
