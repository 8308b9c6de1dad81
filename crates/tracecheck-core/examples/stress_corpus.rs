//! Writes the generated stress corpus: QR codes made with the `qrcode`
//! crate, drawn through the conditions real photos bring, one folder per
//! category, `N.png` beside `N.txt` (the exact text, no newline). The same
//! seed gives the same pictures, byte for byte.
//!
//! ```text
//! cargo run --release -p tracecheck-core --example stress_corpus -- [OUT] [--seed S] [--per N]
//! ```
//!
//! OUT defaults to `target/stress-corpus`; `--per` sets how many pictures
//! each category gets (default 12; `versions` always has one per version,
//! 1 to 40). Categories: versions (1–40, ECC levels in turn), ecc (L, M,
//! Q, H), dl-urls (long Digital-Link-like URLs), rotation, perspective,
//! cylinder, blur, noise, low-contrast, glare, inverted, mirrored,
//! no-quiet-zone, tiny-modules. docs/scanning.md, "Stress corpus", has the
//! figures.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use qrcode::QrCode;
use qrcode::types::{Color, EcLevel, Version};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = PathBuf::from("target/stress-corpus");
    let mut seed = 12u64;
    let mut per = 12usize;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            },
            "--per" => match args.next().and_then(|s| s.parse().ok()) {
                Some(n) => per = n,
                None => return usage(),
            },
            _ if !arg.starts_with("--") => out = PathBuf::from(arg),
            _ => return usage(),
        }
    }
    let mut written = 0;
    for (name, make) in CATEGORIES {
        let dir = out.join(name);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("stress_corpus: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
        let count = if *name == "versions" { 40 } else { per };
        for index in 0..count {
            let mut rng = Rng::new(seed ^ hash(name) ^ (index as u64).wrapping_mul(0x9E37_79B9));
            let Some(sample) = make(index, &mut rng) else {
                eprintln!("stress_corpus: {name}/{index}: text does not fit");
                return ExitCode::from(1);
            };
            if let Err(e) = sample.write(&dir, index) {
                eprintln!("stress_corpus: {name}/{index}: {e}");
                return ExitCode::from(1);
            }
            written += 1;
        }
    }
    println!("{written} pictures in {} (seed {seed})", out.display());
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: stress_corpus [OUT] [--seed S] [--per N]");
    ExitCode::from(2)
}

type Maker = fn(usize, &mut Rng) -> Option<Sample>;

const CATEGORIES: &[(&str, Maker)] = &[
    ("versions", versions),
    ("ecc", ecc),
    ("dl-urls", dl_urls),
    ("rotation", rotation),
    ("perspective", perspective),
    ("cylinder", cylinder),
    ("blur", blur),
    ("noise", noise),
    ("low-contrast", low_contrast),
    ("glare", glare),
    ("inverted", inverted),
    ("mirrored", mirrored),
    ("no-quiet-zone", no_quiet_zone),
    ("tiny-modules", tiny_modules),
];

/// One picture and the text it holds.
struct Sample {
    text: String,
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Sample {
    fn write(&self, dir: &Path, index: usize) -> Result<(), String> {
        let image =
            image::GrayImage::from_raw(self.width as u32, self.height as u32, self.pixels.clone())
                .ok_or("picture buffer of the wrong size")?;
        image
            .save(dir.join(format!("{index}.png")))
            .map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("{index}.txt")), &self.text).map_err(|e| e.to_string())
    }
}

// ---- the categories ----

const LEVELS: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

/// Version `index + 1`, filled with a Digital-Link URL as long as it
/// holds, 3 px a module, flat light.
fn versions(index: usize, rng: &mut Rng) -> Option<Sample> {
    let version = index as i16 + 1;
    let level = LEVELS[index % 4];
    let (text, code) = filled(version, level, rng)?;
    Some(flat(text, &code, 3.0, rng))
}

