//! # a55 (Python)
//!
//! The Python package `a55` is a thin layer over `a55_core`: this crate converts Python values to
//! core's types and back, and core's errors to a Python exception hierarchy. No rule lives here.
//!
//! - [`client`]: `Client` (blocking, GIL released) and its `Response`;
//! - [`helpers`]: the public helpers (docs/rules.md) (`normalize_amount`, `verify_webhook`, …);
//! - [`models`]: `Issue`, `BrCode`, `WebhookEvent`;
//! - [`error`]: the exception classes and the one mapping from `a55_core::Error`;
//! - [`convert`]: amounts (`Decimal`), dates (`datetime.date`), text and JSON payloads.

pub mod client;
pub mod convert;
pub mod error;
pub mod helpers;
pub mod models;
pub mod response;

use pyo3::prelude::*;

/// The extension module `a55._a55`; `a55/__init__.py` re-exports everything.
#[pymodule]
fn _a55(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    client::register(m)?;
    m.add_class::<models::Issue>()?;
    m.add_class::<models::BrCode>()?;
    m.add_class::<models::WebhookEvent>()?;
    m.add_function(wrap_pyfunction!(helpers::normalize_amount, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::currency_exponent, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::to_minor_units, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::from_minor_units, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::split_installments, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::installment_due_dates, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::next_charge_date, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::subscription_schedule, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::validate_tax_id, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::validate, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::card_brand, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::parse_pix_brcode, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::verify_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::sign_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(helpers::_panic_for_tests, m)?)?;
    m.add(
        "DEFAULT_TOLERANCE_S",
        a55_core::webhook::DEFAULT_TOLERANCE_SECS,
    )?;
    m.add("RAW_BODY_REQUIRED", a55_core::webhook::RAW_BODY_REQUIRED)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
