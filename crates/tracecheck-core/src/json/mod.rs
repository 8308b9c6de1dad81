//! JSON as a verifier must read it: strict, bounded parsing and the RFC 8785
//! canonical form that signatures are computed over.

mod canonical;
mod numbers;
mod strict;

pub use canonical::canonicalize;
pub use strict::{JsonError, Limits, parse};
