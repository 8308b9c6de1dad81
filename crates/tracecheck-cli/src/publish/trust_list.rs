//! The trust list: who may sign what, from a CSV of issuers, roles and
//! scopes, signed by the root. Built by `tracecheck trust-list` on its own,
//! or by `tracecheck publish` when the registry carries it (then it also
//! gets a status entry in the root's revocation list, so the root can
//! withdraw it: `tracecheck revoke --trust-list`).

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime, UtcOffset};

use super::columns;
use super::documents::{self, TRACECHECK_CONTEXT, VC_CONTEXT, text};
use super::error::{PublishError, RowError};
use super::model::Text;
use super::table::{Errors, Table, fold};
use super::{ProofFormat, Run, fingerprint, state, values};

/// A role an entry may have.
const ROLES: &[&str] = &["producer", "certifier", "resolver"];

/// One row of the CSV.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    /// A DID, or (in `publish`) an issuer id from issuers.csv.
    pub did: String,
    /// Display name.
    pub name: Text,
    /// `producer`, `certifier`, `resolver`.
    pub roles: Vec<String>,
    /// GS1 company prefixes (producers).
    pub prefixes: Vec<String>,
    /// Scheme codes (certifiers).
    pub schemes: Vec<String>,
    /// Hosts (resolvers), `host[:port]`.
    pub hosts: Vec<String>,
    /// Listing start.
    pub valid_from: Option<String>,
    /// Listing end.
    pub valid_until: Option<String>,
}

/// Who reports a fake to whom.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Contact {
    /// Who receives reports.
    pub name: Text,
    /// E-mail.
    pub email: Option<String>,
    /// Telephone.
    pub telephone: Option<String>,
    /// An https page.
    pub url: Option<String>,
}

/// What the list says about itself.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Meta {
    /// Its name (the province's programme).
    pub name: Text,
    /// Where to report a fake.
    pub report: Option<Contact>,
    /// How long it stays valid after signing.
    #[serde(skip)]
    pub validity: Duration,
}

/// A trust list for `publish` to sign.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Issuer id of the root (a did:key issuer) in issuers.csv.
    pub root: String,
    /// The CSV's name (for messages) and bytes.
    pub csv: (String, Vec<u8>),
    /// Name, contact, validity.
    pub meta: Meta,
}

/// Turns an issuer id into the DIDs it signs with and its names.
pub type Resolve<'a> = &'a dyn Fn(&str) -> Option<(Vec<String>, Text)>;

