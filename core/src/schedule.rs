//! Installments and subscription schedules.
//!
//! - `split_installments`: each part is the total divided by the count, rounded down to the
//!   currency's unit; the remainder goes to the **first** part (BRL 100.00 / 3 → 33.34, 33.33, 33.33).
//! - Month arithmetic is always counted from the original date and clamped to the month's last day:
//!   2026-12-31 → 2027-01-31 → 2027-02-28 → 2027-03-31 (never 2027-03-28).
//! - Cycles: weekly +7 days, biweekly +14 days, monthly +1, quarterly +3, semiannually +6 and yearly
//!   +12 months.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::codes::IssueCode;
use crate::error::{RuleError, quote};
use crate::money::{AmountArg, Currency, normalize_in};

/// A calendar date (no time, no zone).
pub type Date = NaiveDate;

/// The most installments a card charge can have.
pub const MAX_INSTALLMENTS: u32 = 12;
/// The most dates `subscription_schedule` returns.
pub const MAX_SCHEDULE_COUNT: u32 = 1000;

/// Reads a date written exactly `YYYY-MM-DD` that exists in the calendar.
pub fn parse_date(text: &str, field: &str) -> Result<Date, RuleError> {
    let bad = || {
        RuleError::new(
            IssueCode::InvalidDate,
            field,
            format!(
                "{field} {} is not a calendar date written YYYY-MM-DD",
                quote(text)
            ),
        )
    };
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, RuleError> {
        let part = &b[r];
        if !part.iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        Ok(part.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let year = i32::try_from(y).map_err(|_| bad())?;
    if year == 0 {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad)
}

/// Writes a date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    match date.year() {
        // Written by hand: chrono's `format` reads its pattern again on every call.
        year @ 0..=9999 => format!("{year:04}-{:02}-{:02}", date.month(), date.day()),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// `date` plus `months` months, counted from `date`'s day and clamped to the month's last day.
/// `None` past year 9999.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let total = i64::from(date.year()) * 12 + i64::from(date.month0()) + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month0 = u32::try_from(total.rem_euclid(12)).ok()?;
    if year > 9999 {
        return None;
    }
    let mut day = date.day();
    loop {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) {
            return Some(d);
        }
        day = day.checked_sub(1)?;
    }
}

/// A subscription's billing cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cycle {
    /// Every 7 days.
    Weekly,
    /// Every 14 days.
    Biweekly,
    /// The same day every month.
    Monthly,
    /// Every 3 months.
    Quarterly,
    /// Every 6 months.
    Semiannually,
    /// Every 12 months.
    Yearly,
}

impl Cycle {
    /// All six, in the order A55 lists them.
    pub const ALL: [Cycle; 6] = [
        Cycle::Weekly,
        Cycle::Biweekly,
        Cycle::Monthly,
        Cycle::Quarterly,
        Cycle::Semiannually,
        Cycle::Yearly,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Cycle::Weekly => "weekly",
            Cycle::Biweekly => "biweekly",
            Cycle::Monthly => "monthly",
            Cycle::Quarterly => "quarterly",
            Cycle::Semiannually => "semiannually",
            Cycle::Yearly => "yearly",
        }
    }

    /// Reads a wire name exactly (lower-case). Anything else is `INVALID_SUBSCRIPTION_CYCLE` with
    /// A55's own message.
    pub fn parse(text: &str) -> Result<Cycle, RuleError> {
        Cycle::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| {
                RuleError::new(
                    IssueCode::InvalidSubscriptionCycle,
                    "cycle",
                    format!(
                        "Cycle {} is not supported. Use: weekly, biweekly, monthly, quarterly, semiannually, yearly",
                        quote(text)
                    ),
                )
            })
    }

    /// The date `k` cycles after `start`, counted from `start` (no drift). `None` past year 9999.
    pub fn nth_after(self, start: Date, k: u32) -> Option<Date> {
        match self {
            Cycle::Weekly => start.checked_add_days(Days::new(7 * u64::from(k))),
            Cycle::Biweekly => start.checked_add_days(Days::new(14 * u64::from(k))),
            Cycle::Monthly => add_months(start, k),
            Cycle::Quarterly => add_months(start, k.checked_mul(3)?),
            Cycle::Semiannually => add_months(start, k.checked_mul(6)?),
            Cycle::Yearly => add_months(start, k.checked_mul(12)?),
        }
        .filter(|d| d.year() <= 9999)
    }
}

impl fmt::Display for Cycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Cycle {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Cycle::parse(s)
    }
}

fn count_error(field: &str, max: u32) -> RuleError {
    RuleError::new(
        IssueCode::InvalidInstallmentCount,
        field,
        format!("{field} must be between 1 and {max}"),
    )
}

fn beyond_calendar(field: &str) -> RuleError {
    RuleError::new(
        IssueCode::InvalidDate,
        field,
        format!("{field}: the schedule runs past the year 9999"),
    )
}

