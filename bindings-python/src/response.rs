//! `a55.Response`: a result of the API (its data as the answer's JSON, with the server's exact
//! digits as `Decimal`s) and what came with it.

use a55_core::client::Response as CoreResponse;
use a55_core::models::Model;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::convert::json_to_py;
use crate::models::Issue;

static DATA_TYPE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The answer's JSON text as Python objects: `a55.Data` dicts (masked `repr`), `Decimal` numbers
/// with the digits the server sent.
fn data<'py>(py: Python<'py>, raw: &str) -> PyResult<Bound<'py, PyAny>> {
    let hook = DATA_TYPE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("a55")?.getattr("Data")?.unbind())
    })?;
    json_to_py(py, raw, Some(hook.bind(py)))
}

/// A result of the API and what came with it.
///
/// `data` is the answer's JSON; `status_code`, `request_id`, `idempotency_key` (POST), `replayed`
/// (the server answered from an earlier call with the same key), `attempts` and `warnings` (local
/// validation warnings such as `AMOUNT_ROUNDED`) describe the call.
#[pyclass(module = "a55", frozen, get_all)]
pub struct Response {
    /// The answer's JSON (`a55.Data` for objects, `Decimal` for numbers).
    pub data: Py<PyAny>,
    /// The HTTP status.
    pub status_code: u16,
    /// The server's request id.
    pub request_id: Option<String>,
    /// The idempotency key sent (POST).
    pub idempotency_key: Option<String>,
    /// Whether the server replayed an earlier answer for this key.
    pub replayed: bool,
    /// Attempts made (1 + retries).
    pub attempts: u32,
    /// Local validation warnings.
    pub warnings: Vec<Issue>,
}

impl Response {
    pub(crate) fn build<T: Model>(py: Python<'_>, r: CoreResponse<T>) -> PyResult<Response> {
        // The result's own JSON (for the public charge endpoint, which answers with an array, the
        // charge itself; `meta.raw` keeps the whole answer).
        let meta = r.meta;
        Ok(Response {
            data: data(py, &r.data.raw().text())?.unbind(),
            status_code: meta.status,
            request_id: meta.request_id,
            idempotency_key: meta.idempotency_key,
            replayed: meta.replayed,
            attempts: meta.attempts,
            warnings: meta.warnings.into_iter().map(Issue::from).collect(),
        })
    }
}

#[pymethods]
impl Response {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Response(status_code={}, request_id={}, idempotency_key={}, replayed={}, attempts={}, data={})",
            self.status_code,
            self.request_id.as_deref().unwrap_or("None"),
            self.idempotency_key.as_deref().unwrap_or("None"),
            if self.replayed { "True" } else { "False" },
            self.attempts,
            self.data.bind(py).repr()?,
        ))
    }
}
