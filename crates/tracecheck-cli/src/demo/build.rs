//! Assembling the demo registry: certifications, passports, linksets,
//! status lists and the trust list, each signed by its issuer.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use tracecheck_core::code::gtin_check_digit;
use tracecheck_core::resolve::WebUrl;

use super::actors::{Actor, Actors};
use super::media;
use super::products::{self, Batch, CertSpec, LONGAN_PREFIX, ROGUE_PREFIX};
use super::samples::{Expectation, Sample};
use super::{DemoOptions, at, day, stamp};
use crate::registry::{LINKSET_DIR, Registry, sanitize};

const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
const UNTP_DPP_CONTEXT: &str = "https://test.uncefact.org/vocabulary/untp/dpp/0.6.0/";
const UNTP_DCC_CONTEXT: &str = "https://test.uncefact.org/vocabulary/untp/dcc/0.6.0/";
/// Our own terms (trust lists, OCOP ratings); `.example` marks it as not dereferenced.
const TRACECHECK_CONTEXT: &str = "https://tracecheck.example/ns/v1";
const DPP_RELATION: &str = "https://test.uncefact.org/vocabulary/linkTypes/dpp";
const PIP_RELATION: &str = "https://gs1.org/voc/pip";
/// Entries in every status list: the spec's minimum.
const STATUS_ENTRIES: usize = 131_072;

/// Language-tagged text, Vietnamese first.
pub fn text(vi: &str, en: &str) -> Value {
    json!([{"@value": vi, "@language": "vi"}, {"@value": en, "@language": "en"}])
}

/// GTIN-14 for a GS1 company prefix and item reference (12 digits in all).
pub fn gtin14(prefix: &str, item: &str) -> String {
    let data = format!("{prefix}{item}");
    format!("0{data}{}", gtin_check_digit(&data).unwrap_or('0'))
}

/// GLN (13 digits) for a company prefix and location reference.
pub fn gln(prefix: &str, location: &str) -> String {
    let data = format!("{prefix}{location}");
    format!("{data}{}", gtin_check_digit(&data).unwrap_or('0'))
}

/// A Vietnamese postal address.
pub fn address(street: &str, locality: &str, region: &str) -> Value {
    json!({
        "type": ["Address"],
        "streetAddress": street,
        "addressLocality": locality,
        "addressRegion": region,
        "addressCountry": "VN"
    })
}

/// A facility with its GLN and coordinates.
pub fn place(
    name: (&str, &str),
    gln: String,
    address: Value,
    (latitude, longitude): (f64, f64),
) -> Value {
    json!({
        "type": ["Facility"],
        "id": format!("https://id.gs1.org/414/{gln}"),
        "name": text(name.0, name.1),
        "registeredId": gln,
        "address": address,
        "location": {"latitude": latitude, "longitude": longitude}
    })
}

/// A supply-chain step (CBV business step name, time, place, actor, items).
pub fn event(
    step: &str,
    at: OffsetDateTime,
    place: &Value,
    actor: &Actor,
    description: (&str, &str),
    inputs: &[(&str, &str)],
    outputs: &[(&str, &str)],
) -> Value {
    let items = |list: &[(&str, &str)]| -> Vec<Value> {
        list.iter()
            .map(|(vi, en)| json!({"name": text(vi, en)}))
            .collect()
    };
    json!({
        "type": ["ObjectEvent"],
        "bizStep": step,
        "eventTime": stamp(at),
        "location": place,
        "actor": {"id": actor.did(), "name": actor.name()},
        "description": text(description.0, description.1),
        "inputs": items(inputs),
        "outputs": items(outputs)
    })
}

/// How a passport is secured.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Proof {
    /// An embedded eddsa-jcs-2022 proof, served as `application/vc+ld+json`.
    DataIntegrity,
    /// VC-JOSE: a compact JWS (EdDSA), served as `application/vc+jwt`.
    Jose,
    /// A forged VC-JOSE token that declares itself unsigned (`alg: none`).
    UnsignedJose,
}

