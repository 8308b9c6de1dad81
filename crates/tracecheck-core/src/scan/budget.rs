//! A cap on the work one scan may do. The core has no clock in WebAssembly,
//! so work is counted in units, each about a nanosecond of native work on
//! the reference machine (the charges are set from measured times:
//! docs/scanning.md, "Time cap"), and a caller with a clock may add a
//! deadline it checks itself.

/// Work units [`super::scan`] allows a still image: the slowest picture of
/// the shared corpus took 296 ms natively with it (worker profile, CPU
/// time), and every read of the 1,200 M budget before it was kept
/// (docs/scanning.md, "Time cap").
pub const STILL_UNITS: u64 = 300_000_000;

/// Work units [`super::FrameScanner`] allows one camera frame (8 ms in
/// WebAssembly at 640×480, docs/scanning.md): at that size the first
/// attempt takes most of it, so a frame runs one attempt; smaller frames
/// run more.
pub const FRAME_UNITS: u64 = 4_000_000;

/// What is left of the work a scan may do.
pub struct Budget<'a> {
    left: u64,
    expired: Option<&'a mut dyn FnMut() -> bool>,
    spent_out: bool,
}

impl std::fmt::Debug for Budget<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Budget")
            .field("left", &self.left)
            .field("spent_out", &self.spent_out)
            .finish()
    }
}

impl<'a> Budget<'a> {
    /// `units` of work, no clock.
    pub fn units(units: u64) -> Budget<'a> {
        Budget {
            left: units,
            expired: None,
            spent_out: false,
        }
    }

    /// `units` of work, and `expired` asked at every check: once it says
    /// true the budget is spent whatever units remain.
    pub fn with_clock(units: u64, expired: &'a mut dyn FnMut() -> bool) -> Budget<'a> {
        Budget {
            left: units,
            expired: Some(expired),
            spent_out: false,
        }
    }

    /// Takes `units` of work; false once the budget is spent (and from then
    /// on), so loops can stop early.
    pub fn spend(&mut self, units: u64) -> bool {
        if self.spent_out {
            return false;
        }
        match self.left.checked_sub(units) {
            Some(left) => self.left = left,
            None => {
                self.left = 0;
                self.spent_out = true;
            }
        }
        if let Some(expired) = self.expired.as_mut()
            && expired()
        {
            self.spent_out = true;
        }
        !self.spent_out
    }

    /// Whether `units` more would still fit (nothing is taken).
    pub fn affords(&self, units: u64) -> bool {
        !self.spent_out && self.left >= units
    }

    /// Units left.
    pub fn left(&self) -> u64 {
        if self.spent_out { 0 } else { self.left }
    }

    /// True once the budget is spent.
    pub fn is_spent(&self) -> bool {
        self.spent_out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_stops_at_zero_and_stays_stopped() {
        let mut budget = Budget::units(10);
        assert!(budget.spend(4));
        assert!(budget.affords(6));
        assert!(!budget.affords(7));
        assert!(!budget.spend(7));
        assert!(budget.is_spent());
        assert!(!budget.spend(0));
        assert_eq!(budget.left(), 0);
    }

    #[test]
    fn a_clock_ends_the_budget() {
        let mut calls = 0;
        let mut clock = || {
            calls += 1;
            calls > 2
        };
        let mut budget = Budget::with_clock(1000, &mut clock);
        assert!(budget.spend(1));
        assert!(budget.spend(1));
        assert!(!budget.spend(1));
    }
}
