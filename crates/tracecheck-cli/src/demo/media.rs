//! Product pictures for the demo: small SVG drawings made for it, served by
//! the resolver at `/media/{name}.svg` and named by each passport's
//! `productImage`.

/// `(name, SVG)` of every picture.
pub const IMAGES: &[(&str, &str)] = &[
    ("longan", include_str!("media/longan.svg")),
    ("chicken", include_str!("media/chicken.svg")),
    ("honey", include_str!("media/honey.svg")),
    ("medicine", include_str!("media/medicine.svg")),
];

/// The registry path of a picture.
pub fn path(name: &str) -> String {
    format!("media/{name}.svg")
}
