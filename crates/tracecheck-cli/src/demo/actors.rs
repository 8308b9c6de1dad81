//! The demo's issuers: the trust-list root, four producers, three
//! certifiers, and one rogue key that no trust list names.

use sha2::{Digest, Sha256};
use tracecheck_core::issue::IssuerKey;

/// A demo issuer: its key and how it presents itself.
pub struct Actor {
    /// Short name used in file paths.
    pub slug: &'static str,
    /// Vietnamese name.
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Its signing key.
    pub key: IssuerKey,
}

impl Actor {
    fn new(slug: &'static str, name_vi: &'static str, name_en: &'static str) -> Self {
        // Demo keys come from public seeds: reproducible, and worthless outside the demo.
        let seed: [u8; 32] = Sha256::digest(format!("tracecheck demo key: {slug}")).into();
        Actor {
            slug,
            name_vi,
            name_en,
            key: IssuerKey::from_seed(seed),
        }
    }

    /// The issuer's DID.
    pub fn did(&self) -> String {
        self.key.did()
    }

    /// `name` as language-tagged values.
    pub fn name(&self) -> serde_json::Value {
        crate::demo::build::text(self.name_vi, self.name_en)
    }
}

/// All demo issuers.
pub struct Actors {
    /// Signs the trust list (the province's traceability office).
    pub root: Actor,
    /// Longan cooperative (prefix 8935001).
    pub longan: Actor,
    /// Đông Tảo chicken farm (prefix 8935002).
    pub chicken: Actor,
    /// Honey cooperative (prefix 8935003).
    pub honey: Actor,
    /// Traditional-medicine maker (prefix 8935004).
    pub pharma: Actor,
    /// Certifies VietGAP/VietGAHP and organic.
    pub certifier: Actor,
    /// The provincial OCOP council.
    pub ocop: Actor,
    /// Certifies GMP for medicines.
    pub gmp: Actor,
    /// A key no trust list names.
    pub rogue: Actor,
}

impl Actors {
    /// The fixed demo issuers.
    pub fn demo() -> Self {
        Actors {
            root: Actor::new(
                "root",
                "Văn phòng Truy xuất nguồn gốc tỉnh Hưng Yên (dữ liệu mẫu)",
                "Hưng Yên Provincial Traceability Office (demo)",
            ),
            longan: Actor::new(
                "longan-coop",
                "Hợp tác xã Nhãn lồng Phố Hiến (dữ liệu mẫu)",
                "Phố Hiến Longan Cooperative (demo)",
            ),
            chicken: Actor::new(
                "dong-tao-farm",
                "Trang trại Gà Đông Tảo Khoái Châu (dữ liệu mẫu)",
                "Khoái Châu Đông Tảo Chicken Farm (demo)",
            ),
            honey: Actor::new(
                "honey-coop",
                "Hợp tác xã Ong mật Tiên Lữ (dữ liệu mẫu)",
                "Tiên Lữ Beekeeping Cooperative (demo)",
            ),
            pharma: Actor::new(
                "pho-hien-pharma",
                "Công ty CP Dược liệu Phố Hiến (dữ liệu mẫu)",
                "Phố Hiến Herbal Pharmaceuticals JSC (demo)",
            ),
            certifier: Actor::new(
                "conformity-centre",
                "Trung tâm Chứng nhận Phù hợp (dữ liệu mẫu)",
                "Conformity Certification Centre (demo)",
            ),
            ocop: Actor::new(
                "ocop-council",
                "Hội đồng đánh giá OCOP tỉnh Hưng Yên (dữ liệu mẫu)",
                "Hưng Yên Provincial OCOP Council (demo)",
            ),
            gmp: Actor::new(
                "gmp-inspectorate",
                "Đoàn đánh giá GMP (dữ liệu mẫu)",
                "GMP Inspection Body (demo)",
            ),
            rogue: Actor::new(
                "rogue",
                "Hợp tác xã Nhãn lồng Hưng Yên Xanh",
                "Green Hưng Yên Longan Cooperative",
            ),
        }
    }
}
