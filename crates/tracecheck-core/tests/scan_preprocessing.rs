//! Each kind of preprocessing an attempt can do, on codes generated here
//! (with the `qrcode` crate) in the condition it is meant for: where the
//! same attempt without it reads nothing, it must now read the code.

use qrcode::{Color, QrCode};
use tracecheck_core::scan::{Attempt, Filter, Luma, Payload, Prepared, Resample, Shape, Threshold};

const URL: &str = "https://id.gs1.org/01/08935001000013/10/NL2611";

/// How a generated picture looks.
struct Look {
    /// Pixels per module.
    module: f32,
    /// Clockwise turn of the code, in degrees.
    turn: f32,
    /// Side of the square picture.
    side: usize,
    /// Grey of dark modules, of light ones (quiet zone included), and of
    /// the picture around the code.
    ink: f32,
    paper: f32,
    around: f32,
    /// Dark modules drawn as dots of this diameter (in modules); 0: squares.
    dots: f32,
    /// Quiet zone, in modules.
    quiet: f32,
    /// Radius of one box blur over the finished picture (0: none).
    blur: usize,
    /// Amplitude of pseudo-random noise added to each pixel.
    noise: f32,
}

const PLAIN: Look = Look {
    module: 4.0,
    turn: 0.0,
    side: 200,
    ink: 30.0,
    paper: 230.0,
    around: 230.0,
    dots: 0.0,
    quiet: 4.0,
    blur: 0,
    noise: 0.0,
};

