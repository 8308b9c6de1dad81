//! Which pages a build of the widget carries.
//!
//! Two builds come from this crate (docs/performance.md, "the verify
//! build"): the whole widget (`src/main.rs`), and one without the scanner
//! and the kiosk (`src/bin/tracecheck-verify.rs`) that `assets/boot.js`
//! loads for a product's address and the badge, the pages a shopper's
//! camera app and a shop open. The App is generic over this trait, so the
//! scanner's and kiosk's code is not in the verify build at all rather
//! than present and unused.

use std::rc::Rc;

use tracecheck_core::verdict::Context;
use yew::prelude::*;

use crate::pages::kiosk::KioskPage;
use crate::pages::scan::ScanPage;
use crate::platform::window;

/// The pages beside verification and the badge.
pub trait PageSet: 'static {
    /// The scanning page; `on_code` verifies what was scanned or typed.
    fn scan(on_code: Callback<String>) -> Html;
    /// The trade-fair kiosk's page (inside the kiosk's own frame).
    fn kiosk(context: Option<Rc<Context>>) -> Html;
}

/// The whole widget.
pub struct AllPages;

impl PageSet for AllPages {
    fn scan(on_code: Callback<String>) -> Html {
        html! { <ScanPage {on_code} /> }
    }

    fn kiosk(context: Option<Rc<Context>>) -> Html {
        html! { <KioskPage {context} /> }
    }
}

/// The verify build: a product's address and the badge only. Asked for
/// the scanner ("scan another") or the kiosk, it opens that page afresh,
/// and boot.js loads the whole widget there.
pub struct VerifyPages;

impl PageSet for VerifyPages {
    fn scan(_on_code: Callback<String>) -> Html {
        open_afresh("/");
        Html::default()
    }

    fn kiosk(_context: Option<Rc<Context>>) -> Html {
        open_afresh("/kiosk");
        Html::default()
    }
}

/// Loads `path` in place of the current history entry: "scan another" has
/// already pushed `/`, so Back returns to the product, not to a second `/`.
/// Never the verify build's own address again: boot.js loads the whole
/// widget for `/` and `/kiosk`, so this cannot loop.
fn open_afresh(path: &str) {
    if let Ok(window) = window() {
        let _ = window.location().replace(path);
    }
}
