//! Reading what a shopper scanned or typed: GS1 Digital Link URIs, element
//! strings (with or without a symbology identifier, GS as FNC1), the
//! bracketed `(01)…(10)…` form, plain GTINs, and the web addresses of other
//! systems. Every AI is checked against the GS1 Barcode Syntax Dictionary
//! (lengths, character sets, check digits, dates and the other "linters",
//! and the rules between AIs).
//!
//! [`read`] is the front door; the parsers and writers for each form are
//! public for the CLI and the tests.

mod associations;
mod bracketed;
mod dictionary;
mod digital_link;
mod element_string;
mod error;
mod foreign;
mod gtin;
mod legacy;
mod lint;
mod read;
mod scan_data;
mod suggest;
mod value;

pub use associations::check_associations;
pub use bracketed::{parse_bracketed, write_bracketed};
pub use dictionary::{AiSpec, Charset, Component, Linter, ai_spec, all_ais};
pub use digital_link::{
    GS1_STEM, parse_digital_link, parse_digital_link_with, path_starts_with_gs1_key,
    to_digital_link, to_digital_link_with, uri_escape, uri_unescape,
};
pub use element_string::{parse_element_string, write_element_string};
pub use error::{
    CodeError, CouponField, CouponIssue, ScanProblem, SyntaxProblem, UriProblem, ValueProblem,
};
pub use foreign::ForeignSystem;
pub use gtin::{gtin_check_digit, is_valid_gtin};
pub use legacy::StampKind;
pub use read::read;
pub use scan_data::{GS, Payload, Scan, Symbology, generate_scan_data, process_scan_data};
pub use suggest::suggest_correction;

use serde::Serialize;

/// What a piece of text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadCode {
    /// GS1 data naming a trade item: a record can be looked up and verified.
    Gs1(Gs1Code),
    /// The web address of another traceability system or shop: there is no
    /// signed trace record here to verify. `stamp` says what kind of code
    /// that system printed; `gtin` is a GTIN-14 the address carries (with a
    /// valid check digit), which can be checked as a typed GTIN.
    Foreign {
        url: String,
        system: ForeignSystem,
        stamp: StampKind,
        #[serde(skip_serializing_if = "Option::is_none")]
        gtin: Option<String>,
    },
}

/// How the GS1 data was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeForm {
    /// A GS1 Digital Link URI.
    DigitalLink,
    /// An element string (`^…`, or scanner data with GS separators).
    ElementString,
    /// The human-readable `(01)…(10)…` form.
    Bracketed,
    /// A bare GTIN-8/12/13/14 number (typed, or an EAN/UPC scan).
    PlainGtin,
}

/// Parser switches that GS1's reference engine offers; all off by default
/// except that unknown AIs are never Digital Link attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Accept AIs the dictionary does not define (bracketed data and, with
    /// `unknown_ai_not_dl_attribute` off, Digital Link queries).
    pub permit_unknown_ais: bool,
    /// Accept a GTIN-8/12/13 after `/01/` and pad it to 14 digits.
    pub permit_zero_suppressed_gtin: bool,
    /// Accept the legacy short path names (`/gtin/`, `/ser/`…).
    pub permit_convenience_alphas: bool,
    /// Unknown AIs are never Digital Link data attributes.
    pub unknown_ai_not_dl_attribute: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            permit_unknown_ais: false,
            permit_zero_suppressed_gtin: false,
            permit_convenience_alphas: false,
            unknown_ai_not_dl_attribute: true,
        }
    }
}

/// One GS1 Application Identifier and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Element {
    /// The AI, e.g. `01`.
    pub ai: String,
    /// Its value, e.g. a 14-digit GTIN.
    pub value: String,
}

impl Element {
    /// An element from an AI and its value.
    pub fn new(ai: impl Into<String>, value: impl Into<String>) -> Self {
        Element {
            ai: ai.into(),
            value: value.into(),
        }
    }

    /// The dictionary's title for the AI (`GTIN`, `BATCH/LOT`…), if known.
    pub fn title(&self) -> Option<&'static str> {
        ai_spec(&self.ai).map(|spec| spec.title)
    }
}

/// Validated GS1 data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gs1Code {
    /// How it was written.
    pub form: CodeForm,
    /// Its elements in the order read (for a Digital Link: path, then query).
    pub elements: Vec<Element>,
    /// For a Digital Link URI: the resolver it names (`https://host[/stem]`).
    pub resolver: Option<String>,
    /// For a Digital Link URI: how many leading elements were its path (key
    /// and qualifiers); 0 for other forms.
    #[serde(skip_serializing_if = "is_zero")]
    pub path_len: usize,
    /// The barcode it was scanned from, when the scanner said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbology: Option<Symbology>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Gs1Code {
    /// GS1 data in `form`, with no resolver.
    pub fn new(form: CodeForm, elements: Vec<Element>) -> Self {
        Gs1Code {
            form,
            elements,
            resolver: None,
            path_len: 0,
            symbology: None,
        }
    }

    /// The value of `ai`, if present.
    pub fn get(&self, ai: &str) -> Option<&str> {
        self.elements
            .iter()
            .find(|e| e.ai == ai)
            .map(|e| e.value.as_str())
    }

    /// The GTIN-14 (AI 01).
    pub fn gtin(&self) -> Option<&str> {
        self.get("01")
    }

    /// The batch or lot number (AI 10).
    pub fn lot(&self) -> Option<&str> {
        self.get("10")
    }

    /// The serial number (AI 21).
    pub fn serial(&self) -> Option<&str> {
        self.get("21")
    }

    /// The element string with `^` for FNC1, as GS1's test vectors write it.
    pub fn element_string(&self) -> String {
        write_element_string(&self.elements)
    }

    /// The bracketed `(01)…` form.
    pub fn bracketed(&self) -> String {
        write_bracketed(&self.elements)
    }

    /// The primary key and the qualifiers that a Digital Link path carries:
    /// what a resolver looks a record up by.
    pub fn key_path(&self) -> Vec<&Element> {
        digital_link::key_path(&self.elements, self.path_len)
    }

    /// The canonical Digital Link URI under `stem` (e.g. `https://id.gs1.org`).
    pub fn try_digital_link(&self, stem: &str) -> Result<String, CodeError> {
        digital_link::generate(stem, &self.elements, self.path_len, &Options::default())
    }

    /// As [`Gs1Code::try_digital_link`]; [`read`] only returns codes that can
    /// be written, so this falls back to the key path alone only for data
    /// built by hand.
    pub fn digital_link(&self, stem: &str) -> String {
        self.try_digital_link(stem).unwrap_or_else(|_| {
            let mut uri = stem.strip_suffix('/').unwrap_or(stem).to_owned();
            for e in self.key_path() {
                uri.push_str(&format!("/{}/{}", e.ai, uri_escape(&e.value, false)));
            }
            uri
        })
    }
}