impl Proof {
    fn extension(self) -> &'static str {
        match self {
            Proof::DataIntegrity => "json",
            Proof::Jose | Proof::UnsignedJose => "jwt",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Proof::DataIntegrity => "application/vc+ld+json",
            Proof::Jose | Proof::UnsignedJose => "application/vc+jwt",
        }
    }
}

/// Status entries an issuer has handed out, and which are set.
#[derive(Default)]
struct StatusBook {
    next: u64,
    revoked: Vec<(u64, u8)>,
    messages: Vec<(u64, u8)>,
}

struct Builder<'a> {
    base: String,
    today: time::Date,
    actors: &'a Actors,
    registry: Registry,
    books: BTreeMap<&'static str, StatusBook>,
    issued: HashMap<String, Value>,
}

/// Builds the whole demo registry for `options`.
pub fn build(options: &DemoOptions) -> Registry {
    let actors = Actors::demo();
    let mut b = Builder {
        base: options.base_url.trim_end_matches('/').to_owned(),
        today: options.today,
        actors: &actors,
        registry: Registry::default(),
        books: BTreeMap::new(),
        issued: HashMap::new(),
    };
    let a = &actors;
    let today = options.today;
    let mut samples = Vec::new();

    // The genuine products, each also answering a lot-less code (a typed EAN).
    let longan = products::longan(a, today, "NL2611");
    let longan_url = b.publish(&longan, &[dl(&longan), product_level(&longan)], None);
    samples.push(sample(
        &b,
        "longan",
        "Nhãn lồng Hưng Yên: bản ghi hợp lệ",
        "Hưng Yên longan: a genuine record",
        &longan,
        Expectation::Verified,
    ));
    let chicken = products::chicken(a, today, "GDT2611");
    b.publish(&chicken, &[dl(&chicken), product_level(&chicken)], None);
    samples.push(sample(
        &b,
        "chicken",
        "Gà Đông Tảo: bản ghi hợp lệ",
        "Đông Tảo chicken: a genuine record",
        &chicken,
        Expectation::Verified,
    ));
    let honey = products::honey(a, today, "MO2611");
    b.publish(&honey, &[dl(&honey), product_level(&honey)], None);
    samples.push(sample(
        &b,
        "honey",
        "Mật ong hoa nhãn: bản ghi hợp lệ",
        "Longan-blossom honey: a genuine record",
        &honey,
        Expectation::Verified,
    ));
    let medicine = products::medicine(a, today, "DPH2610", "A000123");
    b.publish(&medicine, &[dl(&medicine), product_level(&medicine)], None);
    samples.push(sample(
        &b,
        "medicine",
        "Thuốc từ dược liệu: hộp có mã định danh",
        "Herbal medicine: a serialised box",
        &medicine,
        Expectation::Verified,
    ));

    // The same chicken, another lot, its passport secured as VC-JOSE (a JWS).
    let chicken_jose = products::chicken(a, today, "GDT2611J");
    b.publish_as(&chicken_jose, &[dl(&chicken_jose)], None, Proof::Jose);
    samples.push(sample(
        &b,
        "vc-jose",
        "Gà Đông Tảo: hộ chiếu dạng VC-JOSE (JWS) hợp lệ",
        "Đông Tảo chicken: a genuine VC-JOSE (JWS) passport",
        &chicken_jose,
        Expectation::Verified,
    ));

    // Tampered: a genuine signature, then the expiry date pushed back two months.
    let tampered = products::longan(a, today, "NL2610");
    let extended = day(today, 72);
    b.publish(
        &tampered,
        &[dl(&tampered)],
        Some(&move |passport: &mut Value| {
            passport["credentialSubject"]["product"]["expiryDate"] = json!(extended);
        }),
    );
    samples.push(sample(
        &b,
        "tampered",
        "Bản ghi bị sửa sau khi ký (hạn dùng bị kéo dài)",
        "Record altered after signing (expiry pushed back)",
        &tampered,
        Expectation::Counterfeit,
    ));

    // A copied record served as a JWS that declares itself unsigned (alg: none).
    let unsigned = products::longan(a, today, "NL2611N");
    b.publish_as(&unsigned, &[dl(&unsigned)], None, Proof::UnsignedJose);
    samples.push(sample(
        &b,
        "unsigned-token",
        "Bản ghi dạng JWS tự khai không có chữ ký (alg: none)",
        "A JWS record that declares itself unsigned (alg: none)",
        &unsigned,
        Expectation::Counterfeit,
    ));

    // Unknown issuer: a convincing record signed by a key no trust list names.
    let mut rogue = products::longan(a, today, "HY2611");
    rogue.slug = "rogue-longan-HY2611".into();
    rogue.producer = &a.rogue;
    rogue.gtin = gtin14(ROGUE_PREFIX, "00001");
    b.publish(&rogue, &[dl(&rogue)], None);
    samples.push(sample(
        &b,
        "unknown-issuer",
        "Người ký không có trong danh sách tin cậy",
        "Signed by an issuer the trust list does not name",
        &rogue,
        Expectation::Counterfeit,
    ));

    // Scope violation: the honey cooperative issuing a passport for a longan-company GTIN.
    let mut out_of_scope = products::longan(a, today, "SV2611");
    out_of_scope.slug = "scope-longan-SV2611".into();
    out_of_scope.producer = &a.honey;
    out_of_scope.gtin = gtin14(LONGAN_PREFIX, "00002");
    out_of_scope.certifications.clear();
    out_of_scope.product["name"] = text("Long nhãn sấy khô", "Dried longan");
    b.publish(&out_of_scope, &[dl(&out_of_scope)], None);
    samples.push(sample(
        &b,
        "scope-violation",
        "Mã GTIN ngoài phạm vi của người ký",
        "A GTIN outside the signer's company prefix",
        &out_of_scope,
        Expectation::Counterfeit,
    ));

    // A producer certifying itself.
    let mut self_certified = products::chicken(a, today, "GDT2611S");
    for cert in &mut self_certified.certifications {
        if cert.scheme == "vietgahp" {
            cert.certifier = &a.chicken;
            cert.slug = "self-vietgahp".into();
        }
    }
    b.publish(&self_certified, &[dl(&self_certified)], None);
    samples.push(sample(
        &b,
        "self-certified",
        "Chứng nhận VietGAHP do chính nhà sản xuất tự ký",
        "A VietGAHP certificate signed by the producer itself",
        &self_certified,
        Expectation::Counterfeit,
    ));

    // Recalled: revoked, with a recall notice in the message list.
    let mut recalled = products::honey(a, today, "MO2609");
    recalled.revoked = true;
    recalled.message = Some(1);
    b.publish(&recalled, &[dl(&recalled)], None);
    samples.push(sample(
        &b,
        "recalled",
        "Lô hàng bị thu hồi",
        "A recalled batch",
        &recalled,
        Expectation::Counterfeit,
    ));

    // A fake label reusing a genuine record's link: the GTIN does not match.
    let chicken_gtin = chicken.gtin.clone();
    let mismatch_path = vec![
        ("01".to_owned(), chicken_gtin.clone()),
        ("10".to_owned(), "GDT2611X".to_owned()),
    ];
    b.link(&mismatch_path, &longan_url);
    let mismatch_code = format!("{}/01/{chicken_gtin}/10/GDT2611X", b.base);
    samples.push(Sample::new(
        "mismatch",
        "Mã trên nhãn không khớp bản ghi",
        "The label's code does not match the record",
        mismatch_code,
        Expectation::Counterfeit,
    ));

    // An expired organic certificate.
    let mut expired = products::honey(a, today, "MO2606");
    for cert in &mut expired.certifications {
        if cert.scheme == "organic" {
            cert.slug = "organic-ORG-VN-2023-0012".into();
            cert.number = "ORG-VN-2023-0012".into();
            cert.valid_days = (-760, -30);
        }
    }
    b.publish(&expired, &[dl(&expired)], None);
    samples.push(sample(
        &b,
        "expired-certification",
        "Chứng nhận hữu cơ đã hết hạn",
        "An expired organic certificate",
        &expired,
        Expectation::Caution,
    ));

    // The genuine longan record, reached through a host the trust list does not name.
    let alternative = alternative_base(&b.base);
    samples.push(Sample::new(
        "unknown-resolver",
        "Mã trỏ tới máy chủ phân giải không có trong danh sách tin cậy",
        "The code points to a resolver host the trust list does not name",
        format!("{alternative}/01/{}/10/{}", longan.gtin, longan.lot),
        Expectation::Caution,
    ));

    samples.push(Sample::new(
        "not-found",
        "Mã hợp lệ nhưng không có bản ghi",
        "A valid code with no record",
        format!("{}/01/{}", b.base, gtin14(LONGAN_PREFIX, "00009")),
        Expectation::NotVerifiable,
    ));
    samples.push(Sample::new(
        "other-system",
        "Đường dẫn của hệ thống truy xuất khác",
        "A link to another traceability system",
        "https://check.net.vn/san-pham/8935001000014".into(),
        Expectation::NotVerifiable,
    ));

    for (name, svg) in media::IMAGES {
        b.registry
            .files
            .insert(media::path(name), svg.as_bytes().to_vec());
    }
    b.write_status_lists();
    b.write_trust_list();
    let root = b.actors.root.did();
    b.registry.put_json(
        "config.json",
        &json!({
            "root": root,
            "trustList": "/trust-list.json",
            "defaultResolver": b.base,
        }),
    );
    b.registry.put_json(
        "samples.json",
        &serde_json::to_value(&samples).unwrap_or_default(),
    );
    b.registry.samples = samples;
    b.registry
}

