use serde::Serialize;
use time::OffsetDateTime;

use crate::code::{CodeError, CodeForm, ForeignSystem, StampKind};
use crate::credential::{EnvelopeError, PassportError, Scheme, Text};
use crate::json::JsonError;
use crate::keys::KeyError;
use crate::proof::{ProofError, ProofFormat};
use crate::resolve::{FetchError, LinksetError, UrlError};
use crate::status::StatusError;
use crate::trust::{ListStatus, Role, TrustListError, TrustProblem};

/// What a check found. The UI turns each variant into a plain sentence in
/// the user's language; the data is the technical detail.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    // Code syntax
    /// A well-formed GS1 code.
    CodeRead {
        form: CodeForm,
        element_string: String,
    },
    /// The text is not a valid product code.
    CodeInvalid { error: CodeError },
    /// A link to another system, with no signed record to check: what it
    /// shows is the seller's own claim. `gtin` is one the link carries.
    ForeignSystem {
        url: String,
        system: ForeignSystem,
        stamp: StampKind,
        #[serde(skip_serializing_if = "Option::is_none")]
        gtin: Option<String>,
    },
    /// A credential was checked directly; no code was scanned.
    NoCodeScanned,

    // Record found
    /// The record was fetched from `url`.
    RecordFetched { url: String },
    /// A code with no resolver to ask (a bare GTIN and no default resolver).
    NoResolver,
    /// A URL that may not be fetched.
    UrlRefused { error: UrlError },
    /// The request failed.
    FetchFailed { url: String, error: FetchError },
    /// The server answered with an HTTP error (404: no such product).
    HttpStatus { url: String, status: u16 },
    /// The resolver's answer names no product passport.
    NoPassportLink { url: String, error: LinksetError },
    /// The answer is not acceptable JSON.
    Unreadable { url: String, error: JsonError },
    /// The answer is labelled or shaped as a signed token (JWS) but is not one.
    UnreadableJws { url: String },
    /// The document is not a Verifiable Credential.
    NotACredential { error: EnvelopeError },
    /// The credential is not a product passport.
    NotAPassport { error: PassportError },

    // Signature
    /// The proof verifies with the issuer's key.
    SignatureValid {
        method: String,
        created: Option<String>,
        format: ProofFormat,
    },
    /// The proof does not verify.
    SignatureInvalid { error: ProofError },
    /// A genuine proof dated later than the verifier's clock allows.
    SignedInFuture { created: String },
    /// A record for a GTIN a listed producer owns, with no proof at all:
    /// whoever wrote it did not sign it.
    UnsignedRecord { gtin: String },
    /// The key that signed is not the issuer's.
    SignerNotIssuer { method: String, issuer: String },
    /// The proof is not for making assertions.
    WrongProofPurpose { purpose: String },
    /// The signing key could not be found.
    KeyUnavailable { method: String, error: KeyError },

    // Issuer trusted
    /// The trust list names the issuer for this.
    IssuerTrusted {
        issuer: String,
        name: Text,
        role: Role,
        trust_list_stale: bool,
        trust_list_status: ListStatus,
    },
    /// The trust list does not allow the issuer to say this.
    IssuerNotTrusted { problem: TrustProblem },
    /// No usable trust list.
    TrustListUnavailable { error: TrustListError },

    // Not revoked
    /// The record carries no status entry: its issuer does not revoke it.
    NoStatusDeclared,
    /// Every status entry reads "not set".
    StatusClear { purposes: Vec<String> },
    /// The issuer revoked the record.
    Revoked { list: String },
    /// The issuer suspended the record.
    Suspended { list: String },
    /// The producer recalled the batch (the `recall` status is set).
    Recalled { list: String },
    /// A status message is set (e.g. a recall notice).
    StatusMessage { status: u8, message: Option<String> },
    /// A status list could not be fetched.
    StatusUnreachable { url: String, error: FetchError },
    /// A status list could not be used.
    StatusListInvalid { url: String, error: StatusError },
    /// A status list could not be trusted (its own proof or issuer).
    StatusListUntrusted { url: String },
    /// A status list is past its validity: it may be out of date.
    StatusListStale { url: String },
    /// A `credentialStatus` of a type this verifier cannot check.
    StatusUnsupported { status_type: String },

    // Product binding
    /// The record describes the scanned product.
    ProductMatches {
        gtin: String,
        lot: Option<String>,
        serial: Option<String>,
    },
    /// The record is for another GTIN.
    GtinMismatch {
        scanned: String,
        record: Option<String>,
    },
    /// The record is for another lot.
    LotMismatch {
        scanned: String,
        record: Option<String>,
    },
    /// The record is for another serial number.
    SerialMismatch {
        scanned: String,
        record: Option<String>,
    },

    // Validity
    /// Within validity; product not past expiry.
    Current {
        #[serde(with = "time::serde::rfc3339::option")]
        valid_until: Option<OffsetDateTime>,
    },
    /// Not valid yet.
    NotYetValid {
        #[serde(with = "time::serde::rfc3339")]
        valid_from: OffsetDateTime,
    },
    /// Validity has ended.
    Expired {
        #[serde(with = "time::serde::rfc3339")]
        valid_until: OffsetDateTime,
    },
    /// The product is past its expiry date.
    ProductExpired { date: String },
    /// A product date (`member`) that does not read as a date: not shown,
    /// and not taken as "no limit".
    ProductDateUnreadable { member: String, text: String },

    // Certification
    /// The certification checks out.
    CertificationValid { scheme: Scheme, certifier: String },
    /// The passport links no credential for this claim.
    CertificationMissing,
    /// The certification is issued to someone other than the record's
    /// issuer (and not to a producer listed for this GTIN).
    CertificationNotForProduct { holder: Option<String> },
    /// The producer's own certificate, naming other products than this one.
    CertificationForOtherProducts { gtin: String },
    /// The passport claims one scheme and links a certificate of another.
    CertificationSchemeMismatch { claimed: Scheme, certified: Scheme },
    /// The certification's bytes differ from the hash the passport gives.
    CertificationHashMismatch,
    /// The credential is not a readable certification.
    NotACertification,

    // Resolver host
    /// The trust list names the resolver host.
    ResolverTrusted { host: String },
    /// The trust list does not name the resolver host.
    ResolverUnknown { host: String },

    /// Not checked, because an earlier check failed.
    NotReached,
}
