//! English.

use tracecheck_core::code::{ForeignSystem, StampKind};
use tracecheck_core::credential::{EnvelopeError, Scheme};
use tracecheck_core::keys::KeyError;
use tracecheck_core::proof::ProofError;
use tracecheck_core::resolve::{FetchError, Progress, UrlError};
use tracecheck_core::status::StatusError;
use tracecheck_core::trust::{ListStatus, Role, TrustListError, TrustProblem};
use tracecheck_core::verdict::{CheckId, Finding, Level, Outcome, Presence, Requirement};

use super::{Lang, Msg};

mod code_error;
use crate::platform::PlatformError;
pub use code_error::code_error;

pub fn msg(msg: Msg) -> String {
    match msg {
        Msg::Tagline => "Check where a product comes from".into(),
        Msg::SwitchLanguage => "Tiếng Việt".into(),
        Msg::LoadingTrust => "Loading the trust list…".into(),
        Msg::ScanHeading => "Scan the QR code on the pack".into(),
        Msg::StartCamera => "Turn on the camera to scan".into(),
        Msg::StopCamera => "Turn off the camera".into(),
        Msg::CameraHint => "Hold the QR code in the middle of the frame.".into(),
        Msg::TapToFocus => "Tap the picture to focus.".into(),
        Msg::CameraStarting => "Opening the camera…".into(),
        Msg::CameraRetrying => "The camera stopped. Starting it again…".into(),
        Msg::SwitchCamera => "Switch camera".into(),
        Msg::TorchOn => "Turn on the light".into(),
        Msg::TorchOff => "Turn off the light".into(),
        Msg::Zoom => "Zoom".into(),
        Msg::CodeRead => "Code read".into(),
        Msg::PickPhoto => "Choose a photo of a QR code".into(),
        Msg::ReadingPhoto => "Reading the photo…".into(),
        Msg::NoCodeInPhoto => {
            "No QR code found in the photo. Move closer, use more light and avoid glare.".into()
        }
        Msg::ManualHeading => "Or type the code".into(),
        Msg::ManualLabel => "Product code".into(),
        Msg::ManualPlaceholder => "Barcode number (893…), GS1 code or link".into(),
        Msg::ManualSubmit => "Check".into(),
        Msg::Checking => "Checking digital signatures…".into(),
        Msg::ScanAnother => "Scan another code".into(),
        Msg::WhyThisResult => "Why this result".into(),
        Msg::TechnicalDetail => "Technical detail".into(),
        Msg::ProducerHeading => "Producer".into(),
        Msg::OriginHeading => "Where it was made".into(),
        Msg::CertificationsHeading => "Certifications".into(),
        Msg::SupplyChainHeading => "Supply chain".into(),
        Msg::Gtin => "GTIN".into(),
        Msg::Lot => "Lot".into(),
        Msg::Serial => "Serial number".into(),
        Msg::Brand => "Brand".into(),
        Msg::ProductionDate => "Production date".into(),
        Msg::ExpiryDate => "Use by".into(),
        Msg::ShelfLife => "Shelf life".into(),
        Msg::Country => "Country of origin".into(),
        Msg::CertificateNumber => "Certificate number".into(),
        Msg::CertifiedBy(name) => format!("Issued by {name}"),
        Msg::ValidUntil(date) => format!("Valid until {date}"),
        Msg::ExpiredOn(date) => format!("Expired on {date}"),
        Msg::Stars(n) => format!("OCOP {n} stars"),
        Msg::TrustListInfo { name, date } => format!("Checked against the {name}, issued {date}."),
        Msg::TrustListStale => {
            "The trust list is overdue for an update; this result may be out of date.".into()
        }
        Msg::ReportHeading => "Suspect a fake?".into(),
        Msg::ReportHint => "Tell the authorities:".into(),
        Msg::RecordClaims => "This record claims to be (not verified):".into(),
        Msg::Notice => "Notice from the producer".into(),
        Msg::Inputs => "In".into(),
        Msg::Outputs => "Out".into(),
        Msg::ScannedCode => "Scanned code".into(),
        Msg::OpenLink => "Open the link".into(),
        Msg::CheckGtin(gtin) => format!("Check the product's GTIN {gtin}"),
        Msg::BarcodeNamesProduct => "This barcode names the product, not its batch: it cannot say where or when this pack was made. For the batch's record, scan the QR code or DataMatrix on the pack.".into(),
        Msg::PackExpiry(date) => format!("Expiry date in the code on the pack: {date}"),
        Msg::Certification(n) => format!("Certification {}", n + 1),
        Msg::MapAlt(name, coordinates) => {
            format!("Map: {name} ({coordinates}) on a map of Vietnam")
        }
        Msg::OpenInMaps => "Open in a maps app".into(),
        Msg::ScannedBefore(when) => format!("You scanned this code before, on {when}."),
        Msg::RecentScans => "Recent scans".into(),
        Msg::RecentScansHint => "Kept on this phone only.".into(),
        Msg::ClearHistory => "Clear history".into(),
        Msg::SkipToContent => "Skip to main content".into(),
        Msg::ShowDetails => "Details ▾".into(),
        Msg::HideDetails => "Less ▴".into(),
        Msg::OfflineHeading => "Using saved data (no network)".into(),
        Msg::OfflineData { count, oldest } => {
            format!(
                "This result rests on {count} document(s) kept on this phone; the oldest was saved {oldest}. Anything not kept could not be checked."
            )
        }
        Msg::TrustListSavedAt(when) => format!("Trust list saved {when}."),
        Msg::KioskHeading => "Hold the product's QR code to the camera".into(),
        Msg::KioskIdle => "The origin check will appear here.".into(),
        Msg::KioskBackIn(seconds) => format!("Back to scanning in {seconds} s."),
        Msg::DemoDataTitle => "DEMO DATA.".into(),
        Msg::DemoDataHint => "This site uses public test keys that anyone can sign with, so its results say nothing about real goods.".into(),
        Msg::Progress(step) => match step {
            Progress::Resolving => "Asking the code's resolver…".into(),
            Progress::FetchingRecord => "Downloading the product's record…".into(),
            Progress::CheckingRecord => "Checking the signature and the issuer…".into(),
            Progress::CheckingEvidence { done, total } => {
                format!("Checking certificates and revocation lists ({done}/{total})…")
            }
        },
        Msg::NameAsWritten(name) => format!("Name in the record: {name}"),
        Msg::CertificateCallsItself(name) => format!("The certificate calls itself “{name}”"),
        Msg::ClaimedCertification(name) if name.is_empty() => "A claimed certification (not verified)".into(),
        Msg::ClaimedCertification(name) => format!("{name} (claimed by the record, not verified)"),
        Msg::TrustListStatusUnknown => "Whether the trust list has been withdrawn could not be checked; treat results with care.".into(),
        Msg::SeeTheCheck => "See the check".into(),
        Msg::ReportFakeLink => "Suspect a fake? Report it to the authority".into(),
        Msg::BatchNotChecked => "This code names the product only (like an EAN barcode), not the batch: its production and use-by dates and its supply chain are not checked. Scan the QR or DataMatrix code on the pack, or type the code with its lot number.".into(),
        Msg::CompareHeading => "Compare with the pack in your hand".into(),
        Msg::CompareHint => "A genuine code can be copied onto a fake pack. If the lot, use-by date or serial printed on the pack differ from these, it may be a fake — report it.".into(),
        Msg::ProducerContact => "Contact the producer".into(),
        Msg::ChecklistHeading => "Does this passport show what the rules require?".into(),
        Msg::ChecklistHint => "The minimum content of a digital product passport (Decree 37/2026/NĐ-CP, Art. 32) and the traceability information a consumer sees (Circular 02/2024/TT-BKHCN).".into(),
        Msg::Requirement(requirement) => match requirement {
            Requirement::NameAndGtin => "Product name and GTIN",
            Requirement::Producer => "Producer's or importer's name, address and identifier",
            Requirement::Origin => "Origin, or place of the last finishing stage",
            Requirement::Traceability => "Traceability information (the steps)",
            Requirement::Certificates => "Conformity and quality certificates",
            Requirement::Dates => "Production and use-by dates",
            Requirement::SafetyWarnings => "Safety warnings",
        }
        .into(),
        Msg::Presence(presence) => match presence {
            Presence::Verified => "present, signature verified",
            Presence::Unverified => "present, not verified",
            Presence::Missing => "missing",
        }
        .into(),
        Msg::TryAgain => "Try again".into(),
        Msg::EditCode => "Edit the code".into(),
        Msg::ScanInstead => "Scan with the camera".into(),
        Msg::DidYouMean(code) => format!("Did you mean {code}? Check this code"),
        Msg::Offline => "The phone is offline. Connect to the internet, then try again.".into(),
        Msg::ServerDown => "This code's server is not answering (it may be down). Try again in a few minutes.".into(),
        Msg::AddLotHint => "Type the code with the lot number printed on the pack, e.g. (01)08935001000013(10)NL2611.".into(),
        Msg::ReportSubject => "Suspected counterfeit (tracecheck)".into(),
        Msg::ReportBody { code, verdict, at } => format!("Code scanned: {code}\nResult: {verdict}\nWhen: {at}\nWhere bought, and what I saw:\n"),
    }
}

