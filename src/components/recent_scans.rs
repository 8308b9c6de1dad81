//! The scans kept on this phone, newest first; tap one to check it again.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::platform::{clock, history};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_code: Callback<String>,
}

#[function_component]
pub fn RecentScans(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let visits = use_state(history::load);
    if visits.is_empty() {
        return html! {};
    }
    let clear = {
        let visits = visits.clone();
        Callback::from(move |_: MouseEvent| {
            history::clear();
            visits.set(Vec::new());
        })
    };
    html! {
        <section class="card recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading">{lang.t(Msg::RecentScans)}</h2>
            <p class="hint">{lang.t(Msg::RecentScansHint)}</p>
            <ul>
                { for visits.iter().map(|visit| {
                    let code = visit.code.clone();
                    let onclick = props.on_code.reform(move |_: MouseEvent| code.clone());
                    let verdict = level_word(lang, &visit.level);
                    let when = lang.datetime(clock::local(visit.at_ms));
                    html! {
                        <li>
                            <button type="button" class={classes!("link", visit.level.clone())} {onclick}>
                                <span class="what">{visit.name.clone().unwrap_or_else(|| visit.code.clone())}</span>
                                <span class="meta">{verdict}{" · "}{when}</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="secondary" onclick={clear}>{lang.t(Msg::ClearHistory)}</button>
        </section>
    }
}

/// The stored level (`verified`…) as the verdict's title.
fn level_word(lang: Lang, level: &str) -> String {
    use tracecheck_core::verdict::Level;
    // Scans kept before a level was renamed read as "not verifiable".
    let level = Level::from_code(level).unwrap_or(Level::NotVerifiable);
    lang.level(level).0.to_owned()
}
