//! Hooks that own a browser-side effect.

pub mod use_scanner;
pub mod use_verification;
