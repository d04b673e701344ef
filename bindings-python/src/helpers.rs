//! The public helpers (docs/rules.md), each a thin call into `a55_core`.
//!
//! Every function converts its arguments (`convert`), calls core inside [`guard`] (a panic becomes an
//! `A55Error`), and converts the result back. `validate` and `verify_webhook` release the GIL while
//! core works.

use a55_core::codes::IssueCode;
use a55_core::schedule::{self, Cycle};
use a55_core::validate::RequestKind;
use a55_core::{card, money, pix, tax_id, validate as core_validate, webhook};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString, PyTuple};

use crate::convert::{self, py_date, py_decimal};
use crate::error::{BindingError, BindingResult, guard};
use crate::models::{BrCode, Issue, WebhookEvent};

/// Normalizes an amount for a currency: BRL, MXN, USD, PEN, ARS and EUR keep 2 decimals rounding
/// half away from zero; CLP and COP keep 0, truncated. Returns a `Decimal` at the currency's scale
/// (`Decimal("10.01")`). Raises `ValidationError` (`AMOUNT_INVALID`, `CURRENCY_NOT_SUPPORTED`).
#[pyfunction]
pub fn normalize_amount<'py>(
    amount: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
) -> BindingResult<Bound<'py, PyAny>> {
    let py = amount.py();
    let a = convert::amount(amount, "amount")?;
    let c = convert::text(currency, "currency")?;
    let n = guard(|| money::normalize_amount(a.arg(), &c))??;
    Ok(py_decimal(py, n.amount)?)
}

/// The number of decimals a currency keeps (2, or 0 for CLP and COP).
#[pyfunction]
pub fn currency_exponent(currency: &Bound<'_, PyAny>) -> BindingResult<u32> {
    let c = convert::text(currency, "currency")?;
    Ok(guard(|| money::currency_exponent(&c))??)
}

/// The amount in minor units after normalization (BRL 10.005 → 1001).
#[pyfunction]
pub fn to_minor_units(
    amount: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
) -> BindingResult<i64> {
    let a = convert::amount(amount, "amount")?;
    let c = convert::text(currency, "currency")?;
    Ok(guard(|| money::to_minor_units(a.arg(), &c))??)
}

/// The amount of a number of minor units (BRL 1001 → `Decimal("10.01")`).
#[pyfunction]
pub fn from_minor_units<'py>(
    minor: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
) -> BindingResult<Bound<'py, PyAny>> {
    let py = minor.py();
    let m = convert::int_saturating(minor, "minor")?;
    let c = convert::text(currency, "currency")?;
    let d = guard(|| money::from_minor_units(m, &c))??;
    Ok(py_decimal(py, d)?)
}

/// Splits a total in `count` parts rounded down to the currency's unit; the remainder goes to the
/// first part (BRL 100.00 / 3 → 33.34, 33.33, 33.33).
#[pyfunction]
pub fn split_installments<'py>(
    total: &Bound<'py, PyAny>,
    count: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
) -> BindingResult<Bound<'py, PyList>> {
    let py = total.py();
    let t = convert::amount(total, "total")?;
    let n = convert::count(count, "count")?;
    let c = convert::text(currency, "currency")?;
    let parts = guard(|| schedule::split_installments(t.arg(), n, &c))??;
    let parts = parts
        .into_iter()
        .map(|p| py_decimal(py, p))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, parts)?)
}

fn date_list<'py>(
    py: Python<'py>,
    dates: Vec<schedule::Date>,
) -> BindingResult<Bound<'py, PyList>> {
    let dates = dates
        .into_iter()
        .map(|d| py_date(py, d))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, dates)?)
}

/// The due dates of `count` monthly installments, the first on `first_due_date`, counted from its
/// day and clamped to each month's end.
#[pyfunction]
pub fn installment_due_dates<'py>(
    first_due_date: &Bound<'py, PyAny>,
    count: &Bound<'py, PyAny>,
) -> BindingResult<Bound<'py, PyList>> {
    let py = first_due_date.py();
    let d = convert::date(first_due_date, "first_due_date")?;
    let n = convert::count(count, "count")?;
    let dates = guard(|| schedule::installment_due_dates(d, n))??;
    date_list(py, dates)
}

fn cycle(obj: &Bound<'_, PyAny>) -> BindingResult<Cycle> {
    let text = convert::text(obj, "cycle")?;
    Ok(guard(|| Cycle::parse(&text))??)
}

/// The date of the charge after the one due on `due_date`, or `None` when it falls after `end_date`.
#[pyfunction]
#[pyo3(signature = (due_date, cycle, end_date = None))]
pub fn next_charge_date<'py>(
    due_date: &Bound<'py, PyAny>,
    cycle: &Bound<'py, PyAny>,
    end_date: Option<&Bound<'py, PyAny>>,
) -> BindingResult<Option<Bound<'py, PyAny>>> {
    let py = due_date.py();
    let d = convert::date(due_date, "due_date")?;
    let c = self::cycle(cycle)?;
    let end = convert::opt_date(end_date, "end_date")?;
    let next = guard(|| schedule::next_charge_date(d, c, end))??;
    Ok(next.map(|n| py_date(py, n)).transpose()?)
}

