//! The model types: `Issue`, `BrCode` and `WebhookEvent`, frozen Python classes built from core's.
//!
//! Their `repr` is readable and never shows a secret: a BR Code's PIX key (which may be a tax id) is
//! masked to its last two characters with core's `mask_tail`.

use a55_core::codes::Issue as CoreIssue;
use a55_core::host_types::WebhookEvent as HostWebhookEvent;
use a55_core::pix::BrCode as CoreBrCode;
use a55_core::redact::mask_tail;
use a55_core::status::ChargeStatus;
use a55_core::webhook::WebhookEvent as CoreWebhookEvent;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::json_to_py;

/// Python's repr of an optional string: `'text'` or `None`.
fn repr_opt(py: Python<'_>, value: &Option<String>) -> PyResult<String> {
    match value {
        Some(v) => repr_str(py, v),
        None => Ok("None".to_string()),
    }
}

/// Python's repr of a string (quotes and escapes exactly as Python writes them).
fn repr_str(py: Python<'_>, value: &str) -> PyResult<String> {
    Ok(value.into_pyobject(py)?.repr()?.to_string())
}

/// One problem found in a request or reported by the server.
///
/// `code` is the machine code (`"INVALID_TAX_ID"`), `severity` is `"error"` (stops the request) or
/// `"warning"` (travels with the result), `field` the path of the field
/// (`"payer_address.postal_code"`, empty for the whole body), `description` a sentence for people
/// that never contains a secret, a card number or a tax id.
#[pyclass(module = "a55", frozen, eq, hash, get_all)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    /// The code, e.g. `AMOUNT_INVALID`.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The path of the field, e.g. `payer_address.postal_code`; empty for the whole body.
    pub field: String,
    /// A sentence for people.
    pub description: String,
}

impl From<CoreIssue> for Issue {
    fn from(i: CoreIssue) -> Self {
        Issue {
            code: i.code.as_str().to_string(),
            severity: i.severity.as_str().to_string(),
            field: i.field,
            description: i.description,
        }
    }
}

#[pymethods]
impl Issue {
    /// Creates an issue (the SDK creates them; this is for tests and mocks).
    #[new]
    #[pyo3(signature = (code, severity, field, description))]
    fn new(code: String, severity: String, field: String, description: String) -> Self {
        Issue {
            code,
            severity,
            field,
            description,
        }
    }

    /// Whether the issue stops the request.
    #[getter]
    fn is_error(&self) -> bool {
        self.severity == "error"
    }

    /// The issue as a dict with the keys code, severity, field and description.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("severity", &self.severity)?;
        d.set_item("field", &self.field)?;
        d.set_item("description", &self.description)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Issue(code={}, severity={}, field={}, description={})",
            repr_str(py, &self.code)?,
            repr_str(py, &self.severity)?,
            repr_str(py, &self.field)?,
            repr_str(py, &self.description)?
        ))
    }

    fn __str__(&self) -> String {
        if self.field.is_empty() {
            format!("{} ({}): {}", self.code, self.severity, self.description)
        } else {
            format!(
                "{} ({}) at {}: {}",
                self.code, self.severity, self.field, self.description
            )
        }
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let class = py.get_type::<Issue>().into_any();
        let args = PyTuple::new(
            py,
            [&self.code, &self.severity, &self.field, &self.description],
        )?;
        Ok((class, args))
    }
}

/// Declares a frozen Python class (attributes read-only, compared by value) from core's list of a
/// type's fields, and its conversion from the core type (every field moved as it is).
macro_rules! py_record {
    (
        { $(#[$meta:meta])* pub struct $name:ident from $core:ty }
        { $($(#[$bdoc:meta])* pub $before:ident : $bty:ty,)* }
        { $($(#[$adoc:meta])* pub $after:ident : $aty:ty,)* }
        $($(#[$doc:meta])* $field:ident : $ty:ty,)*
    ) => {
        $(#[$meta])*
        #[pyclass(module = "a55", frozen, eq, get_all)]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            $($(#[$bdoc])* pub $before: $bty,)*
            $($(#[$doc])* pub $field: $ty,)*
            $($(#[$adoc])* pub $after: $aty,)*
        }

        impl From<$core> for $name {
            fn from(c: $core) -> Self {
                $name {
                    $($before: c.$before,)*
                    $($field: c.$field,)*
                    $($after: c.$after,)*
                }
            }
        }
    };
}

a55_core::a55_br_code_fields!(py_record! {
    {
        /// The fields of a PIX BR Code ("pix copia e cola"), as written in the code.
        ///
        /// `amount` is the text of field 54 (or `None`); `url` is the location of a dynamic code,
        /// `key` the PIX key of a static one. The repr masks the key.
        pub struct BrCode from CoreBrCode
    }
    {}
    {}
});

#[pymethods]
impl BrCode {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let key = self.key.as_deref().map(|k| mask_tail(k, 2));
        Ok(format!(
            "BrCode(merchant_name={}, merchant_city={}, amount={}, txid={}, url={}, key={})",
            repr_str(py, &self.merchant_name)?,
            repr_str(py, &self.merchant_city)?,
            repr_opt(py, &self.amount)?,
            repr_opt(py, &self.txid)?,
            repr_opt(py, &self.url)?,
            repr_opt(py, &key)?
        ))
    }
}

a55_core::a55_host_webhook_event_fields!(py_record! {
    {
        /// A charge event delivered to a webhook URL, verified.
        ///
        /// Unknown statuses are kept as they are (`cancelled` reads as `canceled`); `amount` and
        /// `refund_amount` are decimal text as sent. `raw` is the whole body as a dict (numbers
        /// with a fraction as `Decimal`). Deduplicate deliveries on `dedup_key`, not on
        /// `charge_uuid` alone.
        pub struct WebhookEvent from HostWebhookEvent
    }
});

impl From<CoreWebhookEvent> for WebhookEvent {
    fn from(e: CoreWebhookEvent) -> Self {
        HostWebhookEvent::from(&e).into()
    }
}

#[pymethods]
impl WebhookEvent {
    /// Whether no further change is expected (unknown statuses are not terminal).
    #[getter]
    fn is_terminal(&self) -> bool {
        ChargeStatus::parse(&self.status).is_terminal()
    }

    /// The whole body as received, unknown fields included (a new dict on every access).
    #[getter]
    fn raw<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.raw_json, None)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "WebhookEvent(charge_uuid={}, status={}, amount={}, currency={})",
            repr_str(py, &self.charge_uuid)?,
            repr_str(py, &self.status)?,
            repr_opt(py, &self.amount)?,
            repr_opt(py, &self.currency)?
        ))
    }
}
