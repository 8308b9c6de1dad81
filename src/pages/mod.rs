//! The widget's pages.

pub mod embed;
pub mod kiosk;
pub mod scan;
pub mod set;
pub mod verify;