/// The next `count` charge dates after `due_date` (not including it), stopping at `end_date`.
#[pyfunction]
#[pyo3(signature = (due_date, cycle, count, end_date = None))]
pub fn subscription_schedule<'py>(
    due_date: &Bound<'py, PyAny>,
    cycle: &Bound<'py, PyAny>,
    count: &Bound<'py, PyAny>,
    end_date: Option<&Bound<'py, PyAny>>,
) -> BindingResult<Bound<'py, PyList>> {
    let py = due_date.py();
    let d = convert::date(due_date, "due_date")?;
    let c = self::cycle(cycle)?;
    let n = convert::count(count, "count")?;
    let end = convert::opt_date(end_date, "end_date")?;
    let dates = guard(|| schedule::subscription_schedule(d, c, n, end))??;
    date_list(py, dates)
}

/// Checks a tax id for a country (ISO 3166-1 alpha-2) and returns its kind: `CPF`, `CNPJ`, `RUT`,
/// `CUIT`, `DNI`, `RFC`, `CURP`, `CC`, `NIT`, `RUC`, or `OTHER` for countries without specific rules.
#[pyfunction]
pub fn validate_tax_id(
    value: &Bound<'_, PyAny>,
    country: &Bound<'_, PyAny>,
) -> BindingResult<&'static str> {
    let v = convert::text(value, "value")?;
    let c = convert::text(country, "country")?;
    Ok(guard(|| tax_id::validate_tax_id(&v, &c))??.as_str())
}

/// The brand of a card number (`Visa`, `Mastercard`, `Amex`, `Elo`, `Hipercard`, `Diners`,
/// `Discover`, `JCB` or `unknown`). Never raises for any text.
#[pyfunction]
pub fn card_brand(card_number: &Bound<'_, PyAny>) -> BindingResult<&'static str> {
    let n = convert::text(card_number, "card_number")?;
    Ok(guard(|| card::card_brand(&n))?.as_str())
}

/// Parses and checks a PIX BR Code (structure, PIX template, CRC16). Raises `ValidationError`
/// (`INVALID_BR_CODE`).
#[pyfunction]
pub fn parse_pix_brcode(text: &Bound<'_, PyAny>) -> BindingResult<BrCode> {
    let t = convert::text(text, "text")?;
    Ok(guard(|| pix::parse_pix_brcode(&t))??.into())
}

/// Validates a request payload (a dict) of a kind (`wallet`, `charge`, `pix_charge`, `checkout`,
/// `refund`, `capture`) and returns every issue, errors and warnings; empty when clean. A bad payload
/// never raises; only a bad `kind`, `today`, or a value with no JSON form does.
#[pyfunction]
#[pyo3(signature = (kind, payload, today = None))]
pub fn validate<'py>(
    kind: &Bound<'py, PyAny>,
    payload: &Bound<'py, PyAny>,
    today: Option<&Bound<'py, PyAny>>,
) -> BindingResult<Vec<Issue>> {
    let py = kind.py();
    let k = convert::text(kind, "kind")?;
    let k = guard(|| RequestKind::parse(&k))??;
    let today = convert::opt_date(today, "today")?;
    let value = convert::to_json(payload)?;
    let issues = py.detach(move || guard(|| core_validate::validate(k, &value, today)))?;
    Ok(issues.into_iter().map(Issue::from).collect())
}

/// `verify_webhook`'s `secrets`: one `str` or a list/tuple of them.
fn secrets(obj: &Bound<'_, PyAny>) -> BindingResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Ok(vec![convert::text(obj, "secrets")?]);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            out.push(convert::text(&item?, &format!("secrets[{i}]"))?);
        }
        return Ok(out);
    }
    Err(BindingError::wrong_type(
        "secrets",
        "a str or a list of str",
        obj,
    ))
}

/// A header value: `None` (the header is absent) reads as empty text, which core refuses with the
/// signature error's reason (`malformed_signature`, `malformed_timestamp`).
fn header(obj: Option<&Bound<'_, PyAny>>, field: &str) -> BindingResult<String> {
    match obj {
        None => Ok(String::new()),
        Some(o) if o.is_none() => Ok(String::new()),
        Some(o) => convert::text(o, field),
    }
}

/// `verify_webhook`'s `timestamp`: the header's text, or an int of Unix seconds (its decimal text).
fn timestamp_text(obj: Option<&Bound<'_, PyAny>>) -> BindingResult<String> {
    match obj {
        Some(o) if !o.is_none() && !o.is_instance_of::<PyString>() => {
            Ok(convert::int_exact(o, "timestamp")?.to_string())
        }
        other => header(other, "timestamp"),
    }
}

