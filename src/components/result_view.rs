//! Everything below the verdict banner. What the checks vouch for comes
//! from the report's verified facts (`Report::verified`); a record that
//! failed its checks shows only what it claims to be, as a claim.

use time::{Date, Month};
use tracecheck_core::code::Symbology;
use tracecheck_core::verdict::{Finding, Report};
use yew::prelude::*;

use crate::components::certifications::Certifications;
use crate::components::checks_list::ChecksList;
use crate::components::compare_with_pack::CompareWithPack;
use crate::components::party::{FacilityCard, ProducerCard};
use crate::components::passport_checklist::PassportChecklist;
use crate::components::product_card::ProductCard;
use crate::components::report_ref::ReportRef;
use crate::components::timeline::Timeline;
use crate::components::trust_footer::TrustFooter;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: ReportRef,
    /// Kiosk: no link may lead away from the page.
    #[prop_or_default]
    pub no_links: bool,
    /// Drawn after everything else, with the lower part of the report (the
    /// verify page's "scan another"): drawn before it, it would be pushed
    /// down when the rest appears, a layout shift.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn ResultView(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = &props.report;
    let rest = use_rest_later(report);
    let record = match (report.verified.as_ref(), report.passport.as_ref()) {
        (Some(verified), _) => html! {
            <>
                if verified.batch.is_some() {
                    <CompareWithPack report={report.clone()} no_links={props.no_links} />
                }
                <ProductCard report={report.clone()} />
                <Certifications report={report.clone()} />
                if rest {
                    <ProducerCard report={report.clone()} no_links={props.no_links} />
                    <FacilityCard report={report.clone()} no_links={props.no_links} />
                    if verified.batch.is_some() {
                        <Timeline report={report.clone()} />
                    }
                }
            </>
        },
        (None, Some(passport)) => html! {
            <section class="claims">
                <p>{lang.t(Msg::RecordClaims)}</p>
                <p class="claimed-name">{lang.text(&passport.product.name)}</p>
                if let Some(producer) = &passport.producer {
                    <p>{lang.text(&producer.name)}</p>
                }
            </section>
        },
        (None, None) => html! {},
    };
    // A link to another system: offer it (https only), never as verified.
    let foreign = report.checks.iter().find_map(|check| match &check.finding {
        Finding::ForeignSystem { url, .. } if url.starts_with("https://") => Some(url.clone()),
        _ => None,
    });
    // A GTIN in another system's link can be checked here, as if typed.
    let gtin = report.checks.iter().find_map(|check| match &check.finding {
        Finding::ForeignSystem {
            gtin: Some(gtin), ..
        } => Some(gtin.clone()),
        _ => None,
    });
    // An EAN/UPC names a product (GTIN only), never a batch.
    let barcode = report.code.as_ref().is_some_and(|code| {
        matches!(
            code.symbology,
            Some(Symbology::Ean13 | Symbology::Ean8 | Symbology::UpcA | Symbology::UpcE)
        )
    });
    // The expiry date a code carries (a medicine's DataMatrix: AI 17).
    let expiry = report.code.as_ref().and_then(|code| {
        code.elements
            .iter()
            .find(|element| element.ai == "17")
            .and_then(|element| pack_date(&element.value))
    });
    html! {
        <>
            if barcode {
                <p class="barcode-note">{lang.t(Msg::BarcodeNamesProduct)}</p>
            }
            if let Some(date) = expiry {
                <p class="pack-expiry">{lang.t(Msg::PackExpiry(lang.date(date)))}</p>
            }
            if let Some(url) = foreign.filter(|_| !props.no_links) {
                <p class="foreign"><a href={url} rel="noopener noreferrer nofollow" target="_blank">{lang.t(Msg::OpenLink)}</a></p>
            }
            if let Some(gtin) = gtin.filter(|_| !props.no_links) {
                <p class="foreign-gtin"><a href={format!("/?code={gtin}")}>{lang.t(Msg::CheckGtin(gtin.clone()))}</a></p>
            }
            {record}
            if rest {
                <PassportChecklist report={report.clone()} />
                <ChecksList report={report.clone()} />
                <TrustFooter report={report.clone()} no_links={props.no_links} />
                {props.children.clone()}
            }
        </>
    }
}

/// Whether to draw what lies below a phone's first screen (the parties,
/// the supply chain, every check): not in the render that shows a new
/// report, but in a task of its own right after it. Drawn and laid out
/// together, a whole report was one main-thread task of about 300 ms under
/// 4× CPU (docs/performance.md); the verdict and the product come first.
#[hook]
fn use_rest_later(report: &ReportRef) -> bool {
    let shown = use_state(|| None::<*const Report>);
    let current = report.id();
    {
        let shown = shown.clone();
        use_effect_with(current, move |current| {
            let current = *current;
            let timer = gloo_timers::callback::Timeout::new(0, move || shown.set(Some(current)));
            move || drop(timer)
        });
    }
    *shown == Some(current)
}

/// A GS1 date (YYMMDD, day 00 for the month's last day) as a date in this
/// century; `None` when it is not one (the code reader already checked it).
fn pack_date(value: &str) -> Option<Date> {
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<u8>().ok();
    if value.len() != 6 {
        return None;
    }
    let year = 2000 + i32::from(number(0..2)?);
    let month = Month::try_from(number(2..4)?).ok()?;
    match number(4..6)? {
        0 => Some(Date::from_calendar_date(year, month, month.length(year)).ok()?),
        day => Date::from_calendar_date(year, month, day).ok(),
    }
}
