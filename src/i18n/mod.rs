//! Every word the user reads, in Vietnamese (`vi.rs`) and English (`en.rs`).
//! Each language file matches every message exhaustively, with no wildcard
//! arm, so a missing translation is a compile error.

mod en;
pub mod number;
mod vi;

use time::{Date, OffsetDateTime};
use tracecheck_core::credential::{Scheme, Text};
use tracecheck_core::resolve::Progress;
use tracecheck_core::verdict::{CheckId, Finding, Level, Outcome, Presence, Requirement};

use crate::platform::PlatformError;

/// The two languages of the widget; Vietnamese first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

/// Interface text (everything that is not a verdict finding).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Tagline,
    SwitchLanguage,
    LoadingTrust,
    ScanHeading,
    StartCamera,
    StopCamera,
    CameraHint,
    TapToFocus,
    CameraStarting,
    CameraRetrying,
    SwitchCamera,
    TorchOn,
    TorchOff,
    Zoom,
    CodeRead,
    PickPhoto,
    ReadingPhoto,
    NoCodeInPhoto,
    ManualHeading,
    ManualLabel,
    ManualPlaceholder,
    ManualSubmit,
    Checking,
    ScanAnother,
    WhyThisResult,
    TechnicalDetail,
    ProducerHeading,
    OriginHeading,
    CertificationsHeading,
    SupplyChainHeading,
    Gtin,
    Lot,
    Serial,
    Brand,
    ProductionDate,
    ExpiryDate,
    ShelfLife,
    Country,
    CertificateNumber,
    CertifiedBy(String),
    ValidUntil(String),
    ExpiredOn(String),
    Stars(u8),
    TrustListInfo {
        name: String,
        date: String,
    },
    TrustListStale,
    ReportHeading,
    ReportHint,
    RecordClaims,
    Notice,
    Inputs,
    Outputs,
    ScannedCode,
    OpenLink,
    /// Offer to check the GTIN another system's link carries.
    CheckGtin(String),
    /// An EAN/UPC barcode was read: it names the product, not the batch.
    BarcodeNamesProduct,
    /// The expiry date the code on the pack carries (AI 17).
    PackExpiry(String),
    Certification(usize),
    MapAlt(String, String),
    OpenInMaps,
    ScannedBefore(String),
    RecentScans,
    RecentScansHint,
    ClearHistory,
    SkipToContent,
    ShowDetails,
    HideDetails,
    OfflineHeading,
    OfflineData {
        count: usize,
        oldest: String,
    },
    TrustListSavedAt(String),
    KioskHeading,
    KioskIdle,
    KioskBackIn(u32),
    DemoDataTitle,
    DemoDataHint,
    Progress(Progress),
    NameAsWritten(String),
    CertificateCallsItself(String),
    ClaimedCertification(String),
    TrustListStatusUnknown,
    SeeTheCheck,
    ReportFakeLink,
    BatchNotChecked,
    CompareHeading,
    CompareHint,
    ProducerContact,
    ChecklistHeading,
    ChecklistHint,
    Requirement(Requirement),
    Presence(Presence),
    TryAgain,
    EditCode,
    ScanInstead,
    DidYouMean(String),
    Offline,
    ServerDown,
    AddLotHint,
    ReportSubject,
    ReportBody {
        code: String,
        verdict: String,
        at: String,
    },
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a tag (`vi`, `en-GB`…).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag
            .split('-')
            .next()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("vi") => Some(Lang::Vi),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Preferred languages for record text, this one first.
    pub fn preferences(self) -> Vec<String> {
        vec![self.tag().into(), self.other().tag().into()]
    }

    /// Interface text.
    pub fn t(self, msg: Msg) -> String {
        match self {
            Lang::Vi => vi::msg(msg),
            Lang::En => en::msg(msg),
        }
    }

    /// The name of a check.
    pub fn check(self, id: CheckId) -> &'static str {
        match self {
            Lang::Vi => vi::check(id),
            Lang::En => en::check(id),
        }
    }

    /// How a check came out, in a word.
    pub fn outcome(self, outcome: Outcome) -> &'static str {
        match self {
            Lang::Vi => vi::outcome(outcome),
            Lang::En => en::outcome(outcome),
        }
    }

    /// The verdict's title and one-line explanation.
    pub fn level(self, level: Level) -> (&'static str, &'static str) {
        match self {
            Lang::Vi => vi::level(level),
            Lang::En => en::level(level),
        }
    }

    /// What a check found, as a plain sentence.
    pub fn finding(self, finding: &Finding) -> String {
        match self {
            Lang::Vi => vi::finding(finding),
            Lang::En => en::finding(finding),
        }
    }

    /// A browser problem and what to do instead.
    pub fn platform(self, error: &PlatformError) -> String {
        match self {
            Lang::Vi => vi::platform(error),
            Lang::En => en::platform(error),
        }
    }

    /// A certification scheme's name, from the table by its code (never
    /// from a certificate's own words); an unlisted scheme by its code.
    pub fn scheme(self, scheme: &Scheme) -> String {
        let known = match self {
            Lang::Vi => vi::scheme(scheme),
            Lang::En => en::scheme(scheme),
        };
        known.map_or_else(|| scheme.code().to_ascii_uppercase(), str::to_owned)
    }

    /// A country's name for an ISO 3166 alpha-2 code; other text as written.
    pub fn country(self, code: &str) -> String {
        let known = match self {
            Lang::Vi => vi::country(code),
            Lang::En => en::country(code),
        };
        known.map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A supply-chain step name (GS1 CBV business step).
    pub fn step(self, step: &str) -> String {
        let known = match self {
            Lang::Vi => vi::step(step),
            Lang::En => en::step(step),
        };
        known.map_or_else(|| step.to_owned(), str::to_owned)
    }

    /// Record text in this language, else the other, else anything.
    pub fn text(self, text: &Text) -> String {
        let preferences = [self.tag(), self.other().tag()];
        text.pick(&preferences).unwrap_or_default().to_owned()
    }

    /// A calendar date: 29/11/2026 or 29 Nov 2026.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::Vi => format!(
                "{:02}/{:02}/{}",
                date.day(),
                u8::from(date.month()),
                date.year()
            ),
            Lang::En => format!(
                "{} {} {}",
                date.day(),
                en::month(u8::from(date.month())),
                date.year()
            ),
        }
    }

    /// A `YYYY-MM-DD` string as a date; other text as it is.
    pub fn date_text(self, text: &str) -> String {
        tracecheck_core::time::parse_date(text).map_or_else(|| text.to_owned(), |d| self.date(d))
    }

    /// A moment, in the offset it was written with.
    pub fn datetime(self, at: OffsetDateTime) -> String {
        let clock = format!("{:02}:{:02}", at.hour(), at.minute());
        match self {
            Lang::Vi => format!("{clock}, {}", self.date(at.date())),
            Lang::En => format!("{}, {clock}", self.date(at.date())),
        }
    }

    /// A decimal number with this language's decimal mark.
    pub fn decimal(self, value: f64, places: u32) -> String {
        let text = number::fixed(value, places);
        match self {
            Lang::Vi => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// Coordinates: 20,6412° B, 106,0718° Đ or 20.6412° N, 106.0718° E.
    pub fn coordinates(self, latitude: f64, longitude: f64) -> String {
        let (north, south, east, west) = match self {
            Lang::Vi => ("B", "N", "Đ", "T"),
            Lang::En => ("N", "S", "E", "W"),
        };
        let ns = if latitude >= 0.0 { north } else { south };
        let ew = if longitude >= 0.0 { east } else { west };
        format!(
            "{}° {ns}, {}° {ew}",
            self.decimal(latitude.abs(), 4),
            self.decimal(longitude.abs(), 4)
        )
    }

    /// An RFC 3339 string as a moment; other text as it is.
    pub fn datetime_text(self, text: &str) -> String {
        tracecheck_core::time::parse_timestamp(text)
            .map_or_else(|| text.to_owned(), |t| self.datetime(t))
    }
}