pub fn check(id: CheckId) -> &'static str {
    match id {
        CheckId::CodeSyntax => "Product code",
        CheckId::RecordFound => "Trace record",
        CheckId::Signature => "Digital signature",
        CheckId::IssuerTrusted => "Signer",
        CheckId::NotRevoked => "Revocation status",
        CheckId::ProductBinding => "Match with the scanned code",
        CheckId::Validity => "Validity period",
        CheckId::Certification => "Certification",
        CheckId::ResolverHost => "Resolver",
    }
}

pub fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "Passed",
        Outcome::Skipped => "Not checked",
        Outcome::Caution => "Note",
        Outcome::Unverifiable => "Unknown",
        Outcome::Recalled => "Recalled",
        Outcome::Counterfeit => "Failed",
    }
}

pub fn level(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Verified => (
            "Verified",
            "The digital signature is valid and the issuer is on the trust list.",
        ),
        Level::ProductVerified => (
            "Genuine product — batch not checked",
            "This code names the product, not the batch. The producer and the product are verified; the pack in your hand is not.",
        ),
        Level::Recalled => (
            "Recalled — do not use",
            "This is a genuine product, but its producer has recalled this batch. Do not use it; follow the producer's notice.",
        ),
        Level::Caution => (
            "Caution",
            "The record is genuine, but note the points below.",
        ),
        Level::Counterfeit => (
            "Warning: possible counterfeit",
            "The record failed its checks. Do not trust the details below.",
        ),
        Level::NotVerifiable => ("Not verifiable", "There is no signed record to check."),
    }
}

