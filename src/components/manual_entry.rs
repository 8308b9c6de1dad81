//! Typing a code: an EAN number from under the barcode, a `(01)…` string or a link.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with the text typed.
    pub on_code: Callback<String>,
    /// Text to start from (a code to correct).
    #[prop_or_default]
    pub initial: Option<String>,
}

#[function_component]
pub fn ManualEntry(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = use_node_ref();
    let onsubmit = {
        let (input, on_code) = (input.clone(), props.on_code.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                let text = field.value();
                if !text.trim().is_empty() {
                    on_code.emit(text.trim().to_owned());
                }
            }
        })
    };
    html! {
        <form class="manual" {onsubmit}>
            <h2>{lang.t(Msg::ManualHeading)}</h2>
            <label for="manual-code">{lang.t(Msg::ManualLabel)}</label>
            <div class="row">
                <input id="manual-code" ref={input} type="text" inputmode="text" autocomplete="off"
                    spellcheck="false" placeholder={lang.t(Msg::ManualPlaceholder)}
                    value={props.initial.clone().unwrap_or_default()} />
                <button type="submit" class="primary">{lang.t(Msg::ManualSubmit)}</button>
            </div>
        </form>
    }
}
