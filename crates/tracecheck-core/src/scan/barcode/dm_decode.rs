//! Data Matrix ECC 200 from a grid of modules: the symbol sizes (square,
//! rectangular and ISO 21471's extended rectangles), the module placement
//! of ISO/IEC 16022 Annex F, Reed-Solomon over GF(256) (polynomial 0x12D,
//! first root α¹) and the encodation modes (ASCII, C40, Text, X12,
//! EDIFACT, Base 256). Written from the standard's description.

/// One symbol size: modules (with finder and alignment patterns), data
/// region size, data and error correction codewords, and blocks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Size {
    pub rows: usize,
    pub cols: usize,
    region_rows: usize,
    region_cols: usize,
    data: usize,
    ecc: usize,
    blocks: usize,
}

const fn size(
    rows: usize,
    cols: usize,
    region_rows: usize,
    region_cols: usize,
    data: usize,
    ecc: usize,
    blocks: usize,
) -> Size {
    Size {
        rows,
        cols,
        region_rows,
        region_cols,
        data,
        ecc,
        blocks,
    }
}

/// Every ECC 200 size, rows × columns.
pub(super) const SIZES: &[Size] = &[
    size(10, 10, 8, 8, 3, 5, 1),
    size(12, 12, 10, 10, 5, 7, 1),
    size(14, 14, 12, 12, 8, 10, 1),
    size(16, 16, 14, 14, 12, 12, 1),
    size(18, 18, 16, 16, 18, 14, 1),
    size(20, 20, 18, 18, 22, 18, 1),
    size(22, 22, 20, 20, 30, 20, 1),
    size(24, 24, 22, 22, 36, 24, 1),
    size(26, 26, 24, 24, 44, 28, 1),
    size(32, 32, 14, 14, 62, 36, 1),
    size(36, 36, 16, 16, 86, 42, 1),
    size(40, 40, 18, 18, 114, 48, 1),
    size(44, 44, 20, 20, 144, 56, 1),
    size(48, 48, 22, 22, 174, 68, 1),
    size(52, 52, 24, 24, 204, 84, 2),
    size(64, 64, 14, 14, 280, 112, 2),
    size(72, 72, 16, 16, 368, 144, 4),
    size(80, 80, 18, 18, 456, 192, 4),
    size(88, 88, 20, 20, 576, 224, 4),
    size(96, 96, 22, 22, 696, 272, 4),
    size(104, 104, 24, 24, 816, 336, 6),
    size(120, 120, 18, 18, 1050, 408, 6),
    size(132, 132, 20, 20, 1304, 496, 8),
    size(144, 144, 22, 22, 1558, 620, 10),
    size(8, 18, 6, 16, 5, 7, 1),
    size(8, 32, 6, 14, 10, 11, 1),
    size(12, 26, 10, 24, 16, 14, 1),
    size(12, 36, 10, 16, 22, 18, 1),
    size(16, 36, 14, 16, 32, 24, 1),
    size(16, 48, 14, 22, 49, 28, 1),
    // ISO/IEC 21471 (DMRE).
    size(8, 48, 6, 22, 18, 15, 1),
    size(8, 64, 6, 14, 24, 18, 1),
    size(8, 80, 6, 18, 32, 22, 1),
    size(8, 96, 6, 22, 38, 28, 1),
    size(8, 120, 6, 18, 49, 32, 1),
    size(8, 144, 6, 22, 63, 36, 1),
    size(12, 64, 10, 14, 43, 27, 1),
    size(12, 88, 10, 20, 64, 36, 1),
    size(16, 64, 14, 14, 62, 36, 1),
    size(20, 36, 18, 16, 44, 28, 1),
    size(20, 44, 18, 20, 56, 34, 1),
    size(20, 64, 18, 14, 84, 42, 1),
    size(22, 48, 20, 22, 72, 38, 1),
    size(24, 48, 22, 22, 80, 41, 1),
    size(24, 64, 22, 14, 108, 46, 1),
    size(26, 40, 24, 18, 70, 38, 1),
    size(26, 48, 24, 22, 90, 42, 1),
    size(26, 64, 24, 14, 118, 50, 1),
];

