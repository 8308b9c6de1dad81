//! The banner build (`src/bin/tracecheck-banner.rs`): on a product's
//! address and in the shop's badge, the verdict before the widget. The same verification as the
//! widget's (the core's `verify_code`, the same fetcher and trust list),
//! drawn with plain DOM calls instead of Yew, so the module is about 40 %
//! smaller and the shopper reads the verdict about 0.7 s sooner on a slow
//! network (docs/performance.md, "the banner build").
//!
//! assets/boot.js loads it first, then the verify build, which verifies
//! the same answers again (this module leaves a copy of each in the
//! page's early answers, `platform::early`) and draws the whole page in
//! place of this banner (`platform::shell`).

mod draw;

use tracecheck_core::trust::is_demo_root;
use tracecheck_core::verdict::verify_code;

use crate::app::initial_lang;
use crate::platform::clock::now;
use crate::platform::config::load_context_with;
use crate::platform::fetch::BrowserFetcher;
use crate::platform::host_page::post_size;
use crate::route::{self, Mode};

/// Told to boot.js when this module is done, verdict drawn or not.
const DONE_EVENT: &str = "tracecheck:banner";

/// Verifies the address's code and draws its verdict into the app shell
/// (a product's address, the badge); on any other address, does nothing.
/// Either way it then tells boot.js.
pub fn run() {
    wasm_bindgen_futures::spawn_local(async {
        match route::current() {
            Mode::Verify(code) => verify_and_draw(&code, Page::Verify).await,
            Mode::Embed(code) => verify_and_draw(&code, Page::Badge).await,
            Mode::Scan | Mode::Kiosk => {}
        }
        announce_done();
    });
}

/// Which page the verdict is drawn for.
#[derive(Clone, Copy)]
enum Page {
    /// A product's address: the verdict banner.
    Verify,
    /// The shop's badge (`/embed`): its one line.
    Badge,
}

async fn verify_and_draw(code: &str, page: Page) {
    let lang = initial_lang();
    let fetcher = BrowserFetcher {
        hand_over: true,
        ..BrowserFetcher::default()
    };
    let mut context = load_context_with(&fetcher).await;
    context.now = now();
    context.languages = lang.preferences();
    let report = verify_code(code, &context, &fetcher).await;
    let demo = context
        .trust
        .as_ref()
        .is_ok_and(|trust| is_demo_root(&trust.root));
    match page {
        Page::Verify => draw::verdict(&report, demo, lang),
        Page::Badge => {
            if draw::badge(&report, demo, lang) {
                // The shop sizes its frame and learns the verdict now.
                post_size(Some(report.level));
            }
        }
    }
}

fn announce_done() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(DONE_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}
