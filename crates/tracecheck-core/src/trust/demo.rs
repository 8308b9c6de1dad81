//! The demo's trust root. Its key comes from a public seed (SHA-256 of
//! `tracecheck demo key: root`, see the CLI's `demo/actors.rs`), so anyone
//! can sign as it: a deployment that pins it serves demo data, and the
//! view says so on every page.

/// The demo root's DID.
pub const DEMO_ROOT: &str = "did:key:z6MkuLzc7zuanZAeK3cVFzSPXcHk78xSAXVqyy5X7L4vm9sP";

/// Whether `did` (or a DID URL of it) is the demo root.
pub fn is_demo_root(did: &str) -> bool {
    did.split('#').next() == Some(DEMO_ROOT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssuerKey;
    use sha2::{Digest, Sha256};

    #[test]
    fn the_demo_root_is_the_key_of_its_public_seed() {
        let seed: [u8; 32] = Sha256::digest("tracecheck demo key: root").into();
        let derived = IssuerKey::from_seed(seed).did();
        assert_eq!(derived, DEMO_ROOT);
        assert!(is_demo_root(&format!("{derived}#key")));
        assert!(!is_demo_root(&IssuerKey::from_seed([7; 32]).did()));
    }
}
