//! The verdict: icon, words and colour together, never colour alone; the
//! one-line reason of any verdict short of Verified, linked to the check it
//! comes from; for a recall, the producer's own words first; for a
//! warning, the way to report a fake. What it says is
//! [`banner_words`], shared with the banner build's first paint.

use tracecheck_core::verdict::Level;
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::components::verdict_words::banner_words;
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
    let words = banner_words(
        props.level,
        &props.notices,
        props.report.as_deref(),
        props.no_links,
        lang,
    );
    let notices = html! {
        { for words.notices.iter().map(|notice| html! {
            <p class="notice"><strong>{words.notice_label.clone()}</strong>{notice.clone()}</p>
        }) }
    };
    let reason = words.reason.map(|(text, target)| match target {
        Some(target) => html! {
            <p class="reason">{text}{" "}<a href={format!("#{target}")}>{lang.t(Msg::SeeTheCheck)}</a></p>
        },
        None => html! { <p class="reason">{text}</p> },
    });
    html! {
        <div class={classes!("verdict", words.class)} data-level={words.class}>
            <span class="icon" aria-hidden="true">{words.icon}</span>
            <div>
                <h1 class="title">{words.title}</h1>
                if words.notices_first {
                    {notices.clone()}
                }
                {reason.unwrap_or_default()}
                if let Some(summary) = words.summary {
                    <p class="summary">{summary}</p>
                }
                if !words.notices_first {
                    {notices}
                }
                if words.report_link {
                    <p class="report-link"><a href="#report">{lang.t(Msg::ReportFakeLink)}</a></p>
                }
            </div>
        </div>
    }
}
