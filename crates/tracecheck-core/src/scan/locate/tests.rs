use qrcode::{Color, EcLevel, QrCode, Version};

use super::geometry::{Perspective, Point};
use super::*;
use crate::scan::binarize;
use crate::scan::{Luma, guard};

const GS1: &str = "https://id.example.vn/01/08930000000012/10/LOT-2026-05?17=271231";

/// `text` as a code of `version` (0: smallest), `module` px per module,
/// `quiet` modules of quiet zone: (side, grey pixels).
fn render(text: &str, version: i16, module: usize, quiet: usize) -> (usize, Vec<u8>) {
    let code = if version == 0 {
        QrCode::with_error_correction_level(text, EcLevel::M)
    } else {
        QrCode::with_version(text, Version::Normal(version), EcLevel::M)
    }
    .expect("fits");
    let n = code.width();
    let colors = code.to_colors();
    let side = (n + 2 * quiet) * module;
    let mut px = vec![255u8; side * side];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / module).wrapping_sub(quiet),
                (y / module).wrapping_sub(quiet),
            );
            if mx < n && my < n && colors[my * n + mx] == Color::Dark {
                px[y * side + x] = 0;
            }
        }
    }
    (side, px)
}

/// `src` (side×side) seen through a perspective taking its corners to
/// `corners` in an `out`×`out` picture on white (bilinear).
fn warp(side: usize, src: &[u8], corners: [Point; 4], out: usize) -> Vec<u8> {
    let s = side as f64;
    let square = [
        Point::new(0.0, 0.0),
        Point::new(s, 0.0),
        Point::new(s, s),
        Point::new(0.0, s),
    ];
    let back = Perspective::between(corners, square).expect("proper");
    let mut px = vec![255u8; out * out];
    for y in 0..out {
        for x in 0..out {
            let Some(p) = back.map(Point::new(x as f64 + 0.5, y as f64 + 0.5)) else {
                continue;
            };
            let (fx, fy) = (p.x - 0.5, p.y - 0.5);
            let (x0, y0) = (fx.floor(), fy.floor());
            let at = |xi: f64, yi: f64| -> f64 {
                if xi < 0.0 || yi < 0.0 || xi >= s || yi >= s {
                    255.0
                } else {
                    f64::from(src[yi as usize * side + xi as usize])
                }
            };
            let (tx, ty) = (fx - x0, fy - y0);
            let v = at(x0, y0) * (1.0 - tx) * (1.0 - ty)
                + at(x0 + 1.0, y0) * tx * (1.0 - ty)
                + at(x0, y0 + 1.0) * (1.0 - tx) * ty
                + at(x0 + 1.0, y0 + 1.0) * tx * ty;
            px[y * out + x] = v.round() as u8;
        }
    }
    px
}

fn locate_texts(side: usize, grey: &[u8]) -> Vec<String> {
    let bits = binarize::blocks(Luma::new(side, side, grey));
    read(side, side, &bits, &mut Budget::units(u64::MAX))
        .iter()
        .filter_map(Payload::text)
        .collect()
}

fn rqrr_texts(side: usize, grey: &[u8]) -> Vec<String> {
    guard::read_greyscale(Luma::new(side, side, grey))
        .iter()
        .filter_map(Payload::text)
        .collect()
}

#[test]
fn reads_a_straight_code() {
    let (side, px) = render(GS1, 0, 4, 4);
    assert_eq!(locate_texts(side, &px), [GS1]);
}

#[test]
fn reads_dense_warped_codes_rqrr_misses() {
    for (version, module) in [(25, 4usize), (40, 3)] {
        let (side, px) = render(GS1, version, module, 4);
        let out = side + side / 4;
        let s = side as f64;
        let corners = [
            Point::new(0.10 * s, 0.06 * s),
            Point::new(1.12 * s, 0.12 * s),
            Point::new(1.05 * s, 1.16 * s),
            Point::new(0.04 * s, 1.02 * s),
        ];
        let warped = warp(side, &px, corners, out);
        assert_eq!(locate_texts(out, &warped), [GS1], "version {version}");
        assert!(
            rqrr_texts(out, &warped).is_empty(),
            "rqrr alone reads version {version}"
        );
    }
}

