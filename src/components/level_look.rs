//! How a verdict level looks: its class (the level's own name, the one
//! vocabulary the core, the badge, the kiosk and the CLI share) and its
//! icon, so colour is never the only signal.

use tracecheck_core::verdict::Level;

/// `(class, icon)` for `level`.
pub fn look(level: Level) -> (&'static str, &'static str) {
    let icon = match level {
        Level::Verified | Level::ProductVerified => "✓",
        Level::Caution => "!",
        Level::Recalled => "⚠",
        Level::Counterfeit => "✕",
        Level::NotVerifiable => "?",
    };
    (level.code(), icon)
}
