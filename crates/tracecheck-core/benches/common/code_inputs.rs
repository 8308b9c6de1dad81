//! The inputs both code-reading benchmarks time (`codes.rs` natively,
//! `codes_wasm.rs` in Chromium), so their figures compare like with like.

/// Typical inputs, one of each kind the widget meets.
pub const INPUTS: [(&str, &str); 7] = [
    ("DL URI, key only", "https://id.gs1.org/01/08931234567897"),
    (
        "DL URI, lot+serial+expiry",
        "https://resolver.example.vn/01/08931234567897/10/LOT2026A/21/SN0001?17=271231",
    ),
    (
        "QR scan ]Q1 + DL URI",
        "]Q1https://id.gs1.org/01/08931234567897/10/LOT7",
    ),
    (
        "element string ]d2 + GS",
        "]d2010893123456789710LOT7\u{1d}17271231",
    ),
    ("bracketed", "(01)08931234567897(10)LOT7(17)271231"),
    ("typed EAN-13 with spaces", "893 1234 56789 7"),
    ("other system's URL", "https://check.net.vn/p/0123456789"),
];
