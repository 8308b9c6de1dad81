//! The widget's pages.

pub mod embed;
pub mod kiosk;
pub mod scan;
pub mod verify;
