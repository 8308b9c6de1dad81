use std::process::ExitCode;

use tracecheck_cli::demo::{DemoOptions, build};
use tracecheck_cli::registry::Registry;
use tracecheck_cli::serve::{Site, run as serve};
use tracecheck_core::resolve::{WebUrl, is_public_host};
use tracecheck_core::trust::is_demo_root;
use tracecheck_core::verdict::Config;

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
    /// Seconds browsers may keep status lists, the trust list, linksets
    /// and credentials (`Cache-Control: public, max-age=N, must-revalidate`,
    /// as `tracecheck nginx --short-cache`); 0 sends `no-cache`. Every
    /// answer has an `ETag`, so an expired copy is revalidated with a 304.
    #[arg(long, default_value_t = tracecheck_cli::serve::DEFAULT_SHORT_CACHE)]
    short_cache: u32,
    /// Threads that compute answers at once (reading files, running
    /// verifications); connections themselves hold no thread.
    #[arg(long, default_value_t = 8)]
    threads: usize,
    /// Serve a registry whose trust root is the demo root at a public
    /// address anyway. The demo's keys come from public seeds, so anyone can
    /// sign as its producers: such a deployment proves nothing.
    #[arg(long)]
    allow_demo_root: bool,
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
    refuse_public_demo(&registry, &public_url, args.allow_demo_root)?;
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
    site.short_cache = args.short_cache;
    if args.verify {
        let registry = args
            .verify_registry
            .clone()
            .unwrap_or_else(|| public_url.clone());
        // A service checking against a registry on this machine or LAN (a
        // demo) may fetch it over plain http; one checking against a public
        // registry fetches https from public hosts only.
        let local = WebUrl::parse(&registry).is_ok_and(|url| !is_public_host(url.host()));
        let settings = tracecheck_cli::verifier::Settings {
            registry: Some(registry),
            allow_local_http: local,
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

/// A registry pinned to the demo root may be served on this machine or a
/// local network (a demo for phones on the same Wi-Fi), not at a public
/// address, unless `--allow-demo-root` says so.
fn refuse_public_demo(registry: &Registry, public_url: &str, allowed: bool) -> Result<(), String> {
    let root = registry
        .files
        .get("config.json")
        .and_then(|bytes| Config::read(bytes).ok())
        .map(|config| config.root);
    let demo = root.as_deref().is_some_and(is_demo_root);
    let public = WebUrl::parse(public_url).is_ok_and(|url| is_public_host(url.host()));
    if demo && public && !allowed {
        return Err(format!(
            "refusing to serve demo data at the public address {public_url}: its trust root is \
             the demo root, whose keys anyone can derive. Pin your own root in config.json, or \
             pass --allow-demo-root to serve it anyway (every page then says DEMO DATA)."
        ));
    }
    Ok(())
}