/// The four error-correction levels in turn, medium versions, 4 px a
/// module, a little noise.
fn ecc(index: usize, rng: &mut Rng) -> Option<Sample> {
    let level = LEVELS[index % 4];
    let length = 40 + rng.below(60);
    let text = digital_link(rng, length);
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).ok()?;
    let mut sample = flat(text, &code, 4.0, rng);
    add_noise(&mut sample, 8.0, rng);
    Some(sample)
}

/// Long URLs like real Digital Links (key qualifiers, attributes, query
/// strings): 120 to 600 characters, level M.
fn dl_urls(index: usize, rng: &mut Rng) -> Option<Sample> {
    let length = (120 + index * 44).min(600);
    let text = digital_link(rng, length);
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let module = 3.0 + rng.unit() * 2.0;
    Some(flat(text, &code, module, rng))
}

/// Turned by any angle.
fn rotation(_index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let angle = rng.unit() * std::f64::consts::TAU;
    let module = 3.0 + rng.unit() * 3.0;
    let grid = Grid::new(&code, 4);
    let side = (grid.span() * module * 1.5) as usize + 20;
    let (c, s) = (angle.cos(), angle.sin());
    let centre = side as f64 / 2.0;
    let half = grid.span() / 2.0;
    let map = move |x: f64, y: f64| {
        let (dx, dy) = (x - centre, y - centre);
        Some((
            (c * dx + s * dy) / module + half,
            (-s * dx + c * dy) / module + half,
        ))
    };
    Some(render(text, &grid, side, side, map, Shade::plain(), rng))
}

/// Seen at a slant: the code's square goes to a random convex quadrangle.
fn perspective(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let grid = Grid::new(&code, 4);
    let side = 640usize;
    let s = side as f64;
    // Stronger slants further down the list.
    let pull = 0.08 + 0.22 * index as f64 / 11.0;
    let mut corner = |x: f64, y: f64| {
        (
            x + (rng.unit() - 0.5) * pull * s,
            y + (rng.unit() - 0.5) * pull * s,
        )
    };
    let quad = [
        corner(0.2 * s, 0.2 * s),
        corner(0.8 * s, 0.2 * s),
        corner(0.8 * s, 0.8 * s),
        corner(0.2 * s, 0.8 * s),
    ];
    let span = grid.span();
    let square = [(0.0, 0.0), (span, 0.0), (span, span), (0.0, span)];
    let to_code = homography(quad, square)?;
    let map = move |x: f64, y: f64| apply(&to_code, x, y);
    Some(render(text, &grid, side, side, map, Shade::plain(), rng))
}

/// Printed on a bottle: wrapped round a vertical cylinder whose visible
/// half is 1.1 to 2 times the code's width, shaded towards the edges.
fn cylinder(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let grid = Grid::new(&code, 4);
    let module = 4.0 + rng.unit() * 2.0;
    let width_px = grid.span() * module;
    // Radius in pixels: smaller (more curved) further down the list.
    let radius = width_px / std::f64::consts::PI * (2.0 - 0.9 * index as f64 / 11.0) * 1.2;
    let side = (width_px * 1.3) as usize + 20;
    let centre = side as f64 / 2.0;
    let half = grid.span() / 2.0;
    let tilt = (rng.unit() - 0.5) * 0.2;
    let map = move |x: f64, y: f64| {
        let dx = x - centre;
        if dx.abs() >= radius {
            return None;
        }
        let arc = radius * (dx / radius).asin();
        let u = arc / module + half;
        let v = (y - centre + dx * tilt) / module + half;
        Some((u, v))
    };
    let shade = Shade {
        light: Some((centre, radius)),
        ..Shade::plain()
    };
    Some(render(text, &grid, side, side, map, shade, rng))
}

/// Out of focus: a box blur three times over (close to a Gaussian),
/// radius 1 to 3 pixels on 5-pixel modules.
fn blur(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let mut sample = flat(text, &code, 5.0, rng);
    let radius = 1 + index % 3;
    for _ in 0..3 {
        box_blur(&mut sample, radius);
    }
    Some(sample)
}

