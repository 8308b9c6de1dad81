//! The banner build's verdict, as DOM nodes inside the app shell: the
//! same elements and classes as the widget's (`App`'s demo mark, then
//! `main > .verify-page > .status-region > VerdictBanner`, or in the badge
//! `EmbedPage`'s summary line), so the stylesheet lays both out alike and
//! nothing moves when the widget's page replaces the shell. Text goes in
//! as text, never as HTML.

use tracecheck_core::verdict::Report;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::components::verdict_words::{badge_words, banner_words};
use crate::i18n::{Lang, Msg};
use crate::platform::shell;

/// Draws `report`'s verdict in place of the shell's loading line, unless
/// the shell is gone (the widget drew its page first).
pub fn verdict(report: &Report, demo: bool, lang: Lang) {
    replace_loading(demo, lang, |document| verify_page(document, report, lang));
}

/// Draws the badge's line (`pages::embed`) in place of the shell's
/// loading line; whether it did.
pub fn badge(report: &Report, demo: bool, lang: Lang) -> bool {
    replace_loading(demo, lang, |document| badge_line(document, report, lang))
}

/// Puts what `make` builds (after the demo mark, on a demo deployment) in
/// place of the shell's loading line, and marks the body; whether it did.
fn replace_loading(
    demo: bool,
    lang: Lang,
    make: impl FnOnce(&Document) -> Option<Element>,
) -> bool {
    let (Some(document), Some(shell_element)) = (
        web_sys::window().and_then(|w| w.document()),
        shell::element(),
    ) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    // Made whole before anything on the page changes.
    let Some(content) = make(&document) else {
        return false;
    };
    let mark = match demo.then(|| demo_mark(&document, lang)) {
        Some(None) => return false,
        Some(Some(mark)) => Some(mark),
        None => None,
    };
    if let Some(loading) = shell_element
        .query_selector(".shell-loading")
        .ok()
        .flatten()
    {
        loading.remove();
    }
    if let Some(mark) = mark {
        let _ = shell_element.append_child(&mark);
    }
    // The page's language, as the widget sets it: an engine picks fonts,
    // hyphens and line breaks by it, so the widget's banner would wrap
    // differently from this one (styles/app.css).
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    if shell_element.append_child(&content).is_err() {
        return false;
    }
    body.class_list().add_1(shell::HOLDS_VERDICT).is_ok()
}

/// `<tag class="class">`, with `text` as its text if any.
fn element(document: &Document, tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Some(element)
}

/// Appends `child` to `parent`.
fn append(parent: &Element, child: &Element) -> Option<()> {
    parent.append_child(child).ok().map(drop)
}

/// The demo mark (`components::demo_mark`).
fn demo_mark(document: &Document, lang: Lang) -> Option<Element> {
    let mark = element(document, "p", "demo-mark", None)?;
    mark.set_attribute("role", "note").ok()?;
    mark.set_attribute("data-demo", "true").ok()?;
    let title = element(document, "strong", "", Some(&lang.t(Msg::DemoDataTitle)))?;
    append(&mark, &title)?;
    mark.append_with_str_1(&format!(" {}", lang.t(Msg::DemoDataHint)))
        .ok()?;
    Some(mark)
}

/// The shell's stand-in for `<main>`: a `div` (the page keeps one `main`),
/// styled as one.
fn verify_page(document: &Document, report: &Report, lang: Lang) -> Option<Element> {
    let main = element(document, "div", "shell-main", None)?;
    let page = element(document, "div", "verify-page", None)?;
    let region = element(document, "div", "status-region", None)?;
    region.set_attribute("role", "status").ok()?;
    region.set_attribute("aria-live", "polite").ok()?;
    region.set_attribute("aria-atomic", "true").ok()?;
    append(&region, &banner(document, report, lang)?)?;
    append(&page, &region)?;
    append(&main, &page)?;
    Some(main)
}

/// `VerdictBanner`'s elements, from the same words.
fn banner(document: &Document, report: &Report, lang: Lang) -> Option<Element> {
    let words = banner_words(report.level, &report.notices, Some(report), false, lang);
    let banner = element(document, "div", &format!("verdict {}", words.class), None)?;
    banner.set_attribute("data-level", words.class).ok()?;
    let icon = element(document, "span", "icon", Some(words.icon))?;
    icon.set_attribute("aria-hidden", "true").ok()?;
    append(&banner, &icon)?;
    let text = element(document, "div", "", None)?;
    append(&text, &element(document, "h1", "title", Some(words.title))?)?;
    let notices = || -> Option<()> {
        for notice in &words.notices {
            let line = element(document, "p", "notice", None)?;
            let label = element(document, "strong", "", Some(&words.notice_label))?;
            append(&line, &label)?;
            line.append_with_str_1(notice).ok()?;
            append(&text, &line)?;
        }
        Some(())
    };
    if words.notices_first {
        notices()?;
    }
    if let Some((reason, target)) = &words.reason {
        let line = element(document, "p", "reason", Some(reason))?;
        if let Some(target) = target {
            line.append_with_str_1(" ").ok()?;
            let link = element(document, "a", "", Some(&lang.t(Msg::SeeTheCheck)))?;
            link.set_attribute("href", &format!("#{target}")).ok()?;
            append(&line, &link)?;
        }
        append(&text, &line)?;
    }
    if let Some(summary) = words.summary {
        append(&text, &element(document, "p", "summary", Some(summary))?)?;
    }
    if !words.notices_first {
        notices()?;
    }
    if words.report_link {
        let line = element(document, "p", "report-link", None)?;
        let link = element(document, "a", "", Some(&lang.t(Msg::ReportFakeLink)))?;
        link.set_attribute("href", "#report").ok()?;
        append(&line, &link)?;
        append(&text, &line)?;
    }
    append(&banner, &text)?;
    Some(banner)
}

/// The badge's summary button (`pages::embed`), from the same words. It
/// opens the details once the widget has taken over.
fn badge_line(document: &Document, report: &Report, lang: Lang) -> Option<Element> {
    let words = badge_words(report, lang);
    let embed = element(document, "div", "embed", None)?;
    embed.set_attribute("aria-live", "polite").ok()?;
    let button = element(
        document,
        "button",
        &format!("embed-summary {}", words.class),
        None,
    )?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-level", words.class).ok()?;
    button.set_attribute("aria-expanded", "false").ok()?;
    button
        .set_attribute("aria-controls", "embed-details")
        .ok()?;
    let icon = element(document, "span", "icon", Some(words.icon))?;
    icon.set_attribute("aria-hidden", "true").ok()?;
    append(&button, &icon)?;
    let text = element(document, "span", "text", None)?;
    append(
        &text,
        &element(document, "span", "title", Some(words.title))?,
    )?;
    if let Some((product, producer)) = &words.names {
        append(&text, &element(document, "span", "name", Some(product))?)?;
        append(
            &text,
            &element(document, "span", "producer", Some(producer))?,
        )?;
    }
    append(&button, &text)?;
    let more = element(document, "span", "more", Some(&lang.t(Msg::ShowDetails)))?;
    append(&button, &more)?;
    // A tap before the widget has come is kept: the widget opens the
    // details when it takes over (`shell::badge_opened`).
    gloo_events::EventListener::new(&button, "click", |event| {
        if let Some(button) = event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        {
            let _ = button.set_attribute(shell::OPEN_ASKED, "true");
        }
    })
    .forget();
    append(&embed, &button)?;
    Some(embed)
}
