//! The tracecheck command line, as a library so that tests can drive it:
//! the demo registry, the local resolver and an HTTP fetcher for the core.

pub mod demo;
pub mod fetch;
pub mod messages;
pub mod nginx;
pub mod publish;
pub mod qr;
pub mod registry;
pub mod serve;
pub mod verifier;
