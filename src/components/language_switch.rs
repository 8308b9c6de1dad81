use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_switch: Callback<()>,
}

/// A button naming the other language, in that language.
#[function_component]
pub fn LanguageSwitch(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let onclick = props.on_switch.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="lang-switch" lang={lang.other().tag()} {onclick}>
            {lang.t(Msg::SwitchLanguage)}
        </button>
    }
}
