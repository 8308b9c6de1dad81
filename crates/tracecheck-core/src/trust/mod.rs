//! Who may say what: the trust list, signed by a root key the deployment
//! pins, naming producers (with their GS1 company prefixes), certifiers
//! (with their schemes) and resolver hosts.

mod demo;
mod list;

pub use demo::{DEMO_ROOT, is_demo_root};
pub use list::{
    ListStatus, ReportContact, Role, TrustList, TrustListError, TrustProblem, TrustedIssuer,
    TrustedResolver, load_trust_list, read_trust_list,
};
