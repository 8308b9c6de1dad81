use std::path::PathBuf;
use std::process::ExitCode;

use tracecheck_cli::nginx::{Config, Standalone, site, standalone};

/// Arguments of `tracecheck nginx`.
#[derive(clap::Args)]
pub struct Args {
    /// The published registry folder (`publish --out DIR` → DIR/registry).
    #[arg(long)]
    registry: PathBuf,
    /// The built widget (Trunk's dist folder).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// nginx `listen` parameters.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// nginx `server_name`.
    #[arg(long, default_value = "_")]
    server_name: String,
    /// A widget origin elsewhere that may read the registry (repeat; `*` for any).
    #[arg(long)]
    cors_origin: Vec<String>,
    /// Seconds status lists, the trust list and linksets are cached.
    #[arg(long, default_value_t = 300)]
    short_cache: u32,
    /// Write a whole nginx.conf whose pid, logs and temporary files are under this folder.
    #[arg(long)]
    standalone: Option<PathBuf>,
    /// With --standalone: the workers' user, when nginx starts as root.
    #[arg(long, requires = "standalone")]
    user: Option<String>,
    /// Also write .gz copies of the widget's files into --dist (for gzip_static).
    #[arg(long)]
    gzip_dist: bool,
}

pub fn run(args: Args) -> super::Outcome {
    let absolute =
        |p: &PathBuf| std::path::absolute(p).map_err(|e| format!("{}: {e}", p.display()));
    let (registry, dist) = (absolute(&args.registry)?, absolute(&args.dist)?);
    if args.gzip_dist {
        let written =
            tracecheck_cli::publish::output::gzip_tree(&dist).map_err(|e| e.to_string())?;
        eprintln!("wrote {written} .gz files in {}", dist.display());
    }
    // The CSP header names the page's inline stylesheet and loader by hash
    // (serve/csp.rs): without the built page it would block them.
    if std::fs::metadata(dist.join("index.html")).is_err() {
        eprintln!(
            "warning: {} has no index.html: build the widget first (trunk build --release), \
then generate this configuration, or its CSP header will block the page's inline loader",
            dist.display()
        );
    }
    let config = Config {
        registry: &registry,
        dist: &dist,
        listen: &args.listen,
        server_name: &args.server_name,
        cors_origins: &args.cors_origin,
        short_cache: args.short_cache,
    };
    let text = match &args.standalone {
        Some(prefix) => {
            let prefix = absolute(prefix)?;
            std::fs::create_dir_all(prefix.join("tmp"))
                .map_err(|e| format!("{}: {e}", prefix.display()))?;
            standalone(
                &config,
                &Standalone {
                    prefix: &prefix,
                    user: args.user.as_deref(),
                },
            )
        }
        None => site(&config),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
