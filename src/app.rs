//! The top of the widget: language, the verification context, and which
//! page is showing.

use std::rc::Rc;

use tracecheck_core::trust::is_demo_root;
use tracecheck_core::verdict::Context;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::components::demo_mark::DemoMark;
use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{Lang, Msg};
use crate::pages::embed::EmbedPage;
use crate::pages::set::PageSet;
use crate::pages::verify::VerifyPage;
use crate::platform::{config, offline, storage, window};
use crate::route::{self, Mode};

const LANG_KEY: &str = "tracecheck.lang";

/// The language: the one the address names (an embedding page, a kiosk),
/// else the one chosen before, else Vietnamese.
pub fn initial_lang() -> Lang {
    let asked = route::param("lang").and_then(|tag| Lang::from_tag(&tag));
    asked
        .or_else(|| storage::get(LANG_KEY).and_then(|tag| Lang::from_tag(&tag)))
        .unwrap_or_default()
}

/// `<meta name="tracecheck-demo">` in the page (crates/tracecheck-cli/src/serve/routes.rs).
fn page_hints_demo() -> bool {
    window()
        .ok()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=\"tracecheck-demo\"]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// The widget, with the pages of one build (`crate::pages::set`).
#[function_component]
pub fn App<P: PageSet>() -> Html {
    let lang = use_state(initial_lang);
    let mode = use_state(route::current);
    let context = use_state(|| None::<Rc<Context>>);

    // Offline use: keep the app and its data on the phone, once the page
    // has done its first job (the trust list in; on a product's address,
    // its verdict shown), so that the worker's precache never competes with
    // it for a slow network. Not from the badge: a shop's visitor would get
    // the whole app installed (and its scanner precached) inside the shop's
    // page.
    let embedded = matches!(*mode, Mode::Embed(_));
    let verifies_first = use_state(|| matches!(*mode, Mode::Verify(_)));
    use_effect_with((embedded, context.is_some()), {
        let verifies_first = *verifies_first;
        move |(embedded, loaded)| {
            if !*embedded && *loaded {
                offline::register_when_settled(verifies_first);
            }
        }
    });

    // The trust list is loaded once; verifications wait for it.
    {
        let context = context.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = config::load_context_here().await;
                context.set(Some(Rc::new(loaded)));
            });
        });
    }

    // Back/forward move between scanning and results.
    {
        let mode = mode.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut()>::new(move || mode.set(route::current()));
            let target = window().ok();
            if let Some(w) = &target {
                let _ = w.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = target {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // Keep <html lang> in step, for screen readers and hyphenation.
    use_effect_with(*lang, |lang| {
        if let Some(root) = window()
            .ok()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            storage::set(LANG_KEY, next.tag());
            lang.set(next);
        })
    };
    let go = {
        let mode = mode.clone();
        Callback::from(move |next: Mode| {
            route::push(&next);
            mode.set(next);
        })
    };
    let on_code = {
        let go = go.clone();
        Callback::from(move |code: String| go.emit(Mode::Verify(code)))
    };
    let on_back = Callback::from(move |_| go.emit(Mode::Scan));
    // Every page of a deployment pinned to the demo root says so. Until the
    // trust list is in, the page's hint decides (tracecheck serve names the
    // demo root in a <meta>), so that the mark is there from the first
    // render rather than pushing the page down later; the trust list, once
    // loaded, decides alone.
    let demo_hint = use_state(page_hints_demo);
    let demo = match &*context {
        Some(c) => c
            .trust
            .as_ref()
            .is_ok_and(|trust| is_demo_root(&trust.root)),
        None => *demo_hint,
    };
    let demo_mark = demo.then(|| html! { <DemoMark /> });

    if *mode == Mode::Kiosk {
        // The kiosk: large type, no navigation away; the language switch stays.
        return html! {
            <ContextProvider<Lang> context={*lang}>
                <header class="top kiosk-top">
                    <div class="brand">
                        <span class="logo" aria-hidden="true">{"✓"}</span>
                        <p class="name">{"tracecheck"}</p>
                    </div>
                    <LanguageSwitch on_switch={on_switch} />
                </header>
                {demo_mark}
                <main id="main" tabindex="-1">{P::kiosk((*context).clone())}</main>
            </ContextProvider<Lang>>
        };
    }
    if let Mode::Embed(code) = &*mode {
        // The badge: no header, no navigation, just the result.
        return html! {
            <ContextProvider<Lang> context={*lang}>
                {demo_mark}
                <EmbedPage code={code.clone()} context={(*context).clone()} />
            </ContextProvider<Lang>>
        };
    }
    let page = match &*mode {
        Mode::Scan => P::scan(on_code),
        Mode::Embed(_) | Mode::Kiosk => html! {},
        Mode::Verify(code) => html! {
            <VerifyPage code={code.clone()} context={(*context).clone()} {on_back} {on_code} />
        },
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
            <a class="skip-link" href="#main">{lang.t(Msg::SkipToContent)}</a>
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"✓"}</span>
                    <div>
                        <p class="name">{"tracecheck"}</p>
                        <p class="tagline">{lang.t(Msg::Tagline)}</p>
                    </div>
                </div>
                <LanguageSwitch on_switch={on_switch} />
            </header>
            {demo_mark}
            <main id="main" tabindex="-1">{page}</main>
        </ContextProvider<Lang>>
    }
}
