//! "Choose a photo": reads a QR code from an image file, with every
//! attempt of the pipeline, in the decoder worker.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::platform::decoder::Decoder;
use crate::platform::photo;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with the code read from the photo.
    pub on_code: Callback<String>,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Reading,
    Problem(String),
}

#[function_component]
pub fn PhotoPicker(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_state(|| State::Idle);
    let onchange = {
        let (state, on_code) = (state.clone(), props.on_code.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be picked again after a failure.
            input.set_value("");
            state.set(State::Reading);
            let (state, on_code) = (state.clone(), on_code.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = async {
                    let frame = photo::load(&file).await?;
                    let decoder = Decoder::new()?;
                    Ok(decoder.still(&frame).await.into_iter().next())
                };
                match read.await {
                    Ok(Some(text)) => {
                        state.set(State::Idle);
                        on_code.emit(text);
                    }
                    Ok(None) => state.set(State::Problem(lang.t(Msg::NoCodeInPhoto))),
                    Err(error) => state.set(State::Problem(lang.platform(&error))),
                }
            });
        })
    };
    let status = match &*state {
        State::Idle => html! {},
        State::Reading => html! { <p class="hint">{lang.t(Msg::ReadingPhoto)}</p> },
        State::Problem(text) => html! { <p class="problem" role="alert">{text.clone()}</p> },
    };
    html! {
        <section class="photo">
            <label class="button secondary">
                {lang.t(Msg::PickPhoto)}
                <input type="file" accept="image/*" class="visually-hidden" {onchange} />
            </label>
            {status}
        </section>
    }
}
