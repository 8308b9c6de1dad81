//! The demo registry: four Hưng Yên products with passports, certifications
//! and supply-chain steps, the keys and trust list that vouch for them, and
//! deliberately bad samples for each way a record can fail.
//!
//! It is one use of `tracecheck publish`: the CSV files in `data/` go
//! through the same code path as a producer's, with dates written relative
//! to a reference date (`{day:-2}`, see [`template`]) so that the demo never
//! goes stale. The bad samples are small, named transformations on top
//! ([`transform`]); the keys come from public seeds, so the same date gives
//! byte-identical files — and anyone can sign as a demo issuer.

mod samples;
pub mod template;
pub mod transform;

pub use samples::Sample;

use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime, UtcOffset};
use tracecheck_core::issue::IssuerKey;
use tracecheck_core::resolve::WebUrl;

use crate::publish::status::{Change, Target, apply};
use crate::publish::trust_list::{Contact, Meta, Plan};
use crate::publish::{Inputs, Keyring, Options, Recall, State, model_text, publish};
use crate::registry::Registry;

/// What the demo is built for.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Where the registry will be served, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    /// The reference date: products were harvested a few days before it.
    pub today: Date,
}

/// Vietnam's time zone (UTC+7, no daylight saving).
pub const VIETNAM_OFFSET: UtcOffset = crate::publish::VIETNAM;

/// The demo's data files, as templates.
const DATA: &[(&str, &str)] = &[
    ("issuers.csv", include_str!("data/issuers.csv")),
    ("facilities.csv", include_str!("data/facilities.csv")),
    ("products.csv", include_str!("data/products.csv")),
    ("events.csv", include_str!("data/events.csv")),
    (
        "certifications.csv",
        include_str!("data/certifications.csv"),
    ),
    ("trust-list.csv", include_str!("data/trust-list.csv")),
    ("media/longan.svg", include_str!("data/media/longan.svg")),
    ("media/chicken.svg", include_str!("data/media/chicken.svg")),
    ("media/honey.svg", include_str!("data/media/honey.svg")),
    (
        "media/medicine.svg",
        include_str!("data/media/medicine.svg"),
    ),
];

/// The samples page's list (a template too).
const SAMPLES: &str = include_str!("data/samples.csv");

/// The demo issuers' key: from a public seed, reproducible, and worthless
/// outside the demo.
pub fn demo_key(issuer: &str) -> IssuerKey {
    let seed: [u8; 32] = Sha256::digest(format!("tracecheck demo key: {issuer}")).into();
    IssuerKey::from_seed(seed)
}

/// Noon-ish times relative to the reference date, in Vietnam.
fn at(today: Date, days: i64, hour: u8, minute: u8) -> OffsetDateTime {
    let date = today + time::Duration::days(days);
    let time = time::Time::from_hms(hour, minute, 0).unwrap_or(time::Time::MIDNIGHT);
    date.with_time(time).assume_offset(VIETNAM_OFFSET)
}

/// Builds the whole demo registry for `options`.
pub fn build(options: &DemoOptions) -> Result<Registry, String> {
    let base = options.base_url.trim_end_matches('/').to_owned();
    let url = WebUrl::parse(&base).map_err(|_| format!("not an http(s) URL: {base}"))?;
    let alternative = transform::alternative_base(&base);
    let vars = template::Vars {
        today: options.today,
        base: base.clone(),
        host: url.authority.clone(),
        alternative,
    };
    let files = DATA
        .iter()
        .map(|(name, text)| {
            let text = if name.ends_with(".csv") {
                template::expand(text, &vars)?
            } else {
                (*text).to_owned()
            };
            Ok(((*name).to_owned(), text.into_bytes()))
        })
        .collect::<Result<_, String>>()?;
    let inputs = Inputs::Memory(files);
    let issuers = crate::publish::issuer_ids(&inputs).map_err(|e| e.to_string())?;
    let mut keys = Keyring::default();
    for issuer in &issuers {
        keys.insert(issuer, demo_key(issuer));
    }
    let mut publish_options = Options::new(&base, at(options.today, -1, 18, 0));
    publish_options.trust_list = Some(Plan {
        root: "root".into(),
        csv: (
            "trust-list.csv".into(),
            inputs
                .read("trust-list.csv")
                .ok()
                .flatten()
                .unwrap_or_default(),
        ),
        meta: Meta {
            name: model_text(
                "Danh sách tin cậy truy xuất nguồn gốc tỉnh Hưng Yên (dữ liệu mẫu)",
                "Hưng Yên traceability trust list (demo)",
            ),
            report: Some(Contact {
                name: model_text(
                    "Văn phòng Truy xuất nguồn gốc tỉnh Hưng Yên (dữ liệu mẫu)",
                    "Hưng Yên Provincial Traceability Office (demo)",
                ),
                email: Some("baocao-hanggia@tracecheck.example".into()),
                telephone: Some("+84 221 000 0000".into()),
                url: Some("https://tracecheck.example/bao-cao".into()),
            }),
            validity: time::Duration::days(365),
        },
    });

    // Published once, the honey lot MO2609 recalled, published again: what a
    // producer does with `tracecheck publish`, `recall`, `publish`.
    let mut state = State::new();
    publish(
        &inputs,
        &keys,
        &mut state,
        &publish_options,
        &mut Registry::default(),
    )
    .map_err(|e| e.to_string())?;
    let notice = Recall {
        vi: "Thu hồi lô hàng: phát hiện dư lượng kháng sinh vượt ngưỡng (dữ liệu mẫu). Không sử dụng; liên hệ nơi bán để được hoàn tiền.".into(),
        en: "Batch recalled: antibiotic residue above the limit (demo data). Do not consume; return it to the shop for a refund.".into(),
    };
    apply(
        &mut state,
        &Target::Batch("honey-MO2609".into()),
        &Change::Recall(notice),
    )
    .map_err(|e| e.to_string())?;
    let mut registry = Registry::default();
    publish(&inputs, &keys, &mut state, &publish_options, &mut registry)
        .map_err(|e| e.to_string())?;

    // The deliberately bad samples that data alone cannot make.
    transform::push_back_expiry(
        &mut registry,
        &state,
        "longan-NL2610",
        &template::day(options.today, 72),
    )?;
    transform::strip_signature(&mut registry, &state, "longan-NL2611N")?;
    transform::misdirect(
        &mut registry,
        &state,
        "longan-NL2611",
        &[("01", "08935002000012"), ("10", "GDT2611X")],
        &base,
    )?;

    let samples = samples::read(&template::expand(SAMPLES, &vars)?)?;
    registry.put_json(
        "samples.json",
        &serde_json::to_value(&samples).unwrap_or_default(),
    );
    registry.samples = samples;
    Ok(registry)
}
