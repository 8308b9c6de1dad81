//! tracecheck-core: everything needed to decide whether a product's trace
//! record can be trusted, as pure functions over plain data.
//!
//! The flow mirrors what a shopper does: [`code`] reads what was scanned,
//! [`resolve`] turns it into a record location, [`proof`], [`keys`],
//! [`trust`] and [`status`] check the record, and [`verdict`] weighs the
//! checks. Nothing here touches a browser or the network: fetching is the
//! caller's, through the [`resolve::Fetch`] trait.

#![deny(clippy::unwrap_used)]

pub mod code;
pub mod credential;
pub mod issue;
pub mod json;
pub mod keys;
pub mod proof;
pub mod resolve;
pub mod scan;
pub mod status;
pub mod time;
pub mod trust;
pub mod verdict;