/// Seconds as an int (exact, saturating) or a float (core's rule: finite, floored).
fn seconds(obj: &Bound<'_, PyAny>, field: &str, expected: &str) -> BindingResult<f64> {
    if obj.is_instance_of::<PyFloat>() {
        return Ok(obj.extract::<f64>()?);
    }
    // An int of any size: its saturated value (a float beyond i64 keeps the saturation).
    let i = convert::int_saturating(obj, field)
        .map_err(|_| BindingError::wrong_type(field, expected, obj))?;
    Ok(i as f64)
}

/// `verify_webhook`'s `now`: Unix seconds (int or float) or an aware `datetime`; the clock if `None`.
fn now_unix(obj: Option<&Bound<'_, PyAny>>) -> BindingResult<i64> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(webhook::now_unix());
    };
    let secs = if o.is_instance(convert::datetime_type(o.py())?)? {
        if o.call_method0("utcoffset")?.is_none() {
            return Err(BindingError::issue(
                IssueCode::InvalidDate,
                "now",
                "now must be a timezone-aware datetime (or Unix seconds)",
            ));
        }
        o.call_method0("timestamp")?.extract::<f64>()?
    } else {
        seconds(o, "now", "Unix seconds (int or float) or an aware datetime")?
    };
    Ok(webhook::unix_from_secs(secs, "now")?)
}

/// `verify_webhook`'s `tolerance_s`: non-negative seconds (int or float).
fn tolerance(obj: Option<&Bound<'_, PyAny>>) -> BindingResult<u64> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(webhook::DEFAULT_TOLERANCE_SECS);
    };
    let secs = seconds(o, "tolerance_s", "seconds (int or float)")?;
    Ok(webhook::tolerance_from_secs(secs, "tolerance_s")?)
}

/// Verifies a webhook delivery and returns the event.
///
/// `raw_body` must be the request's raw bytes (`bytes`, `bytearray` or `memoryview`): a parsed
/// object or a `str` is refused, because re-serializing changes the bytes the signature covers.
/// `signature` and `timestamp` are the `X-Webhook-Signature` and `X-Webhook-Timestamp` headers
/// (`None` when absent); `secrets` one secret or several (rotation); `tolerance_s` seconds in both
/// directions (default 300); `now` Unix seconds or an aware `datetime` (default: the clock).
/// Raises `SignatureVerificationError` with a `reason`.
#[pyfunction]
#[pyo3(
    signature = (raw_body, signature, timestamp, secrets, tolerance_s = None, now = None),
    text_signature = "(raw_body, signature, timestamp, secrets, tolerance_s=300, now=None)"
)]
pub fn verify_webhook<'py>(
    raw_body: &Bound<'py, PyAny>,
    signature: Option<&Bound<'py, PyAny>>,
    timestamp: Option<&Bound<'py, PyAny>>,
    secrets: &Bound<'py, PyAny>,
    tolerance_s: Option<&Bound<'py, PyAny>>,
    now: Option<&Bound<'py, PyAny>>,
) -> BindingResult<WebhookEvent> {
    let py = raw_body.py();
    let Some(body) = convert::raw_bytes(raw_body)? else {
        return Err(BindingError::issue(
            IssueCode::InvalidType,
            "raw_body",
            webhook::RAW_BODY_REQUIRED,
        ));
    };
    let sig = header(signature, "signature")?;
    let ts = timestamp_text(timestamp)?;
    let secrets = self::secrets(secrets)?;
    let tolerance = self::tolerance(tolerance_s)?;
    let now = now_unix(now)?;
    let event = py.detach(move || {
        guard(|| {
            let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
            webhook::verify_webhook(&body, &sig, &ts, &refs, tolerance, now)
        })
    })??;
    Ok(event.into())
}

/// The `X-Webhook-Signature` value for a body: lower-case hex HMAC-SHA256 of
/// `"{timestamp}.{raw_body}"` keyed with `secret` (for your own tests).
#[pyfunction]
pub fn sign_webhook(
    raw_body: &Bound<'_, PyAny>,
    secret: &Bound<'_, PyAny>,
    timestamp: &Bound<'_, PyAny>,
) -> BindingResult<String> {
    let Some(body) = convert::raw_bytes(raw_body)? else {
        return Err(BindingError::wrong_type(
            "raw_body",
            "bytes, bytearray or memoryview",
            raw_body,
        ));
    };
    let secret = convert::text(secret, "secret")?;
    let ts = convert::int_exact(timestamp, "timestamp")?;
    guard(|| webhook::sign_webhook(&body, &secret, ts))
}

/// Panics inside Rust, to test that a panic reaches Python as an `A55Error` (hidden; tests only).
#[pyfunction]
#[allow(clippy::panic)]
pub fn _panic_for_tests() -> BindingResult<()> {
    guard(|| panic!("deliberate panic for tests"))
}
