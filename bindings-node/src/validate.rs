//! `validate(kind, payload, today?)`.
//!
//! The wrapper serializes the payload to JSON text (so numbers keep their shortest round-trip
//! digits, and NaN, bigint and cycles are handled in one documented place); it is read here with
//! serde_json and checked by core.

use a55_core::schedule::parse_date;
use a55_core::validate::{self, RequestKind};
use a55_core::{IssueCode, RuleError};
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// One problem found in a request.
#[napi(object)]
pub struct Issue {
    /// The code, e.g. `AMOUNT_INVALID` (see docs/issue-codes.md).
    pub code: String,
    /// `error` (stops the request) or `warning` (travels with the result).
    pub severity: String,
    /// The path of the field, e.g. `payer_address.postal_code`; empty for the whole body.
    pub field: String,
    /// A sentence for people; never contains a card number, a secret or a tax id.
    pub description: String,
}

impl From<a55_core::Issue> for Issue {
    fn from(i: a55_core::Issue) -> Issue {
        Issue {
            code: i.code.as_str().to_string(),
            severity: i.severity.as_str().to_string(),
            field: i.field,
            description: i.description,
        }
    }
}

/// Validates a request payload (JSON text) of a kind (`wallet`, `charge`, `pix_charge`,
/// `checkout`, `refund`, `capture`) as of `today` (`YYYY-MM-DD`; default: today at UTC−12).
/// Returns every issue, empty when clean. Throws only for a bad `kind` or `today`, or text that is
/// not JSON.
#[napi(catch_unwind)]
pub fn validate_json(
    kind: String,
    payload_json: String,
    today: Option<String>,
) -> Result<Vec<Issue>, JsError> {
    let kind = RequestKind::parse(&kind).map_err(to_js)?;
    let today = today
        .map(|t| parse_date(&t, "today"))
        .transpose()
        .map_err(to_js)?;
    let payload: serde_json::Value = serde_json::from_str(&payload_json).map_err(|e| {
        to_js(RuleError::new(
            IssueCode::InvalidType,
            "payload",
            format!("payload cannot be read as JSON ({})", e.classify_message()),
        ))
    })?;
    Ok(validate::validate(kind, &payload, today)
        .into_iter()
        .map(Issue::from)
        .collect())
}

/// What went wrong reading JSON, without quoting the text.
trait Classify {
    fn classify_message(&self) -> &'static str;
}

impl Classify for serde_json::Error {
    fn classify_message(&self) -> &'static str {
        if self.to_string().contains("recursion limit") {
            "nested more than 128 levels deep"
        } else {
            "not valid JSON"
        }
    }
}