fn role(role: Role) -> &'static str {
    match role {
        Role::Producer => "producer",
        Role::Certifier => "certifier",
    }
}

pub fn finding(finding: &Finding) -> String {
    match finding {
        Finding::CodeRead { element_string, .. } => format!("A valid GS1 code ({element_string})."),
        Finding::CodeInvalid { error } => code_error(error),
        Finding::ForeignSystem { system, stamp, .. } => format!(
            "This code belongs to {}; what it shows is the seller's own claim and carries no signature.{}",
            match system {
                ForeignSystem::NationalPortal => "the national traceability portal",
                ForeignSystem::TradeMinistry => "the Ministry of Industry and Trade's genuine-goods checking",
                ForeignSystem::ESupplyChain => "eSupplyChain (check.net.vn)",
                ForeignSystem::ICheck => "iCheck",
                ForeignSystem::TeFood => "TE-FOOD",
                ForeignSystem::VnptCheck => "VNPT's traceability service",
                ForeignSystem::CheckService => "another checking service",
                ForeignSystem::Website => "another website",
            },
            match stamp {
                StampKind::SecretCode => " This is a secret scratch-off code meant to be checked once, at its own system: do not send it anywhere else.",
                StampKind::ProductPage | StampKind::PublicCode | StampKind::Other => "",
            }
        ),
        Finding::NoCodeScanned => {
            "No code scanned: the credential file was checked directly.".into()
        }
        Finding::RecordFetched { .. } => "The product's trace record was downloaded.".into(),
        Finding::NoResolver => {
            "The code names no place to look it up and no default resolver is set.".into()
        }
        Finding::UrlRefused {
            error: UrlError::NotPublic { .. },
        } => "The code leads to an address on a private network or this device, so it was not opened.".into(),
        Finding::UrlRefused {
            error: UrlError::NotHttps { .. },
        } => "The record's address is not secure (not https), so it was not opened.".into(),
        Finding::UrlRefused {
            error: UrlError::Malformed { .. },
        } => "The record's address is not valid, so it was not opened.".into(),
        Finding::FetchFailed { error, .. } => fetch_error(error),
        Finding::HttpStatus { status, .. } if *status == 404 => {
            "The server has no record for this code.".into()
        }
        Finding::HttpStatus { status, .. } => {
            format!("The server answered with an error (status {status}).")
        }
        Finding::NoPassportLink { .. } => {
            "The resolver does not point to any product passport.".into()
        }
        Finding::Unreadable { .. } => {
            "The data received is unreadable (not valid JSON, too large, or with duplicate fields)."
                .into()
        }
        Finding::NotACredential { error } => format!(
            "The document is not a valid Verifiable Credential. {}",
            envelope_error(error)
        ),
        Finding::UnreadableJws { .. } => {
            "The record looks like a signed token (JWS) but cannot be read.".into()
        }
        Finding::NotAPassport { .. } => "The document is not a product passport.".into(),
        Finding::SignatureValid { .. } => {
            "The digital signature is valid: nothing changed since signing.".into()
        }
        Finding::SignatureInvalid { error } => proof_error(error),
        Finding::SignedInFuture { created } => format!(
            "The signature says it was made in the future ({}): check the phone's clock, or the record was signed with a false time.",
            Lang::En.datetime_text(created)
        ),
        Finding::UnsignedRecord { gtin } => format!(
            "The code {gtin} belongs to a producer on the trust list, but this record carries no signature of theirs: it may be forged."
        ),
        Finding::SignerNotIssuer { .. } => {
            "The signing key does not belong to the record's issuer.".into()
        }
        Finding::WrongProofPurpose { purpose } => {
            format!("The signature was made for another purpose ({purpose}).")
        }
        Finding::KeyUnavailable { error, .. } => key_error(error),
        Finding::IssuerTrusted {
            name,
            role: r,
            trust_list_stale,
            trust_list_status,
            ..
        } => {
            let who = Lang::En.text(name);
            let mut line = format!("{who} is on the trust list as a {}.", role(*r));
            if *trust_list_stale {
                line.push_str(" But the list is overdue for an update.");
            }
            if *trust_list_status == ListStatus::Unknown {
                line.push_str(" But whether the list was withdrawn could not be checked.");
            }
            line
        }
        Finding::IssuerNotTrusted { problem } => trust_problem(problem),
        Finding::TrustListUnavailable { error } => trust_list_error(error),
        Finding::NoStatusDeclared => "The record is not registered in a revocation list.".into(),
        Finding::StatusClear { .. } => {
            "The producer has not revoked or suspended this record.".into()
        }
        Finding::Revoked { .. } => "The record has been revoked.".into(),
        Finding::Suspended { .. } => "The record is suspended.".into(),
        Finding::Recalled { .. } => "The producer has recalled this batch.".into(),
        Finding::StatusMessage { message, .. } => match message {
            Some(text) => format!("Notice: {text}"),
            None => "A status notice is set, with no text.".into(),
        },
        Finding::StatusUnreachable { .. } => {
            "The revocation list could not be downloaded; the record may have been revoked.".into()
        }
        Finding::StatusListInvalid { error, .. } => status_error(error),
        Finding::StatusListUntrusted { .. } => {
            "The revocation list is not validly signed by the issuer.".into()
        }
        Finding::StatusListStale { .. } => "The revocation list is overdue for an update.".into(),
        Finding::StatusUnsupported { status_type } => format!(
            "The record uses a status mechanism this checker cannot read ({status_type}), so whether it was revoked is unknown."
        ),
        Finding::ProductMatches { gtin, lot, .. } => match lot {
            Some(lot) => format!("The record is for product {gtin}, lot {lot}."),
            None => format!("The record is for product {gtin}."),
        },
        Finding::GtinMismatch { scanned, record } => format!(
            "The code on the pack ({scanned}) differs from the record's ({}).",
            record.as_deref().unwrap_or("none")
        ),
        Finding::LotMismatch { scanned, record } => format!(
            "The lot on the pack ({scanned}) differs from the record's ({}).",
            record.as_deref().unwrap_or("none")
        ),
        Finding::SerialMismatch { scanned, record } => format!(
            "The serial number on the pack ({scanned}) differs from the record's ({}).",
            record.as_deref().unwrap_or("none")
        ),
        Finding::Current { valid_until } => match valid_until {
            Some(until) => format!("The record is valid until {}.", Lang::En.date(until.date())),
            None => "The record is valid.".into(),
        },
        Finding::NotYetValid { valid_from } => {
            format!("Not valid until {}.", Lang::En.date(valid_from.date()))
        }
        Finding::Expired { valid_until } => {
            format!("Expired on {}.", Lang::En.date(valid_until.date()))
        }
        Finding::ProductExpired { date } => format!(
            "The product is past its use-by date ({}).",
            Lang::En.date_text(date)
        ),
        Finding::ProductDateUnreadable { member, text } => format!(
            "The record's {} (“{text}”) does not read as a date, so it is not shown.",
            if member == "expiryDate" { "use-by date" } else { "production date" }
        ),
        Finding::CertificationValid { .. } => {
            "A valid certificate from an accredited certifier.".into()
        }
        Finding::CertificationMissing => {
            "The record names a certification but links no certificate.".into()
        }
        Finding::CertificationNotForProduct { .. } => {
            "The certificate was issued to another company, not to the producer that signed the record.".into()
        }
        Finding::CertificationForOtherProducts { gtin } => format!(
            "The producer's own certificate, but for other products: {gtin} is not among them."
        ),
        Finding::CertificationSchemeMismatch { claimed, certified } => format!(
            "The record claims {} but links a {} certificate.",
            Lang::En.scheme(claimed),
            Lang::En.scheme(certified)
        ),
        Finding::CertificationHashMismatch => {
            "The certificate differs from the one the record refers to.".into()
        }
        Finding::NotACertification => "The linked document is not a certificate.".into(),
        Finding::ResolverTrusted { host } => format!("The server {host} is on the trust list."),
        Finding::ResolverUnknown { host } => {
            format!("The server {host} is not on the trust list; the code may have been replaced.")
        }
        Finding::NotReached => "Not checked, because an earlier check failed.".into(),
    }
}

