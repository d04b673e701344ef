//! # a55 (Python)
//!
//! The Python package `a55` is a thin layer over `a55_core`: this crate converts Python values to
//! core's types and back, and core's errors to a Python exception hierarchy. No rule lives here.
//!
//! - [`transport`]: core's facade for `a55.Client` and `a55.AsyncClient` (python/a55/_client.py):
//!   blocking calls without the GIL, asyncio futures through [`aio`];
//! - [`response`]: `Response`, `Meta`, `RateLimit`; [`typed`]: a result's data as its model class,
//!   the classes generated from core's field lists by [`codegen`];
//! - [`testing`]: the emulator linked in, for `a55.testing`;
//! - [`logs`]: Rust log records to Python's `logging` (logger `a55`);
//! - [`helpers`]: the public helpers (docs/rules.md) (`normalize_amount`, `verify_webhook`, …);
//! - [`models`]: `Issue`, `BrCode`, `WebhookEvent`;
//! - [`error`]: the exception classes and the one mapping from `a55_core::Error`;
//! - [`convert`]: amounts (`Decimal`), dates (`datetime.date`), text and JSON payloads.

pub mod aio;
pub mod codegen;
pub mod convert;
pub mod error;
pub mod helpers;
pub mod logs;
pub mod models;
pub mod response;
pub mod testing;
pub mod transport;
pub mod typed;

use pyo3::prelude::*;

/// The text of a generated module (`"enums"` or `"models"`), for the test that checks the
/// installed files are current.
#[pyfunction]
fn _generated(name: &str) -> PyResult<String> {
    match name {
        "enums" => Ok(codegen::enums_module()),
        "models" => Ok(codegen::models_module()),
        _ => Err(pyo3::exceptions::PyValueError::new_err("enums or models")),
    }
}

/// The extension module `a55._a55`; `a55/__init__.py` re-exports everything.
#[pymodule]
fn _a55(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    transport::register(m)?;
    logs::register(m)?;
    m.add_class::<testing::EmulatorServer>()?;
    m.add_function(wrap_pyfunction!(_generated, m)?)?;
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