/// The text of a symbol of `size` whose modules are `dark(row, col)`
/// (row 0 the timing row at the top, column 0 the solid left edge); `None`
/// unless Reed-Solomon accepts every block and the data decodes.
pub(super) fn decode(size: &Size, dark: &dyn Fn(usize, usize) -> bool) -> Option<String> {
    let codewords = read_codewords(size, dark)?;
    let data = correct(size, &codewords)?;
    decode_data(&data)
}

/// The mapping matrix (data regions without their borders), then the
/// codewords in placement order.
fn read_codewords(size: &Size, dark: &dyn Fn(usize, usize) -> bool) -> Option<Vec<u8>> {
    let (rr, rc) = (size.region_rows, size.region_cols);
    let regions_v = size.rows / (rr + 2);
    let regions_h = size.cols / (rc + 2);
    let (nrow, ncol) = (regions_v * rr, regions_h * rc);
    if nrow == 0 || ncol == 0 {
        return None;
    }
    let mut bits = vec![false; nrow * ncol];
    for r in 0..nrow {
        for c in 0..ncol {
            let sr = (r / rr) * (rr + 2) + r % rr + 1;
            let sc = (c / rc) * (rc + 2) + c % rc + 1;
            bits[r * ncol + c] = dark(sr, sc);
        }
    }
    let total = size.data + size.ecc;
    let mut placement = Placement {
        nrow: nrow as isize,
        ncol: ncol as isize,
        bits: &bits,
        read: vec![false; nrow * ncol],
        out: Vec::with_capacity(total),
        order: Vec::new(),
    };
    placement.run();
    let mut out = placement.out;
    if out.len() < total {
        return None;
    }
    out.truncate(total);
    Some(out)
}

struct Placement<'a> {
    nrow: isize,
    ncol: isize,
    bits: &'a [bool],
    read: Vec<bool>,
    out: Vec<u8>,
    /// Mapping-matrix index of each bit read, in order (for the tests'
    /// encoder).
    order: Vec<usize>,
}

