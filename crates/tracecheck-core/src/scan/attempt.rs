//! One decoding attempt: resize, threshold, maybe invert, then rqrr.

use super::binarize::{self, Bitmap};
use super::grey::{self, Grey};
use super::guard;
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
    },
}

/// One way of looking at a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Resize so the longer side is this many pixels (0: as it is).
    pub side: u16,
    /// How to threshold.
    pub threshold: Threshold,
    /// Look for light modules on a dark background.
    pub invert: bool,
}

impl Attempt {
    /// Runs this attempt on `image`; every payload read, in order.
    pub fn run(&self, image: Luma<'_>) -> Vec<Payload> {
        let resized;
        let image = if self.side == 0 {
            image
        } else {
            resized = grey::resize_to(image, usize::from(self.side));
            resized.as_luma()
        };
        match self.threshold {
            Threshold::Rows => {
                if self.invert {
                    let inverted = Grey {
                        width: image.width,
                        height: image.height,
                        pixels: image.pixels.iter().map(|p| 255 - p).collect(),
                    };
                    guard::read_greyscale(inverted.as_luma())
                } else {
                    guard::read_greyscale(image)
                }
            }
            Threshold::Blocks => self.read_bits(image, binarize::blocks(image)),
            Threshold::Mean { radius } => self.read_bits(
                image,
                binarize::local_mean(image, usize::from(radius).max(1), 2),
            ),
        }
    }

    fn read_bits(&self, image: Luma<'_>, mut bits: Bitmap) -> Vec<Payload> {
        if self.invert {
            binarize::invert(&mut bits);
        }
        guard::read_bitmap(image.width, image.height, bits)
    }
}
