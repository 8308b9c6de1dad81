//! W3C Bitstring Status List v1.0: is a credential revoked, suspended, or
//! carrying a message (a recall notice)?

mod bitstring;
mod gzip;

pub use bitstring::{Bitstring, MIN_ENTRIES, StatusError, decode_encoded_list, read_status_list};
