//! Reads one camera frame with the reader the scanning state chose: the
//! browser's `BarcodeDetector` on the video, or a frame grabbed to the
//! canvas and sent to the decoder worker (started on first use) with the
//! pipeline attempt the state holds.

use web_sys::{HtmlCanvasElement, HtmlVideoElement};

use super::barcode_detector::BarcodeDetector;
use super::camera;
use super::decoder::Decoder;

/// Frames are scaled to this width before decoding: QR codes held to a
/// phone fill enough of the frame, and each attempt stays within a few ms.
pub const FRAME_WIDTH: u32 = 640;

/// Where a frame goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The browser's `BarcodeDetector`.
    Detector,
    /// The decoder worker.
    Worker,
}

/// What one frame gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameRead {
    /// Texts read (maybe none); the worker's attempt for the next frame
    /// (`None` from the detector).
    Texts {
        texts: Vec<String>,
        next_attempt: Option<usize>,
    },
    /// The detector failed: frames go to the worker from now on.
    DetectorFailed,
    /// No frame to read (the video has none yet, or no worker).
    Nothing,
}

/// The detector (when the browser has one) and the worker, for one camera
/// session.
pub struct FrameReader {
    detector: Option<BarcodeDetector>,
    decoder: Option<Decoder>,
}

impl FrameReader {
    /// Looks for the browser's detector; the worker starts on first use.
    pub async fn new() -> FrameReader {
        FrameReader {
            detector: BarcodeDetector::new().await,
            decoder: None,
        }
    }

    /// Whether the browser has a detector for QR codes.
    pub fn has_detector(&self) -> bool {
        self.detector.is_some()
    }

    /// Reads the current frame of `video` through `source` (the worker with
    /// camera attempt `attempt`, grabbing through `canvas`).
    pub async fn read(
        &mut self,
        source: Source,
        attempt: usize,
        video: &HtmlVideoElement,
        canvas: &HtmlCanvasElement,
    ) -> FrameRead {
        if source == Source::Detector {
            let Some(detector) = self.detector.as_ref() else {
                return FrameRead::DetectorFailed;
            };
            return match detector.detect(&video.clone().into()).await {
                Some(texts) => FrameRead::Texts {
                    texts,
                    next_attempt: None,
                },
                None => FrameRead::DetectorFailed,
            };
        }
        let Some(frame) = camera::grab(video, canvas, FRAME_WIDTH) else {
            return FrameRead::Nothing;
        };
        if self.decoder.is_none() {
            self.decoder = Decoder::new().ok();
        }
        let Some(decoder) = self.decoder.as_ref() else {
            return FrameRead::Nothing;
        };
        let (texts, next) = decoder.frame(&frame, attempt).await;
        FrameRead::Texts {
            texts,
            next_attempt: Some(next),
        }
    }
}
