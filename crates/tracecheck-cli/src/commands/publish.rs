use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tracecheck_cli::publish::labels::{label_for, pdf, svg};
use tracecheck_cli::publish::output::replace_file;
use tracecheck_cli::publish::site::{RUN_MARKER, Site};
use tracecheck_cli::publish::trust_list::{Contact, Meta, Plan};
use tracecheck_cli::publish::{Inputs, Keyring, LabelJob, Options, Output, Staged, publish};
use tracecheck_cli::registry::sanitize;

/// Arguments of `tracecheck publish`.
#[derive(clap::Args)]
pub struct Args {
    /// The data folder: issuers.csv, products.csv, and optionally
    /// facilities.csv, events.csv, certifications.csv, trust-list.csv and
    /// pictures (docs/publishing.md).
    data: PathBuf,
    /// The publication folder: registry/ (serve this), labels/, state.json.
    #[arg(long)]
    out: PathBuf,
    /// Where the registry will be served, e.g. https://truyxuat.example.vn.
    #[arg(long)]
    base_url: String,
    /// The issuers' keys: one folder per issuer id with key-0001.key… (mode 0600).
    #[arg(long)]
    keys: PathBuf,
    /// Make a key for every issuer that has none (prints their DIDs).
    #[arg(long)]
    create_keys: bool,
    /// Publication time (RFC 3339); default now. Never in the future.
    #[arg(long)]
    now: Option<String>,
    #[command(flatten)]
    trust: TrustArgs,
    /// Do not write label sheets.
    #[arg(long)]
    no_labels: bool,
    /// Do not write .gz copies beside compressible files.
    #[arg(long)]
    no_gzip: bool,
}

/// The trust list options `publish` shares with `trust-list`.
#[derive(clap::Args)]
pub struct TrustArgs {
    /// Also sign the registry's trust list from DATA/trust-list.csv with
    /// this issuer's key (the root; a did:key issuer).
    #[arg(long)]
    pub root: Option<String>,
    /// The trust list's name in Vietnamese.
    #[arg(long, default_value = "Danh sách tin cậy truy xuất nguồn gốc")]
    pub trust_name_vi: String,
    /// The trust list's name in English.
    #[arg(long, default_value = "Traceability trust list")]
    pub trust_name_en: String,
    /// Days the trust list stays valid (it is signed again at half-time).
    #[arg(long, default_value_t = 365)]
    pub trust_valid_days: i64,
    /// Where shoppers report a fake: an e-mail address.
    #[arg(long)]
    pub report_email: Option<String>,
    /// Where shoppers report a fake: a telephone number.
    #[arg(long)]
    pub report_telephone: Option<String>,
    /// Where shoppers report a fake: an https page.
    #[arg(long)]
    pub report_url: Option<String>,
}

impl TrustArgs {
    /// The list's name, contact and validity.
    pub fn meta(&self) -> Meta {
        let contact = Contact {
            name: tracecheck_cli::publish::model_text(&self.trust_name_vi, &self.trust_name_en),
            email: self.report_email.clone(),
            telephone: self.report_telephone.clone(),
            url: self.report_url.clone(),
        };
        let any = contact.email.is_some() || contact.telephone.is_some() || contact.url.is_some();
        Meta {
            name: tracecheck_cli::publish::model_text(&self.trust_name_vi, &self.trust_name_en),
            report: any.then_some(contact),
            validity: time::Duration::days(self.trust_valid_days.max(1)),
        }
    }
}

