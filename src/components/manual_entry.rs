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
    // The starting text is put in once, when it changes: a `value` attribute
    // would make Yew reset the field to it on every re-render of the page
    // (the camera starting, a language switch), wiping what the shopper typed.
    {
        let input = input.clone();
        use_effect_with(props.initial.clone(), move |initial| {
            if let (Some(text), Some(field)) = (initial, input.cast::<HtmlInputElement>()) {
                field.set_value(text);
            }
        });
    }
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
                    spellcheck="false" placeholder={lang.t(Msg::ManualPlaceholder)} />
                <button type="submit" class="primary">{lang.t(Msg::ManualSubmit)}</button>
            </div>
        </form>
    }
}
