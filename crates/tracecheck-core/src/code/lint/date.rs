//! Dates and times in AI values (all fixed-length numeric components, so
//! lengths and digits are checked before these run).

use super::super::ValueProblem;

fn two(value: &str, at: usize) -> Option<u32> {
    value.get(at..at + 2)?.parse().ok()
}

fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

fn check_date(year: u32, month: u32, day: u32, day_zero_ok: bool) -> Result<(), ValueProblem> {
    let last = days_in_month(year, month).ok_or(ValueProblem::BadMonth)?;
    if (day == 0 && !day_zero_ok) || day > last {
        return Err(ValueProblem::BadDay);
    }
    Ok(())
}

/// `YYMMDD`; with `day_zero_ok`, DD `00` means "the month as a whole". A
/// two-digit year divisible by 4 is taken as a leap year: GS1 places YY
/// within 49 years back and 50 ahead, which puts 00 in 2000.
pub(super) fn yymmdd(value: &str, day_zero_ok: bool) -> Result<(), ValueProblem> {
    let (Some(yy), Some(mm), Some(dd)) = (two(value, 0), two(value, 2), two(value, 4)) else {
        return Err(ValueProblem::BadMonth);
    };
    check_date(2000 + yy, mm, dd, day_zero_ok)
}

/// `YYYYMMDD`.
pub(super) fn yyyymmdd(value: &str) -> Result<(), ValueProblem> {
    let year = value.get(..4).and_then(|s| s.parse().ok());
    let (Some(year), Some(mm), Some(dd)) = (year, two(value, 4), two(value, 6)) else {
        return Err(ValueProblem::BadMonth);
    };
    check_date(year, mm, dd, false)
}

pub(super) fn hour(value: &str) -> Result<(), ValueProblem> {
    match two(value, 0) {
        Some(h) if h < 24 => Ok(()),
        _ => Err(ValueProblem::BadHour),
    }
}

pub(super) fn minute(value: &str) -> Result<(), ValueProblem> {
    match two(value, 0) {
        Some(m) if m < 60 => Ok(()),
        _ => Err(ValueProblem::BadMinute),
    }
}

pub(super) fn second(value: &str) -> Result<(), ValueProblem> {
    match two(value, 0) {
        Some(s) if s < 60 => Ok(()),
        _ => Err(ValueProblem::BadSecond),
    }
}

/// `HHMI`.
pub(super) fn hhmi(value: &str) -> Result<(), ValueProblem> {
    hour(value)?;
    minute(value.get(2..).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(yymmdd("240229", false).is_ok());
        assert_eq!(yymmdd("230229", false), Err(ValueProblem::BadDay));
        assert!(yymmdd("001200", true).is_ok());
        assert_eq!(yymmdd("001200", false), Err(ValueProblem::BadDay));
        assert_eq!(yymmdd("201300", true), Err(ValueProblem::BadMonth));
        assert!(yyyymmdd("20000229").is_ok());
        assert_eq!(yyyymmdd("19000229"), Err(ValueProblem::BadDay));
        assert!(hhmi("2359").is_ok());
        assert_eq!(hhmi("2400"), Err(ValueProblem::BadHour));
        assert_eq!(hhmi("2360"), Err(ValueProblem::BadMinute));
    }
}