fn proof_error(error: &ProofError) -> String {
    match error {
        ProofError::Missing => "The record carries no digital signature.".into(),
        ProofError::Malformed { member } => {
            format!("The digital signature is malformed (field {member}).")
        }
        ProofError::UnsupportedSuite { name } => format!("An unaccepted kind of signature ({name})."),
        ProofError::ProofSetUnsupported => {
            "The record carries several signatures at once, which is not accepted.".into()
        }
        ProofError::ProofValueEncoding => {
            "The signature value is not in the expected encoding.".into()
        }
        ProofError::SignatureLength { found } => {
            format!("The signature has the wrong length ({found} bytes).")
        }
        ProofError::ContextMismatch => "The signature does not match the document's context.".into(),
        ProofError::Key(error) => key_error(error),
        ProofError::SignatureMismatch => "The signature does not match: the content was changed after signing, or someone else signed it.".into(),
        ProofError::KeyAlgorithmMismatch => {
            "The signature was made with another kind of key than the one published.".into()
        }
        ProofError::Expired { expires } => format!(
            "The signature expired on {}; the issuer no longer vouches for it.",
            Lang::En.date(expires.date())
        ),
        ProofError::NotYetValid { not_before } => format!(
            "The signature only takes effect on {}.",
            Lang::En.date(not_before.date())
        ),
        ProofError::JwsEncoding => "The signed token (JWS) is malformed.".into(),
        ProofError::UnsecuredJws => {
            "The token declares itself unsigned (alg \"none\"), so it proves nothing.".into()
        }
        ProofError::UnsupportedAlgorithm { name } => {
            format!("An unaccepted signature algorithm ({name}).")
        }
        ProofError::UnsupportedCritical { names } => format!(
            "The token requires extensions this checker does not support ({}).",
            names.join(", ")
        ),
        ProofError::WrongMediaType { member, value } => {
            format!("The token declares the wrong content type ({member}: {value}).")
        }
        ProofError::Payload(_) => "The content of the signed token is unreadable.".into(),
        ProofError::ForbiddenClaim { claim } => {
            format!("The token carries a field that is not allowed (“{claim}”).")
        }
        ProofError::IssuerClaimMismatch { iss } => {
            format!("The token names another issuer ({iss}) than the record does.")
        }
    }
}

