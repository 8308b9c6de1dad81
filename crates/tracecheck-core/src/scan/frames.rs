//! Camera frames: one attempt per frame, so every frame stays within a few
//! milliseconds, and the next frame tries the next way of looking. A frame
//! that reads something keeps its attempt for the frames after it (the
//! light rarely changes between two frames).

use super::attempt::{Attempt, Threshold};
use super::{Luma, Payload};

/// Attempts for camera frames (about 640×480), in turn. Half size and
/// rqrr's own threshold first: a code held up to a phone is large in the
/// frame, and it was the fastest attempt on a frame with a code in
/// Chromium (tests/scan_speed.rs; figures in docs/scanning.md).
pub const CAMERA: &[Attempt] = &[
    attempt(320, Threshold::Rows, false),
    attempt(0, Threshold::Blocks, false),
    attempt(320, Threshold::Blocks, false),
    attempt(0, Threshold::Mean { radius: 8, bias: 2 }, false),
    attempt(0, Threshold::Mean { radius: 8, bias: 2 }, true),
];

const fn attempt(side: u16, threshold: Threshold, invert: bool) -> Attempt {
    let plain = Attempt::new(side, threshold);
    if invert { plain.inverted() } else { plain }
}

/// Which attempt the next frame gets. Plain data, so a caller that keeps
/// it outside the decoder (a Web Worker that may be restarted) keeps its
/// place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FrameScanner {
    next: usize,
}

impl FrameScanner {
    /// Starts with the cheapest attempt.
    pub fn new() -> FrameScanner {
        FrameScanner::default()
    }

    /// Resumes at attempt `index` of [`CAMERA`] (wrapping around).
    pub fn at(index: usize) -> FrameScanner {
        FrameScanner {
            next: index % CAMERA.len(),
        }
    }

    /// Index in [`CAMERA`] of the attempt the next frame gets.
    pub fn index(&self) -> usize {
        self.next
    }

    /// Skips the upcoming attempt (after it crashed the decoder).
    pub fn skip(&mut self) {
        self.next = (self.next + 1) % CAMERA.len();
    }

    /// The attempt the next frame will get.
    pub fn upcoming(&self) -> Attempt {
        CAMERA[self.next % CAMERA.len()]
    }

    /// Runs one attempt on `frame`; moves on to the next attempt unless
    /// this one read something.
    pub fn scan(&mut self, frame: Luma<'_>) -> Vec<Payload> {
        let found = if frame.pixels.len() >= frame.width.saturating_mul(frame.height) {
            self.upcoming().run(frame)
        } else {
            Vec::new()
        };
        if found.is_empty() {
            self.next = (self.next + 1) % CAMERA.len();
        }
        found
    }
}
