use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::credential::{EnvelopeError, StatusEntry, Text, one_or_many, read_envelope, string};
use crate::json::JsonError;
use crate::keys::{KeyError, parse_did_key};
use crate::proof::{
    ProofError, Refusal, Secured, SecuredError, Untimely, check_signer, check_with_key,
};
use crate::time::parse_date_time_stamp;

/// A verified trust list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustList {
    /// Its name (e.g. the province's programme).
    pub name: Text,
    /// The root that signed it.
    pub root: String,
    /// When it was issued.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_from: Option<OffsetDateTime>,
    /// When it must be refreshed by.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// Issuers it names.
    pub issuers: Vec<TrustedIssuer>,
    /// Resolver hosts it names.
    pub resolvers: Vec<TrustedResolver>,
    /// Where shoppers report a suspected fake.
    pub report: Option<ReportContact>,
    /// Its own status entries: how the root withdraws it before it expires.
    pub status: Vec<StatusEntry>,
    /// Types of its status entries that this verifier cannot read.
    pub unsupported_status: Vec<String>,
    /// Whether its status was checked.
    pub status_checked: ListStatus,
}

/// What is known of a trust list's own status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStatus {
    /// The list declares no status: only its `validUntil` bounds it.
    NotDeclared,
    /// Its status lists were read: neither revoked nor suspended.
    Clear,
    /// Its status could not be read (offline, list unreachable or of a type
    /// this verifier cannot check): verdicts are at best Caution.
    Unknown,
}

/// An issuer and what it may issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustedIssuer {
    /// Its DID.
    pub did: String,
    /// Display name.
    pub name: Text,
    /// Its roles.
    pub roles: Vec<Role>,
    /// For producers: the GS1 company prefixes whose GTINs it may describe.
    pub gs1_prefixes: Vec<String>,
    /// For certifiers: the scheme codes it may certify (`vietgap`, `ocop`…).
    pub schemes: Vec<String>,
    /// Start of its listing.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_from: Option<OffsetDateTime>,
    /// End of its listing.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
}

/// What an issuer may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Issues product passports and events for its own GTINs.
    Producer,
    /// Issues conformity credentials for its schemes.
    Certifier,
}

/// A host allowed to serve codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustedResolver {
    /// `host[:port]`, lower case.
    pub host: String,
    /// Display name.
    pub name: Text,
}

/// How to report a suspected fake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportContact {
    /// Who receives reports.
    pub name: Text,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub telephone: Option<String>,
    /// Web page (https).
    pub url: Option<String>,
}

/// Why the trust list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TrustListError {
    /// It could not be fetched.
    Unavailable,
    /// It is not acceptable JSON.
    Json(JsonError),
    /// It is not a credential.
    Envelope(EnvelopeError),
    /// It is a credential but not a trust list.
    NotATrustList,
    /// The pinned root is not a usable key.
    BadRoot(KeyError),
    /// It is not signed by the pinned root.
    WrongSigner { signer: String },
    /// Its signature does not verify.
    Signature(ProofError),
    /// It is not valid yet (its validFrom, or its proof's creation, is in
    /// the future).
    NotYetValid,
    /// The root revoked it.
    Revoked,
    /// The root suspended it.
    Suspended,
}

/// Why an issuer is not trusted for what it signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TrustProblem {
    /// The issuer is not on the trust list.
    NotListed { issuer: String },
    /// The listing has not started yet.
    ListingNotStarted { issuer: String },
    /// The listing has ended.
    ListingEnded { issuer: String },
    /// Listed, but not in the role needed.
    WrongRole { issuer: String, needed: Role },
    /// A producer describing a GTIN outside its company prefixes.
    GtinOutOfScope { issuer: String, gtin: String },
    /// A certifier certifying a scheme it is not accredited for.
    SchemeOutOfScope { issuer: String, scheme: String },
}