pub fn run(args: Args) -> super::Outcome {
    let now = publication_time(args.now.as_deref())?;
    let inputs = Inputs::Dir(args.data.clone());
    if args.create_keys {
        create_missing_keys(&inputs, &args.keys)?;
    }
    let keys = Keyring::from_dir(&args.keys)?;
    let mut options = Options::new(&args.base_url, now);
    options.labels = !args.no_labels;
    if let Some(root) = &args.trust.root {
        let file = args.data.join("trust-list.csv");
        let csv = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        options.trust_list = Some(Plan {
            root: root.clone(),
            csv: ("trust-list.csv".into(), csv),
            meta: args.trust.meta(),
        });
    }
    let site = Site::new(&args.out);
    let mut state = site.load_state().map_err(|e| e.to_string())?;
    if !state.base_url.is_empty() && state.base_url != options.base_url {
        eprintln!(
            "note: the base URL changed from {} to {}: every file is signed again",
            state.base_url, options.base_url
        );
    }
    // The CLI runs natively, where the clock exists.
    #[allow(clippy::disallowed_methods)]
    let started = std::time::Instant::now();
    let mut staged = Staged::begin(&site.registry(), !args.no_gzip).map_err(|e| e.to_string())?;
    let summary =
        publish(&inputs, &keys, &mut state, &options, &mut staged).map_err(|e| e.to_string())?;
    staged
        .write(RUN_MARKER, state.run.to_string().as_bytes())
        .map_err(|e| e.to_string())?;
    let labels = if args.no_labels {
        None
    } else {
        Some(render_labels(&site, &summary.labels)?)
    };
    let (written, kept) = staged.counts;
    state.gzip = !args.no_gzip;
    site.stage_state(&state).map_err(|e| e.to_string())?;
    staged.commit().map_err(|e| e.to_string())?;
    site.commit_state().map_err(|e| e.to_string())?;
    let printed = match labels {
        Some(staging) => move_labels(&staging, &site.labels())?,
        None => 0,
    };
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    eprintln!(
        "published {} passports to {} in {:.1} s: {} credentials signed, {} kept; {} files written, {} kept; {} status lists; {} label sheets",
        summary.passports,
        site.registry().display(),
        started.elapsed().as_secs_f64(),
        summary.signed,
        summary.kept,
        written,
        kept,
        summary.status_lists,
        printed
    );
    if let Some(root) = &summary.root {
        eprintln!("trust root (pin it in verifiers): {root}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `--now`, or the clock; a proof created in the future is refused by verifiers.
pub fn publication_time(now: Option<&str>) -> Result<time::OffsetDateTime, String> {
    let clock = super::now();
    match now {
        None => Ok(clock),
        Some(text) => {
            let at = tracecheck_core::time::parse_timestamp(text)
                .ok_or_else(|| format!("--now: not an RFC 3339 time: {text}"))?;
            if at > clock + time::Duration::minutes(5) {
                return Err(format!(
                    "--now {text} is in the future: verifiers refuse proofs created later than their clock"
                ));
            }
            Ok(at)
        }
    }
}

fn create_missing_keys(inputs: &Inputs, keys: &Path) -> Result<(), String> {
    let existing = if keys.is_dir() {
        Keyring::from_dir(keys)?
    } else {
        Keyring::default()
    };
    let issuers = tracecheck_cli::publish::issuer_ids(inputs).map_err(|e| e.to_string())?;
    for issuer in issuers.iter().filter(|i| !existing.has(i)) {
        let (path, key) = tracecheck_cli::publish::keyring::new_key(keys, issuer)?;
        eprintln!("new key for {issuer}: {} ({})", key.did(), path.display());
    }
    Ok(())
}

/// Where a batch's sheets go: `{gtin}/{lot}[-{serial}]`.
fn label_stem(job: &LabelJob) -> String {
    let batch = &job.batch;
    let mut stem = sanitize(batch.lot.as_deref().unwrap_or("item"));
    if let Some(serial) = &batch.serial {
        stem = format!("{stem}-{}", sanitize(serial));
    }
    format!("{}/{stem}", batch.gtin)
}

/// Draws every sheet into a staging folder: a label that cannot be drawn
/// stops the run before anything is replaced.
fn render_labels(site: &Site, jobs: &[LabelJob]) -> Result<PathBuf, String> {
    let staging = site
        .dir
        .join(format!(".labels.staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    for job in jobs {
        let label = label_for(job);
        let stem = label_stem(job);
        let failed = |e: tracecheck_cli::publish::labels::LabelError| {
            format!("products.csv:{}: label: {e}", job.batch.line)
        };
        let drawn = svg(&label).map_err(failed)?;
        let printed = pdf(&label).map_err(failed)?;
        for (ext, bytes) in [("svg", drawn.into_bytes()), ("pdf", printed)] {
            let path = staging.join(format!("{stem}.{ext}"));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(staging)
}

/// Moves staged sheets into `labels/`, each in one step; returns how many.
fn move_labels(staging: &Path, labels: &Path) -> Result<usize, String> {
    let mut moved = 0;
    let mut pending = vec![staging.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Ok(relative) = path.strip_prefix(staging) else {
                continue;
            };
            let target = labels.join(relative);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            replace_file(&target, &bytes, false).map_err(|e| e.to_string())?;
            moved += 1;
        }
    }
    let _ = std::fs::remove_dir_all(staging);
    Ok(moved / 2)
}
