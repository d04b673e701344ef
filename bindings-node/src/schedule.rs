//! Installments and subscription schedules. Dates are `YYYY-MM-DD` strings both ways.

use a55_core::schedule::{self, Cycle, Date, format_date, parse_date};
use napi_derive::napi;

use crate::error::{JsError, to_js};
use napi::Either;

use crate::money::amount_arg;

fn date(text: &str, field: &str) -> Result<Date, JsError> {
    parse_date(text, field).map_err(to_js)
}

fn opt_date(text: Option<&str>, field: &str) -> Result<Option<Date>, JsError> {
    text.map(|t| date(t, field)).transpose()
}

fn texts(dates: Vec<Date>) -> Vec<String> {
    dates.into_iter().map(format_date).collect()
}

/// Splits a total the payer pays into `count` (1–12) parts: each is the total divided by the count,
/// rounded down to the currency's unit; the remainder goes to the first part
/// (BRL `"100.00"` / 3 → `["33.34", "33.33", "33.33"]`).
#[napi(catch_unwind)]
pub fn split_installments(
    total: Either<String, f64>,
    count: f64,
    currency: String,
) -> Result<Vec<String>, JsError> {
    schedule::split_installments(amount_arg(&total), crate::saturating_u32(count), &currency)
        .map(|parts| parts.into_iter().map(|p| p.to_string()).collect())
        .map_err(to_js)
}

/// The due dates of `count` (1–12) monthly installments, the first on `firstDueDate`, each counted
/// from it and clamped to the month's last day.
#[napi(catch_unwind)]
pub fn installment_due_dates(first_due_date: String, count: f64) -> Result<Vec<String>, JsError> {
    let first = date(&first_due_date, "first_due_date")?;
    schedule::installment_due_dates(first, crate::saturating_u32(count))
        .map(texts)
        .map_err(to_js)
}

/// The date after `dueDate` by one cycle (weekly, biweekly, monthly, quarterly, semiannually,
/// yearly), or `null` when it would fall after `endDate`.
#[napi(catch_unwind)]
pub fn next_charge_date(
    due_date: String,
    cycle: String,
    end_date: Option<String>,
) -> Result<Option<String>, JsError> {
    let due = date(&due_date, "due_date")?;
    let cycle = Cycle::parse(&cycle).map_err(to_js)?;
    let end = opt_date(end_date.as_deref(), "end_date")?;
    schedule::next_charge_date(due, cycle, end)
        .map(|d| d.map(format_date))
        .map_err(to_js)
}

/// The next `count` (1–1000) charge dates after `dueDate` (not including it), stopping at
/// `endDate`.
#[napi(catch_unwind)]
pub fn subscription_schedule(
    due_date: String,
    cycle: String,
    count: f64,
    end_date: Option<String>,
) -> Result<Vec<String>, JsError> {
    let due = date(&due_date, "due_date")?;
    let cycle = Cycle::parse(&cycle).map_err(to_js)?;
    let end = opt_date(end_date.as_deref(), "end_date")?;
    schedule::subscription_schedule(due, cycle, crate::saturating_u32(count), end)
        .map(texts)
        .map_err(to_js)
}