impl Placement<'_> {
    fn module(&mut self, mut row: isize, mut col: isize) -> u8 {
        if row < 0 {
            row += self.nrow;
            col += 4 - ((self.nrow + 4) % 8);
        }
        if col < 0 {
            col += self.ncol;
            row += 4 - ((self.ncol + 4) % 8);
        }
        if row < 0 || col < 0 || row >= self.nrow || col >= self.ncol {
            return 0;
        }
        let i = (row * self.ncol + col) as usize;
        self.read[i] = true;
        self.order.push(i);
        u8::from(self.bits[i])
    }

    fn byte(&mut self, modules: [(isize, isize); 8]) {
        let mut value = 0u8;
        for (r, c) in modules {
            value = (value << 1) | self.module(r, c);
        }
        self.out.push(value);
    }

    fn utah(&mut self, r: isize, c: isize) {
        self.byte([
            (r - 2, c - 2),
            (r - 2, c - 1),
            (r - 1, c - 2),
            (r - 1, c - 1),
            (r - 1, c),
            (r, c - 2),
            (r, c - 1),
            (r, c),
        ]);
    }

    fn run(&mut self) {
        let (nrow, ncol) = (self.nrow, self.ncol);
        let (mut row, mut col) = (4isize, 0isize);
        loop {
            if row == nrow && col == 0 {
                self.byte([
                    (nrow - 1, 0),
                    (nrow - 1, 1),
                    (nrow - 1, 2),
                    (0, ncol - 2),
                    (0, ncol - 1),
                    (1, ncol - 1),
                    (2, ncol - 1),
                    (3, ncol - 1),
                ]);
            }
            if row == nrow - 2 && col == 0 && ncol % 4 != 0 {
                self.byte([
                    (nrow - 3, 0),
                    (nrow - 2, 0),
                    (nrow - 1, 0),
                    (0, ncol - 4),
                    (0, ncol - 3),
                    (0, ncol - 2),
                    (0, ncol - 1),
                    (1, ncol - 1),
                ]);
            }
            if row == nrow - 2 && col == 0 && ncol % 8 == 4 {
                self.byte([
                    (nrow - 3, 0),
                    (nrow - 2, 0),
                    (nrow - 1, 0),
                    (0, ncol - 2),
                    (0, ncol - 1),
                    (1, ncol - 1),
                    (2, ncol - 1),
                    (3, ncol - 1),
                ]);
            }
            if row == nrow + 4 && col == 2 && ncol % 8 == 0 {
                self.byte([
                    (nrow - 1, 0),
                    (nrow - 1, ncol - 1),
                    (0, ncol - 3),
                    (0, ncol - 2),
                    (0, ncol - 1),
                    (1, ncol - 3),
                    (1, ncol - 2),
                    (1, ncol - 1),
                ]);
            }
            // Up and to the right.
            loop {
                if row < nrow && col >= 0 && !self.read[(row * ncol + col) as usize] {
                    self.utah(row, col);
                }
                row -= 2;
                col += 2;
                if !(row >= 0 && col < ncol) {
                    break;
                }
            }
            row += 1;
            col += 3;
            // Down and to the left.
            loop {
                if row >= 0 && col < ncol && !self.read[(row * ncol + col) as usize] {
                    self.utah(row, col);
                }
                row += 2;
                col -= 2;
                if !(row < nrow && col >= 0) {
                    break;
                }
            }
            row += 3;
            col += 1;
            if !(row < nrow || col < ncol) {
                break;
            }
        }
    }
}

/// GF(256) with the Data Matrix polynomial x⁸+x⁵+x³+x²+1.
struct Field {
    exp: [u8; 512],
    log: [u8; 256],
}

impl Field {
    fn new() -> Field {
        let mut exp = [0u8; 512];
        let mut log = [0u8; 256];
        let mut x: u16 = 1;
        for (i, slot) in exp.iter_mut().take(255).enumerate() {
            *slot = x as u8;
            log[x as usize] = i as u8;
            x <<= 1;
            if x & 0x100 != 0 {
                x ^= 0x12D;
            }
        }
        for i in 255..512 {
            exp[i] = exp[i - 255];
        }
        Field { exp, log }
    }

    fn mul(&self, a: u8, b: u8) -> u8 {
        if a == 0 || b == 0 {
            0
        } else {
            self.exp[usize::from(self.log[usize::from(a)]) + usize::from(self.log[usize::from(b)])]
        }
    }

    fn div(&self, a: u8, b: u8) -> u8 {
        if a == 0 || b == 0 {
            0
        } else {
            self.exp[usize::from(self.log[usize::from(a)]) + 255
                - usize::from(self.log[usize::from(b)])]
        }
    }

    /// α^power, any power.
    fn pow(&self, power: usize) -> u8 {
        self.exp[power % 255]
    }

    /// p(x) with p[0] the constant term.
    fn eval(&self, p: &[u8], x: u8) -> u8 {
        p.iter().rev().fold(0, |acc, &c| self.mul(acc, x) ^ c)
    }
}