/// Parses, checks and reads a trust list signed by `pinned_root` (a
/// did:key): JSON with an eddsa-jcs-2022 proof, or a VC-JOSE JWS.
pub fn load_trust_list(
    bytes: &[u8],
    pinned_root: &str,
    now: OffsetDateTime,
) -> Result<TrustList, TrustListError> {
    let secured = Secured::read(bytes, None).map_err(|error| match error {
        SecuredError::Json(error) => TrustListError::Json(error),
        SecuredError::JwsEncoding => TrustListError::Signature(ProofError::JwsEncoding),
    })?;
    let root_key = parse_did_key(pinned_root).map_err(TrustListError::BadRoot)?;
    let envelope = read_envelope(&secured.credential).map_err(TrustListError::Envelope)?;
    let prepared = secured.prepare().map_err(TrustListError::Signature)?;
    let root_did = pinned_root.split('#').next().unwrap_or_default();
    if envelope.issuer != root_did {
        return Err(TrustListError::WrongSigner {
            signer: envelope.issuer,
        });
    }
    // The same acceptance rule as every other credential, with the pinned
    // root as the only key.
    check_signer(&prepared, root_did).map_err(|refusal| match refusal {
        Refusal::SignerNotIssuer { method, .. } => TrustListError::WrongSigner {
            signer: method.split('#').next().unwrap_or_default().to_owned(),
        },
        Refusal::WrongPurpose { .. } => {
            TrustListError::Signature(ProofError::malformed("proofPurpose"))
        }
        Refusal::Invalid(error) => TrustListError::Signature(error),
    })?;
    // The method must name the root's own key (a did:key has no other).
    let method_key =
        parse_did_key(&prepared.verification_method).map_err(TrustListError::BadRoot)?;
    if method_key != root_key {
        return Err(TrustListError::WrongSigner {
            signer: prepared.verification_method.clone(),
        });
    }
    match check_with_key(&prepared, &root_key, now) {
        Err(Refusal::Invalid(error)) => return Err(TrustListError::Signature(error)),
        Err(_) => return Err(TrustListError::Signature(ProofError::SignatureMismatch)),
        Ok(Some(Untimely::OutOfTime(error))) => return Err(TrustListError::Signature(error)),
        Ok(Some(Untimely::CreatedInFuture { .. })) => return Err(TrustListError::NotYetValid),
        Ok(None) => {}
    }
    if envelope.valid_from.is_some_and(|from| from > now) {
        return Err(TrustListError::NotYetValid);
    }
    read_trust_list(&secured.credential)
}