#[test]
fn reads_a_mirrored_code() {
    let (side, px) = render(GS1, 8, 4, 4);
    let mut mirrored = px.clone();
    for y in 0..side {
        for x in 0..side {
            mirrored[y * side + x] = px[y * side + side - 1 - x];
        }
    }
    assert_eq!(locate_texts(side, &mirrored), [GS1]);
}

#[test]
fn reads_a_code_without_quiet_zone() {
    let (side, px) = render(GS1, 0, 5, 0);
    assert_eq!(locate_texts(side, &px), [GS1]);
}

#[test]
fn stops_when_the_budget_is_spent() {
    let (side, px) = render(GS1, 10, 4, 4);
    let bits = binarize::blocks(Luma::new(side, side, &px));
    assert!(!read(side, side, &bits, &mut Budget::units(u64::MAX)).is_empty());
    // Less than one pass over the rows: the finder search stops, nothing
    // is read, and the budget says it ran out.
    let mut small = Budget::units((side * side / 2) as u64);
    assert!(read(side, side, &bits, &mut small).is_empty());
    assert!(small.is_spent());
}

#[test]
fn survives_garbage() {
    let mut seed = 7u32;
    let side = 301;
    let bits: Vec<u8> = (0..side * side)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            u8::from(seed % 3 == 0)
        })
        .collect();
    assert!(read(side, side, &bits, &mut Budget::units(u64::MAX)).is_empty());
    assert!(read(side, side, &bits[..10], &mut Budget::units(u64::MAX)).is_empty());
    assert!(read(0, 0, &[], &mut Budget::units(u64::MAX)).is_empty());
}

fn triple_at(tl: (f64, f64), tr: (f64, f64), bl: (f64, f64)) -> Triple {
    Triple {
        top_left: Point::new(tl.0, tl.1),
        top_right: Point::new(tr.0, tr.1),
        bottom_left: Point::new(bl.0, bl.1),
        modules: [1.0; 3],
        members: [0, 1, 2],
        score: 0.0,
    }
}

#[test]
fn a_triple_inside_or_around_a_code_read_is_not_another_code() {
    let read = Area([
        Point::new(40.0, 40.0),
        Point::new(160.0, 40.0),
        Point::new(160.0, 160.0),
        Point::new(40.0, 160.0),
    ]);
    // Look-alikes among its data modules.
    assert!(read.overlaps(&triple_at((60.0, 60.0), (150.0, 60.0), (60.0, 150.0))));
    // Look-alikes in the background round it (the stress corpus's ecc case).
    assert!(read.overlaps(&triple_at((7.0, 7.0), (194.0, 9.0), (9.0, 190.0))));
    // One finder inside is enough.
    assert!(read.overlaps(&triple_at((100.0, 100.0), (300.0, 100.0), (100.0, 300.0))));
    // A code beside it, either way round.
    assert!(!read.overlaps(&triple_at((200.0, 40.0), (320.0, 40.0), (200.0, 160.0))));
    assert!(!read.overlaps(&triple_at((320.0, 160.0), (200.0, 160.0), (320.0, 40.0))));
}

#[test]
fn reads_two_codes_side_by_side() {
    let other = "https://id.example.vn/01/08930000000029/21/SERIAL-7";
    let (side, left) = render(GS1, 6, 4, 4);
    let (side_b, right) = render(other, 6, 4, 4);
    assert_eq!(side, side_b, "same size, for a simple picture");
    let width = 2 * side;
    let mut px = vec![255u8; width * side];
    for y in 0..side {
        px[y * width..y * width + side].copy_from_slice(&left[y * side..(y + 1) * side]);
        px[y * width + side..(y + 1) * width].copy_from_slice(&right[y * side..(y + 1) * side]);
    }
    let bits = binarize::blocks(Luma::new(width, side, &px));
    let mut texts: Vec<String> = read(width, side, &bits, &mut Budget::units(u64::MAX))
        .iter()
        .filter_map(Payload::text)
        .collect();
    texts.sort();
    let mut want = vec![GS1.to_owned(), other.to_owned()];
    want.sort();
    assert_eq!(texts, want);
}