/// De-interleaves the blocks, corrects each, and returns the data
/// codewords in order.
fn correct(size: &Size, codewords: &[u8]) -> Option<Vec<u8>> {
    let field = Field::new();
    let blocks = size.blocks;
    let ecc_per_block = size.ecc / blocks;
    let mut data = vec![0u8; size.data];
    for b in 0..blocks {
        // Block b holds codewords b, b + blocks, …: data, then ECC.
        let data_positions: Vec<usize> = (b..size.data).step_by(blocks).collect();
        let ecc_positions: Vec<usize> = (0..ecc_per_block)
            .map(|k| size.data + b + k * blocks)
            .collect();
        let mut block: Vec<u8> = data_positions
            .iter()
            .chain(&ecc_positions)
            .map(|&i| codewords.get(i).copied())
            .collect::<Option<Vec<u8>>>()?;
        rs_correct(&field, &mut block, ecc_per_block)?;
        for (k, &i) in data_positions.iter().enumerate() {
            data[i] = block[k];
        }
    }
    Some(data)
}

/// Corrects `block` (highest-degree codeword first) in place; `None` when
/// it has more errors than `ecc` codewords can correct.
fn rs_correct(field: &Field, block: &mut [u8], ecc: usize) -> Option<()> {
    let n = block.len();
    let syndromes = |block: &[u8]| -> Vec<u8> {
        (1..=ecc)
            .map(|j| {
                let x = field.pow(j);
                block.iter().fold(0u8, |acc, &c| field.mul(acc, x) ^ c)
            })
            .collect()
    };
    let s = syndromes(block);
    if s.iter().all(|&v| v == 0) {
        return Some(());
    }
    // Berlekamp-Massey: the error locator Λ (constant term first).
    let mut c = vec![1u8];
    let mut b = vec![1u8];
    let mut l = 0usize;
    let mut m = 1usize;
    let mut last = 1u8;
    for i in 0..ecc {
        let mut d = s[i];
        for k in 1..=l.min(c.len() - 1) {
            d ^= field.mul(c[k], s[i - k]);
        }
        if d == 0 {
            m += 1;
            continue;
        }
        let scale = field.div(d, last);
        let mut next = c.clone();
        if next.len() < b.len() + m {
            next.resize(b.len() + m, 0);
        }
        for (k, &bk) in b.iter().enumerate() {
            next[k + m] ^= field.mul(scale, bk);
        }
        if 2 * l <= i {
            b = c;
            l = i + 1 - l;
            last = d;
            m = 1;
        } else {
            m += 1;
        }
        c = next;
    }
    c.truncate(l + 1);
    if 2 * l > ecc || c.len() != l + 1 {
        return None;
    }
    // Chien search: error at power e (codeword n-1-e) where Λ(α^-e) = 0.
    let mut positions = Vec::new();
    for e in 0..n {
        if field.eval(&c, field.pow(255 - e % 255)) == 0 {
            positions.push(e);
        }
    }
    if positions.len() != l {
        return None;
    }
    // Forney: Ω = S·Λ mod x^ecc; error value Ω(X⁻¹) / Λ'(X⁻¹).
    let mut omega = vec![0u8; ecc];
    for (i, &si) in s.iter().enumerate() {
        for (k, &ck) in c.iter().enumerate() {
            if i + k < ecc {
                omega[i + k] ^= field.mul(si, ck);
            }
        }
    }
    let derivative: Vec<u8> = (1..c.len())
        .map(|k| if k % 2 == 1 { c[k] } else { 0 })
        .collect();
    for &e in &positions {
        let x_inv = field.pow(255 - e % 255);
        let denominator = field.eval(&derivative, x_inv);
        if denominator == 0 {
            return None;
        }
        let value = field.div(field.eval(&omega, x_inv), denominator);
        block[n - 1 - e] ^= value;
    }
    syndromes(block).iter().all(|&v| v == 0).then_some(())
}

/// FNC1 in a text: the GS separator of GS1 element strings.
const GS: u8 = 0x1D;

enum Mode {
    Ascii,
    C40,
    Text,
    X12,
    Edifact,
    Base256,
}