fn dl(batch: &Batch) -> Vec<(String, String)> {
    let mut path = vec![
        ("01".to_owned(), batch.gtin.clone()),
        ("10".to_owned(), batch.lot.clone()),
    ];
    if let Some(serial) = &batch.serial {
        path.push(("21".into(), serial.clone()));
    }
    path
}

fn product_level(batch: &Batch) -> Vec<(String, String)> {
    vec![("01".to_owned(), batch.gtin.clone())]
}

fn sample(
    b: &Builder,
    id: &str,
    vi: &str,
    en: &str,
    batch: &Batch,
    expected: Expectation,
) -> Sample {
    let path: String = dl(batch)
        .iter()
        .map(|(ai, v)| format!("/{ai}/{v}"))
        .collect();
    Sample::new(id, vi, en, format!("{}{path}", b.base), expected)
}

/// A JWS that declares itself unsigned (`alg: none`, RFC 7519 §6): what a
/// forger might serve in place of a signed passport.
fn unsigned_token(credential: &Value) -> String {
    use base64::Engine;
    let encode = |value: &Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(serde_json::to_vec(value).unwrap_or_default())
    };
    let header = json!({"alg": "none", "typ": "vc+jwt", "cty": "vc"});
    format!("{}.{}.", encode(&header), encode(credential))
}

