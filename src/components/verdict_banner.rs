//! The verdict: icon, words and colour together, never colour alone.

use tracecheck_core::verdict::Level;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub level: Level,
    /// Notices from status lists (recalls), shown with the verdict.
    #[prop_or_default]
    pub notices: Vec<String>,
}

#[function_component]
pub fn VerdictBanner(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (title, summary) = lang.level(props.level);
    let (class, icon) = match props.level {
        Level::Verified => ("verified", "✓"),
        Level::Caution => ("caution", "!"),
        Level::Counterfeit => ("counterfeit", "✕"),
        Level::NotVerifiable => ("unverifiable", "?"),
    };
    html! {
        <div class={classes!("verdict", class)} data-level={class}>
            <span class="icon" aria-hidden="true">{icon}</span>
            <div>
                <h1 class="title">{title}</h1>
                <p class="summary">{summary}</p>
                { for props.notices.iter().map(|notice| html! {
                    <p class="notice"><strong>{lang.t(Msg::Notice)}{": "}</strong>{notice.clone()}</p>
                }) }
            </div>
        </div>
    }
}
