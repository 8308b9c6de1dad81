//! The command line's words for the core's errors. The core returns enums;
//! the widget translates them into Vietnamese and English (`src/i18n/`),
//! and the CLI, a tool for developers and back ends, says them in English
//! here, one match per enum, so a new variant does not compile unnamed.

use tracecheck_core::credential::EnvelopeError;
use tracecheck_core::issue::IssueError;
use tracecheck_core::json::JsonError;
use tracecheck_core::keys::KeyError;
use tracecheck_core::resolve::FetchError;
use tracecheck_core::verdict::ConfigError;

/// Why a request got no answer.
pub fn describe_fetch_error(error: &FetchError) -> String {
    match error {
        FetchError::Unreachable => "no connection (offline, refused, or no such host)".into(),
        FetchError::Timeout => "the server took too long to answer".into(),
        FetchError::TooLarge { limit } => format!("the answer is larger than {limit} bytes"),
        FetchError::TooManyRedirects => "too many redirects".into(),
        FetchError::BudgetExhausted { limit } => {
            format!("the verification already made {limit} requests")
        }
        FetchError::DeadlinePassed { limit_ms } => {
            format!("the verification ran out of its {} s", limit_ms / 1000)
        }
        FetchError::Refused { url } => format!("refused to fetch {url}"),
    }
}

/// Why `config.json` could not be used.
pub fn describe_config_error(error: &ConfigError) -> String {
    match error {
        ConfigError::Unavailable => "config.json could not be fetched".into(),
        ConfigError::Unreadable => {
            "config.json is not JSON with `root` and `trustList` strings".into()
        }
    }
}

/// Why bytes are not acceptable JSON.
pub fn describe_json_error(error: &JsonError) -> String {
    match error {
        JsonError::TooLarge { limit } => format!("larger than {limit} bytes"),
        JsonError::TooDeep { limit } => format!("nested deeper than {limit} levels"),
        JsonError::DuplicateKey { key } => format!("the member \"{key}\" appears twice"),
        JsonError::ImpreciseNumber => "a number a double cannot hold exactly".into(),
        JsonError::Syntax { line, column } => format!("not JSON (line {line}, column {column})"),
    }
}

/// Why a document is not a VCDM 2.0 credential.
pub fn describe_envelope_error(error: &EnvelopeError) -> String {
    match error {
        EnvelopeError::NotAnObject => "not a JSON object".into(),
        EnvelopeError::BadContext => {
            "@context must start with https://www.w3.org/ns/credentials/v2".into()
        }
        EnvelopeError::BadContextEntry { index } => format!("@context entry {index} is not usable"),
        EnvelopeError::ProtectedTermRedefined { term } => {
            format!("a context redefines the protected term {term}")
        }
        EnvelopeError::NotACredential => "type does not include VerifiableCredential".into(),
        EnvelopeError::NotAPresentation => "type does not include VerifiablePresentation".into(),
        EnvelopeError::UnmappedType { name } => format!("no context defines the type {name}"),
        EnvelopeError::BadMember { member } => format!("\"{member}\" is missing or malformed"),
        EnvelopeError::NotAUrl { member } => format!("\"{member}\" must be a URL"),
        EnvelopeError::MissingType { member } => format!("an item of \"{member}\" has no type"),
        EnvelopeError::EmptySubject => "credentialSubject makes no claim".into(),
        EnvelopeError::BadLanguageValue { member } => {
            format!("\"{member}\" is neither text nor a language value")
        }
        EnvelopeError::ValidityReversed => "validUntil is before validFrom".into(),
    }
}

/// Why a credential was not signed.
pub fn describe_issue_error(error: &IssueError) -> String {
    match error {
        IssueError::DataModel(error) => describe_envelope_error(error),
        IssueError::UnknownMember { member } => {
            format!("\"{member}\" is not a member the VC data model defines")
        }
    }
}

/// Why a key could not be read or used.
pub fn describe_key_error(error: &KeyError) -> String {
    match error {
        KeyError::NotBase58btc => "not multibase base58btc (it must start with z)".into(),
        KeyError::BadBase58 => "a character outside the base58 alphabet".into(),
        KeyError::UnsupportedKeyType { multicodec } => {
            format!("unsupported key type (multicodec {multicodec})")
        }
        KeyError::WrongKeyLength { expected, found } => {
            format!("{found} key bytes where {expected} were expected")
        }
        KeyError::InvalidKey => "not a valid key".into(),
        KeyError::UnsupportedDidMethod { did } => format!("unsupported DID method: {did}"),
        KeyError::FragmentMismatch => "the did:key fragment does not name its own key".into(),
        KeyError::MalformedDid { did } => format!("malformed DID: {did}"),
        KeyError::DocumentUnavailable { url } => format!("DID document unavailable: {url}"),
        KeyError::DocumentUnreadable { url } => format!("not a DID document: {url}"),
        KeyError::DocumentIdMismatch { did, .. } => {
            format!("the DID document's id is not {did}")
        }
        KeyError::MethodNotFound { method } => format!("no verification method {method}"),
        KeyError::NotAnAssertionMethod { method } => {
            format!("{method} is not listed for assertions")
        }
        KeyError::ControllerMismatch { method } => format!("{method} has another controller"),
        KeyError::UnsupportedMethodType { method_type } => {
            format!("unsupported verification method type {method_type}")
        }
        KeyError::BadJwk { member } => format!("JSON Web Key member \"{member}\" is malformed"),
        KeyError::PrivateKeyPublished => "the published key carries private material".into(),
        KeyError::UnsupportedCurve { curve } => format!("unsupported curve {curve}"),
    }
}
