//! The verdict: icon, words and colour together, never colour alone; the
//! one-line reason of any verdict short of Verified, linked to the check it
//! comes from; for a recall, the producer's own words first; for a
//! warning, the way to report a fake.

use tracecheck_core::verdict::{Level, Report};
use yew::prelude::*;

use crate::components::checks_list::{anchor, check_title};
use crate::components::level_look::look;
use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub level: Level,
    /// Notices from status lists (recalls), shown with the verdict.
    #[prop_or_default]
    pub notices: Vec<String>,
    /// The report, for the reason line and its link (absent in tests that
    /// only render a level).
    #[prop_or_default]
    pub report: Option<ReportRef>,
    /// Kiosk: no link may lead away, or jump, from the banner.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn VerdictBanner(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (title, summary) = lang.level(props.level);
    let (class, icon) = look(props.level);
    let notices = html! {
        { for props.notices.iter().map(|notice| html! {
            <p class="notice"><strong>{lang.t(Msg::Notice)}{": "}</strong>{notice.clone()}</p>
        }) }
    };
    let reason = props
        .report
        .as_ref()
        .and_then(|report| reason(report, lang));
    // Where the reason line says it all, the level's general words ("no
    // signed record to check") would only blur it.
    let show_summary =
        reason.is_none() || !matches!(props.level, Level::NotVerifiable | Level::ProductVerified);
    let reason = reason.map(|(text, target)| match target.filter(|_| !props.no_links) {
        Some(target) => html! {
            <p class="reason">{text}{" "}<a href={format!("#{target}")}>{lang.t(Msg::SeeTheCheck)}</a></p>
        },
        None => html! { <p class="reason">{text}</p> },
    });
    // Reporting a fake fits a warning, or a product code that led nowhere;
    // not a typo or text that is no product code at all.
    let report_link = !props.no_links
        && props.report.as_ref().is_some_and(|r| {
            let fits = match props.level {
                Level::Counterfeit => true,
                Level::NotVerifiable => r.code.is_some(),
                _ => false,
            };
            fits && r.trust_list.as_ref().is_some_and(|t| t.report.is_some())
        });
    html! {
        <div class={classes!("verdict", class)} data-level={class}>
            <span class="icon" aria-hidden="true">{icon}</span>
            <div>
                <h1 class="title">{title}</h1>
                // A recall: the producer's own words come first.
                if props.level == Level::Recalled {
                    {notices.clone()}
                }
                {reason.unwrap_or_default()}
                if show_summary {
                    <p class="summary">{summary}</p>
                }
                if props.level != Level::Recalled {
                    {notices}
                }
                if report_link {
                    <p class="report-link"><a href="#report">{lang.t(Msg::ReportFakeLink)}</a></p>
                }
            </div>
        </div>
    }
}

/// The reason line: the decisive check's finding and its anchor, or for a
/// product-only code, that the batch is not checked.
fn reason(report: &Report, lang: Lang) -> Option<(String, Option<String>)> {
    if report.level == Level::ProductVerified {
        return Some((lang.t(Msg::BatchNotChecked), None));
    }
    let decisive = report.decisive_check()?;
    let index = report
        .checks
        .iter()
        .position(|c| std::ptr::eq(c, decisive))?;
    // Which check, then what it found: "Certification: VietGAP — no longer
    // valid since …" says what expired, not only that something did.
    let title = check_title(decisive, &report.certifications, lang);
    let finding = lang.finding(&decisive.finding);
    Some((format!("{title} — {finding}"), Some(anchor(index))))
}
