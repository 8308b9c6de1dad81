//! The input as typed records, every cross-reference checked: issuers,
//! facilities, batches, their events and the certifications they claim.

use std::collections::{BTreeMap, HashMap};

use time::{Date, OffsetDateTime, UtcOffset};

use super::columns;
use super::error::{Place, Problem};
use super::inputs::Inputs;
use super::table::{Errors, Row, Table};
use super::values;

/// Text in Vietnamese and English (either may be missing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Text {
    /// Vietnamese.
    pub vi: Option<String>,
    /// English.
    pub en: Option<String>,
}

impl Text {
    fn read(row: &Row<'_>, stem: &str) -> Text {
        Text {
            vi: row.get(&format!("{stem}_vi")).map(str::to_owned),
            en: row.get(&format!("{stem}_en")).map(str::to_owned),
        }
    }

    /// Whether neither language is given.
    pub fn is_empty(&self) -> bool {
        self.vi.is_none() && self.en.is_none()
    }
}

/// Someone who signs: a producer, a certifier, the root.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issuer {
    /// Its id in the input files.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// A `did:web` DID, when it is not identified by its key (`did:key`).
    pub did_web: Option<String>,
}

/// A place.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Facility {
    /// Its id in the input files.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Its GS1 Global Location Number.
    pub gln: Option<String>,
    /// Street, hamlet.
    pub street: Option<String>,
    /// Ward or commune.
    pub locality: Option<String>,
    /// Province.
    pub region: Option<String>,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// WGS 84 latitude and longitude.
    pub location: Option<(f64, f64)>,
}

/// How a passport is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ProofFormat {
    /// An embedded eddsa-jcs-2022 proof (`.json`, `application/vc+ld+json`).
    DataIntegrity,
    /// VC-JOSE compact JWS (`.jwt`, `application/vc+jwt`).
    Jose,
}

/// A product picture.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Image {
    /// A file in the data folder, copied into the registry's `media/`.
    File(String),
    /// An https URL, linked as it is.
    Url(String),
}

/// One batch (or serialised item): one passport.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Batch {
    /// Line in products.csv.
    pub line: u64,
    /// Its id (events refer to it; `tracecheck revoke --batch` takes it).
    pub id: String,
    /// GTIN-14.
    pub gtin: String,
    /// Lot (AI 10).
    pub lot: Option<String>,
    /// Serial (AI 21).
    pub serial: Option<String>,
    /// Issuer id of the producer, who signs the passport.
    pub producer: String,
    /// Product name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// Brand.
    pub brand: Option<String>,
    /// Production date.
    pub production_date: Option<Date>,
    /// Expiry or best-before date.
    pub expiry_date: Option<Date>,
    /// Shelf life in words.
    pub shelf_life: Text,
    /// Country of production.
    pub country: String,
    /// Facility id where it was made or grown.
    pub facility: Option<String>,
    /// Its picture.
    pub image: Option<Image>,
    /// Certification ids it claims.
    pub certifications: Vec<String>,
    /// Proof format of its passport.
    pub proof: ProofFormat,
    /// Whether the GTIN alone (a typed EAN) resolves to this batch.
    pub gtin_default: bool,
}

impl Batch {
    /// Its Digital Link key path: `[("01", gtin), ("10", lot), ("21", serial)]`.
    pub fn key_path(&self) -> Vec<(String, String)> {
        let mut path = vec![("01".to_owned(), self.gtin.clone())];
        if let Some(lot) = &self.lot {
            path.push(("10".into(), lot.clone()));
        }
        if let Some(serial) = &self.serial {
            path.push(("21".into(), serial.clone()));
        }
        path
    }
}

/// One supply-chain step.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Event {
    /// CBV business step (`harvesting`, `packing`…).
    pub step: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub time: OffsetDateTime,
    /// Facility id.
    pub facility: Option<String>,
    /// Issuer id of who did it (default: the producer).
    pub actor: Option<String>,
    /// What was done.
    pub description: Text,
    /// Items in, per language.
    pub inputs: (Vec<String>, Vec<String>),
    /// Items out, per language.
    pub outputs: (Vec<String>, Vec<String>),
}

