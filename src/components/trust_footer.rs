//! The trust list's name and date, and where to report a suspected fake —
//! by telephone, or by an e-mail already holding the code, the verdict and
//! the time (no server of ours in between).

use tracecheck_core::trust::ListStatus;
use tracecheck_core::verdict::Level;
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: ReportRef,
    /// Kiosk: the contact is shown as text, with no link to follow.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn TrustFooter(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = &props.report;
    let Some(list) = &report.trust_list else {
        return html! {};
    };
    let date = list
        .valid_from
        .map(|d| lang.date(d.date()))
        .unwrap_or_default();
    let contact = list.report.as_ref().map(|contact| {
        let mail = contact.email.as_ref().map(|email| {
            let code = report
                .code
                .as_ref()
                .map(|c| c.element_string())
                .unwrap_or_default();
            let body = lang.t(Msg::ReportBody {
                code,
                verdict: lang.level(report.level).0.to_owned(),
                at: lang.datetime(report.checked_at),
            });
            let href = format!(
                "mailto:{email}?subject={}&body={}",
                encode(&lang.t(Msg::ReportSubject)),
                encode(&body)
            );
            (email.clone(), href)
        });
        // (shown text, link) for each way to reach the authority.
        let ways = [
            contact
                .telephone
                .as_ref()
                .map(|p| (p.clone(), format!("tel:{}", p.replace(' ', "")))),
            mail,
            contact.url.as_ref().map(|u| (u.clone(), u.clone())),
        ];
        let urgent = matches!(report.level, Level::Counterfeit | Level::NotVerifiable);
        html! {
            <div id="report" class={classes!("report", urgent.then_some("urgent"))}>
                <p class="report-heading">{lang.t(Msg::ReportHeading)}</p>
                <p>{lang.t(Msg::ReportHint)}{" "}{lang.text(&contact.name)}</p>
                <ul>
                    { for ways.into_iter().flatten().map(|(text, href)| if props.no_links {
                        html! { <li>{text}</li> }
                    } else {
                        html! { <li><a {href} rel="noopener noreferrer">{text}</a></li> }
                    }) }
                </ul>
            </div>
        }
    });
    html! {
        <footer class="trust">
            <p>{lang.t(Msg::TrustListInfo { name: lang.text(&list.name), date })}</p>
            if list.stale {
                <p class="problem">{lang.t(Msg::TrustListStale)}</p>
            }
            if list.status == ListStatus::Unknown {
                <p class="problem">{lang.t(Msg::TrustListStatusUnknown)}</p>
            }
            {contact.unwrap_or_default()}
        </footer>
    }
}

/// Percent-encodes `text` for a `mailto:` query (RFC 6068), with the
/// core's unreserved set.
fn encode(text: &str) -> String {
    // Spaces as %20: in a mailto: URI a "+" stays a plus sign.
    tracecheck_core::code::uri_escape(text, false)
}