/// Reads the CSV. `resolve` turns an issuer id into its DIDs and names
/// (publish); without it every `did` cell must be a DID. A row naming an
/// issuer by id with empty name cells is listed under the issuer's names
/// from issuers.csv: the name a verifier shows for a producer or certifier
/// is the trust list's, never the credential's own, so it must not be blank.
pub fn read_entries(
    file: &str,
    bytes: &[u8],
    zone: UtcOffset,
    resolve: Option<Resolve<'_>>,
) -> Result<Vec<Entry>, Vec<RowError>> {
    let mut errors = Errors::default();
    let table = Table::read(file, bytes, columns::TRUST_LIST, &mut errors);
    let mut entries = Vec::new();
    for row in table.rows() {
        let roles: Vec<String> = row
            .required("roles", &mut errors)
            .and_then(|_| {
                row.parse("roles", &mut errors, |t| {
                    values::id_list(t)
                        .iter()
                        .map(|r| role(r))
                        .collect::<Option<Vec<_>>>()
                        .ok_or(super::Problem::Choice { accepted: ROLES })
                })
            })
            .unwrap_or_default();
        // A resolver row names hosts, not an issuer.
        let only_resolver = !roles.is_empty() && roles.iter().all(|r| r == "resolver");
        let resolved = match row.get("did") {
            None if only_resolver => Some((Vec::new(), Text::default())),
            None => {
                errors.push(row.place("did"), super::Problem::Empty);
                continue;
            }
            Some(did) if did.starts_with("did:") => Some((vec![did.to_owned()], Text::default())),
            Some(did) => resolve.and_then(|r| r(did)),
        };
        let Some((mut dids, issuer_name)) = resolved else {
            errors.push(
                row.place("did"),
                super::Problem::UnknownReference {
                    file: super::model::ISSUERS_CSV,
                    id: row.get("did").unwrap_or_default().to_owned(),
                },
            );
            continue;
        };
        if only_resolver && dids.is_empty() {
            dids.push(String::new());
        }
        let prefixes: Vec<String> = row
            .parse("gs1_prefixes", &mut errors, |t| {
                let list = values::id_list(t);
                if list
                    .iter()
                    .all(|p| (4..=12).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
                {
                    Ok(list)
                } else {
                    Err(super::Problem::CodeValue {
                        reason: "a GS1 company prefix is 4 to 12 digits",
                    })
                }
            })
            .unwrap_or_default();
        let schemes: Vec<String> = row
            .parse("schemes", &mut errors, |t| {
                values::id_list(t)
                    .iter()
                    .map(|s| values::scheme(s))
                    .collect()
            })
            .unwrap_or_default();
        let listing = |column: &str, errors: &mut Errors| {
            row.parse(column, errors, |t| values::time(t, zone))
                .map(documents::stamp)
        };
        let valid_from = listing("valid_from", &mut errors);
        let valid_until = listing("valid_until", &mut errors);
        let written = Text {
            vi: row.get("name_vi").map(str::to_owned),
            en: row.get("name_en").map(str::to_owned),
        };
        let name = if written.vi.is_none() && written.en.is_none() {
            issuer_name
        } else {
            written
        };
        for did in dids {
            entries.push(Entry {
                did,
                name: name.clone(),
                roles: roles.clone(),
                prefixes: prefixes.clone(),
                schemes: schemes.clone(),
                hosts: row.get("hosts").map(values::id_list).unwrap_or_default(),
                valid_from: valid_from.clone(),
                valid_until: valid_until.clone(),
            });
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors.0)
    }
}

/// `producer`, `nhà sản xuất`… → the role's English name.
fn role(word: &str) -> Option<String> {
    Some(
        match fold(word).as_str() {
            "producer" | "nha san xuat" | "san xuat" => "producer",
            "certifier" | "to chuc chung nhan" | "chung nhan" => "certifier",
            "resolver" | "may chu phan giai" | "phan giai" => "resolver",
            _ => return None,
        }
        .to_owned(),
    )
}

/// The unsigned trust list.
pub fn build(
    entries: &[Entry],
    meta: &Meta,
    id: &str,
    root: &str,
    issued: OffsetDateTime,
    status: Option<Value>,
) -> Value {
    let issuers: Vec<Value> = entries
        .iter()
        .filter(|e| e.roles.iter().any(|r| r != "resolver"))
        .map(|e| {
            let roles: Vec<&String> = e.roles.iter().filter(|r| *r != "resolver").collect();
            let mut entry = json!({"id": e.did, "roles": roles});
            if let Some(name) = text(&e.name) {
                entry["name"] = name;
            }
            if !e.prefixes.is_empty() {
                entry["gs1CompanyPrefixes"] = json!(e.prefixes);
            }
            if !e.schemes.is_empty() {
                entry["schemes"] = json!(e.schemes);
            }
            if let Some(from) = &e.valid_from {
                entry["validFrom"] = json!(from);
            }
            if let Some(until) = &e.valid_until {
                entry["validUntil"] = json!(until);
            }
            entry
        })
        .collect();
    let resolvers: Vec<Value> = entries
        .iter()
        .filter(|e| e.roles.iter().any(|r| r == "resolver"))
        .flat_map(|e| {
            e.hosts.iter().map(|host| {
                let mut entry = json!({"host": host.to_ascii_lowercase()});
                if let Some(name) = text(&e.name) {
                    entry["name"] = name;
                }
                entry
            })
        })
        .collect();
    let mut subject = json!({
        "id": format!("{id}#list"),
        "issuers": issuers,
        "resolvers": resolvers,
    });
    if let Some(name) = text(&meta.name) {
        subject["name"] = name;
    }
    if let Some(contact) = &meta.report {
        let mut value = json!({});
        if let Some(name) = text(&contact.name) {
            value["name"] = name;
        }
        for (key, field) in [
            ("email", &contact.email),
            ("telephone", &contact.telephone),
            ("url", &contact.url),
        ] {
            if let Some(field) = field {
                value[key] = json!(field);
            }
        }
        subject["reportContact"] = value;
    }
    let mut credential = json!({
        "@context": [VC_CONTEXT, TRACECHECK_CONTEXT],
        "type": ["VerifiableCredential", "TraceTrustList"],
        "id": id,
        "issuer": root,
        "validFrom": documents::stamp(issued),
        "validUntil": documents::stamp(issued + meta.validity),
        "credentialSubject": subject,
    });
    if let Some(status) = status {
        credential["credentialStatus"] = json!([status]);
    }
    credential
}

/// Signs the registry's trust list; returns the root's DID.
pub(super) fn publish(run: &mut Run<'_>, plan: &Plan) -> Result<String, PublishError> {
    let root = run.issuer(&plan.root)?.clone();
    if root.did_web.is_some() {
        return Err(PublishError::Option {
            reason: format!(
                "the root \"{}\" must be a did:key issuer: verifiers pin its key",
                root.id
            ),
        });
    }
    let signer = run.keys.signer(&root).ok_or_else(|| super::no_key(&root))?;
    let keys = run.keys;
    let issuers = &run.model.issuers;
    let resolve = |id: &str| -> Option<(Vec<String>, Text)> {
        let issuer = issuers.get(id)?;
        let dids = match &issuer.did_web {
            Some(did) => vec![did.clone()],
            None => keys.all(issuer).into_iter().map(|s| s.did).collect(),
        };
        Some((dids, issuer.name.clone()))
    };
    let entries = read_entries(&plan.csv.0, &plan.csv.1, run.options.zone, Some(&resolve))
        .map_err(PublishError::Input)?;
    let existing = run.state.trust_list.clone();
    let mut record = Run::record_for(run.state, existing, &root, &signer);
    let owner = Run::owner(&root, record.key.as_deref().unwrap_or_default());
    let (list, index) = state::position(record.slot);
    let status = documents::status_entry(
        &run.status_url(&owner, "revocation", list),
        "revocation",
        index,
        None,
    );
    let print = fingerprint(
        &json!({"entries": entries, "meta": plan.meta, "status": status, "root": signer.did}),
    );
    // Signed again when half its validity has passed, like a status list.
    let stale = tracecheck_core::time::parse_timestamp(&record.issued)
        .is_none_or(|at| run.options.now > at + plan.meta.validity / 2);
    if stale {
        record.fingerprint.clear();
    }
    let id = run.url("trust-list.json");
    let did = signer.did.clone();
    let build = |issued: OffsetDateTime| {
        build(
            &entries,
            &plan.meta,
            &id,
            &did,
            issued,
            Some(status.clone()),
        )
    };
    run.issue(
        &mut record,
        &signer,
        print,
        "trust-list.json".into(),
        build,
        ProofFormat::DataIntegrity,
    )?;
    run.state.trust_list = Some(record);
    Ok(did)
}