/// A certificate to issue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Certification {
    /// Line in certifications.csv.
    pub line: u64,
    /// Its id (batches refer to it).
    pub id: String,
    /// Issuer id of the certifier, who signs it.
    pub certifier: String,
    /// Issuer id of whom it is issued to.
    pub holder: String,
    /// Scheme code from [`values::SCHEMES`].
    pub scheme: String,
    /// Scheme name as the certificate writes it (secondary text).
    pub scheme_name: Text,
    /// Certificate number.
    pub number: String,
    /// OCOP stars.
    pub rating: Option<u8>,
    /// Start of validity.
    #[serde(with = "time::serde::rfc3339")]
    pub valid_from: OffsetDateTime,
    /// End of validity.
    #[serde(with = "time::serde::rfc3339")]
    pub valid_until: OffsetDateTime,
    /// Assessment date.
    pub assessment_date: Option<Date>,
    /// GTINs it covers.
    pub products: Vec<String>,
}

/// Everything to publish.
pub struct Model {
    /// Issuers by id.
    pub issuers: BTreeMap<String, Issuer>,
    /// Facilities by id.
    pub facilities: BTreeMap<String, Facility>,
    /// Batches in file order.
    pub batches: Vec<Batch>,
    /// Events by batch id, in file order.
    pub events: HashMap<String, Vec<Event>>,
    /// Certifications by id.
    pub certifications: BTreeMap<String, Certification>,
    /// Notes that are not errors (unknown columns…).
    pub warnings: Vec<String>,
}

/// The input files by name.
pub const ISSUERS_CSV: &str = "issuers.csv";
/// Facilities.
pub const FACILITIES_CSV: &str = "facilities.csv";
/// Batches.
pub const PRODUCTS_CSV: &str = "products.csv";
/// Events.
pub const EVENTS_CSV: &str = "events.csv";
/// Certifications.
pub const CERTIFICATIONS_CSV: &str = "certifications.csv";

fn table(
    inputs: &Inputs,
    name: &str,
    spec: &'static [super::table::Column],
    required: bool,
    errors: &mut Errors,
    warnings: &mut Vec<String>,
) -> Option<Table> {
    let bytes = match inputs.read(name) {
        Ok(Some(bytes)) => bytes,
        Ok(None) if !required => return None,
        Ok(None) => {
            errors.push(
                place(name, 0),
                Problem::Unreadable {
                    reason: "missing".into(),
                },
            );
            return None;
        }
        Err(reason) => {
            errors.push(place(name, 0), Problem::Unreadable { reason });
            return None;
        }
    };
    let table = Table::read(name, &bytes, spec, errors);
    let unknown = table.unknown_headers();
    if !unknown.is_empty() {
        warnings.push(format!("{name}: ignored column(s): {}", unknown.join(", ")));
    }
    Some(table)
}

fn place(file: &str, line: u64) -> Place {
    Place {
        file: file.to_owned(),
        line,
        column: None,
    }
}

/// Remembers the line of each id, noting duplicates.
fn unique<'a>(
    seen: &mut HashMap<String, u64>,
    row: &Row<'a>,
    column: &str,
    errors: &mut Errors,
) -> Option<&'a str> {
    let id = row.required(column, errors)?;
    if let Some(first) = seen.get(id) {
        errors.push(
            row.place(column),
            Problem::DuplicateId {
                id: id.to_owned(),
                first_line: *first,
            },
        );
        return None;
    }
    seen.insert(id.to_owned(), row.line());
    Some(id)
}

