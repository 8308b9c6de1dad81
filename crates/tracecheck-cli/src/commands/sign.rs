use std::process::ExitCode;
use tracecheck_cli::messages::{
    describe_envelope_error, describe_issue_error, describe_json_error, describe_key_error,
};

use tracecheck_core::credential::read_envelope;
use tracecheck_core::issue::{IssuerKey, check_issuable};
use tracecheck_core::json::{Limits, parse};

/// The proof formats `tracecheck sign` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// An embedded Data Integrity proof (eddsa-jcs-2022): JSON out.
    Di,
    /// VC-JOSE: a compact JWS (`application/vc+jwt`, EdDSA) out.
    Jose,
}

/// Arguments of `tracecheck sign`.
#[derive(clap::Args)]
pub struct Args {
    /// The unsigned credential (JSON); `-` or nothing reads stdin.
    file: Option<std::path::PathBuf>,
    /// File holding the secret key (`z…`, as `keygen --out` writes it).
    #[arg(long)]
    key: std::path::PathBuf,
    /// Proof creation time (RFC 3339); default now (Data Integrity only).
    #[arg(long)]
    created: Option<String>,
    /// Proof format.
    #[arg(long, value_enum, default_value = "di")]
    format: Format,
}

pub fn run(args: Args) -> super::Outcome {
    let secret =
        std::fs::read_to_string(&args.key).map_err(|e| format!("{}: {e}", args.key.display()))?;
    let key = IssuerKey::from_secret_multibase(&secret)
        .map_err(|e| format!("bad secret key: {}", describe_key_error(&e)))?;
    let bytes = super::read_input(args.file.as_deref())?;
    let mut credential = parse(&bytes, Limits::DEFAULT)
        .map_err(|e| format!("not acceptable JSON: {}", describe_json_error(&e)))?;
    // Sign the content only: any old proof is replaced (DI) or dropped (JOSE).
    if let Some(members) = credential.as_object_mut() {
        members.remove("proof");
    }
    check_issuable(&credential).map_err(|e| {
        format!(
            "not a VC 2.0 credential to sign: {}",
            describe_issue_error(&e)
        )
    })?;
    let envelope = read_envelope(&credential)
        .map_err(|e| format!("not a VC 2.0 credential: {}", describe_envelope_error(&e)))?;
    // A proof by a key that is not the issuer's would never verify.
    if envelope.issuer != key.did() {
        return Err(format!(
            "the credential's issuer is {}, but the key is {}",
            envelope.issuer,
            key.did()
        ));
    }
    match args.format {
        Format::Di => {
            let created = match &args.created {
                Some(text) => tracecheck_core::time::parse_timestamp(text)
                    .ok_or_else(|| format!("not an RFC 3339 time: {text}"))?,
                None => super::now(),
            };
            super::print_json(&key.sign(&credential, created))?;
        }
        Format::Jose => println!("{}", key.sign_jose(&credential)),
    }
    Ok(ExitCode::SUCCESS)
}
