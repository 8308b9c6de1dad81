//! One decoding attempt: resize, maybe turn, filter the grey levels,
//! threshold, maybe invert, change the shapes, maybe add a quiet zone,
//! then rqrr.

use std::borrow::Cow;

use super::binarize;
use super::budget::{Budget, STILL_UNITS};
use super::filter::Filter;
use super::grey::{self, Grey};
use super::guard;
use super::locate;
use super::morph::Shape;
use super::{Luma, Payload};

/// How pixels become black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// rqrr's own: a running average along each row.
    Rows,
    /// Per 8×8 block, smoothed over 5×5 blocks ([`binarize::blocks`]).
    Blocks,
    /// Mean of a square around each pixel ([`binarize::local_mean`]).
    Mean {
        /// Half the side of the square, in pixels.
        radius: u8,
        /// How much darker than the mean a pixel must be to be black.
        bias: u8,
    },
    /// One level for the whole picture ([`binarize::global`]).
    Global,
}

/// How a picture is resized to an attempt's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resample {
    /// By a whole factor ([`grey::resize_to`]): area mean down, bilinear up.
    Steps,
    /// Up by a whole factor, repeating pixels ([`grey::upscale_nearest`]).
    Nearest,
    /// To exactly the side, by any factor ([`grey::resize_smooth`]).
    Smooth,
}

/// What finds the codes in the prepared picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// rqrr's detector (and decoder).
    Rqrr,
    /// The core's own locator ([`locate`]), rqrr's decoder.
    Locate,
}

/// One way of looking at a picture. Build one with [`Attempt::new`], then
/// the methods that return a changed copy (`inverted`, `turned`,
/// `resampled`, `with_filter`, `with_shape`, `with_border`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Resize so the longer side is this many pixels (0: as it is).
    pub side: u16,
    /// How to resize.
    pub resample: Resample,
    /// Turn the picture by this many degrees (clockwise) first.
    pub turn: i8,
    /// Change the grey levels before thresholding.
    pub filter: Filter,
    /// How to threshold.
    pub threshold: Threshold,
    /// Look for light modules on a dark background.
    pub invert: bool,
    /// Change the shape of black areas after thresholding (with
    /// [`Threshold::Rows`], which happens inside rqrr, the block threshold
    /// is used instead).
    pub shape: Shape,
    /// Add a white border this many percent of the longer side wide.
    pub border: u8,
    /// Who finds the codes.
    pub reader: Reader,
}

impl Attempt {
    /// `threshold` on the picture resized to `side` (0: as it is), nothing
    /// else.
    pub const fn new(side: u16, threshold: Threshold) -> Attempt {
        Attempt {
            side,
            resample: Resample::Steps,
            turn: 0,
            filter: Filter::None,
            threshold,
            invert: false,
            shape: Shape::None,
            border: 0,
            reader: Reader::Rqrr,
        }
    }

    /// The same, read by the core's own locator.
    pub const fn located(self) -> Attempt {
        Attempt {
            reader: Reader::Locate,
            ..self
        }
    }

    /// The same, looking for light modules on a dark background.
    pub const fn inverted(self) -> Attempt {
        Attempt {
            invert: true,
            ..self
        }
    }

    /// The same, resizing with `resample`.
    pub const fn resampled(self, resample: Resample) -> Attempt {
        Attempt { resample, ..self }
    }

    /// The same, with the picture turned by `degrees` first.
    pub const fn turned(self, degrees: i8) -> Attempt {
        Attempt {
            turn: degrees,
            ..self
        }
    }

    /// The same, with `filter` before thresholding.
    pub const fn with_filter(self, filter: Filter) -> Attempt {
        Attempt { filter, ..self }
    }

    /// The same, with `shape` after thresholding.
    pub const fn with_shape(self, shape: Shape) -> Attempt {
        Attempt { shape, ..self }
    }

    /// The same, with a white border `percent` of the longer side wide.
    pub const fn with_border(self, percent: u8) -> Attempt {
        Attempt {
            border: percent,
            ..self
        }
    }