/// Reads a trust list's content (after its proof has been checked).
pub fn read_trust_list(document: &Value) -> Result<TrustList, TrustListError> {
    let envelope = read_envelope(document).map_err(TrustListError::Envelope)?;
    if !envelope.types.iter().any(|t| t == "TraceTrustList") {
        return Err(TrustListError::NotATrustList);
    }
    let subject = document.get("credentialSubject").unwrap_or(&Value::Null);
    let strings = |v: &Value, key: &str| -> Vec<String> {
        one_or_many(v, key)
            .into_iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    };
    // A listing date that does not read is not "no limit": the entry is dropped.
    let time = |v: &Value, key: &str| match v.get(key) {
        None => Some(None),
        Some(value) => value.as_str().and_then(parse_date_time_stamp).map(Some),
    };
    let issuers = one_or_many(subject, "issuers")
        .into_iter()
        .filter_map(|entry| {
            Some(TrustedIssuer {
                did: string(entry, "id")?,
                name: Text::read(entry.get("name")),
                roles: strings(entry, "roles")
                    .iter()
                    .filter_map(|r| match r.as_str() {
                        "producer" => Some(Role::Producer),
                        "certifier" => Some(Role::Certifier),
                        _ => None,
                    })
                    .collect(),
                // GS1 company prefixes are 4 to 12 digits; anything else
                // (an empty string would match every GTIN) is ignored.
                gs1_prefixes: strings(entry, "gs1CompanyPrefixes")
                    .into_iter()
                    .filter(|p| {
                        (4..=12).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
                    })
                    .collect(),
                schemes: strings(entry, "schemes")
                    .iter()
                    .map(|s| s.to_ascii_lowercase())
                    .collect(),
                valid_from: time(entry, "validFrom")?,
                valid_until: time(entry, "validUntil")?,
            })
        })
        .collect();
    let resolvers = one_or_many(subject, "resolvers")
        .into_iter()
        .filter_map(|entry| {
            Some(TrustedResolver {
                host: string(entry, "host")?.to_ascii_lowercase(),
                name: Text::read(entry.get("name")),
            })
        })
        .collect();
    let report = subject.get("reportContact").map(|contact| ReportContact {
        name: Text::read(contact.get("name")),
        email: string(contact, "email"),
        telephone: string(contact, "telephone"),
        url: string(contact, "url").filter(|u| u.starts_with("https://")),
    });
    // Entries of a type this verifier cannot read leave the status unknown.
    let status_checked = if envelope.status.is_empty() && envelope.unsupported_status.is_empty() {
        ListStatus::NotDeclared
    } else {
        ListStatus::Unknown
    };
    Ok(TrustList {
        name: Text::read(subject.get("name")),
        root: envelope.issuer,
        valid_from: envelope.valid_from,
        valid_until: envelope.valid_until,
        issuers,
        resolvers,
        report,
        status: envelope.status,
        unsupported_status: envelope.unsupported_status,
        status_checked,
    })
}

impl TrustList {
    /// The list's entry for `did`, if listed and current at `at`.
    pub fn listed(&self, did: &str, at: OffsetDateTime) -> Result<&TrustedIssuer, TrustProblem> {
        let issuer = || did.to_owned();
        let entry = self
            .issuers
            .iter()
            .find(|e| e.did == did)
            .ok_or_else(|| TrustProblem::NotListed { issuer: issuer() })?;
        if entry.valid_from.is_some_and(|from| at < from) {
            return Err(TrustProblem::ListingNotStarted { issuer: issuer() });
        }
        if entry.valid_until.is_some_and(|until| at > until) {
            return Err(TrustProblem::ListingEnded { issuer: issuer() });
        }
        Ok(entry)
    }

