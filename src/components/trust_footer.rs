//! The trust list's name and date, and where to report a suspected fake.

use tracecheck_core::trust::ListStatus;
use tracecheck_core::verdict::{Level, TrustListSummary};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trust_list: Option<TrustListSummary>,
    pub level: Level,
    /// Kiosk: the contact is shown as text, with no link to follow.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn TrustFooter(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(list) = &props.trust_list else {
        return html! {};
    };
    let date = list
        .valid_from
        .map(|d| lang.date(d.date()))
        .unwrap_or_default();
    let report = list.report.as_ref().map(|contact| {
        // (shown text, link) for each way to reach the authority.
        let ways = [
            contact.telephone.as_ref().map(|p| (p.clone(), format!("tel:{}", p.replace(' ', "")))),
            contact.email.as_ref().map(|e| (e.clone(), format!("mailto:{e}"))),
            contact.url.as_ref().map(|u| (u.clone(), u.clone())),
        ];
        html! {
            <div class={classes!("report", (props.level == Level::Counterfeit).then_some("urgent"))}>
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
            {report.unwrap_or_default()}
        </footer>
    }
}
