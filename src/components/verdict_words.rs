//! What the verdict banner and the badge's summary say, as plain data: the
//! one source for both places that draw each, the widget ([`VerdictBanner`],
//! [`EmbedPage`]) and the banner build's first paint (`crate::banner`), so
//! the two never disagree and nothing moves when the widget takes over.
//!
//! [`VerdictBanner`]: crate::components::verdict_banner::VerdictBanner
//! [`EmbedPage`]: crate::pages::embed::EmbedPage

use tracecheck_core::verdict::{Level, Report};

use crate::components::checks_list::{anchor, check_title};
use crate::components::level_look::look;
use crate::i18n::{Lang, Msg};

/// The banner's parts, in the order they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerWords {
    /// The level's class (`verified`, `counterfeit`…) and icon.
    pub class: &'static str,
    pub icon: &'static str,
    pub title: &'static str,
    /// The decisive check's finding, and the anchor of that check in the
    /// list (none in the kiosk, or for a finding that is no single check).
    pub reason: Option<(String, Option<String>)>,
    /// The level's general words, where the reason does not say it all.
    pub summary: Option<&'static str>,
    /// Status-list notices (a recall's own words), each shown after
    /// `notice_label`.
    pub notices: Vec<String>,
    pub notice_label: String,
    /// Whether the notices come first (a recall: the producer speaks first).
    pub notices_first: bool,
    /// Whether "report a fake" is offered.
    pub report_link: bool,
}

/// The words for `level`; `report` gives the reason line and whether a
/// report can be made; `no_links` (the kiosk) drops every link.
pub fn banner_words(
    level: Level,
    notices: &[String],
    report: Option<&Report>,
    no_links: bool,
    lang: Lang,
) -> BannerWords {
    let (title, summary) = lang.level(level);
    let (class, icon) = look(level);
    let reason = report.and_then(|report| reason(report, lang));
    // Where the reason line says it all, the level's general words ("no
    // signed record to check") would only blur it.
    let show_summary =
        reason.is_none() || !matches!(level, Level::NotVerifiable | Level::ProductVerified);
    let reason = reason.map(|(text, target)| (text, target.filter(|_| !no_links)));
    // Reporting a fake fits a warning, or a product code that led nowhere;
    // not a typo or text that is no product code at all.
    let report_link = !no_links
        && report.is_some_and(|r| {
            let fits = match level {
                Level::Counterfeit => true,
                Level::NotVerifiable => r.code.is_some(),
                _ => false,
            };
            fits && r.trust_list.as_ref().is_some_and(|t| t.report.is_some())
        });
    BannerWords {
        class,
        icon,
        title,
        reason,
        summary: show_summary.then_some(summary),
        notices: notices.to_vec(),
        notice_label: format!("{}: ", lang.t(Msg::Notice)),
        notices_first: level == Level::Recalled,
        report_link,
    }
}

/// The reason line: the decisive check's finding and its anchor, or for a
/// product-only code, that the batch is not checked.
fn reason(report: &Report, lang: Lang) -> Option<(String, Option<String>)> {
    if report.level == Level::ProductVerified {
        return Some((lang.t(Msg::BatchNotChecked), None));
    }
    let decisive = report.decisive_check()?;
    let index = report
        .checks
        .iter()
        .position(|c| std::ptr::eq(c, decisive))?;
    // Which check, then what it found: "Certification: VietGAP — no longer
    // valid since …" says what expired, not only that something did.
    let title = check_title(decisive, &report.certifications, lang);
    let finding = lang.finding(&decisive.finding);
    Some((format!("{title} — {finding}"), Some(anchor(index))))
}

/// The badge's one line (`/embed`): the verdict, and the product and its
/// producer only from verified facts (a failed record's claims are shown
/// in the details, as claims).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeWords {
    pub class: &'static str,
    pub icon: &'static str,
    pub title: &'static str,
    /// The verified product's and producer's names; `None` unless verified.
    pub names: Option<(String, String)>,
}

/// The badge's words for `report`.
pub fn badge_words(report: &Report, lang: Lang) -> BadgeWords {
    let (title, _) = lang.level(report.level);
    let (class, icon) = look(report.level);
    let names = report
        .verified
        .as_ref()
        .map(|v| (lang.text(&v.product.name), lang.text(&v.producer.name)))
        .filter(|(product, _)| !product.is_empty());
    BadgeWords {
        class,
        icon,
        title,
        names,
    }
}