    /// Runs this attempt on `image`; every payload read, in order.
    pub fn run(&self, image: Luma<'_>) -> Vec<Payload> {
        self.run_within(image, &mut Budget::units(STILL_UNITS))
    }

    /// [`Attempt::run`] within `budget`: nothing when the budget cannot
    /// cover the attempt's estimated cost (rqrr cannot be stopped once
    /// called) or runs out inside the locator.
    pub fn run_within(&self, image: Luma<'_>, budget: &mut Budget<'_>) -> Vec<Payload> {
        let (width, height) = self.prepared_size(image);
        let pixels = (width as u64).saturating_mul(height as u64);
        if !budget.spend(pixels.saturating_mul(PREPARE_UNITS)) {
            return Vec::new();
        }
        match self.prepare(image) {
            Prepared::Grey {
                width,
                height,
                pixels,
            } => {
                if !budget.spend(rqrr_units(width, height)) {
                    return Vec::new();
                }
                guard::read_greyscale(Luma {
                    width,
                    height,
                    pixels: &pixels,
                })
            }
            Prepared::Bits {
                width,
                height,
                bits,
            } => match self.reader {
                Reader::Locate => locate::read(width, height, &bits, budget),
                Reader::Rqrr => {
                    if !budget.spend(rqrr_units(width, height)) {
                        return Vec::new();
                    }
                    guard::read_bitmap(width, height, bits)
                }
            },
        }
    }

    /// The work units this attempt charges `image` before its reader runs
    /// (preparing the picture, and rqrr's detector, which cannot be
    /// stopped once called); the locator charges more as it goes.
    pub fn estimate(&self, image: Luma<'_>) -> u64 {
        let (width, height) = self.prepared_size(image);
        let prepare = (width as u64)
            .saturating_mul(height as u64)
            .saturating_mul(PREPARE_UNITS);
        match self.reader {
            Reader::Rqrr => prepare.saturating_add(rqrr_units(width, height)),
            Reader::Locate => prepare,
        }
    }

    /// The size of the picture this attempt prepares from `image`, before
    /// any border (for the budget).
    fn prepared_size(&self, image: Luma<'_>) -> (usize, usize) {
        if self.side == 0 {
            return (image.width, image.height);
        }
        let longer = image.width.max(image.height).max(1);
        let side = usize::from(self.side);
        let scale = side as f64 / longer as f64;
        (
            (image.width as f64 * scale).ceil() as usize,
            (image.height as f64 * scale).ceil() as usize,
        )
    }

