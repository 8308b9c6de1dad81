//! What the rules ask a product passport to show, and whether this record
//! shows it: present and verified, present but not verified, or missing
//! (`verdict::checklist`; sources in docs/verifier.md).

use tracecheck_core::verdict::Presence;
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Whose checklist (`Report::checklist`).
    pub report: ReportRef,
}

#[function_component]
pub fn PassportChecklist(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let items = props.report.checklist();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="card checklist">
            <details>
                <summary><h2>{lang.t(Msg::ChecklistHeading)}</h2></summary>
                <p class="hint">{lang.t(Msg::ChecklistHint)}</p>
                <ul>
                    { for items.iter().map(|item| {
                        let (class, mark) = match item.presence {
                            Presence::Verified => ("present", "✓"),
                            Presence::Unverified => ("unverified", "!"),
                            Presence::Missing => ("missing", "✕"),
                        };
                        html! {
                            <li class={classes!("requirement", class)}>
                                <span class="mark" aria-hidden="true">{mark}</span>
                                <span class="what">{lang.t(Msg::Requirement(item.requirement))}</span>
                                {": "}
                                <span class="presence">{lang.t(Msg::Presence(item.presence))}</span>
                            </li>
                        }
                    }) }
                </ul>
            </details>
        </section>
    }
}
