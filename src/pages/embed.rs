//! The retailer's badge (`/embed?code=…&lang=…`): verdict, product and
//! producer in one line, expanding to the full result. It tells the host
//! page its height (and verdict) by postMessage, so the loader can size the
//! iframe; nothing else crosses the frame.

use std::rc::Rc;

use tracecheck_core::verdict::{Context, Level};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::components::result_view::ResultView;
use crate::components::verdict_words::badge_words;
use crate::hooks::use_verification::use_verification;
use crate::i18n::{Lang, Msg};
use crate::platform::host_page::post_size;
use crate::platform::{shell, window};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub code: String,
    pub context: Option<Rc<Context>>,
}

#[function_component]
pub fn EmbedPage(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_verification(&props.code, props.context.clone(), lang, Callback::noop());
    let report = state.done.as_ref().map(|v| Rc::clone(&v.report));
    let expanded = use_state(|| false);

    // Report the height whenever the content changes size.
    let level = report.as_ref().map(|r| r.level);
    {
        use_effect_with(level, move |level| {
            let level = *level;
            // Once now, not only from the observer: Chromium throttles the
            // rendering (and so the ResizeObserver) of a cross-origin frame
            // below the fold, and a badge there never told the shop its
            // verdict (e2e: embed.test.mjs, the fourth badge).
            post_size(level);
            let watcher = watch_size(level);
            move || {
                // Stop the observer before its callback is freed.
                if let Some((observer, callback)) = watcher {
                    observer.disconnect();
                    drop(callback);
                }
            }
        });
    }

    let summary = match &report {
        None => html! {
            <div class="embed-summary checking" role="status">
                <span class="icon" aria-hidden="true">{"…"}</span>
                <span class="text"><span class="title">{lang.t(Msg::Checking)}</span></span>
            </div>
        },
        Some(report) => {
            let words = badge_words(report, lang);
            let toggle = {
                let expanded = expanded.clone();
                Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
            };
            html! {
                <button type="button" class={classes!("embed-summary", words.class)} data-level={words.class}
                    aria-expanded={expanded.to_string()} aria-controls="embed-details" onclick={toggle}>
                    <span class="icon" aria-hidden="true">{words.icon}</span>
                    <span class="text">
                        <span class="title">{words.title}</span>
                        if let Some((product, producer)) = words.names {
                            <span class="name">{product}</span>
                            <span class="producer">{producer}</span>
                        }
                    </span>
                    <span class="more">{lang.t(if *expanded { Msg::HideDetails } else { Msg::ShowDetails })}</span>
                </button>
            }
        }
    };
    // The verdict is drawn: the shell's copy (the banner build's) gives
    // way, its details open if the shopper already tapped it.
    let drawn = props.context.is_some() && report.is_some();
    {
        let expanded = expanded.clone();
        use_effect_with(drawn, move |drawn| {
            if *drawn {
                if shell::badge_opened() {
                    expanded.set(true);
                }
                shell::remove();
            }
        });
    }
    html! {
        <div class="embed" aria-live="polite">
            {summary}
            if *expanded {
                if let Some(report) = &report {
                    <div id="embed-details" class="embed-details">
                        <ResultView report={ReportRef::from(report)} />
                    </div>
                }
            }
        </div>
    }
}

/// Watches the page's height and posts it to the host page. Dropping the
/// returned value stops watching.
fn watch_size(level: Option<Level>) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let window = window().ok()?;
    let body = window.document()?.body()?;
    let post = Closure::<dyn FnMut()>::new(move || post_size(level));
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, post))
}