/// Sensor noise: Gaussian, standard deviation 20 to 60 levels.
fn noise(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let mut sample = flat(text, &code, 4.0, rng);
    add_noise(&mut sample, 20.0 + 40.0 * index as f64 / 11.0, rng);
    Some(sample)
}

/// Ink 12 to 40 levels darker than the paper, at any brightness.
fn low_contrast(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let contrast = 40.0 - 28.0 * index as f64 / 11.0;
    let paper = 60.0 + rng.unit() * 150.0;
    let shade = Shade {
        ink: paper - contrast,
        paper,
        ..Shade::plain()
    };
    let grid = Grid::new(&code, 4);
    let module = 4.0;
    let side = (grid.span() * module) as usize + 40;
    let map = move |x: f64, y: f64| Some(((x - 20.0) / module, (y - 20.0) / module));
    let mut sample = render(text, &grid, side, side, map, shade, rng);
    add_noise(&mut sample, 3.0, rng);
    Some(sample)
}

/// Glare: one to three bright spots washing out parts of the code.
fn glare(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let mut sample = flat(text, &code, 4.0, rng);
    let spots = 1 + index % 3;
    let (w, h) = (sample.width as f64, sample.height as f64);
    for _ in 0..spots {
        let (cx, cy) = (w * (0.25 + 0.5 * rng.unit()), h * (0.25 + 0.5 * rng.unit()));
        let r = w.min(h) * (0.06 + 0.1 * rng.unit());
        let strength = 0.7 + 0.3 * rng.unit();
        for y in 0..sample.height {
            for x in 0..sample.width {
                let d = ((x as f64 - cx).powi(2) + (y as f64 - cy).powi(2)).sqrt() / r;
                let k = strength * (-d * d).exp();
                let p = &mut sample.pixels[y * sample.width + x];
                *p = (f64::from(*p) * (1.0 - k) + 255.0 * k).round() as u8;
            }
        }
    }
    Some(sample)
}

/// Light modules on a dark ground (screens, laser-etched metal).
fn inverted(_index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let mut sample = flat(text, &code, 4.0, rng);
    for p in &mut sample.pixels {
        *p = 255 - *p;
    }
    add_noise(&mut sample, 5.0, rng);
    Some(sample)
}

/// Seen from behind (printed on film, read through it): left and right
/// swapped.
fn mirrored(_index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let mut sample = flat(text, &code, 4.0, rng);
    let w = sample.width;
    for row in sample.pixels.chunks_mut(w) {
        row.reverse();
    }
    Some(sample)
}

/// No quiet zone: the code runs to the picture's edge on two sides and
/// into dark print (random blocks) on the others.
fn no_quiet_zone(_index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let grid = Grid::new(&code, 0);
    let module = 4.0;
    let clutter = 24usize;
    let side = (grid.span() * module) as usize + clutter;
    let map = move |x: f64, y: f64| Some((x / module, y / module));
    let mut sample = render(text, &grid, side, side, map, Shade::plain(), rng);
    let code_side = side - clutter;
    let block = 4usize;
    for by in (0..side).step_by(block) {
        for bx in (0..side).step_by(block) {
            if bx < code_side && by < code_side {
                continue;
            }
            let level = if rng.unit() < 0.5 { 30 } else { 220 };
            for y in by..(by + block).min(side) {
                for x in bx..(bx + block).min(side) {
                    sample.pixels[y * side + x] = level;
                }
            }
        }
    }
    Some(sample)
}

/// Tiny modules: 1.5 to 2.5 pixels each, antialiased, a little noise.
fn tiny_modules(index: usize, rng: &mut Rng) -> Option<Sample> {
    let (text, code) = ordinary(rng)?;
    let module = 1.5 + index as f64 / 11.0;
    let mut sample = flat(text, &code, module, rng);
    add_noise(&mut sample, 4.0, rng);
    Some(sample)
}

// ---- texts and codes ----