impl Model {
    /// Reads and checks every input file; `zone` is the publisher's time
    /// zone for times written without one.
    pub fn load(inputs: &Inputs, zone: UtcOffset) -> Result<Model, Vec<super::error::RowError>> {
        let mut errors = Errors::default();
        let mut warnings = Vec::new();
        let issuers_t = table(
            inputs,
            ISSUERS_CSV,
            columns::ISSUERS,
            true,
            &mut errors,
            &mut warnings,
        );
        let facilities_t = table(
            inputs,
            FACILITIES_CSV,
            columns::FACILITIES,
            false,
            &mut errors,
            &mut warnings,
        );
        let batches_t = table(
            inputs,
            PRODUCTS_CSV,
            columns::BATCHES,
            true,
            &mut errors,
            &mut warnings,
        );
        let events_t = table(
            inputs,
            EVENTS_CSV,
            columns::EVENTS,
            false,
            &mut errors,
            &mut warnings,
        );
        let certs_t = table(
            inputs,
            CERTIFICATIONS_CSV,
            columns::CERTIFICATIONS,
            false,
            &mut errors,
            &mut warnings,
        );
        if !errors.is_empty() {
            return Err(errors.0);
        }

        let issuers = read_issuers(issuers_t.as_ref(), &mut errors);
        let facilities = read_facilities(facilities_t.as_ref(), &mut errors);
        let mut batches = Vec::new();
        let mut ids = HashMap::new();
        let mut codes: HashMap<Vec<(String, String)>, u64> = HashMap::new();
        let mut defaults: HashMap<String, u64> = HashMap::new();
        for row in batches_t.iter().flat_map(Table::rows) {
            let Some(batch) = read_batch(&row, &mut ids, inputs, &mut errors) else {
                continue;
            };
            if !issuers.contains_key(&batch.producer) {
                errors.push(row.place("producer"), unknown(ISSUERS_CSV, &batch.producer));
            }
            if let Some(facility) = &batch.facility {
                if !facilities.contains_key(facility) {
                    errors.push(row.place("facility"), unknown(FACILITIES_CSV, facility));
                }
            }
            let path = batch.key_path();
            if let Some(first) = codes.insert(path.clone(), row.line()) {
                let code: String = path.iter().map(|(ai, v)| format!("({ai}){v}")).collect();
                errors.push(
                    row.place("gtin"),
                    Problem::DuplicateCode {
                        code,
                        first_line: first,
                    },
                );
            }
            if batch.gtin_default {
                if let Some(first) = defaults.insert(batch.gtin.clone(), row.line()) {
                    errors.push(
                        row.place("gtin_default"),
                        Problem::DuplicateCode {
                            code: format!("(01){}", batch.gtin),
                            first_line: first,
                        },
                    );
                }
            }
            batches.push(batch);
        }

        let mut events: HashMap<String, Vec<Event>> = HashMap::new();
        for row in events_t.iter().flat_map(Table::rows) {
            let Some(batch) = row.required("batch", &mut errors) else {
                continue;
            };
            if !ids.contains_key(batch) {
                errors.push(row.place("batch"), unknown(PRODUCTS_CSV, batch));
                continue;
            }
            if let Some(event) = read_event(&row, zone, &issuers, &facilities, &mut errors) {
                events.entry(batch.to_owned()).or_default().push(event);
            }
        }

        let mut certifications = read_certifications(certs_t.as_ref(), zone, &issuers, &mut errors);
        link_certifications(
            &batches,
            batches_t.as_ref(),
            &mut certifications,
            &mut errors,
        );

        if errors.is_empty() {
            Ok(Model {
                issuers,
                facilities,
                batches,
                events,
                certifications,
                warnings,
            })
        } else {
            Err(errors.0)
        }
    }
}

/// Reads issuers.csv alone.
pub fn load_issuers(
    inputs: &Inputs,
) -> Result<BTreeMap<String, Issuer>, Vec<super::error::RowError>> {
    let mut errors = Errors::default();
    let mut warnings = Vec::new();
    let table = table(
        inputs,
        ISSUERS_CSV,
        columns::ISSUERS,
        true,
        &mut errors,
        &mut warnings,
    );
    let issuers = read_issuers(table.as_ref(), &mut errors);
    if errors.is_empty() {
        Ok(issuers)
    } else {
        Err(errors.0)
    }
}

fn unknown(file: &'static str, id: &str) -> Problem {
    Problem::UnknownReference {
        file,
        id: id.to_owned(),
    }
}

fn read_issuers(table: Option<&Table>, errors: &mut Errors) -> BTreeMap<String, Issuer> {
    let mut seen = HashMap::new();
    let mut issuers = BTreeMap::new();
    for row in table.iter().flat_map(|t| t.rows()) {
        let Some(id) = unique(&mut seen, &row, "id", errors) else {
            continue;
        };
        let did_web = row.parse("did", errors, |did| {
            if did.starts_with("did:web:") && tracecheck_core::keys::did_web_url(did).is_ok() {
                Ok(did.to_owned())
            } else {
                Err(Problem::DidWeb {
                    reason: "write did:web:host[:path], or leave it empty to use did:key".into(),
                })
            }
        });
        issuers.insert(
            id.to_owned(),
            Issuer {
                id: id.to_owned(),
                name: Text::read(&row, "name"),
                did_web,
            },
        );
    }
    issuers
}

fn read_facilities(table: Option<&Table>, errors: &mut Errors) -> BTreeMap<String, Facility> {
    let mut seen = HashMap::new();
    let mut facilities = BTreeMap::new();
    for row in table.iter().flat_map(|t| t.rows()) {
        let Some(id) = unique(&mut seen, &row, "id", errors) else {
            continue;
        };
        let latitude = row.parse("latitude", errors, |t| values::number(t, -90, 90));
        let longitude = row.parse("longitude", errors, |t| values::number(t, -180, 180));
        facilities.insert(
            id.to_owned(),
            Facility {
                id: id.to_owned(),
                name: Text::read(&row, "name"),
                gln: row.parse("gln", errors, values::gln),
                street: row.get("street").map(str::to_owned),
                locality: row.get("locality").map(str::to_owned),
                region: row.get("region").map(str::to_owned),
                country: row.get("country").unwrap_or("VN").to_ascii_uppercase(),
                location: latitude.zip(longitude),
            },
        );
    }
    facilities
}

