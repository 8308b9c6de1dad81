use std::process::ExitCode;

use serde::Serialize;
use tracecheck_core::code::{
    CodeError, CodeForm, Element, GS1_STEM, Gs1Code, ReadCode, Symbology, read,
};

/// `tracecheck code …`
#[derive(clap::Subcommand)]
pub enum Command {
    /// Print a JSON breakdown of what TEXT is (exit 2 if it is not a usable code).
    Parse {
        /// A Digital Link URI, element string (`^…`, `]d2…`), `(01)…` string,
        /// GTIN, or anything scanned.
        text: String,
    },
    /// Print the element string (`^` for FNC1) of any GS1 code `parse` reads.
    ToElementString {
        /// A Digital Link URI, element string (`^` or GS as FNC1), scanner
        /// data (`]d2…`, `]E0…|]e0…`), `(01)…` string or GTIN.
        #[arg(value_name = "TEXT")]
        uri: String,
    },
    /// Print the canonical GS1 Digital Link URI of any GS1 code `parse` reads.
    ToDl {
        /// The resolver stem to put before the path.
        #[arg(long, default_value = GS1_STEM)]
        stem: String,
        /// Bracketed AI data such as `(01)08931234567897(10)LOT7`, or any
        /// other form `parse` reads.
        #[arg(value_name = "TEXT")]
        bracketed: String,
    },
}

pub fn run(command: Command) -> super::Outcome {
    match command {
        Command::Parse { text } => match read(&text) {
            Ok(ReadCode::Gs1(code)) => {
                super::print_json(&Breakdown::of(&code))?;
                Ok(ExitCode::SUCCESS)
            }
            Ok(foreign @ ReadCode::Foreign { .. }) => {
                super::print_json(&foreign)?;
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                super::print_json(&serde_json::json!({ "error": error }))?;
                Ok(ExitCode::from(2))
            }
        },
        Command::ToElementString { uri } => {
            println!("{}", gs1_code(&uri)?.element_string());
            Ok(ExitCode::SUCCESS)
        }
        Command::ToDl { stem, bracketed } => {
            let code = gs1_code(&bracketed)?;
            println!("{}", code.try_digital_link(&stem).map_err(describe)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// GS1 data in any form `code::read` takes, fully checked (so the
/// conversions agree with `parse`).
fn gs1_code(text: &str) -> Result<Gs1Code, String> {
    match read(text) {
        Ok(ReadCode::Gs1(code)) => Ok(code),
        Ok(ReadCode::Foreign { .. }) => {
            Err("not GS1 data: the address of another system, with no GS1 key".into())
        }
        Err(error) => Err(describe(error)),
    }
}

/// The error as JSON, for stderr.
fn describe(error: CodeError) -> String {
    let json = serde_json::to_string(&error).unwrap_or_else(|_| format!("{error:?}"));
    format!("invalid code: {json}")
}

/// What `code parse` prints for GS1 data.
#[derive(Serialize)]
struct Breakdown<'a> {
    kind: &'static str,
    form: CodeForm,
    #[serde(skip_serializing_if = "Option::is_none")]
    symbology: Option<Symbology>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolver: Option<&'a str>,
    elements: Vec<Titled<'a>>,
    element_string: String,
    bracketed: String,
    digital_link: String,
}

/// An element with its title from the GS1 Barcode Syntax Dictionary.
#[derive(Serialize)]
struct Titled<'a> {
    ai: &'a str,
    title: Option<&'static str>,
    value: &'a str,
}

impl<'a> Breakdown<'a> {
    fn of(code: &'a Gs1Code) -> Self {
        let stem = code.resolver.as_deref().unwrap_or(GS1_STEM);
        Breakdown {
            kind: "gs1",
            form: code.form,
            symbology: code.symbology,
            resolver: code.resolver.as_deref(),
            elements: code.elements.iter().map(titled).collect(),
            element_string: code.element_string(),
            bracketed: code.bracketed(),
            digital_link: code.digital_link(stem),
        }
    }
}

fn titled(element: &Element) -> Titled<'_> {
    Titled {
        ai: &element.ai,
        title: element.title(),
        value: &element.value,
    }
}