/// A Digital-Link-like URL of about `length` characters: GTIN, batch,
/// serial, expiry, then query attributes.
fn digital_link(rng: &mut Rng, length: usize) -> String {
    let hosts = [
        "https://id.gs1.org",
        "https://truyxuat.example.vn",
        "https://dl.example.com/vn",
    ];
    let mut text = format!(
        "{}/01/0893{:010}/10/L{:06}/21/{:012X}",
        hosts[rng.below(hosts.len())],
        rng.next() % 10_000_000_000,
        rng.next() % 1_000_000,
        rng.next() & 0xFFFF_FFFF_FFFF
    );
    let keys = [
        "17", "11", "3103", "linkType", "lang", "ref", "lot", "origin",
    ];
    let mut first = true;
    while text.len() < length {
        text.push(if first { '?' } else { '&' });
        first = false;
        text.push_str(keys[rng.below(keys.len())]);
        text.push('=');
        for _ in 0..(4 + rng.below(12)) {
            let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-._";
            text.push(char::from(alphabet[rng.below(alphabet.len())]));
        }
    }
    text.truncate(length);
    text
}

/// A Digital Link of 40 to 120 characters at level M.
fn ordinary(rng: &mut Rng) -> Option<(String, QrCode)> {
    let length = 40 + rng.below(80);
    let text = digital_link(rng, length);
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some((text, code))
}

/// The longest Digital Link that fits `version` at `level`.
fn filled(version: i16, level: EcLevel, rng: &mut Rng) -> Option<(String, QrCode)> {
    let full = digital_link(rng, 3000);
    let (mut low, mut high) = (1usize, full.len());
    let fits = |n: usize| {
        QrCode::with_version(&full.as_bytes()[..n], Version::Normal(version), level).is_ok()
    };
    if !fits(low) {
        return None;
    }
    while low < high {
        let mid = (low + high).div_ceil(2);
        if fits(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let text = full[..low].to_owned();
    let code = QrCode::with_version(text.as_bytes(), Version::Normal(version), level).ok()?;
    Some((text, code))
}

// ---- drawing ----

/// A code's modules with a quiet zone of `quiet` modules round them.
struct Grid {
    size: usize,
    quiet: usize,
    dark: Vec<bool>,
}

impl Grid {
    fn new(code: &QrCode, quiet: usize) -> Grid {
        Grid {
            size: code.width(),
            quiet,
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        }
    }

    /// Modules across, quiet zone included.
    fn span(&self) -> f64 {
        (self.size + 2 * self.quiet) as f64
    }

    /// Dark at module coordinates (u, v), quiet zone included; `None`
    /// outside the code and its quiet zone.
    fn dark_at(&self, u: f64, v: f64) -> Option<bool> {
        if !(0.0..self.span()).contains(&u) || !(0.0..self.span()).contains(&v) {
            return None;
        }
        let (col, row) = (u as usize, v as usize);
        let q = self.quiet;
        if col < q || row < q || col >= q + self.size || row >= q + self.size {
            return Some(false);
        }
        Some(self.dark[(row - q) * self.size + (col - q)])
    }
}

/// Grey levels: ink, paper, the background outside the code, and an
/// optional light falling off from a vertical axis (x, radius) (a
/// cylinder's shading).
#[derive(Clone, Copy)]
struct Shade {
    ink: f64,
    paper: f64,
    background: f64,
    light: Option<(f64, f64)>,
}

impl Shade {
    fn plain() -> Shade {
        Shade {
            ink: 25.0,
            paper: 225.0,
            background: 150.0,
            light: None,
        }
    }
}

/// Draws `grid` through `map` (picture pixel → module coordinates, `None`
/// off the surface), 3×3 samples a pixel.
fn render(
    text: String,
    grid: &Grid,
    width: usize,
    height: usize,
    map: impl Fn(f64, f64) -> Option<(f64, f64)>,
    shade: Shade,
    _rng: &mut Rng,
) -> Sample {
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let mut sum = 0.0;
            for sy in 0..3 {
                for sx in 0..3 {
                    let (px, py) = (
                        x as f64 + (f64::from(sx) + 0.5) / 3.0,
                        y as f64 + (f64::from(sy) + 0.5) / 3.0,
                    );
                    let level = match map(px, py).and_then(|(u, v)| grid.dark_at(u, v)) {
                        Some(true) => shade.ink,
                        Some(false) => shade.paper,
                        None => shade.background,
                    };
                    let lit = match shade.light {
                        Some((axis, radius)) => {
                            let t = ((px - axis) / radius).clamp(-1.0, 1.0);
                            0.45 + 0.55 * (1.0 - t * t).sqrt()
                        }
                        None => 1.0,
                    };
                    sum += level * lit;
                }
            }
            pixels.push((sum / 9.0).round().clamp(0.0, 255.0) as u8);
        }
    }
    Sample {
        text,
        width,
        height,
        pixels,
    }
}