fn read_batch(
    row: &Row<'_>,
    ids: &mut HashMap<String, u64>,
    inputs: &Inputs,
    errors: &mut Errors,
) -> Option<Batch> {
    let id = unique(ids, row, "id", errors);
    let gtin = row
        .required("gtin", errors)
        .and_then(|_| row.parse("gtin", errors, values::gtin));
    let lot = row.parse("lot", errors, |t| values::code_value("10", t));
    let serial = row.parse("serial", errors, |t| values::code_value("21", t));
    let producer = row.required("producer", errors);
    let proof = row
        .parse("proof", errors, |t| match super::table::fold(t).as_str() {
            "di" | "data integrity" | "eddsa jcs 2022" => Ok(ProofFormat::DataIntegrity),
            "jose" | "vc jose" | "jws" | "jwt" => Ok(ProofFormat::Jose),
            _ => Err(Problem::Choice {
                accepted: &["di", "jose"],
            }),
        })
        .unwrap_or(ProofFormat::DataIntegrity);
    let image = row.parse("image", errors, |t| {
        if t.starts_with("https://") {
            Ok(Image::Url(t.to_owned()))
        } else if inputs.is_safe_relative(t) {
            Ok(Image::File(t.to_owned()))
        } else {
            Err(Problem::Image)
        }
    });
    let production_date = row.parse("production_date", errors, values::date);
    let expiry_date = row.parse("expiry_date", errors, values::date);
    if let (Some(made), Some(expires)) = (production_date, expiry_date) {
        if expires < made {
            errors.push(row.place("expiry_date"), Problem::DatesOutOfOrder);
        }
    }
    Some(Batch {
        line: row.line(),
        id: id?.to_owned(),
        gtin: gtin?,
        lot,
        serial,
        producer: producer?.to_owned(),
        name: Text::read(row, "name"),
        description: Text::read(row, "description"),
        brand: row.get("brand").map(str::to_owned),
        production_date,
        expiry_date,
        shelf_life: Text::read(row, "shelf_life"),
        country: row.get("country").unwrap_or("VN").to_ascii_uppercase(),
        facility: row.get("facility").map(str::to_owned),
        image,
        certifications: row
            .get("certifications")
            .map(values::id_list)
            .unwrap_or_default(),
        proof,
        gtin_default: row
            .parse("gtin_default", errors, values::yes_no)
            .unwrap_or(false),
    })
}

fn read_event(
    row: &Row<'_>,
    zone: UtcOffset,
    issuers: &BTreeMap<String, Issuer>,
    facilities: &BTreeMap<String, Facility>,
    errors: &mut Errors,
) -> Option<Event> {
    let step = row.required("step", errors).and_then(|_| {
        row.parse("step", errors, |t| {
            let word = t.to_ascii_lowercase();
            if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                Ok(word)
            } else {
                Err(Problem::Choice {
                    accepted: &[
                        "harvesting",
                        "processing",
                        "packing",
                        "storing",
                        "shipping",
                        "receiving",
                        "inspecting",
                        "…",
                    ],
                })
            }
        })
    });
    let time = row
        .required("time", errors)
        .and_then(|_| row.parse("time", errors, |t| values::time(t, zone)));
    let facility = row.get("facility").map(str::to_owned);
    if let Some(id) = &facility {
        if !facilities.contains_key(id) {
            errors.push(row.place("facility"), unknown(FACILITIES_CSV, id));
        }
    }
    let actor = row.get("actor").map(str::to_owned);
    if let Some(id) = &actor {
        if !issuers.contains_key(id) {
            errors.push(row.place("actor"), unknown(ISSUERS_CSV, id));
        }
    }
    let list = |column: &str| row.get(column).map(values::text_list).unwrap_or_default();
    Some(Event {
        step: step?,
        time: time?,
        facility,
        actor,
        description: Text::read(row, "description"),
        inputs: (list("inputs_vi"), list("inputs_en")),
        outputs: (list("outputs_vi"), list("outputs_en")),
    })
}

