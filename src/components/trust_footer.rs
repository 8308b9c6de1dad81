//! The trust list's name and date, and where to report a suspected fake.

use tracecheck_core::verdict::{Level, TrustListSummary};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trust_list: Option<TrustListSummary>,
    pub level: Level,
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
        html! {
            <div class={classes!("report", (props.level == Level::Counterfeit).then_some("urgent"))}>
                <p class="report-heading">{lang.t(Msg::ReportHeading)}</p>
                <p>{lang.t(Msg::ReportHint)}{" "}{lang.text(&contact.name)}</p>
                <ul>
                    if let Some(phone) = &contact.telephone {
                        <li><a href={format!("tel:{}", phone.replace(' ', ""))}>{phone.clone()}</a></li>
                    }
                    if let Some(email) = &contact.email {
                        <li><a href={format!("mailto:{email}")}>{email.clone()}</a></li>
                    }
                    if let Some(url) = &contact.url {
                        <li><a href={url.clone()} rel="noopener noreferrer" target="_blank">{url.clone()}</a></li>
                    }
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
            {report.unwrap_or_default()}
        </footer>
    }
}