/// The code of `URL` drawn with `look`, centred, each pixel the mean of
/// 3×3 samples (so edges are grey as in a photo).
fn draw(look: &Look) -> Vec<u8> {
    let code = QrCode::new(URL.as_bytes()).expect("encodable");
    let (modules, colors) = (code.width(), code.to_colors());
    let span = (modules as f32 + 2.0 * look.quiet) * look.module;
    let (sin, cos) = look.turn.to_radians().sin_cos();
    let centre = look.side as f32 / 2.0;
    let mut seed = 12345u32;
    let mut pixels = Vec::with_capacity(look.side * look.side);
    for y in 0..look.side {
        for x in 0..look.side {
            let mut sum = 0.0;
            for sy in 0..3 {
                for sx in 0..3 {
                    let dx = x as f32 + (sx as f32 + 0.5) / 3.0 - centre;
                    let dy = y as f32 + (sy as f32 + 0.5) / 3.0 - centre;
                    let u = cos * dx + sin * dy + span / 2.0;
                    let v = -sin * dx + cos * dy + span / 2.0;
                    let (mu, mv) = (u / look.module - look.quiet, v / look.module - look.quiet);
                    let in_code = mu >= 0.0
                        && mv >= 0.0
                        && (mu as usize) < modules
                        && (mv as usize) < modules;
                    let mut dark =
                        in_code && colors[mv as usize * modules + mu as usize] == Color::Dark;
                    if dark && look.dots > 0.0 {
                        let (fu, fv) = (mu.fract() - 0.5, mv.fract() - 0.5);
                        dark = (fu * fu + fv * fv).sqrt() * 2.0 < look.dots;
                    }
                    let on_paper = u >= 0.0 && v >= 0.0 && u < span && v < span;
                    sum += if dark {
                        look.ink
                    } else if on_paper {
                        look.paper
                    } else {
                        look.around
                    };
                }
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let noise = ((seed >> 16) % 1000) as f32 / 1000.0 - 0.5;
            pixels.push((sum / 9.0 + noise * look.noise).clamp(0.0, 255.0) as u8);
        }
    }
    if look.blur > 0 {
        let (side, r) = (look.side, look.blur);
        let source = pixels.clone();
        for y in 0..side {
            for x in 0..side {
                let (mut sum, mut count) = (0u32, 0u32);
                for yy in y.saturating_sub(r)..(y + r + 1).min(side) {
                    for xx in x.saturating_sub(r)..(x + r + 1).min(side) {
                        sum += u32::from(source[yy * side + xx]);
                        count += 1;
                    }
                }
                pixels[y * side + x] = (sum / count) as u8;
            }
        }
    }
    pixels
}

/// Modules on a side of `URL`'s code.
fn modules() -> usize {
    QrCode::new(URL.as_bytes()).expect("encodable").width()
}

fn reads(attempt: Attempt, look: &Look) -> bool {
    let pixels = draw(look);
    let found = attempt.run(Luma {
        width: look.side,
        height: look.side,
        pixels: &pixels,
    });
    assert!(
        found.is_empty() || found == vec![Payload(URL.as_bytes().to_vec())],
        "{found:?}"
    );
    !found.is_empty()
}

#[test]
fn the_generator_draws_a_readable_code() {
    assert!(reads(Attempt::new(0, Threshold::Blocks), &PLAIN));
}

#[test]
fn unsharp_masking_reads_a_blurred_code_the_block_threshold_misses() {
    let blurred = Look {
        blur: 2,
        side: 180,
        ..PLAIN
    };
    let blocks = Attempt::new(0, Threshold::Blocks);
    assert!(!reads(blocks, &blurred));
    assert!(reads(
        blocks.with_filter(Filter::Sharpen {
            radius: 1,
            amount: 4
        }),
        &blurred
    ));
}

#[test]
fn a_smooth_enlargement_reads_a_code_too_small_for_rqrr() {
    let tiny = Look {
        module: 1.3,
        side: 52,
        ..PLAIN
    };
    let blocks = Attempt::new(0, Threshold::Blocks);
    assert!(!reads(blocks, &tiny));
    assert!(reads(
        Attempt::new(156, Threshold::Blocks).resampled(Resample::Smooth),
        &tiny
    ));
}

#[test]
fn an_inverted_global_threshold_reads_light_modules_on_grey() {
    // A screen: light modules on a mid-grey background, sensor noise.
    let screen = Look {
        module: 5.0,
        side: 220,
        ink: 200.0,
        paper: 120.0,
        around: 120.0,
        noise: 20.0,
        ..PLAIN
    };
    let global = Attempt::new(0, Threshold::Global);
    assert!(!reads(global, &screen));
    assert!(reads(global.inverted(), &screen));
}

#[test]
fn a_turned_attempt_reads_and_turns_the_right_way() {
    let turned = Look {
        turn: 20.0,
        ..PLAIN
    };
    assert!(reads(
        Attempt::new(0, Threshold::Blocks).turned(-20),
        &turned
    ));
    // Turning the picture back by 20° makes the code's top edge level: its
    // first dark row then crosses both top finders (2 × 7 modules of 4
    // pixels); turned the wrong way (40°) it would touch one corner.
    let pixels = draw(&turned);
    let Prepared::Bits { width, bits, .. } = Attempt::new(0, Threshold::Blocks)
        .turned(-20)
        .prepare(Luma {
            width: turned.side,
            height: turned.side,
            pixels: &pixels,
        })
    else {
        panic!("the block threshold gives bits");
    };
    let first_dark_row = bits
        .chunks(width)
        .find(|row| row.contains(&1))
        .expect("some dark pixels");
    let dark = first_dark_row.iter().filter(|&&b| b == 1).count();
    assert!(
        (48..=80).contains(&dark),
        "{dark} dark pixels on the top row"
    );
}

#[test]
fn closing_joins_round_modules() {
    // Dark modules drawn as dots 0.7 modules wide, finders too.
    let dots = Look {
        dots: 0.7,
        module: 6.0,
        side: 260,
        ..PLAIN
    };
    let global = Attempt::new(0, Threshold::Global);
    let closed = global.with_shape(Shape::Close { radius: 2 });
    assert!(reads(closed, &dots));
    // The dots are apart before closing and joined after it: the row
    // through the middle of the top-left finder's top row.
    let pixels = draw(&dots);
    let luma = Luma {
        width: dots.side,
        height: dots.side,
        pixels: &pixels,
    };
    let row_runs = |attempt: Attempt| {
        let Prepared::Bits { width, bits, .. } = attempt.prepare(luma) else {
            panic!("the global threshold gives bits");
        };
        let code_px = modules() as f32 * dots.module;
        let top = ((dots.side as f32 - code_px) / 2.0 + dots.module / 2.0) as usize;
        let row = &bits[top * width..(top + 1) * width];
        row.windows(2).filter(|w| w[0] == 0 && w[1] == 1).count()
    };
    assert!(row_runs(global) > row_runs(closed), "closing joins dots");
}

#[test]
fn a_border_gives_a_code_without_quiet_zone_one() {
    // The code fills the picture: its finders touch the edges.
    let side = modules() * 4;
    let edge = Look {
        quiet: 0.0,
        side,
        ..PLAIN
    };
    let pixels = draw(&edge);
    let luma = Luma {
        width: edge.side,
        height: edge.side,
        pixels: &pixels,
    };
    let padded = Attempt::new(0, Threshold::Global).with_border(10);
    let Prepared::Bits {
        width,
        height,
        bits,
    } = padded.prepare(luma)
    else {
        panic!("the global threshold gives bits");
    };
    let border = side / 10;
    assert_eq!((width, height), (side + 2 * border, side + 2 * border));
    assert!(bits[..width * border].iter().all(|&b| b == 0), "white top");
    assert!(
        bits[border * width + border] == 1,
        "the finder's corner is dark"
    );
    assert!(reads(padded, &edge));
}