/// Flat, square-on: `module` pixels a module, a 4-module quiet zone and a
/// margin of 10 to 30 pixels of background.
fn flat(text: String, code: &QrCode, module: f64, rng: &mut Rng) -> Sample {
    let grid = Grid::new(code, 4);
    let margin = 10.0 + rng.unit() * 20.0;
    let side = (grid.span() * module + 2.0 * margin).ceil() as usize;
    let map = move |x: f64, y: f64| Some(((x - margin) / module, (y - margin) / module));
    render(text, &grid, side, side, map, Shade::plain(), rng)
}

fn add_noise(sample: &mut Sample, sigma: f64, rng: &mut Rng) {
    for p in &mut sample.pixels {
        let value = f64::from(*p) + rng.gaussian() * sigma;
        *p = value.round().clamp(0.0, 255.0) as u8;
    }
}

/// One pass of a (2r+1)² box blur, edges clamped.
fn box_blur(sample: &mut Sample, radius: usize) {
    let (w, h) = (sample.width, sample.height);
    let r = radius as isize;
    let pass = |src: &[u8], horizontal: bool| -> Vec<u8> {
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let mut sum = 0u32;
                for d in -r..=r {
                    let (sx, sy) = if horizontal {
                        ((x as isize + d).clamp(0, w as isize - 1) as usize, y)
                    } else {
                        (x, (y as isize + d).clamp(0, h as isize - 1) as usize)
                    };
                    sum += u32::from(src[sy * w + sx]);
                }
                out[y * w + x] = (sum / (2 * radius as u32 + 1)) as u8;
            }
        }
        out
    };
    let across = pass(&sample.pixels, true);
    sample.pixels = pass(&across, false);
}

// ---- geometry ----

/// The 3×3 homography taking the four `from` points to the four `to`
/// points (row-major, h33 = 1), by solving the 8×8 system.
fn homography(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Option<[f64; 9]> {
    let mut a = [[0.0f64; 9]; 8];
    for (k, (&(x, y), &(u, v))) in from.iter().zip(to.iter()).enumerate() {
        a[2 * k] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
        a[2 * k + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
    }
    // Gaussian elimination with partial pivoting.
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col];
        for (row, line) in a.iter_mut().enumerate() {
            if row != col {
                let f = line[col] / pivot_row[col];
                for (value, &p) in line.iter_mut().zip(pivot_row.iter()).skip(col) {
                    *value -= f * p;
                }
            }
        }
    }
    let mut h = [0.0; 9];
    for (i, row) in a.iter().enumerate() {
        h[i] = row[8] / row[i];
    }
    h[8] = 1.0;
    Some(h)
}

fn apply(h: &[f64; 9], x: f64, y: f64) -> Option<(f64, f64)> {
    let w = h[6] * x + h[7] * y + h[8];
    if w.abs() < 1e-12 {
        return None;
    }
    Some((
        (h[0] * x + h[1] * y + h[2]) / w,
        (h[3] * x + h[4] * y + h[5]) / w,
    ))
}

// ---- a seeded generator (SplitMix64), so the corpus is reproducible ----

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Standard normal (Box–Muller).
    fn gaussian(&mut self) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// FNV-1a of a category name, to seed each category apart.
fn hash(name: &str) -> u64 {
    name.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    })
}
