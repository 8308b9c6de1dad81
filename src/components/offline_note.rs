//! Said when a result rests on data kept on the phone (offline): how much,
//! and how old.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::platform::{clock, offline};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Documents answered from the cache during the verification (URL, saved at ms).
    pub cached: Vec<(String, f64)>,
}

#[function_component]
pub fn OfflineNote(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let trust_saved = offline::trust_list_cached_at();
    let oldest = props
        .cached
        .iter()
        .map(|(_, at)| *at)
        .chain(trust_saved)
        .reduce(f64::min);
    let Some(oldest) = oldest else {
        return html! {};
    };
    let when = |at: f64| lang.datetime(clock::local(at));
    html! {
        <section class="offline-note" aria-label={lang.t(Msg::OfflineHeading)}>
            <p><strong>{lang.t(Msg::OfflineHeading)}</strong></p>
            <p>{lang.t(Msg::OfflineData { count: props.cached.len(), oldest: when(oldest) })}</p>
            if let Some(at) = trust_saved {
                <p>{lang.t(Msg::TrustListSavedAt(when(at)))}</p>
            }
        </section>
    }
}