fn key_error(error: &KeyError) -> String {
    match error {
        KeyError::NotBase58btc => "The published key is not in the expected encoding.".into(),
        KeyError::BadBase58 => "The published key contains invalid characters.".into(),
        KeyError::UnsupportedKeyType { multicodec } => {
            format!("The key is of a type that cannot sign records here (code {multicodec}).")
        }
        KeyError::WrongKeyLength { expected, found } => {
            format!("The key has the wrong length ({found} bytes instead of {expected}).")
        }
        KeyError::InvalidKey => "The published key is not a valid key.".into(),
        KeyError::UnsupportedDidMethod { did } => {
            format!("The issuer's identifier uses a method this checker cannot look up ({did}).")
        }
        KeyError::FragmentMismatch => {
            "The key reference does not name the issuer's own key.".into()
        }
        KeyError::MalformedDid { did } => format!("The issuer's identifier is malformed ({did})."),
        KeyError::DocumentUnavailable { url } => {
            format!("The issuer's key document could not be downloaded ({url}).")
        }
        KeyError::DocumentUnreadable { url } => {
            format!("The issuer's key document is unreadable ({url}).")
        }
        KeyError::DocumentIdMismatch { did, .. } => {
            format!("The key document belongs to someone other than {did}.")
        }
        KeyError::MethodNotFound { .. } => {
            "The issuer's key document does not contain the key that signed.".into()
        }
        KeyError::NotAnAssertionMethod { .. } => {
            "That key is not one the issuer uses to sign records.".into()
        }
        KeyError::ControllerMismatch { .. } => {
            "The key is controlled by someone other than the issuer.".into()
        }
        KeyError::UnsupportedMethodType { method_type } => {
            format!("The key is published in a form this checker does not read ({method_type}).")
        }
        KeyError::BadJwk { member } => format!("The published key is malformed (field {member})."),
        KeyError::PrivateKeyPublished => {
            "The issuer published its secret key, so anyone could sign in its name.".into()
        }
        KeyError::UnsupportedCurve { curve } => {
            format!("A kind of key this checker does not verify with ({curve}).")
        }
    }
}

