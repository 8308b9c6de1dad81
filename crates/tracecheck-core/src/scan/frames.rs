//! Camera frames: each frame gets the attempts that fit in its budget
//! ([`FRAME_UNITS`], about 8 ms in WebAssembly), at least one, so every
//! frame stays within a few milliseconds, and the next frame resumes with
//! the next way of looking. A frame that reads something keeps its attempt
//! for the frames after it (the light rarely changes between two frames).

use super::attempt::{Attempt, Threshold};
use super::budget::{Budget, FRAME_UNITS};
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

    /// Runs attempts on `frame` within [`FRAME_UNITS`]: see
    /// [`FrameScanner::scan_within`].
    pub fn scan(&mut self, frame: Luma<'_>) -> Vec<Payload> {
        self.scan_within(frame, &mut Budget::units(FRAME_UNITS))
    }

    /// Runs the upcoming attempt on `frame` whatever it costs (so every
    /// frame moves on), then the ones after it while `budget` affords
    /// their estimated cost ([`Attempt::estimate`]), at most once round
    /// [`CAMERA`]. The attempt that reads something stays the upcoming
    /// one; otherwise the next frame resumes after the last one tried.
    pub fn scan_within(&mut self, frame: Luma<'_>, budget: &mut Budget<'_>) -> Vec<Payload> {
        if frame.pixels.len() < frame.width.saturating_mul(frame.height) {
            self.skip();
            return Vec::new();
        }
        for tried in 0..CAMERA.len() {
            let attempt = self.upcoming();
            let cost = attempt.estimate(frame);
            if tried > 0 && !budget.affords(cost) {
                break;
            }
            budget.spend(cost);
            // The budget above decides whether it starts; once started it
            // runs to the end, as rqrr cannot be stopped inside.
            let found = attempt.run(frame);
            if !found.is_empty() {
                return found;
            }
            self.skip();
        }
        Vec::new()
    }
}
