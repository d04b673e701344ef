//! Webhook signatures: `signWebhook` and `verifyWebhook`.
//!
//! The wrapper passes the raw body as bytes (a string is passed as its UTF-8 bytes), `now` and the
//! tolerance in milliseconds (Node's convention); core works in whole Unix seconds, so both are
//! rounded down to the second here.

use a55_core::webhook;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::error::{JsError, json_text, to_js};

/// The `X-Webhook-Signature` value for a body: lower-case hex HMAC-SHA256 of
/// `"{timestamp}.{rawBody}"`, `timestamp` in Unix seconds.
#[napi(catch_unwind)]
pub fn sign_webhook(raw_body: Uint8Array, secret: String, timestamp: f64) -> String {
    webhook::sign_webhook(&raw_body, &secret, crate::saturating_i64(timestamp))
}

/// Verifies a delivery against one or more secrets and parses it; the event is JSON text in core's
/// host shape (`a55_core::host_types`), read by the wrapper. `toleranceMs` and `nowMs` are
/// milliseconds, turned into whole seconds by core's rule (`webhook::tolerance_from_secs`,
/// `webhook::unix_from_secs`). Throws `INVALID_WEBHOOK_SIGNATURE` (with a reason)
/// or `INVALID_WEBHOOK_PAYLOAD`.
#[napi(catch_unwind)]
pub fn verify_webhook(
    raw_body: Uint8Array,
    signature: String,
    timestamp: String,
    secrets: Vec<String>,
    tolerance_ms: f64,
    now_ms: f64,
) -> Result<String, JsError> {
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    // Milliseconds to seconds here; core decides what a valid tolerance and instant are.
    let tolerance =
        webhook::tolerance_from_secs(tolerance_ms / 1000.0, "toleranceMs").map_err(to_js)?;
    let now = webhook::unix_from_secs(now_ms / 1000.0, "now").map_err(to_js)?;
    webhook::verify_webhook(&raw_body, &signature, &timestamp, &refs, tolerance, now)
        .map(|event| json_text(&event))
        .map_err(to_js)
}

/// Core's message for a parsed object passed where the raw body belongs.
#[napi(catch_unwind)]
pub fn raw_body_required_message() -> String {
    webhook::RAW_BODY_REQUIRED.to_string()
}

/// Core's default tolerance, in milliseconds.
#[napi(catch_unwind)]
pub fn default_tolerance_ms() -> f64 {
    (webhook::DEFAULT_TOLERANCE_SECS * 1000) as f64
}
