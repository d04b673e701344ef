//! The model types: `Issue`, `BrCode` and `WebhookEvent`, frozen Python classes built from core's.
//!
//! Their `repr` is readable and never shows a secret: a BR Code's PIX key (which may be a tax id) is
//! masked to its last two characters with core's `mask_tail`.

use a55_core::codes::Issue as CoreIssue;
use a55_core::pix::BrCode as CoreBrCode;
use a55_core::redact::mask_tail;
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

/// The fields of a PIX BR Code ("pix copia e cola"), as written in the code.
///
/// `amount` is the text of field 54 (or `None`); `url` is the location of a dynamic code, `key` the
/// PIX key of a static one. The repr masks the key.
#[pyclass(module = "a55", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrCode {
    /// Field 00, always `01`.
    pub payload_format_indicator: String,
    /// Field 01: `11` (reusable) or `12` (single use), when present.
    pub point_of_initiation_method: Option<String>,
    /// The merchant account template's GUI (`br.gov.bcb.pix`).
    pub gui: String,
    /// The PIX key of a static code.
    pub key: Option<String>,
    /// The location URL of a dynamic code (without scheme).
    pub url: Option<String>,
    /// Free text for the payer.
    pub description: Option<String>,
    /// Field 52.
    pub merchant_category_code: String,
    /// Field 53, `986` for BRL.
    pub transaction_currency: String,
    /// Field 54, the amount text as written, when present.
    pub amount: Option<String>,
    /// Field 58, `BR`.
    pub country_code: String,
    /// Field 59.
    pub merchant_name: String,
    /// Field 60.
    pub merchant_city: String,
    /// Field 61.
    pub postal_code: Option<String>,
    /// Field 62, sub-field 05: the transaction id.
    pub txid: Option<String>,
    /// Field 63, upper-case hex.
    pub crc: String,
}

impl From<CoreBrCode> for BrCode {
    fn from(c: CoreBrCode) -> Self {
        BrCode {
            payload_format_indicator: c.payload_format_indicator,
            point_of_initiation_method: c.point_of_initiation_method,
            gui: c.gui,
            key: c.key,
            url: c.url,
            description: c.description,
            merchant_category_code: c.merchant_category_code,
            transaction_currency: c.transaction_currency,
            amount: c.amount,
            country_code: c.country_code,
            merchant_name: c.merchant_name,
            merchant_city: c.merchant_city,
            postal_code: c.postal_code,
            txid: c.txid,
            crc: c.crc,
        }
    }
}

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

/// A charge event delivered to a webhook URL, verified.
///
/// Unknown statuses are kept as they are (`cancelled` reads as `canceled`); `amount` and
/// `refund_amount` are decimal text as sent. `raw` is the whole body as a dict (numbers with a
/// fraction as `Decimal`). Deduplicate deliveries on `dedup_key`, not on `charge_uuid` alone.
#[pyclass(module = "a55", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEvent {
    /// The charge.
    pub charge_uuid: String,
    /// Its new status.
    pub status: String,
    /// The merchant's reference, when sent.
    pub transaction_reference: Option<String>,
    /// The subscription the charge belongs to.
    pub subscription_uuid: Option<String>,
    /// The payment link the charge came from.
    pub payment_link_uuid: Option<String>,
    /// The amount as decimal text (richer revision).
    pub amount: Option<String>,
    /// The currency (richer revision).
    pub currency: Option<String>,
    /// The acquirer's return code on errors (`"05"`).
    pub error_code: Option<String>,
    /// The acquirer's message on errors.
    pub error_message: Option<String>,
    /// The refunded amount as decimal text.
    pub refund_amount: Option<String>,
    /// The chargeback's reason.
    pub chargeback_reason: Option<String>,
    /// When the charge was created.
    pub created_at: Option<String>,
    /// When the charge last changed.
    pub updated_at: Option<String>,
    /// `"{charge_uuid}:{status}"`: the key to deduplicate deliveries on.
    pub dedup_key: String,
    /// Whether the status is final.
    pub is_terminal: bool,
    /// The whole body as received, as JSON text.
    pub raw_json: String,
}

impl From<CoreWebhookEvent> for WebhookEvent {
    fn from(e: CoreWebhookEvent) -> Self {
        WebhookEvent {
            dedup_key: e.dedup_key(),
            is_terminal: e.status.is_terminal(),
            charge_uuid: e.charge_uuid,
            status: e.status.as_str().to_string(),
            transaction_reference: e.transaction_reference,
            subscription_uuid: e.subscription_uuid,
            payment_link_uuid: e.payment_link_uuid,
            amount: e.amount,
            currency: e.currency,
            error_code: e.error_code,
            error_message: e.error_message,
            refund_amount: e.refund_amount,
            chargeback_reason: e.chargeback_reason,
            created_at: e.created_at,
            updated_at: e.updated_at,
            raw_json: e.raw.to_string(),
        }
    }
}

#[pymethods]
impl WebhookEvent {
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