/// The data codewords as text; GS1 data (FNC1 first) as `]d2` + element
/// string with GS separators.
fn decode_data(data: &[u8]) -> Option<String> {
    let mut out: Vec<u8> = Vec::new();
    let mut trailer: &[u8] = &[];
    let mut gs1 = false;
    let mut upper = false;
    let mut i = 0;
    let mut mode = Mode::Ascii;
    while i < data.len() {
        match mode {
            Mode::Ascii => {
                let cw = data[i];
                i += 1;
                match cw {
                    1..=128 => {
                        out.push((cw - 1) + if upper { 128 } else { 0 });
                        upper = false;
                    }
                    129 => break,
                    130..=229 => {
                        let v = cw - 130;
                        out.push(b'0' + v / 10);
                        out.push(b'0' + v % 10);
                    }
                    230 => mode = Mode::C40,
                    231 => mode = Mode::Base256,
                    232 => {
                        if i == 1 {
                            gs1 = true;
                        } else {
                            out.push(GS);
                        }
                    }
                    // Reader programming: nothing to show.
                    234 if i == 1 => {}
                    235 => upper = true,
                    236 if i == 1 => {
                        out.extend_from_slice(b"[)>\x1e05\x1d");
                        trailer = b"\x1e\x04";
                    }
                    237 if i == 1 => {
                        out.extend_from_slice(b"[)>\x1e06\x1d");
                        trailer = b"\x1e\x04";
                    }
                    238 => mode = Mode::X12,
                    239 => mode = Mode::Text,
                    240 => mode = Mode::Edifact,
                    // Structured append, ECI and the rest: not read.
                    _ => return None,
                }
            }
            Mode::C40 | Mode::Text | Mode::X12 => {
                let text = matches!(mode, Mode::Text);
                let x12 = matches!(mode, Mode::X12);
                let mut shift = 0u8;
                loop {
                    if i + 1 >= data.len() || data[i] == 254 {
                        if data.get(i) == Some(&254) {
                            i += 1;
                        }
                        break;
                    }
                    let v = u16::from(data[i]) * 256 + u16::from(data[i + 1]) - 1;
                    i += 2;
                    for value in [v / 1600, (v / 40) % 40, v % 40] {
                        let value = value as u8;
                        if x12 {
                            out.push(match value {
                                0 => b'\r',
                                1 => b'*',
                                2 => b'>',
                                3 => b' ',
                                4..=13 => b'0' + value - 4,
                                14..=39 => b'A' + value - 14,
                                _ => return None,
                            });
                            continue;
                        }
                        let mut push = |c: u8, out: &mut Vec<u8>| {
                            out.push(c + if upper { 128 } else { 0 });
                            upper = false;
                        };
                        match shift {
                            0 => match value {
                                0..=2 => shift = value + 1,
                                3 => push(b' ', &mut out),
                                4..=13 => push(b'0' + value - 4, &mut out),
                                14..=39 if text => push(b'a' + value - 14, &mut out),
                                14..=39 => push(b'A' + value - 14, &mut out),
                                _ => return None,
                            },
                            1 => {
                                push(value, &mut out);
                                shift = 0;
                            }
                            2 => {
                                match value {
                                    0..=14 => push(b'!' + value, &mut out),
                                    15..=21 => push(b':' + value - 15, &mut out),
                                    22..=26 => push(b'[' + value - 22, &mut out),
                                    27 => out.push(GS),
                                    30 => upper = true,
                                    _ => return None,
                                }
                                shift = 0;
                            }
                            _ => {
                                match value {
                                    _ if !text => push(96 + value, &mut out),
                                    0 => push(b'`', &mut out),
                                    1..=26 => push(b'A' + value - 1, &mut out),
                                    27..=31 => push(b'{' + value - 27, &mut out),
                                    _ => return None,
                                }
                                shift = 0;
                            }
                        }
                    }
                }
                mode = Mode::Ascii;
            }
            Mode::Edifact => {
                // Four 6-bit values in every three codewords.
                let mut bit = i * 8;
                let end = data.len() * 8;
                let read6 = |bit: usize| -> u8 {
                    let mut v = 0u8;
                    for k in 0..6 {
                        let b = bit + k;
                        v = (v << 1) | ((data[b / 8] >> (7 - b % 8)) & 1);
                    }
                    v
                };
                loop {
                    if end - bit <= 16 {
                        break;
                    }
                    let v = read6(bit);
                    bit += 6;
                    if v == 0b011111 {
                        break;
                    }
                    out.push(if v & 0x20 == 0 { v | 0x40 } else { v });
                }
                i = bit.div_ceil(8);
                mode = Mode::Ascii;
            }
            Mode::Base256 => {
                let unrandom = |pos: usize, cw: u8| -> u8 {
                    let r = ((149 * pos) % 255 + 1) as i32;
                    (i32::from(cw) - r).rem_euclid(256) as u8
                };
                let d1 = usize::from(unrandom(i + 1, data[i]));
                i += 1;
                let len = match d1 {
                    0 => data.len() - i,
                    1..=249 => d1,
                    _ => {
                        let d2 = usize::from(unrandom(i + 1, *data.get(i)?));
                        i += 1;
                        (d1 - 249) * 250 + d2
                    }
                };
                if i + len > data.len() {
                    return None;
                }
                for _ in 0..len {
                    out.push(unrandom(i + 1, data[i]));
                    i += 1;
                }
                mode = Mode::Ascii;
            }
        }
    }
    out.extend_from_slice(trailer);
    // Bytes are ISO-8859-1 unless an ECI said otherwise (ECIs are not read).
    let text: String = out.iter().map(|&b| char::from(b)).collect();
    if text.is_empty() {
        return None;
    }
    Some(if gs1 { format!("]d2{text}") } else { text })
}

