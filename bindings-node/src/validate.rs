//! `validate(kind, payload, today?)`.
//!
//! The wrapper serializes the payload to JSON text (so numbers keep their shortest round-trip
//! digits, and NaN, bigint and cycles are handled in one documented place); it is read here with
//! serde_json and checked by core.

use a55_core::schedule::parse_date;
use a55_core::validate::{self, RequestKind};
use a55_core::{IssueCode, RuleError};
use napi_derive::napi;

use crate::error::{JsError, json_text, to_js};

/// Validates a request payload (JSON text) of a kind (`wallet`, `charge`, `pix_charge`,
/// `checkout`, `refund`, `capture`) as of `today` (`YYYY-MM-DD`; default: today at UTC−12).
/// Returns every issue as JSON text (core's host shape), an empty list when clean. Throws only for a bad `kind` or `today`, or text that is
/// not JSON.
#[napi(catch_unwind)]
pub fn validate_json(
    kind: String,
    payload_json: String,
    today: Option<String>,
) -> Result<String, JsError> {
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
    Ok(json_text(&validate::validate(kind, &payload, today)))
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
