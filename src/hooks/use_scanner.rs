//! The camera's scanning state, apart from the view: which reader the
//! frames go to (the browser's `BarcodeDetector` or the decoder worker),
//! which pipeline attempt the next frame gets, and the kiosk's
//! de-duplication (a code held still is reported once; taken away for
//! [`FORGET_AFTER_EMPTY_FRAMES`] frames and shown again, it is reported
//! again). [`ScanState::reduce`] is pure, so it is tested without a
//! camera; [`use_scanner`] keeps one per viewfinder.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::platform::frame_reader::{FrameRead, Source};

/// About a second and a half of frames with nothing read (the attempts
/// cycle through several strategies, so a code in view can miss a few
/// frames).
pub const FORGET_AFTER_EMPTY_FRAMES: u32 = 25;

/// What one camera session has seen so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanState {
    /// Kiosk mode: keep scanning after a read.
    continuous: bool,
    /// Where the next frame goes.
    source: Source,
    /// The decoder worker's attempt for the next frame.
    attempt: usize,
    /// The code last reported (kiosk mode).
    last_read: Option<String>,
    /// Frames in a row with nothing read.
    empty_frames: u32,
}

/// What happened to the scanner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanAction {
    /// The camera (re)started: a fresh session, the detector first when
    /// the browser has one.
    Started { detector: bool },
    /// A frame was read.
    Frame(FrameRead),
}

/// What the view does after an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// Codes to report, in order.
    pub report: Vec<String>,
    /// Stop the camera (a code was read, not in kiosk mode).
    pub stop: bool,
}

impl ScanState {
    /// A session that has seen nothing; frames go to the worker.
    pub fn new(continuous: bool) -> ScanState {
        ScanState {
            continuous,
            source: Source::Worker,
            attempt: 0,
            last_read: None,
            empty_frames: 0,
        }
    }

    /// Where the next frame goes.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The worker's attempt for the next frame.
    pub fn attempt(&self) -> usize {
        self.attempt
    }

    /// Applies `action`; what to report and whether to stop.
    pub fn reduce(&mut self, action: ScanAction) -> Step {
        let texts = match action {
            ScanAction::Started { detector } => {
                *self = ScanState::new(self.continuous);
                if detector {
                    self.source = Source::Detector;
                }
                return Step::default();
            }
            ScanAction::Frame(FrameRead::DetectorFailed) => {
                self.source = Source::Worker;
                Vec::new()
            }
            ScanAction::Frame(FrameRead::Nothing) => Vec::new(),
            ScanAction::Frame(FrameRead::Texts {
                texts,
                next_attempt,
            }) => {
                if let Some(next) = next_attempt {
                    self.attempt = next;
                }
                texts
            }
        };
        self.empty_frames = if texts.is_empty() {
            self.empty_frames.saturating_add(1)
        } else {
            0
        };
        if self.empty_frames >= FORGET_AFTER_EMPTY_FRAMES {
            self.last_read = None;
        }
        let mut step = Step::default();
        for text in texts {
            if !self.continuous {
                step.report.push(text);
                step.stop = true;
                return step;
            }
            if self.last_read.as_ref() != Some(&text) {
                self.last_read = Some(text.clone());
                step.report.push(text);
            }
        }
        step
    }
}

/// The scanning state of one viewfinder, shared with its frame loop.
pub type Scanner = Rc<RefCell<ScanState>>;

/// One [`ScanState`] for the component's life (each camera start resets
/// it through [`ScanAction::Started`]).
#[hook]
pub fn use_scanner(continuous: bool) -> Scanner {
    let scanner = use_mut_ref(|| Rc::new(RefCell::new(ScanState::new(continuous))));
    let scanner = (*scanner.borrow()).clone();
    scanner.borrow_mut().continuous = continuous;
    scanner
}