fn envelope_error(error: &EnvelopeError) -> String {
    match error {
        EnvelopeError::NotAnObject => "It is not a JSON object.".into(),
        EnvelopeError::BadContext => {
            "It does not declare the Verifiable Credentials 2.0 context first.".into()
        }
        EnvelopeError::BadContextEntry { index } => format!(
            "Context entry {} is not a valid address or definition.",
            index + 1
        ),
        EnvelopeError::ProtectedTermRedefined { term } => {
            format!("It redefines the protected term “{term}”.")
        }
        EnvelopeError::NotACredential => "It does not say it is a Verifiable Credential.".into(),
        EnvelopeError::NotAPresentation => {
            "It does not say it is a Verifiable Presentation.".into()
        }
        EnvelopeError::UnmappedType { name } => {
            format!("The type “{name}” is not defined by any context.")
        }
        EnvelopeError::BadMember { member } => {
            format!("The field “{member}” is missing or malformed.")
        }
        EnvelopeError::NotAUrl { member } => {
            format!("The field “{member}” must be a web address or identifier (URL).")
        }
        EnvelopeError::MissingType { member } => {
            format!("An item of “{member}” does not state its type.")
        }
        EnvelopeError::EmptySubject => "It makes no statement about its subject.".into(),
        EnvelopeError::BadLanguageValue { member } => {
            format!("The field “{member}” is neither text nor text with a language tag.")
        }
        EnvelopeError::ValidityReversed => "Its validity ends before it begins.".into(),
    }
}

fn status_error(error: &StatusError) -> String {
    match error {
        StatusError::NotBase64url => "The status list is not in the expected encoding.".into(),
        StatusError::NotGzip => "The status list cannot be decompressed.".into(),
        StatusError::TooShort { entries } => {
            format!("The status list is shorter than the standard allows ({entries} entries).")
        }
        StatusError::TooLarge => "The status list is too large.".into(),
        StatusError::IndexOutOfRange { index } => {
            format!("The record's position ({index}) lies outside the status list.")
        }
        StatusError::BadMember { member } => {
            format!("The status list is malformed (field {member}).")
        }
        StatusError::PurposeMismatch { entry, list } => {
            format!("The status list is for another purpose ({list}, not {entry}).")
        }
        StatusError::BadStatusSize { size } => {
            format!("The status entry has an impossible size ({size} bits).")
        }
        StatusError::NotYetValid => "The status list is not valid yet.".into(),
    }
}

fn trust_problem(problem: &TrustProblem) -> String {
    match problem {
        TrustProblem::NotListed { .. } => "The issuer is not on the trust list.".into(),
        TrustProblem::ListingNotStarted { .. } => {
            "The issuer's listing has not started yet.".into()
        }
        TrustProblem::ListingEnded { .. } => "The issuer's listing has ended.".into(),
        TrustProblem::WrongRole { needed, .. } => {
            format!("The issuer is not listed as a {}.", role(*needed))
        }
        TrustProblem::GtinOutOfScope { gtin, .. } => {
            format!("The issuer may not issue records for {gtin} (another company's code).")
        }
        TrustProblem::SchemeOutOfScope { scheme, .. } => {
            format!("The issuer is not accredited to certify {scheme}.")
        }
    }
}

