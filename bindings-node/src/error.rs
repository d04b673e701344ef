//! The one mapping from core errors to JavaScript errors.
//!
//! Every failure leaves Rust as a `napi::Error` whose `code` is [`ERROR_MARKER`] and whose message
//! is a JSON object with every field of [`a55_core::Error`] (kind, message, status, codes, issues,
//! reason, requestId, idempotencyKey, retryAfterMs, rawBody, retryable). The JavaScript wrapper
//! (`lib/errors.cjs`) reads it and throws the matching class (`ValidationError`,
//! `SignatureVerificationError`, …). Core's messages never contain a card number, a secret or a tax
//! id, and nothing here adds one.

use a55_core::{Error, IssueCode, RuleError};
use serde_json::{Value, json};

/// The `code` of every error this module makes, so the wrapper tells them from napi's own errors.
pub const ERROR_MARKER: &str = "A55_SDK_ERROR";

/// The status type of the errors this crate throws: always [`ERROR_MARKER`].
#[derive(Debug, Clone, Copy)]
pub struct Marker;

impl AsRef<str> for Marker {
    fn as_ref(&self) -> &str {
        ERROR_MARKER
    }
}

/// A JavaScript error carrying a core error as JSON.
pub type JsError = napi::Error<Marker>;

/// The JSON payload of an error, as the wrapper reads it.
pub fn payload(e: &Error) -> Value {
    json!({
        "kind": e.kind.as_str(),
        "message": e.message,
        "status": e.status,
        "codes": e.codes,
        "issues": e.issues,
        "reason": e.reason,
        "requestId": e.request_id,
        "idempotencyKey": e.idempotency_key,
        "retryAfterMs": e.retry_after.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
        "rawBody": e.raw_body,
        "retryable": e.is_retryable(),
    })
}

/// Turns a core error into the JavaScript error the wrapper maps.
pub fn to_js(e: impl Into<Error>) -> JsError {
    let e: Error = e.into();
    napi::Error::new(Marker, payload(&e).to_string())
}

/// A core value as JSON text in its host shape (core's `Serialize`), for the wrapper to parse.
pub fn json_text<T: serde::Serialize>(value: &T) -> String {
    // Core's host shapes are plain structs of text, numbers and lists: writing them cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

/// A validation error about an argument of the wrong JavaScript type (`INVALID_TYPE`).
pub fn invalid_type(field: &str, message: impl Into<String>) -> JsError {
    to_js(RuleError::new(IssueCode::InvalidType, field, message))
}

/// Throws the `INVALID_TYPE` validation error the wrapper's type checks report, so that it has the
/// same shape and message format as every error from core. Not public API.
#[napi_derive::napi(js_name = "_invalidType", catch_unwind, skip_typescript)]
pub fn throw_invalid_type(field: String, description: String) -> Result<(), JsError> {
    Err(invalid_type(&field, description))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use a55_core::ErrorKind;

    #[test]
    fn payload_carries_every_field() {
        let mut e = Error::new(ErrorKind::RateLimit, "slow down");
        e.status = Some(429);
        e.codes = vec!["RATE_LIMIT_EXCEEDED".into()];
        e.retry_after = Some(std::time::Duration::from_millis(1500));
        e.request_id = Some("req_1".into());
        let p = payload(&e);
        assert_eq!(p["kind"], "rate_limit");
        assert_eq!(p["status"], 429);
        assert_eq!(p["retryAfterMs"], 1500);
        assert_eq!(p["requestId"], "req_1");
        assert_eq!(p["retryable"], true);
    }

    #[test]
    fn rule_errors_become_validation_or_signature() {
        let e = to_js(RuleError::new(IssueCode::AmountInvalid, "amount", "bad"));
        let p: Value = serde_json::from_str(&e.reason).unwrap();
        assert_eq!(p["kind"], "validation");
        assert_eq!(p["issues"][0]["code"], "AMOUNT_INVALID");
        assert_eq!(p["issues"][0]["field"], "amount");
        let sig = RuleError::new(IssueCode::InvalidWebhookSignature, "signature", "no")
            .with_reason("signature_mismatch");
        let p: Value = serde_json::from_str(&to_js(sig).reason).unwrap();
        assert_eq!(p["kind"], "signature");
        assert_eq!(p["reason"], "signature_mismatch");
    }
}
