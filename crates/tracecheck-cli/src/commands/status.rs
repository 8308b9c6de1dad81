use std::path::PathBuf;
use std::process::ExitCode;

use tracecheck_cli::publish::site::{Live, Site};
use tracecheck_cli::publish::status::{Change, Lists, Target, apply, write_all};
use tracecheck_cli::publish::{Inputs, Keyring, Recall};

/// Which credentials a status command changes, and where.
#[derive(clap::Args)]
pub struct Args {
    /// The publication folder `tracecheck publish --out` wrote.
    #[arg(long)]
    out: PathBuf,
    /// The data folder (its issuers.csv says who signs).
    #[arg(long)]
    data: PathBuf,
    /// The issuers' keys.
    #[arg(long)]
    keys: PathBuf,
    /// A batch id from products.csv (repeat for several).
    #[arg(long)]
    batch: Vec<String>,
    /// A certification id from certifications.csv (repeat for several).
    #[arg(long)]
    certificate: Vec<String>,
    /// The registry's trust list.
    #[arg(long)]
    trust_list: bool,
    /// Time of the change (RFC 3339); default now.
    #[arg(long)]
    now: Option<String>,
}

/// `tracecheck recall`: also the notice.
#[derive(clap::Args)]
pub struct RecallArgs {
    #[command(flatten)]
    target: Args,
    /// The notice in Vietnamese (shown first).
    #[arg(long)]
    message_vi: String,
    /// The notice in English.
    #[arg(long)]
    message_en: String,
}

/// `tracecheck suspend`: or lift a suspension.
#[derive(clap::Args)]
pub struct SuspendArgs {
    #[command(flatten)]
    target: Args,
    /// Lift the suspension instead.
    #[arg(long)]
    lift: bool,
}

pub fn revoke(args: Args) -> super::Outcome {
    change(args, Change::Revoke)
}

pub fn suspend(args: SuspendArgs) -> super::Outcome {
    let change_kind = if args.lift {
        Change::Lift
    } else {
        Change::Suspend
    };
    change(args.target, change_kind)
}

pub fn recall(args: RecallArgs) -> super::Outcome {
    let notice = Recall {
        vi: args.message_vi,
        en: args.message_en,
    };
    change(args.target, Change::Recall(notice))
}

fn change(args: Args, change: Change) -> super::Outcome {
    let mut targets: Vec<Target> = args.batch.iter().cloned().map(Target::Batch).collect();
    targets.extend(args.certificate.iter().cloned().map(Target::Certificate));
    if args.trust_list {
        targets.push(Target::TrustList);
    }
    if targets.is_empty() {
        return Err("name what to change: --batch ID, --certificate ID or --trust-list".into());
    }
    let now = super::publish::publication_time(args.now.as_deref())?;
    let site = Site::new(&args.out);
    let mut state = site.load_state().map_err(|e| e.to_string())?;
    for target in &targets {
        apply(&mut state, target, &change).map_err(|e| e.to_string())?;
    }
    let keys = Keyring::from_dir(&args.keys)?;
    let issuers = tracecheck_cli::publish::load_issuers(&Inputs::Dir(args.data.clone()))
        .map_err(|e| e.to_string())?;
    let lists = Lists {
        keys: &keys,
        issuers: &issuers,
        base_url: &state.base_url.clone(),
        now,
        validity: time::Duration::days(30),
    };
    let registry = site.registry();
    let gzip = state.gzip;
    let mut live = Live {
        dir: registry,
        gzip,
    };
    let (_, signed, warnings) =
        write_all(&lists, &mut state, &mut live).map_err(|e| e.to_string())?;
    site.save_state(&state).map_err(|e| e.to_string())?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    eprintln!(
        "{} changed; {signed} status list(s) signed again in {}",
        targets.len(),
        live.dir.display()
    );
    if matches!(change, Change::Recall(_)) {
        eprintln!("the recall notice reaches the passports at the next `tracecheck publish`");
    }
    Ok(ExitCode::SUCCESS)
}
