//! Hooks that own a browser-side effect.

pub mod use_verification;
