//! The GS1 Application Identifiers, from the GS1 Barcode Syntax Dictionary.
//!
//! `build.rs` generates [`AI_TABLE`] from the copy of the dictionary kept in
//! `data/`; this module gives it types and lookups.

use serde::Serialize;

/// A character set an AI component is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Charset {
    /// Digits only (`N`).
    Numeric,
    /// GS1 AI encodable character set 82 (`X`).
    Cset82,
    /// GS1 AI encodable character set 39 (`Y`).
    Cset39,
    /// GS1 AI encodable character set 64, file-safe base64 (`Z`).
    Cset64,
}

/// A content check the dictionary names for a component (a GS1 "linter").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Linter {
    /// GS1 mod-10 check digit.
    Csum,
    /// Alphanumeric check-character pair (mod 1021).
    Csumalpha,
    /// Starts with a GS1 Company Prefix.
    Gcppos1,
    /// A GS1 Company Prefix from the second character.
    Gcppos2,
    /// `YYMMDD`, DD may be `00`.
    Yymmd0,
    /// `YYMMDD`.
    Yymmdd,
    /// `YYYYMMDD`.
    Yyyymmdd,
    /// `HHMI`.
    Hhmi,
    /// `HH`.
    Hh,
    /// `MI`.
    Mi,
    /// `SS`.
    Ss,
    /// ISO 3166 numeric country code.
    Iso3166,
    /// ISO 3166 numeric country code or `999`.
    Iso3166999,
    /// ISO 3166 alpha-2 country code.
    Iso3166alpha2,
    /// ISO 4217 numeric currency code.
    Iso4217,
    /// ISO/IEC 5218 biological sex code.
    Iso5218,
    /// International bank account number.
    Iban,
    /// Percent escapes are well formed.
    Pcenc,
    /// `0` or `1`.
    Yesno,
    /// Only hyphens.
    Hyphen,
    /// Latitude, `0000000000`–`1800000000`.
    Latitude,
    /// Longitude, `0000000000`–`3600000000`.
    Longitude,
    /// One importer-index character.
    Importeridx,
    /// A PackageTypeCode.
    Packagetype,
    /// An AIDC media type.
    Mediatype,
    /// `<pos>/<end>`.
    Posinseqslash,
    /// Not all zeros.
    Nonzero,
    /// Exactly `0`.
    Zero,
    /// No leading zero.
    Nozeroprefix,
    /// Contains a non-digit.
    Hasnondigit,
    /// Piece number and total, equal halves.
    Pieceoftotal,
    /// Winding direction `0`, `1` or `9`.
    Winding,
    /// North American coupon code (AI 8110).
    Couponcode,
    /// Positive offer file coupon code (AI 8112).
    Couponposoffer,
}

/// One component of an AI's value, as the dictionary splits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Component {
    /// Its character set.
    pub charset: Charset,
    /// Shortest length.
    pub min: usize,
    /// Longest length.
    pub max: usize,
    /// May be left out when the data ends before it.
    pub optional: bool,
    /// Content checks, in order.
    pub linters: &'static [Linter],
}

/// The rules for one AI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AiSpec {
    /// The AI itself, e.g. `01`.
    pub ai: &'static str,
    /// Its data title, e.g. `GTIN`.
    pub title: &'static str,
    /// A separator (FNC1) must follow it when another AI comes next: it has
    /// no predefined length.
    pub fnc1: bool,
    /// Allowed as a Digital Link data attribute (in the query).
    pub dl_attribute: bool,
    /// The value's components, in order.
    pub components: &'static [Component],
    /// Each entry must be met: one of its groups (AIs or `nn` patterns, all
    /// present together) must be present.
    pub requires: &'static [&'static [&'static [&'static str]]],
    /// AIs or patterns that must not appear with this one.
    pub excludes: &'static [&'static str],
    /// For a Digital Link primary key, its alternative qualifier sequences.
    pub dl_key: Option<&'static [&'static [&'static str]]>,
    /// Every AI that may qualify this key in a Digital Link path.
    pub qualifiers: &'static [&'static str],
}

