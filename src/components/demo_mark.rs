//! The permanent mark on every page of a deployment whose trust root is
//! the demo root: its keys come from public seeds, so anyone can sign as a
//! demo producer, and nothing it verifies says anything about real goods.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[function_component]
pub fn DemoMark() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <p class="demo-mark" role="note" data-demo="true">
            <strong>{lang.t(Msg::DemoDataTitle)}</strong>{" "}{lang.t(Msg::DemoDataHint)}
        </p>
    }
}
