//! The widget's pages.

pub mod scan;
pub mod verify;
