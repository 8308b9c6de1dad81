//! `tracecheck`: issue, serve and verify product trace records.

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Issue, serve and verify signed product trace records.
#[derive(Parser)]
#[command(name = "tracecheck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate an Ed25519 issuer key; prints its did:key and secret.
    Keygen(commands::keygen::Args),
    /// Sign a credential: an eddsa-jcs-2022 proof, or a VC-JOSE JWS (--format jose).
    Sign(commands::sign::Args),
    /// Print the RFC 8785 (JCS) canonical form of a JSON document.
    Jcs(commands::jcs::Args),
    /// Publish a registry from CSV files: signed passports and certificates,
    /// status lists, linksets, did:web documents, the trust list, label
    /// sheets (docs/publishing.md).
    Publish(commands::publish::Args),
    /// Revoke published batches, certificates or the trust list (status bit
    /// set, status lists signed again in place).
    Revoke(commands::status::Args),
    /// Suspend published batches or certificates (or --lift a suspension).
    Suspend(commands::status::SuspendArgs),
    /// Recall batches: revoked, with a notice shoppers see.
    Recall(commands::status::RecallArgs),
    /// Issuers' keys in a folder: new (first key or rotation), retire, list.
    #[command(subcommand)]
    Keys(commands::keys::Command),
    /// Sign a trust list from a CSV of issuers, roles and scopes.
    TrustList(commands::trust_list::Args),
    /// Sign a Bitstring Status List with the given bits set.
    StatusList(commands::trust_list::StatusListArgs),
    /// Print an nginx configuration serving a published registry and the widget.
    Nginx(commands::nginx::Args),
    /// Write the demo registry (Hưng Yên products, good and bad samples) to a folder.
    Demo(commands::demo::Args),
    /// Verify a code or a credential file (JSON or JWS); prints a JSON verdict
    /// (docs/verdict-json.md). Exit 0 verified, 1 caution, 3 counterfeit,
    /// 4 not verifiable, 2 usage error.
    Verify(commands::verify::Args),
    /// Serve the widget, a registry and the demo QR page on 127.0.0.1.
    Serve(commands::serve::Args),
    /// Draw QR codes: SVG on stdout, or a Y4M video for a fake camera.
    Qr(commands::qr::Args),
    /// Read QR codes from image files; prints one JSON line per file.
    Decode(commands::decode::Args),
    /// Read product codes.
    #[command(subcommand)]
    Code(commands::code::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Keygen(args) => commands::keygen::run(args),
        Command::Sign(args) => commands::sign::run(args),
        Command::Jcs(args) => commands::jcs::run(args),
        Command::Publish(args) => commands::publish::run(args),
        Command::Revoke(args) => commands::status::revoke(args),
        Command::Suspend(args) => commands::status::suspend(args),
        Command::Recall(args) => commands::status::recall(args),
        Command::Keys(command) => commands::keys::run(command),
        Command::TrustList(args) => commands::trust_list::run(args),
        Command::StatusList(args) => commands::trust_list::status_list(args),
        Command::Nginx(args) => commands::nginx::run(args),
        Command::Demo(args) => commands::demo::run(args),
        Command::Verify(args) => commands::verify::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Qr(args) => commands::qr::run(args),
        Command::Decode(args) => commands::decode::run(args),
        Command::Code(command) => commands::code::run(command),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tracecheck: {message}");
            ExitCode::from(2)
        }
    }
}