/// What one dictionary line says; every AI of its range shares it (so the
/// generated table repeats references, not data).
struct LineSpec {
    title: &'static str,
    fnc1: bool,
    dl_attribute: bool,
    components: &'static [Component],
    requires: &'static [&'static [&'static [&'static str]]],
    excludes: &'static [&'static str],
    dl_key: Option<&'static [&'static [&'static str]]>,
    qualifiers: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/ai_table.rs"));

impl AiSpec {
    const fn new(ai: &'static str, line: &'static LineSpec) -> AiSpec {
        AiSpec {
            ai,
            title: line.title,
            fnc1: line.fnc1,
            dl_attribute: line.dl_attribute,
            components: line.components,
            requires: line.requires,
            excludes: line.excludes,
            dl_key: line.dl_key,
            qualifiers: line.qualifiers,
        }
    }

    /// Shortest allowed value.
    pub fn min_len(&self) -> usize {
        self.components
            .iter()
            .filter(|c| !c.optional)
            .map(|c| c.min)
            .sum()
    }

    /// Longest allowed value.
    pub fn max_len(&self) -> usize {
        self.components.iter().map(|c| c.max).sum()
    }

    /// A predefined-length AI: no FNC1 separator after it.
    pub fn is_fixed_length(&self) -> bool {
        !self.fnc1
    }

    /// A Digital Link primary key.
    pub fn is_primary_key(&self) -> bool {
        self.dl_key.is_some()
    }

    /// Every valid key-qualifier sequence after this key (the key itself not
    /// included), in the dictionary's order: for each alternative, every
    /// subset of its qualifiers in order, the empty one first.
    pub fn qualifier_sequences(&self) -> Vec<Vec<&'static str>> {
        let mut sequences = Vec::new();
        let alternatives = self.dl_key.unwrap_or_default();
        if alternatives.is_empty() {
            sequences.push(Vec::new());
        }
        for alternative in alternatives {
            let n = alternative.len().min(16);
            for mask in 0u32..(1 << n) {
                // The first qualifier is the most significant bit, so the
                // subsets come out in the order GS1 lists them.
                let seq = (0..n)
                    .filter(|i| mask & (1 << (n - 1 - i)) != 0)
                    .map(|i| alternative[i])
                    .collect();
                sequences.push(seq);
            }
        }
        sequences
    }

    /// True when `ais` (after the key, in order) is one of the valid sequences.
    pub fn accepts_qualifiers(&self, ais: &[&str]) -> bool {
        let Some(alternatives) = self.dl_key else {
            return false;
        };
        if ais.is_empty() {
            return true;
        }
        alternatives.iter().any(|alternative| {
            let mut rest = alternative.iter();
            ais.iter().all(|ai| rest.any(|q| q == ai))
        })
    }
}

/// The rules for `ai`, if the dictionary defines it.
pub fn ai_spec(ai: &str) -> Option<&'static AiSpec> {
    AI_TABLE
        .binary_search_by(|spec| spec.ai.cmp(ai))
        .ok()
        .map(|i| &AI_TABLE[i])
}

/// Every AI the dictionary defines, in order.
pub fn all_ais() -> &'static [AiSpec] {
    AI_TABLE
}

/// The AI that `data` starts with, if any (AIs are prefix-free).
pub fn ai_at_start(data: &str) -> Option<&'static AiSpec> {
    (2..=4).find_map(|n| data.get(..n).and_then(ai_spec))
}

/// True if some dictionary AI is a prefix of `ai` or has `ai` as a prefix:
/// such a string cannot be an AI of its own.
pub fn clashes_with_known_ai(ai: &str) -> bool {
    AI_TABLE
        .iter()
        .any(|spec| spec.ai.starts_with(ai) || ai.starts_with(spec.ai))
}

/// `35nn` matches `3512`; an AI matches itself.
pub fn matches_pattern(pattern: &str, ai: &str) -> bool {
    pattern.len() == ai.len()
        && pattern
            .bytes()
            .zip(ai.bytes())
            .all(|(p, a)| p == a || (p == b'n' && a.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_the_dictionary_entries() {
        let gtin = ai_spec("01").expect("01");
        assert_eq!(gtin.title, "GTIN");
        assert!(!gtin.fnc1 && gtin.dl_attribute && gtin.is_primary_key());
        assert_eq!(gtin.qualifiers, ["22", "10", "21", "235"]);
        assert_eq!((gtin.min_len(), gtin.max_len()), (14, 14));
        let lot = ai_spec("10").expect("10");
        assert!(lot.fnc1 && lot.dl_attribute);
        assert_eq!((lot.min_len(), lot.max_len()), (1, 20));
        assert_eq!(ai_spec("3925").map(|s| s.title), Some("PRICE"));
        assert!(ai_spec("3926").is_some() && ai_spec("3106").is_none());
        assert_eq!(
            ai_spec("8003").map(|s| (s.min_len(), s.max_len())),
            Some((14, 30))
        );
        assert_eq!(all_ais().len(), 541, "entries after expanding ranges");
    }

    #[test]
    fn lists_qualifier_sequences_in_dictionary_order() {
        let seqs = ai_spec("01").expect("01").qualifier_sequences();
        let expected: Vec<Vec<&str>> = vec![
            vec![],
            vec!["21"],
            vec!["10"],
            vec!["10", "21"],
            vec!["22"],
            vec!["22", "21"],
            vec!["22", "10"],
            vec!["22", "10", "21"],
            vec![],
            vec!["235"],
        ];
        assert_eq!(seqs, expected);
        let gtin = ai_spec("01").expect("01");
        assert!(gtin.accepts_qualifiers(&["22", "21"]));
        assert!(!gtin.accepts_qualifiers(&["21", "10"]));
        assert!(!gtin.accepts_qualifiers(&["10", "235"]));
    }

    #[test]
    fn finds_ais_at_the_start_of_data_and_matches_patterns() {
        assert_eq!(ai_at_start("0112345").map(|s| s.ai), Some("01"));
        assert_eq!(ai_at_start("3103000195").map(|s| s.ai), Some("3103"));
        assert_eq!(ai_at_start("7181"), None);
        assert!(matches_pattern("35nn", "3512") && !matches_pattern("35nn", "3612"));
        assert!(clashes_with_known_ai("011") && !clashes_with_known_ai("89"));
    }
}
