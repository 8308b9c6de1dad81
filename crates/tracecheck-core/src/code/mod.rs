//! Reading what a shopper scanned or typed: GS1 Digital Link URIs, bracketed
//! element strings, plain GTINs, and the web addresses of other systems.

mod ai;
mod digital_link;
mod error;
mod gtin;
mod read;

pub use ai::{AiSpec, ai_spec};
pub use digital_link::{parse_digital_link, to_digital_link};
pub use error::CodeError;
pub use gtin::{gtin_check_digit, is_valid_gtin};
pub use read::read;

use serde::Serialize;

/// What a piece of text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadCode {
    /// GS1 data naming a trade item: a record can be looked up and verified.
    Gs1(Gs1Code),
    /// The web address of another traceability system or shop: there is no
    /// signed trace record here to verify.
    Foreign { url: String, system: ForeignSystem },
}

/// Other systems whose addresses appear on Vietnamese packaging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForeignSystem {
    /// The national traceability portal (truyxuatnguongoc.gov.vn and similar).
    NationalPortal,
    /// A provincial or commercial checking service (e.g. check.net.vn).
    CheckService,
    /// Any other web address.
    Website,
}

/// How the GS1 data was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeForm {
    /// A GS1 Digital Link URI.
    DigitalLink,
    /// The human-readable `(01)…(10)…` form.
    Bracketed,
    /// A bare GTIN-8/12/13/14 number.
    PlainGtin,
}

/// One GS1 Application Identifier and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Element {
    /// The AI, e.g. `01`.
    pub ai: String,
    /// Its value, e.g. a 14-digit GTIN.
    pub value: String,
}

/// Validated GS1 data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gs1Code {
    /// How it was written.
    pub form: CodeForm,
    /// Its elements, primary key first.
    pub elements: Vec<Element>,
    /// For a Digital Link URI: the resolver it names (`https://host[/stem]`).
    pub resolver: Option<String>,
}

impl Gs1Code {
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
        let mut out = String::from("^");
        let mut needs_separator = false;
        for element in &self.elements {
            if needs_separator {
                out.push('^');
            }
            out.push_str(&element.ai);
            out.push_str(&element.value);
            needs_separator = ai_spec(&element.ai).is_some_and(|spec| !spec.is_fixed_length());
        }
        out
    }

    /// The canonical Digital Link URI under `stem` (e.g. `https://id.gs1.org`).
    pub fn digital_link(&self, stem: &str) -> String {
        to_digital_link(stem, &self.elements)
    }
}
