//! The widget's pages.

pub mod embed;
pub mod scan;
pub mod verify;