/// Splits a total the payer pays in `count` parts (`split_installments` in every language).
pub fn split_installments<'a>(
    total: impl Into<AmountArg<'a>>,
    count: u32,
    currency: &str,
) -> Result<Vec<Decimal>, RuleError> {
    let currency = Currency::from_code(currency)?;
    let total = normalize_in(total.into(), currency, "total")?.amount;
    if !(1..=MAX_INSTALLMENTS).contains(&count) {
        return Err(count_error("count", MAX_INSTALLMENTS));
    }
    let scale = currency.exponent();
    let minor = total.mantissa();
    let n = i128::from(count);
    let base = minor / n;
    let first = base + minor % n;
    if base < 1 {
        return Err(RuleError::new(
            IssueCode::AmountInvalid,
            "total",
            format!(
                "total {total} {currency} cannot be split into {count} parts of at least {}",
                currency.unit()
            ),
        ));
    }
    let to_amount = |m: i128| Decimal::from_i128_with_scale(m, scale);
    let mut parts = Vec::with_capacity(count as usize);
    parts.push(to_amount(first));
    parts.extend((1..count).map(|_| to_amount(base)));
    Ok(parts)
}

/// The due dates of `count` monthly installments, the first on `first_due_date`.
pub fn installment_due_dates(first_due_date: Date, count: u32) -> Result<Vec<Date>, RuleError> {
    if !(1..=MAX_INSTALLMENTS).contains(&count) {
        return Err(count_error("count", MAX_INSTALLMENTS));
    }
    (0..count)
        .map(|k| add_months(first_due_date, k).ok_or_else(|| beyond_calendar("first_due_date")))
        .collect()
}

fn check_end(due_date: Date, end_date: Option<Date>) -> Result<(), RuleError> {
    match end_date {
        Some(end) if end < due_date => Err(RuleError::new(
            IssueCode::InvalidSubscription,
            "end_date",
            "end_date must not be before due_date",
        )),
        _ => Ok(()),
    }
}

/// The date of the charge after the one due on `due_date`, or `None` when it would fall after
/// `end_date`.
pub fn next_charge_date(
    due_date: Date,
    cycle: Cycle,
    end_date: Option<Date>,
) -> Result<Option<Date>, RuleError> {
    check_end(due_date, end_date)?;
    let next = cycle
        .nth_after(due_date, 1)
        .ok_or_else(|| beyond_calendar("due_date"))?;
    Ok(match end_date {
        Some(end) if next > end => None,
        _ => Some(next),
    })
}

/// The next `count` charge dates after `due_date` (not including it), stopping at `end_date`.
pub fn subscription_schedule(
    due_date: Date,
    cycle: Cycle,
    count: u32,
    end_date: Option<Date>,
) -> Result<Vec<Date>, RuleError> {
    check_end(due_date, end_date)?;
    if !(1..=MAX_SCHEDULE_COUNT).contains(&count) {
        return Err(RuleError::new(
            IssueCode::InvalidSubscription,
            "count",
            format!("count must be between 1 and {MAX_SCHEDULE_COUNT}"),
        ));
    }
    let mut dates = Vec::new();
    for k in 1..=count {
        let Some(date) = cycle.nth_after(due_date, k) else {
            if end_date.is_some() {
                break;
            }
            return Err(beyond_calendar("due_date"));
        };
        if end_date.is_some_and(|end| date > end) {
            break;
        }
        dates.push(date);
    }
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (1, 1, 1),
            (999, 12, 31),
            (2026, 2, 28),
            (2028, 2, 29),
            (9999, 12, 31),
            (10000, 1, 1),
            (0, 6, 15),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(
                format_date(date),
                date.format("%Y-%m-%d").to_string(),
                "{y}-{m}-{d}"
            );
        }
        let mut date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for _ in 0..800 {
            assert_eq!(format_date(date), date.format("%Y-%m-%d").to_string());
            date = date.succ_opt().unwrap();
        }
    }

    fn d(s: &str) -> Date {
        parse_date(s, "d").unwrap()
    }

    #[test]
    fn contract_examples() {
        let parts = split_installments("100.00", 3, "BRL").unwrap();
        assert_eq!(
            parts.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["33.34", "33.33", "33.33"]
        );
        let parts = split_installments("50000", 3, "CLP").unwrap();
        assert_eq!(
            parts.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["16668", "16666", "16666"]
        );
        assert_eq!(
            installment_due_dates(d("2026-12-31"), 4).unwrap(),
            [
                d("2026-12-31"),
                d("2027-01-31"),
                d("2027-02-28"),
                d("2027-03-31")
            ]
        );
        assert_eq!(
            next_charge_date(d("2028-02-29"), Cycle::Yearly, None).unwrap(),
            Some(d("2029-02-28"))
        );
        assert!(parse_date("2026-02-30", "d").is_err());
        assert!(parse_date("+026-02-10", "d").is_err());
    }
}