fn read_certifications(
    table: Option<&Table>,
    zone: UtcOffset,
    issuers: &BTreeMap<String, Issuer>,
    errors: &mut Errors,
) -> BTreeMap<String, Certification> {
    let mut seen = HashMap::new();
    let mut certifications = BTreeMap::new();
    for row in table.iter().flat_map(|t| t.rows()) {
        let id = unique(&mut seen, &row, "id", errors);
        let certifier = row.required("certifier", errors);
        for column in ["certifier", "holder"] {
            if let Some(who) = row.get(column) {
                if !issuers.contains_key(who) {
                    errors.push(row.place(column), unknown(ISSUERS_CSV, who));
                }
            }
        }
        let scheme = row
            .required("scheme", errors)
            .and_then(|_| row.parse("scheme", errors, values::scheme));
        let rating = row.parse("rating", errors, |t| {
            values::number(t, 1, 5).and_then(|n| {
                if n.fract() == 0.0 {
                    Ok(n as u8)
                } else {
                    Err(Problem::Number { min: 1, max: 5 })
                }
            })
        });
        if let Some(scheme) = &scheme {
            let ocop = scheme == "ocop";
            if ocop != rating.is_some() && !(ocop && row.get("rating").is_some()) {
                errors.push(row.place("rating"), Problem::Rating);
            }
        }
        let valid_from = row
            .required("valid_from", errors)
            .and_then(|_| row.parse("valid_from", errors, |t| values::time(t, zone)));
        // A date alone as the end means the whole of that day.
        let valid_until = row.required("valid_until", errors).and_then(|_| {
            row.parse("valid_until", errors, |t| match values::date(t) {
                Ok(day) => values::time(&values::format_date(day), zone)
                    .map(|start| start + time::Duration::days(1) - time::Duration::seconds(1)),
                Err(_) => values::time(t, zone),
            })
        });
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if until < from {
                errors.push(row.place("valid_until"), Problem::DatesOutOfOrder);
            }
        }
        let products: Vec<String> = row
            .get("products")
            .map(values::id_list)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|g| match values::gtin(&g) {
                Ok(gtin) => Some(gtin),
                Err(problem) => {
                    errors.push(row.place("products"), problem);
                    None
                }
            })
            .collect();
        let number = row.required("number", errors);
        let (
            Some(id),
            Some(certifier),
            Some(scheme),
            Some(number),
            Some(valid_from),
            Some(valid_until),
        ) = (id, certifier, scheme, number, valid_from, valid_until)
        else {
            continue;
        };
        certifications.insert(
            id.to_owned(),
            Certification {
                line: row.line(),
                id: id.to_owned(),
                certifier: certifier.to_owned(),
                holder: row.get("holder").unwrap_or_default().to_owned(),
                scheme,
                scheme_name: Text::read(&row, "scheme_name"),
                number: number.to_owned(),
                rating,
                valid_from,
                valid_until,
                assessment_date: row.parse("assessment_date", errors, values::date),
                products,
            },
        );
    }
    certifications
}

/// Checks each claimed certificate exists and is held by the batch's
/// producer; fills in holders and covered GTINs left empty.
fn link_certifications(
    batches: &[Batch],
    table: Option<&Table>,
    certifications: &mut BTreeMap<String, Certification>,
    errors: &mut Errors,
) {
    let rows: HashMap<u64, Row<'_>> = table
        .iter()
        .flat_map(|t| t.rows())
        .map(|row| (row.line(), row))
        .collect();
    let mut derived: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for batch in batches {
        let Some(row) = rows.get(&batch.line) else {
            continue;
        };
        for id in &batch.certifications {
            let Some(cert) = certifications.get_mut(id) else {
                errors.push(row.place("certifications"), unknown(CERTIFICATIONS_CSV, id));
                continue;
            };
            if cert.holder.is_empty() {
                cert.holder = batch.producer.clone();
            }
            if cert.holder != batch.producer {
                errors.push(
                    row.place("certifications"),
                    Problem::BorrowedCertificate {
                        certificate: id.clone(),
                        holder: cert.holder.clone(),
                    },
                );
            }
            derived
                .entry(id.clone())
                .or_default()
                .push(batch.gtin.clone());
        }
    }
    for cert in certifications.values().filter(|c| c.holder.is_empty()) {
        errors.push(
            Place {
                file: CERTIFICATIONS_CSV.into(),
                line: cert.line,
                column: None,
            },
            Problem::NoHolder,
        );
    }
    for (id, mut gtins) in derived {
        if let Some(cert) = certifications.get_mut(&id) {
            if cert.products.is_empty() {
                gtins.sort();
                gtins.dedup();
                cert.products = gtins;
            }
        }
    }
}