fn trust_list_error(error: &TrustListError) -> String {
    match error {
        TrustListError::Unavailable => {
            "The trust list could not be loaded, so nothing can be verified.".into()
        }
        TrustListError::NotYetValid => "The trust list is not valid yet.".into(),
        TrustListError::Revoked => {
            "The trust list has been withdrawn by its issuer, so it is not used.".into()
        }
        TrustListError::Suspended => {
            "The trust list is suspended by its issuer, so it is not used.".into()
        }
        TrustListError::Json(_)
        | TrustListError::Envelope(_)
        | TrustListError::NotATrustList
        | TrustListError::BadRoot(_)
        | TrustListError::WrongSigner { .. }
        | TrustListError::Signature(_) => {
            "The trust list is invalid (wrong root signature), so nothing can be verified.".into()
        }
    }
}

fn fetch_error(error: &FetchError) -> String {
    match error {
        FetchError::Unreachable => {
            "The server could not be reached. Check the connection and try again.".into()
        }
        FetchError::Timeout => "The server took too long to answer. Try again.".into(),
        FetchError::TooLarge { .. } => "The server's answer is too large.".into(),
        FetchError::TooManyRedirects => "The server redirected too many times.".into(),
        FetchError::BudgetExhausted { .. } => {
            "The record links to too many other documents.".into()
        }
        FetchError::Refused { .. } => "That address may not be opened.".into(),
        FetchError::DeadlinePassed { .. } => {
            "Checking took too long and was stopped. Please try again.".into()
        }
    }
}

pub fn platform(error: &PlatformError) -> String {
    match error {
        PlatformError::InsecureContext => "Browsers allow the camera only on https pages. Choose a photo or type the code below.".into(),
        PlatformError::CameraDenied => "Camera access was not allowed. Allow it in the browser settings, or choose a photo / type the code below.".into(),
        PlatformError::NoCamera => "No camera was found on this device. Choose a photo or type the code below.".into(),
        PlatformError::CameraFailed => "The camera could not start (another app may be using it). Try again, or choose a photo / type the code.".into(),
        PlatformError::ImageUnreadable => "This image file could not be opened.".into(),
        PlatformError::Unavailable => "This browser does not support that.".into(),
    }
}

pub fn scheme(scheme: &Scheme) -> Option<&'static str> {
    Some(match scheme {
        Scheme::VietGap => "VietGAP",
        Scheme::VietGahp => "VietGAHP",
        Scheme::GlobalGap => "GLOBALG.A.P.",
        Scheme::Organic => "Organic",
        Scheme::Haccp => "HACCP",
        Scheme::Iso22000 => "ISO 22000",
        Scheme::Gmp => "GMP",
        Scheme::Ocop => "OCOP",
        Scheme::Unlisted(_) => return None,
    })
}

pub fn country(code: &str) -> Option<&'static str> {
    Some(match code.to_ascii_uppercase().as_str() {
        "VN" => "Vietnam",
        "TH" => "Thailand",
        "CN" => "China",
        "LA" => "Laos",
        "KH" => "Cambodia",
        "JP" => "Japan",
        "KR" => "South Korea",
        "US" => "United States",
        _ => return None,
    })
}

pub fn step(step: &str) -> Option<&'static str> {
    Some(match step {
        "harvesting" => "Harvest",
        "sorting" => "Sorting",
        "packing" => "Packing",
        "storing" => "Storage",
        "shipping" => "Shipping",
        "receiving" => "Receiving",
        "inspecting" => "Inspection",
        "processing" => "Processing",
        "raising" => "Raising",
        "slaughtering" => "Slaughter",
        "commissioning" => "Labelling",
        "retail_selling" => "Retail",
        _ => return None,
    })
}

pub fn month(month: u8) -> &'static str {
    match month {
        1 => "Jan",
        2 => "Feb",
        3 => "Mar",
        4 => "Apr",
        5 => "May",
        6 => "Jun",
        7 => "Jul",
        8 => "Aug",
        9 => "Sep",
        10 => "Oct",
        11 => "Nov",
        _ => "Dec",
    }
}