    /// The picture as this attempt hands it to rqrr (an empty bitmap when
    /// `image` is empty or its buffer too short).
    pub fn prepare<'a>(&self, image: Luma<'a>) -> Prepared<'a> {
        let valid = image.width.checked_mul(image.height);
        if valid.is_none_or(|len| len == 0 || image.pixels.len() < len) {
            return Prepared::Bits {
                width: 0,
                height: 0,
                bits: Vec::new(),
            };
        }
        let changed = self.grey_levels(image);
        let grey = latest(&changed, image);
        let border = grey.width.max(grey.height) * usize::from(self.border) / 100;
        let mut bits = match self.threshold {
            // rqrr's own threshold happens inside rqrr, on grey levels.
            Threshold::Rows if self.shape == Shape::None && self.reader == Reader::Rqrr => {
                let (width, height) = (grey.width + 2 * border, grey.height + 2 * border);
                let pixels = if border > 0 {
                    Cow::Owned(grey::pad(grey, border, 255).pixels)
                } else {
                    match changed {
                        Some(levels) => Cow::Owned(levels.pixels),
                        None => Cow::Borrowed(image.pixels),
                    }
                };
                return Prepared::Grey {
                    width,
                    height,
                    pixels,
                };
            }
            // Shapes need black and white, which rqrr's threshold never
            // gives back: use the block threshold instead.
            Threshold::Rows | Threshold::Blocks => binarize::blocks(grey),
            Threshold::Mean { radius, bias } => {
                binarize::local_mean(grey, usize::from(radius).max(1), bias)
            }
            Threshold::Global => binarize::global(grey),
        };
        if self.invert && self.threshold != Threshold::Rows {
            binarize::invert(&mut bits);
        }
        self.shape.apply(&mut bits, grey.width, grey.height);
        let (width, height) = (grey.width, grey.height);
        if border == 0 {
            return Prepared::Bits {
                width,
                height,
                bits,
            };
        }
        let padded = grey::pad(
            Luma {
                width,
                height,
                pixels: &bits,
            },
            border,
            0,
        );
        Prepared::Bits {
            width: padded.width,
            height: padded.height,
            bits: padded.pixels,
        }
    }

    /// The grey levels after resizing, turning, filtering and (for rqrr's
    /// own threshold, which cannot invert) inverting; `None` when this
    /// attempt leaves them as they are.
    fn grey_levels(&self, image: Luma<'_>) -> Option<Grey> {
        let mut changed: Option<Grey> = None;
        if self.side != 0 {
            let side = usize::from(self.side);
            changed = Some(match self.resample {
                Resample::Steps => grey::resize_to(image, side),
                Resample::Nearest => {
                    let longer = image.width.max(image.height).max(1);
                    grey::upscale_nearest(image, (side / longer).max(1))
                }
                Resample::Smooth => grey::resize_smooth(image, side),
            });
        }
        if self.turn != 0 {
            changed = Some(grey::rotate(latest(&changed, image), self.turn));
        }
        if let Some(filtered) = self.filter.apply(latest(&changed, image)) {
            changed = Some(filtered);
        }
        if self.invert && self.threshold == Threshold::Rows {
            let levels = latest(&changed, image);
            changed = Some(Grey {
                width: levels.width,
                height: levels.height,
                pixels: levels.pixels.iter().map(|p| 255 - p).collect(),
            });
        }
        changed
    }
}

/// Work units per pixel to prepare a picture (resize, threshold): a few
/// passes over it.
const PREPARE_UNITS: u64 = 8;

/// Work units per pixel charged before rqrr's detector runs (its region
/// growing and grid fits, measured in docs/scanning.md).
const RQRR_UNITS: u64 = 30;

/// Work units charged for one call of rqrr's detector on a `width`×`height`
/// picture: per pixel, plus a floor, since on small pictures its grid fits
/// cost milliseconds whatever the size (docs/scanning.md, "Time cap").
fn rqrr_units(width: usize, height: usize) -> u64 {
    (width as u64)
        .saturating_mul(height as u64)
        .saturating_mul(RQRR_UNITS)
        .saturating_add(RQRR_CALL_UNITS)
}

/// The floor of [`rqrr_units`].
const RQRR_CALL_UNITS: u64 = 1_000_000;

/// A picture ready for rqrr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared<'a> {
    /// Grey levels, which rqrr thresholds itself.
    Grey {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
        /// `width * height` levels; the caller's own when nothing changed.
        pixels: Cow<'a, [u8]>,
    },
    /// Black and white (1 = black), row by row.
    Bits {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
        /// `width * height` bits, one byte each.
        bits: Vec<u8>,
    },
}

/// The grey levels as changed so far, or the original ones.
fn latest<'a>(changed: &'a Option<Grey>, original: Luma<'a>) -> Luma<'a> {
    changed.as_ref().map_or(original, Grey::as_luma)
}

/// Why an attempt description does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadAttempt;

impl std::str::FromStr for Attempt {
    type Err = BadAttempt;

