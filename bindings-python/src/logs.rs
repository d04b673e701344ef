//! Rust log records to Python's `logging`: core's events (the `tracing` target `a55`, redacted by
//! core: method, path without query values, status, attempt, request id; never a body, a token or
//! a secret) reach the logger `a55`, through `pyo3-log`.
//!
//! The bridge is installed when the first client is made (`import a55` stays free of `logging`).
//! `pyo3-log` caches each logger's level so that a disabled record costs no GIL: after changing the
//! level of `a55` (or of a handler's logger) at run time, call `a55.refresh_logging()`.

use std::sync::OnceLock;

use pyo3::prelude::*;

static RESET: OnceLock<pyo3_log::ResetHandle> = OnceLock::new();

/// Forgets the cached logger levels, so a level changed since is honoured.
#[pyfunction]
fn refresh_logging() {
    if let Some(handle) = RESET.get() {
        handle.reset();
    }
}

/// Installs the bridge, once per process (another extension's `log` logger, if any, is kept).
/// Called when the first client is made, so that `import a55` does not import `logging`.
pub fn install(py: Python<'_>) -> PyResult<()> {
    if RESET.get().is_none() {
        let logger = pyo3_log::Logger::new(py, pyo3_log::Caching::LoggersAndLevels)?
            // Debug at most: core writes (masked) bodies only at trace level, which never reaches
            // Python, and a trace event costs nothing when `log`'s maximum level is below it.
            .filter(log::LevelFilter::Debug);
        if let Ok(handle) = logger.install() {
            let _ = RESET.set(handle);
        }
    }
    Ok(())
}

/// Adds `refresh_logging`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(refresh_logging, m)?)?;
    Ok(())
}
