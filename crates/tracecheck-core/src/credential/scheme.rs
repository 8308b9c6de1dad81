//! The certification schemes tracecheck knows by code. A badge's name comes
//! from this table (translated by the view), never from the words a
//! certificate or a passport writes about itself: a certifier accredited
//! for VietGAP can write "OCOP ★★★★★" in its certificate's `scheme.name`,
//! but its verified scheme code stays `vietgap`.

use serde::Serialize;

/// A scheme, by the code the trust list scopes certifiers with (and
/// serialised as that code: `"vietgap"`, `"ocop"`, or an unlisted code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// VietGAP: Vietnamese good agricultural practice for crops (TCVN 11892-1).
    VietGap,
    /// VietGAHP: good animal husbandry practice (TCVN 11892-2 and the
    /// ministry's VietGAHP rules).
    VietGahp,
    /// GLOBALG.A.P.
    GlobalGap,
    /// Organic production (TCVN 11041 and equivalent schemes).
    Organic,
    /// HACCP food-safety system.
    Haccp,
    /// ISO 22000 food-safety management.
    Iso22000,
    /// Good manufacturing practice (GMP, e.g. GMP-WHO for medicines).
    Gmp,
    /// OCOP, One Commune One Product: star ratings by the OCOP council.
    Ocop,
    /// A code this table does not know; shown as the code itself.
    Unlisted(String),
}

impl Scheme {
    /// The scheme for a code (ASCII case-insensitive; `_`, spaces and dots
    /// ignored, so `VietGAP`, `GLOBALG.A.P.`, `ISO 22000` all read). Every
    /// listed code is ASCII, and Unicode lowercasing would read no other
    /// letter into one (its only non-ASCII-to-ASCII mapping is the Kelvin
    /// sign's, to a `k` no code has), so ASCII is exact and spares the
    /// widget Unicode's case tables (about 9 KB of its download).
    pub fn from_code(code: &str) -> Scheme {
        let key: String = code
            .chars()
            .filter(|c| !matches!(c, '_' | ' ' | '.' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match key.as_str() {
            "vietgap" => Scheme::VietGap,
            "vietgahp" => Scheme::VietGahp,
            "globalgap" => Scheme::GlobalGap,
            "organic" => Scheme::Organic,
            "haccp" => Scheme::Haccp,
            "iso22000" => Scheme::Iso22000,
            "gmp" | "gmpwho" => Scheme::Gmp,
            "ocop" => Scheme::Ocop,
            _ => Scheme::Unlisted(code.trim().to_ascii_lowercase()),
        }
    }

    /// The code, as trust lists write it.
    pub fn code(&self) -> &str {
        match self {
            Scheme::VietGap => "vietgap",
            Scheme::VietGahp => "vietgahp",
            Scheme::GlobalGap => "globalgap",
            Scheme::Organic => "organic",
            Scheme::Haccp => "haccp",
            Scheme::Iso22000 => "iso22000",
            Scheme::Gmp => "gmp",
            Scheme::Ocop => "ocop",
            Scheme::Unlisted(code) => code,
        }
    }

    /// Whether the scheme rates with stars (only OCOP does).
    pub fn rates_with_stars(&self) -> bool {
        matches!(self, Scheme::Ocop)
    }
}

impl Serialize for Scheme {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// An OCOP rating of 1 to 5 stars. Only the verifier makes one, and only
/// from a verified credential of a certifier the trust list accredits for
/// OCOP, so a view that shows stars shows verified stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OcopStars(u8);

impl OcopStars {
    /// `stars` when it is 1 to 5.
    pub(crate) fn new(stars: u64) -> Option<OcopStars> {
        u8::try_from(stars)
            .ok()
            .filter(|s| (1..=5).contains(s))
            .map(OcopStars)
    }

    /// How many stars (1–5).
    pub fn count(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_loosely_and_print_canonically() {
        for (written, scheme) in [
            ("vietgap", Scheme::VietGap),
            ("VietGAP", Scheme::VietGap),
            ("GLOBALG.A.P.", Scheme::GlobalGap),
            ("ISO 22000", Scheme::Iso22000),
            ("GMP-WHO", Scheme::Gmp),
            ("OCOP", Scheme::Ocop),
        ] {
            assert_eq!(Scheme::from_code(written), scheme, "{written}");
        }
        // Look-alike capitals are not the listed letters.
        for written in ["V\u{130}ETGAP", "OC\u{39f}P", "\u{ff36}ietGAP"] {
            assert!(
                matches!(Scheme::from_code(written), Scheme::Unlisted(_)),
                "{written}"
            );
        }
        let halal = Scheme::from_code(" Halal ");
        assert_eq!(halal, Scheme::Unlisted("halal".into()));
        assert_eq!(halal.code(), "halal");
        assert_eq!(Scheme::from_code("vietgap").code(), "vietgap");
        assert!(Scheme::Ocop.rates_with_stars());
        assert_eq!(
            serde_json::to_string(&Scheme::VietGap).ok().as_deref(),
            Some("\"vietgap\"")
        );
        assert!(!Scheme::VietGap.rates_with_stars());
    }

    #[test]
    fn stars_are_one_to_five() {
        assert_eq!(OcopStars::new(4).map(OcopStars::count), Some(4));
        for bad in [0, 6, 255, 256, u64::MAX] {
            assert_eq!(OcopStars::new(bad), None, "{bad}");
        }
    }
}