    /// Checks that `did` may issue a passport for `gtin` (GTIN-14) at `at`.
    pub fn check_producer(
        &self,
        did: &str,
        gtin: Option<&str>,
        at: OffsetDateTime,
    ) -> Result<&TrustedIssuer, TrustProblem> {
        let entry = self.listed(did, at)?;
        if !entry.roles.contains(&Role::Producer) {
            return Err(TrustProblem::WrongRole {
                issuer: did.into(),
                needed: Role::Producer,
            });
        }
        // The company prefix follows the indicator digit of a GTIN-14 (a
        // GTIN-8/12/13 is the same number padded with zeros on the left).
        let gtin14 = gtin
            .filter(|g| (8..=14).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
            .map(|g| format!("{g:0>14}"));
        let in_scope = gtin14.is_some_and(|gtin| {
            entry
                .gs1_prefixes
                .iter()
                .any(|prefix| gtin[1..].starts_with(prefix.as_str()))
        });
        if !in_scope {
            return Err(TrustProblem::GtinOutOfScope {
                issuer: did.into(),
                gtin: gtin.unwrap_or_default().into(),
            });
        }
        Ok(entry)
    }

    /// Checks that `did` may certify `scheme` at `at`.
    pub fn check_certifier(
        &self,
        did: &str,
        scheme: &str,
        at: OffsetDateTime,
    ) -> Result<&TrustedIssuer, TrustProblem> {
        let entry = self.listed(did, at)?;
        if !entry.roles.contains(&Role::Certifier) {
            return Err(TrustProblem::WrongRole {
                issuer: did.into(),
                needed: Role::Certifier,
            });
        }
        if !entry.schemes.iter().any(|s| s == scheme) {
            return Err(TrustProblem::SchemeOutOfScope {
                issuer: did.into(),
                scheme: scheme.into(),
            });
        }
        Ok(entry)
    }

    /// The producers listed, at `at`, for `gtin`'s company prefix.
    pub fn producers_for(&self, gtin: &str, at: OffsetDateTime) -> Vec<&TrustedIssuer> {
        self.issuers
            .iter()
            .filter(|entry| self.check_producer(&entry.did, Some(gtin), at).is_ok())
            .collect()
    }

    /// True when the list cannot be fully relied on: past its refresh-by
    /// date, or its own status unknown.
    pub fn needs_caution(&self, at: OffsetDateTime) -> bool {
        self.is_stale(at) || self.status_checked == ListStatus::Unknown
    }

    /// True when `authority` (`host[:port]`) is a named resolver.
    pub fn names_resolver(&self, authority: &str) -> bool {
        self.resolvers
            .iter()
            .any(|r| r.host == authority.to_ascii_lowercase())
    }

    /// True when the list is past its `validUntil` at `at`.
    pub fn is_stale(&self, at: OffsetDateTime) -> bool {
        self.valid_until.is_some_and(|until| at > until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssuerKey;
    use crate::time::parse_timestamp;
    use serde_json::json;

    fn at(text: &str) -> OffsetDateTime {
        parse_timestamp(text).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    fn list_credential(root: &str, issuers: Value) -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential", "TraceTrustList"],
            "issuer": root,
            "validFrom": "2026-01-01T00:00:00Z",
            "validUntil": "2027-01-01T00:00:00Z",
            "credentialSubject": {
                "id": "urn:example:list",
                "issuers": issuers,
                "resolvers": [{"host": "Resolver.example:8443"}]
            }
        })
    }

    fn entries() -> Value {
        json!([
            {"id": "did:web:coop.example", "roles": ["producer"], "gs1CompanyPrefixes": ["8935001", "", "89x"]},
            {"id": "did:web:gap.example", "roles": ["certifier"], "schemes": ["VietGAP", "organic"]},
            {"id": "did:web:ocop.example", "roles": ["certifier"], "schemes": ["ocop"],
             "validFrom": "2026-03-01T00:00:00Z", "validUntil": "2026-12-31T00:00:00Z"},
            {"id": "did:web:broken.example", "roles": ["producer"], "gs1CompanyPrefixes": ["8935009"],
             "validUntil": "someday"}
        ])
    }

    #[test]
    fn producers_stay_within_their_company_prefixes() {
        let root = IssuerKey::from_seed([1; 32]);
        let list = read_trust_list(&list_credential(&root.did(), entries())).expect("reads");
        let now = at("2026-06-01T00:00:00Z");
        let producer = "did:web:coop.example";
        assert!(
            list.check_producer(producer, Some("08935001000012"), now)
                .is_ok()
        );
        // A GTIN-13 is the same number without the leading zero.
        assert!(
            list.check_producer(producer, Some("8935001000012"), now)
                .is_ok()
        );
        for other in [
            Some("08935002000011"),
            Some("8935001"),
            Some("0893500100001X"),
            None,
        ] {
            assert!(
                matches!(
                    list.check_producer(producer, other, now),
                    Err(TrustProblem::GtinOutOfScope { .. })
                ),
                "{other:?}"
            );
        }
        // Malformed prefixes ("", "89x") were dropped, not kept as wildcards.
        assert_eq!(list.issuers[0].gs1_prefixes, vec!["8935001".to_owned()]);
        // An entry whose dates do not read is not listed at all.
        assert!(matches!(
            list.check_producer("did:web:broken.example", Some("08935009000018"), now),
            Err(TrustProblem::NotListed { .. })
        ));
    }

    #[test]
    fn certifiers_stay_within_their_schemes_and_dates() {
        let root = IssuerKey::from_seed([1; 32]);
        let list = read_trust_list(&list_credential(&root.did(), entries())).expect("reads");
        let now = at("2026-06-01T00:00:00Z");
        assert!(
            list.check_certifier("did:web:gap.example", "vietgap", now)
                .is_ok()
        );
        assert!(matches!(
            list.check_certifier("did:web:gap.example", "ocop", now),
            Err(TrustProblem::SchemeOutOfScope { .. })
        ));
        assert!(
            list.check_certifier("did:web:ocop.example", "ocop", now)
                .is_ok()
        );
        assert!(matches!(
            list.check_certifier("did:web:ocop.example", "vietgap", now),
            Err(TrustProblem::SchemeOutOfScope { .. })
        ));
        assert!(matches!(
            list.check_certifier("did:web:ocop.example", "ocop", at("2026-02-01T00:00:00Z")),
            Err(TrustProblem::ListingNotStarted { .. })
        ));
        assert!(matches!(
            list.check_certifier("did:web:ocop.example", "ocop", at("2027-01-02T00:00:00Z")),
            Err(TrustProblem::ListingEnded { .. })
        ));
        assert!(matches!(
            list.check_certifier("did:web:coop.example", "vietgap", now),
            Err(TrustProblem::WrongRole {
                needed: Role::Certifier,
                ..
            })
        ));
        assert!(matches!(
            list.check_producer("did:web:gap.example", Some("08935001000012"), now),
            Err(TrustProblem::WrongRole {
                needed: Role::Producer,
                ..
            })
        ));
        assert!(list.names_resolver("resolver.example:8443"));
        assert!(!list.names_resolver("resolver.example"));
        assert!(!list.is_stale(now));
        assert!(list.is_stale(at("2027-01-02T00:00:00Z")));
    }

    #[test]
    fn loads_only_what_the_pinned_root_signed_for_assertions() {
        let root = IssuerKey::from_seed([1; 32]);
        let other = IssuerKey::from_seed([2; 32]);
        let now = at("2026-06-01T00:00:00Z");
        let unsigned = list_credential(&root.did(), entries());
        let signed = root.sign(&unsigned, now);
        let bytes = serde_json::to_vec(&signed).expect("json");
        assert!(load_trust_list(&bytes, &root.did(), now).is_ok());
        // The same list as VC-JOSE.
        let token = root.sign_jose(&unsigned);
        assert!(load_trust_list(token.as_bytes(), &root.did(), now).is_ok());
        // Another root's list, even naming the pinned root as issuer.
        let forged = other.sign(&list_credential(&other.did(), entries()), now);
        let forged = serde_json::to_vec(&forged).expect("json");
        assert!(matches!(
            load_trust_list(&forged, &root.did(), now),
            Err(TrustListError::WrongSigner { .. })
        ));
        // Changed after signing.
        let mut tampered = signed.clone();
        tampered["credentialSubject"]["issuers"][0]["gs1CompanyPrefixes"] = json!(["8"]);
        let tampered = serde_json::to_vec(&tampered).expect("json");
        assert!(matches!(
            load_trust_list(&tampered, &root.did(), now),
            Err(TrustListError::Signature(ProofError::SignatureMismatch))
        ));
        // Signed for another purpose.
        let options = crate::proof::ProofOptions {
            verification_method: root.method(),
            created: "2026-01-01T00:00:00Z".into(),
            proof_purpose: "authentication".into(),
            expires: None,
        };
        let wrong_purpose = crate::proof::sign(&unsigned, root.signing_key(), &options);
        let wrong_purpose = serde_json::to_vec(&wrong_purpose).expect("json");
        assert!(matches!(
            load_trust_list(&wrong_purpose, &root.did(), now),
            Err(TrustListError::Signature(ProofError::Malformed { .. }))
        ));
        // Not valid yet.
        assert_eq!(
            load_trust_list(&bytes, &root.did(), at("2025-06-01T00:00:00Z")),
            Err(TrustListError::NotYetValid)
        );
    }
}
