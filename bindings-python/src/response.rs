//! `a55.Response`: a result's typed model (`data`) and what came with it (`meta`).

use a55_core::client::{RateLimit as CoreRateLimit, Response as CoreResponse, ResponseMeta};
use pyo3::prelude::*;
use pyo3::types::PyType;
use serde_json::Value;

use crate::models::Issue;
use crate::typed;

/// The rate-limit headers of an answer (`None` when the server sent none).
#[pyclass(module = "a55", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`, Unix seconds.
    pub reset: Option<i64>,
}

impl From<&CoreRateLimit> for RateLimit {
    fn from(r: &CoreRateLimit) -> Self {
        RateLimit {
            limit: r.limit,
            remaining: r.remaining,
            reset: r.reset,
        }
    }
}

fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or("None".to_string(), |v| v.to_string())
}

fn opt_str(v: &Option<String>) -> String {
    v.as_ref().map_or("None".to_string(), |v| format!("'{v}'"))
}

#[pymethods]
impl RateLimit {
    fn __repr__(&self) -> String {
        format!(
            "RateLimit(limit={}, remaining={}, reset={})",
            opt(&self.limit),
            opt(&self.remaining),
            opt(&self.reset)
        )
    }
}

/// What came with a result: the HTTP status, the server's request id, the idempotency key sent,
/// whether the server replayed an earlier answer, the attempts made, the rate-limit headers, the
/// local validation warnings, and the answer's JSON text byte for byte (`raw`; it holds whatever the
/// server sent, secrets included, so the repr leaves it out).
#[pyclass(module = "a55", frozen, get_all)]
pub struct Meta {
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
    /// The rate-limit headers.
    pub rate_limit: Py<RateLimit>,
    /// Local validation warnings (`AMOUNT_ROUNDED`, …).
    pub warnings: Vec<Issue>,
    /// The answer's JSON text as received.
    pub raw: String,
}

#[pymethods]
impl Meta {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let warnings: Vec<&str> = self.warnings.iter().map(|w| w.code.as_str()).collect();
        Ok(format!(
            "Meta(status_code={}, request_id={}, idempotency_key={}, replayed={}, attempts={}, \
             rate_limit={}, warnings={:?})",
            self.status_code,
            opt_str(&self.request_id),
            opt_str(&self.idempotency_key),
            if self.replayed { "True" } else { "False" },
            self.attempts,
            self.rate_limit.bind(py).borrow().__repr__(),
            warnings,
        ))
    }
}

/// A result of the API: `data`, the typed model (`a55.Charge`, `a55.Wallet`, …), and `meta`.
#[pyclass(module = "a55", frozen, get_all)]
pub struct Response {
    /// The typed model.
    pub data: Py<PyAny>,
    /// Request id, idempotency key, replay, attempts, rate limit, warnings, raw JSON.
    pub meta: Py<Meta>,
}

/// The metadata of a core result.
pub fn meta(py: Python<'_>, m: ResponseMeta) -> PyResult<Py<Meta>> {
    Py::new(
        py,
        Meta {
            status_code: m.status,
            rate_limit: Py::new(py, RateLimit::from(&m.rate_limit))?,
            raw: m.raw.text().to_string(),
            request_id: m.request_id,
            idempotency_key: m.idempotency_key,
            replayed: m.replayed,
            attempts: m.attempts,
            warnings: m.warnings.into_iter().map(Issue::from).collect(),
        },
    )
}

impl Response {
    /// A result of `model` (a schema name) from core's host-shape answer.
    pub fn build(py: Python<'_>, model: &str, r: CoreResponse<Value>) -> PyResult<Response> {
        let data = typed::model(py, model, &r.data)?.unbind();
        Ok(Response {
            data,
            meta: meta(py, r.meta)?,
        })
    }
}

#[pymethods]
impl Response {
    /// `Response[Charge]` in annotations evaluated at run time is `Response`.
    #[classmethod]
    fn __class_getitem__(cls: &Bound<'_, PyType>, item: &Bound<'_, PyAny>) -> Py<PyType> {
        let _ = item;
        cls.clone().unbind()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Response(data={}, meta={})",
            self.data.bind(py).repr()?,
            self.meta.bind(py).repr()?
        ))
    }
}
