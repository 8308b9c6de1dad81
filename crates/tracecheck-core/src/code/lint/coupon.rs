//! North American coupon codes: AI 8110 (the GS1 US coupon code, "North
//! American Coupon Application Guideline Using GS1 DataBar Expanded
//! Symbols") and AI 8112 (positive offer file coupons). Each part is a
//! variable-length indicator (VLI) digit followed by the number it sizes.

use super::super::{CouponField as F, CouponIssue as I, ValueProblem};

fn problem(field: F, issue: I) -> ValueProblem {
    ValueProblem::Coupon { field, issue }
}

/// Reads the coupon's digits left to right.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.rest.bytes().next().map(|b| b - b'0')
    }

    /// One digit, which must be in `allowed`.
    fn digit(&mut self, field: F, allowed: impl Fn(u8) -> bool) -> Result<u8, ValueProblem> {
        let d = self.peek().ok_or(problem(field, I::Missing))?;
        if !allowed(d) {
            return Err(problem(field, I::Invalid));
        }
        self.rest = &self.rest[1..];
        Ok(d)
    }

    /// `n` digits.
    fn take(&mut self, n: usize, field: F) -> Result<&'a str, ValueProblem> {
        if self.rest.len() < n {
            return Err(problem(field, I::Truncated));
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    /// Consumes an optional-field indicator if it comes next.
    fn field(&mut self, indicator: u8) -> bool {
        if self.peek() == Some(indicator) {
            self.rest = &self.rest[1..];
            true
        } else {
            false
        }
    }

    /// A length indicator in `allowed`, then `offset + VLI` digits.
    fn sized(
        &mut self,
        length: F,
        value: F,
        allowed: impl Fn(u8) -> bool,
        offset: usize,
    ) -> Result<&'a str, ValueProblem> {
        let vli = self.digit(length, allowed)?;
        self.take(offset + usize::from(vli), value)
    }

    fn company_prefix(
        &mut self,
        length: F,
        value: F,
        nine_means_none: bool,
    ) -> Result<(), ValueProblem> {
        let vli = self.digit(length, |d| d <= 6 || (nine_means_none && d == 9))?;
        if vli == 9 {
            return Ok(());
        }
        let gcp = self.take(6 + usize::from(vli), value)?;
        super::checksum::company_prefix(gcp)
    }

    /// Requirement VLI and value, requirement code and family code.
    fn purchase(&mut self, purchase: u8) -> Result<(), ValueProblem> {
        self.sized(
            F::RequirementLength { purchase },
            F::Requirement { purchase },
            |d| (1..=5).contains(&d),
            0,
        )?;
        self.digit(F::RequirementCode { purchase }, |d| d <= 4 || d == 9)?;
        self.take(3, F::FamilyCode { purchase })?;
        Ok(())
    }

    fn date(&mut self, field: F) -> Result<&'a str, ValueProblem> {
        let date = self.take(6, field)?;
        super::date::yymmdd(date, false).map_err(|_| problem(field, I::Invalid))?;
        Ok(date)
    }

    fn finish(self) -> Result<(), ValueProblem> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(ValueProblem::CouponExcessData)
        }
    }
}

fn all_digits(value: &str) -> Result<Cursor<'_>, ValueProblem> {
    match value.chars().find(|c| !c.is_ascii_digit()) {
        Some(character) => Err(ValueProblem::NonDigit { character }),
        None => Ok(Cursor { rest: value }),
    }
}

/// AI 8110.
pub(super) fn coupon_code(value: &str) -> Result<(), ValueProblem> {
    let mut c = all_digits(value)?;
    c.company_prefix(F::CompanyPrefixLength, F::CompanyPrefix, false)?;
    c.take(6, F::OfferCode)?;
    c.sized(
        F::SaveValueLength,
        F::SaveValue,
        |d| (1..=5).contains(&d),
        0,
    )?;
    c.purchase(1)?;
    if c.field(1) {
        c.digit(F::AdditionalRules, |d| d <= 3)?;
        c.purchase(2)?;
        c.company_prefix(
            F::PurchaseCompanyPrefixLength { purchase: 2 },
            F::PurchaseCompanyPrefix { purchase: 2 },
            true,
        )?;
    }
    if c.field(2) {
        c.purchase(3)?;
        c.company_prefix(
            F::PurchaseCompanyPrefixLength { purchase: 3 },
            F::PurchaseCompanyPrefix { purchase: 3 },
            true,
        )?;
    }
    let expiry = if c.field(3) {
        Some(c.date(F::ExpirationDate)?)
    } else {
        None
    };
    if c.field(4) {
        let start = c.date(F::StartDate)?;
        if expiry.is_some_and(|expiry| expiry < start) {
            return Err(ValueProblem::CouponExpiresBeforeStart);
        }
    }
    if c.field(5) {
        c.sized(F::SerialLength, F::Serial, |_| true, 6)?;
    }
    if c.field(6) {
        c.sized(F::RetailerLength, F::Retailer, |d| (1..=7).contains(&d), 6)?;
    }
    if c.field(9) {
        c.digit(F::SaveValueCode, |d| matches!(d, 0 | 1 | 2 | 5 | 6))?;
        c.digit(F::SaveValueAppliesTo, |d| d <= 2)?;
        c.digit(F::StoreCouponFlag, |_| true)?;
        c.digit(F::DontMultiplyFlag, |d| d <= 1)?;
    }
    c.finish()
}

/// AI 8112.
pub(super) fn positive_offer(value: &str) -> Result<(), ValueProblem> {
    let mut c = all_digits(value)?;
    c.digit(F::FormatCode, |d| d <= 1)?;
    let funder = c.sized(F::FunderLength, F::Funder, |d| d <= 6, 6)?;
    super::checksum::company_prefix(funder)?;
    c.take(6, F::OfferCode)?;
    c.sized(F::SerialLength, F::Serial, |_| true, 6)?;
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_and_a_full_coupon() {
        assert!(coupon_code("012345612345611110123").is_ok());
        // 2nd purchase, 3rd purchase, expiry, start, serial, retailer, misc.
        let full = "0123456123456111101231\
                    0 1 1 0 123 9\
                    2 1 1 0 123 0 123456\
                    3 261231 4 260101\
                    5 0 123456\
                    6 1 1234567\
                    9 0 0 0 1"
            .replace(' ', "");
        assert_eq!(coupon_code(&full), Ok(()));
        assert!(positive_offer("001234561234560123456").is_ok());
        assert_eq!(
            positive_offer("0012345612345601234567"),
            Err(ValueProblem::CouponExcessData)
        );
    }
}
