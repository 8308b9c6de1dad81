//! Hooks that own a browser-side effect.

pub mod use_camera;
pub mod use_scanner;
pub mod use_verification;