/// The same server under another name: `localhost` for `127.0.0.1` and back.
fn alternative_base(base: &str) -> String {
    let Ok(url) = WebUrl::parse(base) else {
        return base.to_owned();
    };
    let port = url.authority.strip_prefix(url.host()).unwrap_or_default();
    let other = if url.host() == "127.0.0.1" {
        "localhost"
    } else {
        "127.0.0.1"
    };
    format!("{}://{other}{port}", url.scheme)
}

impl Builder<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    /// Allocates a status entry in `issuer`'s list for `purpose`.
    fn status_entry(&mut self, issuer: &Actor, purpose: &str, set: Option<u8>) -> Value {
        let book = self.books.entry(issuer.slug).or_default();
        // Spread indices out so that neighbouring batches do not share a byte.
        let index = 1_000 + book.next * 37;
        book.next += 1;
        let (list, size) = if purpose == "message" {
            ("message", 2)
        } else {
            ("revocation", 1)
        };
        match (purpose, set) {
            // Message lists are written even when every status is 0.
            ("message", set) => book.messages.push((index, set.unwrap_or(0))),
            (_, Some(value)) if value != 0 => book.revoked.push((index, value)),
            _ => {}
        }
        let list_url = self.url(&format!("status/{}/{list}.json", issuer.slug));
        let mut entry = json!({
            "id": format!("{list_url}#{index}"),
            "type": "BitstringStatusListEntry",
            "statusPurpose": purpose,
            "statusListIndex": index.to_string(),
            "statusListCredential": list_url,
        });
        if size == 2 {
            entry["statusSize"] = json!(2);
            entry["statusMessage"] = json!([
                {"status": "0x0", "message": "Đang lưu hành bình thường — On sale as normal"},
                {"status": "0x1", "message": "Thu hồi lô hàng: phát hiện dư lượng kháng sinh vượt ngưỡng (dữ liệu mẫu). Không sử dụng; liên hệ nơi bán để được hoàn tiền. — Batch recalled: antibiotic residue above the limit (demo data). Do not consume; return it to the shop for a refund."},
                {"status": "0x2", "message": "Cảnh báo: đã phát hiện nhãn giả mạo lô này trên thị trường — Warning: counterfeit labels for this batch have been reported"},
                {"status": "0x3", "message": "Tạm ngừng lưu hành để kiểm tra — Sale suspended pending inspection"}
            ]);
        }
        entry
    }

    /// Issues (once) a conformity credential and returns its claim.
    fn certify(&mut self, spec: &CertSpec, gtin: &str) -> Value {
        if let Some(claim) = self.issued.get(&spec.slug) {
            return claim.clone();
        }
        let path = format!("credentials/certificates/{}.json", sanitize(&spec.slug));
        let url = self.url(&path);
        let status = self.status_entry(spec.certifier, "revocation", Some(0));
        let (from, until) = spec.valid_days;
        let mut subject = json!({
            "type": ["ConformityAttestation"],
            "id": format!("{url}#attestation"),
            "scheme": {"code": spec.scheme, "name": text(spec.scheme_name.0, spec.scheme_name.1)},
            "certificateNumber": spec.number,
            "issuedToParty": {"id": spec.holder.did(), "name": spec.holder.name()},
            "assessedProducts": [{"registeredId": gtin}],
            "assessmentDate": day(self.today, from - 14),
            "conformance": true
        });
        if let Some(stars) = spec.stars {
            subject["rating"] = json!(stars);
        }
        let credential = json!({
            "@context": [VC_CONTEXT, UNTP_DCC_CONTEXT, TRACECHECK_CONTEXT],
            "type": ["VerifiableCredential", "DigitalConformityCredential"],
            "id": url,
            "issuer": {"type": ["CredentialIssuer"], "id": spec.certifier.did(), "name": spec.certifier.name()},
            "validFrom": stamp(at(self.today, from, 8, 0)),
            "validUntil": stamp(at(self.today, until, 23, 59)),
            "credentialStatus": [status],
            "credentialSubject": subject
        });
        let signed = spec
            .certifier
            .key
            .sign(&credential, at(self.today, from, 8, 0));
        let bytes = serde_json::to_vec_pretty(&signed).unwrap_or_default();
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.registry.files.insert(path, bytes);
        let claim = json!({
            "type": ["Claim"],
            "id": format!("{url}#claim"),
            "referenceScheme": {"code": spec.scheme, "name": text(spec.scheme_name.0, spec.scheme_name.1)},
            "conformance": true,
            "conformityEvidence": {
                "linkURL": url,
                "linkType": "https://test.uncefact.org/vocabulary/linkTypes/dcc",
                "hashMethod": "SHA-256",
                "hashDigest": digest
            }
        });
        self.issued.insert(spec.slug.clone(), claim.clone());
        claim
    }

    /// Signs a batch's passport (Data Integrity), stores it, and links it
    /// from `codes`. `tamper` changes the signed passport before it is stored.
    fn publish(
        &mut self,
        batch: &Batch,
        codes: &[Vec<(String, String)>],
        tamper: Option<&dyn Fn(&mut Value)>,
    ) -> String {
        self.publish_as(batch, codes, tamper, Proof::DataIntegrity)
    }

    /// [`Self::publish`] with the passport secured as `proof` says.
    fn publish_as(
        &mut self,
        batch: &Batch,
        codes: &[Vec<(String, String)>],
        tamper: Option<&dyn Fn(&mut Value)>,
        proof: Proof,
    ) -> String {
        let claims: Vec<Value> = batch
            .certifications
            .iter()
            .map(|spec| self.certify(spec, &batch.gtin))
            .collect();
        let path = format!(
            "credentials/passports/{}.{}",
            sanitize(&batch.slug),
            proof.extension()
        );
        let url = self.url(&path);
        let mut status =
            vec![self.status_entry(batch.producer, "revocation", Some(u8::from(batch.revoked)))];
        if let Some(message) = batch.message {
            status.push(self.status_entry(batch.producer, "message", Some(message)));
        }
        let item_path: String = dl(batch)
            .iter()
            .map(|(ai, v)| format!("/{ai}/{v}"))
            .collect();
        let mut product = batch.product.clone();
        product["type"] = json!(["Product"]);
        product["id"] = json!(format!("https://id.gs1.org{item_path}"));
        product["registeredId"] = json!(batch.gtin);
        product["idScheme"] =
            json!({"type": ["IdentifierScheme"], "id": "https://id.gs1.org/01/", "name": "GTIN"});
        product["batchNumber"] = json!(batch.lot);
        product["productImage"] = json!({
            "linkURL": self.url(&media::path(batch.image)),
            "linkName": product["name"].clone(),
            "linkType": "https://gs1.org/voc/productImage",
            "mediaType": "image/svg+xml"
        });
        if let Some(serial) = &batch.serial {
            product["serialNumber"] = json!(serial);
        }
        let facility_address = product["producedAtFacility"]["address"].clone();
        product["producedByParty"] = json!({
            "type": ["Party"],
            "id": batch.producer.did(),
            "name": batch.producer.name(),
            "address": facility_address,
        });
        let issued = at(self.today, -1, 18, 0);
        let credential = json!({
            "@context": [VC_CONTEXT, UNTP_DPP_CONTEXT, TRACECHECK_CONTEXT],
            "type": ["VerifiableCredential", "DigitalProductPassport"],
            "id": url,
            "issuer": {"type": ["CredentialIssuer"], "id": batch.producer.did(), "name": batch.producer.name()},
            "validFrom": stamp(issued),
            "validUntil": stamp(at(self.today, 1095, 23, 59)),
            "credentialStatus": status,
            "credentialSubject": {
                "type": ["ProductPassport"],
                "id": format!("https://id.gs1.org{item_path}"),
                "product": product,
                "conformityClaim": claims,
                "traceabilityEvents": batch.events,
            }
        });
        match proof {
            Proof::DataIntegrity => {
                let mut signed = batch.producer.key.sign(&credential, issued);
                if let Some(tamper) = tamper {
                    tamper(&mut signed);
                }
                self.registry.put_json(&path, &signed);
            }
            Proof::Jose => {
                let token = batch.producer.key.sign_jose(&credential);
                self.registry.files.insert(path, token.into_bytes());
            }
            Proof::UnsignedJose => {
                let token = unsigned_token(&credential);
                self.registry.files.insert(path, token.into_bytes());
            }
        }
        for code in codes {
            self.link_as(code, &url, proof.media_type());
        }
        url
    }

    /// Writes the linkset that answers `code` with `passport_url`.
    fn link(&mut self, code: &[(String, String)], passport_url: &str) {
        self.link_as(code, passport_url, Proof::DataIntegrity.media_type());
    }

    /// [`Self::link`] for a passport of media type `media_type`.
    fn link_as(&mut self, code: &[(String, String)], passport_url: &str, media_type: &str) {
        let key: String = code
            .iter()
            .map(|(ai, v)| format!("/{ai}/{}", sanitize(v)))
            .collect();
        let anchor: String = code.iter().map(|(ai, v)| format!("/{ai}/{v}")).collect();
        let gtin_path = format!(
            "/01/{}",
            code.first().map(|(_, v)| v.as_str()).unwrap_or_default()
        );
        let linkset = json!({"linkset": [{
            "anchor": format!("{}{anchor}", self.base),
            DPP_RELATION: [{
                "href": passport_url,
                "type": media_type,
                "title": "Hộ chiếu sản phẩm số — Digital product passport",
                "hreflang": ["vi", "en"]
            }],
            PIP_RELATION: [{
                "href": format!("{}{gtin_path}", self.base),
                "type": "text/html",
                "title": "Thông tin sản phẩm — Product information",
                "hreflang": ["vi"]
            }]
        }]});
        self.registry
            .put_json(&format!("{LINKSET_DIR}{key}.json"), &linkset);
    }

    fn write_status_lists(&mut self) {
        let actors = [
            &self.actors.longan,
            &self.actors.chicken,
            &self.actors.honey,
            &self.actors.pharma,
            &self.actors.certifier,
            &self.actors.ocop,
            &self.actors.gmp,
            &self.actors.rogue,
        ];
        let issued = at(self.today, -1, 0, 0);
        for actor in actors {
            let Some(book) = self.books.get(actor.slug) else {
                continue;
            };
            let mut lists = vec![("revocation", 1, book.revoked.clone())];
            if !book.messages.is_empty() {
                lists.push(("message", 2, book.messages.clone()));
            }
            for (purpose, size, set) in lists {
                let path = format!("status/{}/{purpose}.json", actor.slug);
                let url = self.url(&path);
                let encoded =
                    tracecheck_core::issue::encode_status_list(&set, size, STATUS_ENTRIES);
                let credential = json!({
                    "@context": [VC_CONTEXT],
                    "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                    "id": url,
                    "issuer": actor.did(),
                    "validFrom": stamp(issued),
                    "validUntil": stamp(at(self.today, 30, 0, 0)),
                    "credentialSubject": {
                        "id": format!("{url}#list"),
                        "type": "BitstringStatusList",
                        "statusPurpose": purpose,
                        "encodedList": encoded
                    }
                });
                let signed = actor.key.sign(&credential, issued);
                self.registry.put_json(&path, &signed);
            }
        }
    }

    fn write_trust_list(&mut self) {
        let a = self.actors;
        let listed_from = stamp(at(self.today, -400, 0, 0));
        let listed_until = stamp(at(self.today, 1500, 0, 0));
        let producer = |actor: &Actor, prefix: &str| {
            json!({"id": actor.did(), "name": actor.name(), "roles": ["producer"],
                   "gs1CompanyPrefixes": [prefix], "validFrom": listed_from, "validUntil": listed_until})
        };
        let certifier = |actor: &Actor, schemes: &[&str]| {
            json!({"id": actor.did(), "name": actor.name(), "roles": ["certifier"],
                   "schemes": schemes, "validFrom": listed_from, "validUntil": listed_until})
        };
        let resolver_host = WebUrl::parse(&self.base)
            .map(|u| u.authority)
            .unwrap_or_default();
        let credential = json!({
            "@context": [VC_CONTEXT, TRACECHECK_CONTEXT],
            "type": ["VerifiableCredential", "TraceTrustList"],
            "id": self.url("trust-list.json"),
            "issuer": {"id": a.root.did(), "name": a.root.name()},
            "validFrom": stamp(at(self.today, -30, 0, 0)),
            "validUntil": stamp(at(self.today, 365, 0, 0)),
            "credentialSubject": {
                "id": "urn:tracecheck:trust-list:hung-yen-demo",
                "name": text(
                    "Danh sách tin cậy truy xuất nguồn gốc tỉnh Hưng Yên (dữ liệu mẫu)",
                    "Hưng Yên traceability trust list (demo)"),
                "issuers": [
                    producer(&a.longan, products::LONGAN_PREFIX),
                    producer(&a.chicken, products::CHICKEN_PREFIX),
                    producer(&a.honey, products::HONEY_PREFIX),
                    producer(&a.pharma, products::PHARMA_PREFIX),
                    certifier(&a.certifier, &["vietgap", "vietgahp", "organic"]),
                    certifier(&a.ocop, &["ocop"]),
                    certifier(&a.gmp, &["gmp"]),
                ],
                "resolvers": [{"host": resolver_host, "name": text("Máy chủ phân giải mẫu", "Demo resolver")}],
                "reportContact": {
                    "name": a.root.name(),
                    "email": "baocao-hanggia@tracecheck.example",
                    "telephone": "+84 221 000 0000",
                    "url": "https://tracecheck.example/bao-cao"
                }
            }
        });
        let signed = a.root.key.sign(&credential, at(self.today, -30, 0, 0));
        self.registry.put_json("trust-list.json", &signed);
    }
}