    /// `SIDE[n|s],PART,…`: SIDE the longer side (0: as is; `n` enlarges by
    /// repeating pixels, `s` resizes smoothly to exactly SIDE), then a threshold `rows`, `blocks`, `global`,
    /// `meanR` or `meanRbB` (bias B, default 2), and any of `inv`,
    /// `turnD`, `blurR`, `sharpRxA`, `stretch`, `growR`, `shrinkR`,
    /// `closeR`, `openR`, `padP`, `locate`. For example `0,blocks` or
    /// `400n,global,pad10`. Used by the CLI's study option.
    fn from_str(spec: &str) -> Result<Attempt, BadAttempt> {
        let mut parts = spec.split(',');
        let side = parts.next().ok_or(BadAttempt)?;
        let (side, resample) = if let Some(side) = side.strip_suffix('n') {
            (side, Resample::Nearest)
        } else if let Some(side) = side.strip_suffix('s') {
            (side, Resample::Smooth)
        } else {
            (side, Resample::Steps)
        };
        let side: u16 = side.parse().map_err(|_| BadAttempt)?;
        let threshold = match parts.next().ok_or(BadAttempt)? {
            "rows" => Threshold::Rows,
            "blocks" => Threshold::Blocks,
            "global" => Threshold::Global,
            other => {
                let mean = other.strip_prefix("mean").ok_or(BadAttempt)?;
                let (radius, bias) = mean.split_once('b').unwrap_or((mean, "2"));
                Threshold::Mean {
                    radius: number(radius)?,
                    bias: number(bias)?,
                }
            }
        };
        let mut attempt = Attempt::new(side, threshold);
        attempt.resample = resample;
        for part in parts {
            if part == "locate" {
                attempt.reader = Reader::Locate;
            } else if part == "inv" {
                attempt.invert = true;
            } else if part == "stretch" {
                attempt.filter = Filter::Stretch;
            } else if let Some(d) = part.strip_prefix("turn") {
                attempt.turn = d.parse().map_err(|_| BadAttempt)?;
            } else if let Some(r) = part.strip_prefix("blur") {
                attempt.filter = Filter::Blur { radius: number(r)? };
            } else if let Some(rest) = part.strip_prefix("sharp") {
                let (radius, amount) = rest.split_once('x').ok_or(BadAttempt)?;
                attempt.filter = Filter::Sharpen {
                    radius: number(radius)?,
                    amount: number(amount)?,
                };
            } else if let Some(r) = part.strip_prefix("grow") {
                attempt.shape = Shape::Grow { radius: number(r)? };
            } else if let Some(r) = part.strip_prefix("shrink") {
                attempt.shape = Shape::Shrink { radius: number(r)? };
            } else if let Some(r) = part.strip_prefix("close") {
                attempt.shape = Shape::Close { radius: number(r)? };
            } else if let Some(r) = part.strip_prefix("open") {
                attempt.shape = Shape::Open { radius: number(r)? };
            } else if let Some(p) = part.strip_prefix("pad") {
                attempt.border = number(p)?;
            } else {
                return Err(BadAttempt);
            }
        }
        Ok(attempt)
    }
}

fn number(text: &str) -> Result<u8, BadAttempt> {
    text.parse().map_err(|_| BadAttempt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_parse() {
        assert_eq!("0,blocks".parse(), Ok(Attempt::new(0, Threshold::Blocks)));
        assert_eq!(
            "480,mean8,inv".parse(),
            Ok(Attempt::new(480, Threshold::Mean { radius: 8, bias: 2 }).inverted())
        );
        assert_eq!(
            "400n,global,close2,pad10,turn-4,sharp2x6".parse(),
            Ok(Attempt::new(400, Threshold::Global)
                .resampled(Resample::Nearest)
                .with_shape(Shape::Close { radius: 2 })
                .with_border(10)
                .turned(-4)
                .with_filter(Filter::Sharpen {
                    radius: 2,
                    amount: 6
                }))
        );
        assert_eq!(
            "0,mean8b6".parse::<Attempt>().map(|a| a.threshold),
            Ok(Threshold::Mean { radius: 8, bias: 6 })
        );
        assert_eq!("x,blocks".parse::<Attempt>(), Err(BadAttempt));
        assert_eq!("0,blocks,wobble".parse::<Attempt>(), Err(BadAttempt));
        assert_eq!("0".parse::<Attempt>(), Err(BadAttempt));
    }
}
