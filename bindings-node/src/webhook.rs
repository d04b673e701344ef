//! Webhook signatures: `signWebhook` and `verifyWebhook`.
//!
//! The wrapper passes the raw body as bytes (a string is passed as its UTF-8 bytes), `now` and the
//! tolerance in milliseconds (Node's convention); core works in whole Unix seconds, so both are
//! rounded down to the second here.

use a55_core::webhook;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// A verified charge event. Field names are A55's (snake_case); absent fields are `null`.
#[napi(object, use_nullable = true)]
pub struct WebhookEvent {
    /// The charge.
    #[napi(js_name = "charge_uuid")]
    pub charge_uuid: String,
    /// Its new status (`cancelled` reads as `canceled`; unknown statuses are kept as sent).
    pub status: String,
    /// The merchant's reference.
    #[napi(js_name = "transaction_reference")]
    pub transaction_reference: Option<String>,
    /// The subscription the charge belongs to.
    #[napi(js_name = "subscription_uuid")]
    pub subscription_uuid: Option<String>,
    /// The payment link the charge came from.
    #[napi(js_name = "payment_link_uuid")]
    pub payment_link_uuid: Option<String>,
    /// The amount as decimal text.
    pub amount: Option<String>,
    /// The currency.
    pub currency: Option<String>,
    /// The acquirer's return code on errors.
    #[napi(js_name = "error_code")]
    pub error_code: Option<String>,
    /// The acquirer's message on errors.
    #[napi(js_name = "error_message")]
    pub error_message: Option<String>,
    /// The refunded amount as decimal text.
    #[napi(js_name = "refund_amount")]
    pub refund_amount: Option<String>,
    /// The chargeback's reason.
    #[napi(js_name = "chargeback_reason")]
    pub chargeback_reason: Option<String>,
    /// When the charge was created.
    #[napi(js_name = "created_at")]
    pub created_at: Option<String>,
    /// When the charge last changed.
    #[napi(js_name = "updated_at")]
    pub updated_at: Option<String>,
    /// The key to deduplicate deliveries on: `"{charge_uuid}:{status}"`.
    #[napi(js_name = "dedup_key")]
    pub dedup_key: String,
    /// The whole body as core read it, re-serialized as JSON (the wrapper parses it into `raw`).
    #[napi(js_name = "raw_json")]
    pub raw_json: String,
}

impl From<webhook::WebhookEvent> for WebhookEvent {
    fn from(ev: webhook::WebhookEvent) -> WebhookEvent {
        WebhookEvent {
            dedup_key: ev.dedup_key(),
            raw_json: ev.raw.to_string(),
            charge_uuid: ev.charge_uuid,
            status: ev.status.as_str().to_string(),
            transaction_reference: ev.transaction_reference,
            subscription_uuid: ev.subscription_uuid,
            payment_link_uuid: ev.payment_link_uuid,
            amount: ev.amount,
            currency: ev.currency,
            error_code: ev.error_code,
            error_message: ev.error_message,
            refund_amount: ev.refund_amount,
            chargeback_reason: ev.chargeback_reason,
            created_at: ev.created_at,
            updated_at: ev.updated_at,
        }
    }
}

/// The `X-Webhook-Signature` value for a body: lower-case hex HMAC-SHA256 of
/// `"{timestamp}.{rawBody}"`, `timestamp` in Unix seconds.
#[napi(catch_unwind)]
pub fn sign_webhook(raw_body: Uint8Array, secret: String, timestamp: f64) -> String {
    webhook::sign_webhook(&raw_body, &secret, crate::saturating_i64(timestamp))
}

/// Verifies a delivery against one or more secrets and parses it. `toleranceMs` and `nowMs` are
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
) -> Result<WebhookEvent, JsError> {
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    // Milliseconds to seconds here; core decides what a valid tolerance and instant are.
    let tolerance =
        webhook::tolerance_from_secs(tolerance_ms / 1000.0, "toleranceMs").map_err(to_js)?;
    let now = webhook::unix_from_secs(now_ms / 1000.0, "now").map_err(to_js)?;
    webhook::verify_webhook(&raw_body, &signature, &timestamp, &refs, tolerance, now)
        .map(WebhookEvent::from)
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
