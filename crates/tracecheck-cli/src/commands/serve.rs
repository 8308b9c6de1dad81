use std::process::ExitCode;

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::registry::Registry;
use tracecheck_cli::serve::{Site, run as serve};

/// Arguments of `tracecheck serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (use 0.0.0.0:8080 with --public-url to reach it from a phone).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// The built widget (Trunk's dist folder).
    #[arg(long, default_value = "dist")]
    dist: std::path::PathBuf,
    /// Serve this registry folder instead of the built-in demo.
    #[arg(long)]
    registry: Option<std::path::PathBuf>,
    /// The URL phones use to reach this server; default http://ADDR.
    #[arg(long)]
    public_url: Option<String>,
    /// The demo's reference date (YYYY-MM-DD); default today in Vietnam.
    #[arg(long)]
    date: Option<String>,
    /// Print one line per request on stderr.
    #[arg(long)]
    log_requests: bool,
    /// Worker threads.
    #[arg(long, default_value_t = 8)]
    threads: usize,
    /// Also answer `GET /verify?code=…` and `POST /credentials/verify`
    /// (a verification service for retailers' back ends).
    #[arg(long)]
    verify: bool,
    /// The registry the service trusts (its config.json); default this server.
    #[arg(long, requires = "verify")]
    verify_registry: Option<String>,
    /// Verifications running at once (fewer than --threads: they fetch from
    /// this server too).
    #[arg(long, default_value_t = 4)]
    verify_slots: usize,
}

pub fn run(args: Args) -> super::Outcome {
    let public_url = args
        .public_url
        .unwrap_or_else(|| format!("http://{}", args.addr));
    let registry = match &args.registry {
        Some(dir) => Registry::read_from(dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        None => {
            let today = match &args.date {
                Some(text) => super::parse_date(text)?,
                None => super::today(),
            };
            build(&DemoOptions {
                base_url: public_url.clone(),
                today,
            })?
        }
    };
    let dist = args
        .dist
        .join("index.html")
        .is_file()
        .then_some(args.dist.clone());
    if dist.is_none() {
        eprintln!(
            "warning: {} has no index.html; build the widget with `trunk build --release`",
            args.dist.display()
        );
    }
    eprintln!("tracecheck serving on {public_url}/");
    eprintln!("  demo QR codes: {public_url}/demo");
    let mut site = Site::new(registry, dist, public_url.clone(), args.log_requests);
    if args.verify {
        let settings = tracecheck_cli::verifier::Settings {
            registry: Some(
                args.verify_registry
                    .clone()
                    .unwrap_or_else(|| public_url.clone()),
            ),
            ..Default::default()
        };
        let slots = args.verify_slots.min(args.threads.saturating_sub(1)).max(1);
        site.verifier = Some(tracecheck_cli::serve::verify_api::Service::new(
            settings, slots,
        ));
        eprintln!(
            "  verification service: {public_url}/verify?code=… and POST {public_url}/credentials/verify ({slots} at once)"
        );
    }
    serve(site, &args.addr, args.threads)?;
    Ok(ExitCode::SUCCESS)
}