// The encoder: the demo sheet, the fake camera's video and the tests draw
// symbols with it (ASCII mode only).

/// Systematic RS encoding (generator ∏(x - α^j), j = 1..ecc).
fn encode(field: &Field, data: &[u8], ecc: usize) -> Vec<u8> {
    let mut generator = vec![1u8];
    for j in 1..=ecc {
        let root = field.pow(j);
        let mut next = vec![0u8; generator.len() + 1];
        for (k, &g) in generator.iter().enumerate() {
            next[k] ^= g;
            next[k + 1] ^= field.mul(g, root);
        }
        generator = next;
    }
    let mut remainder = vec![0u8; ecc];
    for &d in data {
        let factor = d ^ remainder[0];
        remainder.rotate_left(1);
        remainder[ecc - 1] = 0;
        for k in 0..ecc {
            remainder[k] ^= field.mul(generator[k + 1], factor);
        }
    }
    data.iter().copied().chain(remainder).collect()
}

/// A whole symbol (finder, timing and alignment patterns included) for
/// `text` in ASCII mode, `gs1` putting FNC1 first and `\x1d` as FNC1:
/// `rows[r][c]` true for dark. The smallest square size that fits.
pub(super) fn encode_symbol(text: &str, gs1: bool) -> Option<Vec<Vec<bool>>> {
    let mut data = Vec::new();
    if gs1 {
        data.push(232u8);
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (a, b) = (bytes[i], bytes.get(i + 1).copied());
        if a == 0x1d {
            data.push(232);
            i += 1;
        } else if a.is_ascii_digit() && b.is_some_and(|b| b.is_ascii_digit()) {
            data.push(130 + (a - b'0') * 10 + (b.unwrap_or(b'0') - b'0'));
            i += 2;
        } else {
            data.push(a + 1);
            i += 1;
        }
    }
    let size = *SIZES
        .iter()
        .find(|s| s.rows == s.cols && s.blocks == 1 && s.data >= data.len())?;
    if data.len() < size.data {
        data.push(129);
    }
    while data.len() < size.data {
        let pos = data.len() + 1;
        let mut pad = 129 + (149 * pos) % 253 + 1;
        if pad > 254 {
            pad -= 254;
        }
        data.push(pad as u8);
    }
    let codewords = encode(&Field::new(), &data, size.ecc);
    let (rr, rc) = (size.region_rows, size.region_cols);
    let (nrow, ncol) = ((size.rows / (rr + 2)) * rr, (size.cols / (rc + 2)) * rc);
    let bits = vec![false; nrow * ncol];
    let mut placement = Placement {
        nrow: nrow as isize,
        ncol: ncol as isize,
        bits: &bits,
        read: vec![false; nrow * ncol],
        out: Vec::new(),
        order: Vec::new(),
    };
    placement.run();
    let mut matrix = vec![false; nrow * ncol];
    for (k, &index) in placement.order.iter().enumerate().take(codewords.len() * 8) {
        matrix[index] = codewords[k / 8] & (0x80 >> (k % 8)) != 0;
    }
    if !placement.read[nrow * ncol - 1] {
        // The fixed pattern in an unused corner.
        matrix[nrow * ncol - 1] = true;
        matrix[(nrow - 2) * ncol + ncol - 2] = true;
    }
    let mut rows = vec![vec![false; size.cols]; size.rows];
    for (r, row) in rows.iter_mut().enumerate() {
        for (c, module) in row.iter_mut().enumerate() {
            let (ir, ic) = (r % (rr + 2), c % (rc + 2));
            *module = if ic == 0 || ir == rr + 1 {
                true
            } else if ir == 0 {
                c % 2 == 0
            } else if ic == rc + 1 {
                (rr + 1 - ir) % 2 == 0
            } else {
                matrix[((r / (rr + 2)) * rr + ir - 1) * ncol + (c / (rc + 2)) * rc + ic - 1]
            };
        }
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reed_solomon_corrects_up_to_half_its_codewords() {
        let field = Field::new();
        // A codeword of the 10×10 size (3 data, 5 ECC): build it by
        // finding the ECC that makes every syndrome zero, by search over
        // a systematic encoder.
        let data = [142u8, 164, 186];
        let block = encode(&field, &data, 5);
        let mut damaged = block.clone();
        damaged[0] ^= 0x55;
        damaged[6] ^= 0x01;
        assert_eq!(rs_correct(&field, &mut damaged, 5), Some(()));
        assert_eq!(damaged, block);
        let mut hopeless = block.clone();
        for b in hopeless.iter_mut().take(4) {
            *b ^= 0xA5;
        }
        assert_ne!(
            rs_correct(&field, &mut hopeless, 5).map(|()| hopeless.clone()),
            Some(block)
        );
    }

    #[test]
    fn an_encoded_symbol_decodes() {
        let rows = encode_symbol("]d2 is not data", false).expect("fits");
        let size = SIZES
            .iter()
            .find(|s| s.rows == rows.len() && s.cols == rows[0].len());
        let size = size.expect("a size");
        assert_eq!(
            decode(size, &|r, c| rows[r][c]).as_deref(),
            Some("]d2 is not data")
        );
    }

    #[test]
    fn decodes_each_mode() {
        // "123456" in ASCII digit pairs, then pad.
        assert_eq!(
            decode_data(&[142, 164, 186, 129]).as_deref(),
            Some("123456")
        );
        // GS1: FNC1 first, then 01 + GTIN, FNC1 as GS.
        assert_eq!(
            decode_data(&[232, 131, 138, 232, 66]).as_deref(),
            Some("]d20108\u{1d}A")
        );
        // C40 "AIM": (14+8)·1600 + (14+12)·40 + 14+1 = 36256 → 141, 160.
        // A=14, I=22, M=26: 14·1600 + 22·40 + 26 + 1 = 23307 → 91, 11.
        assert_eq!(
            decode_data(&[230, 91, 11, 254, 129]).as_deref(),
            Some("AIM")
        );
    }
}
