//! "Checking…", with what the verification is waiting for.

use tracecheck_core::resolve::Progress;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The step reached, once the verification has reported one.
    pub progress: Option<Progress>,
}

#[function_component]
pub fn Checking(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let step = props.progress.map(|step| lang.t(Msg::Progress(step)));
    html! {
        <div class="checking">
            <p>{lang.t(Msg::Checking)}</p>
            if let Some(step) = step {
                // Not announced: the live region would repeat at every step.
                <p class="progress-step" aria-hidden="true">{step}</p>
            }
        </div>
    }
}
