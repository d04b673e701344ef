//! Webhooks: signing, verification and tolerant parsing of A55 charge events.
//!
//! - `X-Webhook-Signature` is the lower-case hex HMAC-SHA256 of `"{X-Webhook-Timestamp}.{raw body}"`
//!   keyed with the webhook secret; the timestamp is Unix seconds.
//! - Verification works on the **raw bytes** only: a parsed-and-reserialized body has other bytes and
//!   can never verify. It accepts several secrets at once (rotation), compares in constant time and
//!   rejects timestamps more than `tolerance` seconds from now in **either** direction.
//! - Both documented payload revisions parse (the minimal one, and the one with amount, currency,
//!   error and refund details); unknown fields and statuses are kept.
//! - One charge sends several events: deduplicate on `(charge_uuid, status)`, see [`WebhookEvent::dedup_key`].

use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::codes::IssueCode;
use crate::error::RuleError;
use crate::field_lists::declare_struct;
use crate::status::ChargeStatus;

/// The default tolerance between the webhook's timestamp and now, in seconds.
pub const DEFAULT_TOLERANCE_SECS: u64 = 300;

/// A tolerance given in a language's own unit, as seconds (Python's `tolerance_s`, Node's
/// `toleranceMs / 1000`, Kotlin's `Duration`, Swift's `TimeInterval`): floored to whole seconds; a
/// value beyond the largest one saturates (it accepts every timestamp, as asked). NaN, infinities and
/// negative values are `INVALID_VALUE` at `field`.
pub fn tolerance_from_secs(value: f64, field: &str) -> Result<u64, RuleError> {
    if value.is_finite() && value >= 0.0 {
        // `as` saturates at u64::MAX.
        Ok(value.floor() as u64)
    } else {
        Err(RuleError::new(
            IssueCode::InvalidValue,
            field,
            format!("{field} must be a finite number of seconds, not negative"),
        ))
    }
}

/// An instant given as Unix seconds (a `datetime`'s or `Date`'s timestamp, Node's `now / 1000`):
/// floored to whole seconds, saturating far in the past or future. NaN and infinities are
/// `INVALID_VALUE` at `field`.
pub fn unix_from_secs(value: f64, field: &str) -> Result<i64, RuleError> {
    if value.is_finite() {
        Ok(value.floor() as i64)
    } else {
        Err(RuleError::new(
            IssueCode::InvalidValue,
            field,
            format!("{field} must be a finite instant"),
        ))
    }
}

/// The clock, in whole Unix seconds: `verify_webhook`'s `now` when none is given.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Webhook-Signature";
/// The header that carries the timestamp.
pub const TIMESTAMP_HEADER: &str = "X-Webhook-Timestamp";

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &str, timestamp: &str, body: &[u8]) -> HmacSha256 {
    #[allow(clippy::expect_used)]
    let mut mac = <HmacSha256 as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The signature header value for a body (`sign_webhook`): lower-case hex HMAC-SHA256 of
/// `"{timestamp}.{raw_body}"`.
pub fn sign_webhook(raw_body: &[u8], secret: &str, timestamp: i64) -> String {
    hex::encode(
        mac(secret, &timestamp.to_string(), raw_body)
            .finalize()
            .into_bytes(),
    )
}

fn sig_error(reason: &'static str, message: impl Into<String>) -> RuleError {
    RuleError::new(IssueCode::InvalidWebhookSignature, "signature", message).with_reason(reason)
}

crate::a55_webhook_event_fields!(declare_struct! {
    {
        /// A charge event delivered to a webhook URL.
        #[derive(Debug, Clone, PartialEq)]
        pub struct WebhookEvent
    }
    {
        /// The charge.
        pub charge_uuid: String,
        /// Its new status.
        pub status: ChargeStatus,
    }
    {
        /// The whole body as received, unknown fields included.
        pub raw: Value,
    }
});

/// The event of a body already read: every listed text field read by its own name.
macro_rules! read_event {
    (
        { $obj:ident, $charge_uuid:expr, $status:expr, $raw:expr } {} {}
        $($(#[$doc:meta])* $field:ident : $ty:ty,)*
    ) => {
        WebhookEvent {
            charge_uuid: $charge_uuid,
            status: $status,
            $($field: text_field($obj, stringify!($field)),)*
            raw: $raw,
        }
    };
}

impl WebhookEvent {
    /// The key to deduplicate deliveries on: `"{charge_uuid}:{status}"`.
    pub fn dedup_key(&self) -> String {
        format!("{}:{}", self.charge_uuid, self.status)
    }
}

fn text_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses a webhook body without verifying it (for trusted transports and tests).
pub fn parse_webhook_event(raw_body: &[u8]) -> Result<WebhookEvent, RuleError> {
    let bad = |m: &str| RuleError::new(IssueCode::InvalidWebhookPayload, "raw_body", m);
    let raw: Value =
        serde_json::from_slice(raw_body).map_err(|_| bad("the webhook body is not JSON"))?;
    let Value::Object(obj) = &raw else {
        return Err(bad("the webhook body is not a JSON object"));
    };
    let (Some(Value::String(charge_uuid)), Some(Value::String(status))) =
        (obj.get("charge_uuid"), obj.get("status"))
    else {
        return Err(bad(
            "the webhook body needs text fields charge_uuid and status",
        ));
    };
    Ok(crate::a55_webhook_event_fields!(read_event! {
        { obj, charge_uuid.clone(), ChargeStatus::parse(status), raw.clone() } {} {}
    }))
}

/// Verifies a delivery and parses it (`verify_webhook`).
///
/// Checks, in order: at least one secret (`no_secrets`), the timestamp is decimal digits
/// (`malformed_timestamp`), the signature is 64 hex digits (`malformed_signature`), a secret
/// matches (`signature_mismatch`), the timestamp is within `tolerance_secs` of `now_unix`
/// (`timestamp_too_old`, `timestamp_in_future`). Then the body must be a charge event.
pub fn verify_webhook(
    raw_body: &[u8],
    signature: &str,
    timestamp: &str,
    secrets: &[&str],
    tolerance_secs: u64,
    now_unix: i64,
) -> Result<WebhookEvent, RuleError> {
    if secrets.is_empty() {
        return Err(sig_error(
            "no_secrets",
            "no webhook secret was given to verify against",
        ));
    }
    let ts = timestamp;
    if ts.is_empty() || ts.len() > 18 || !ts.bytes().all(|b| b.is_ascii_digit()) {
        return Err(sig_error(
            "malformed_timestamp",
            "the X-Webhook-Timestamp header is not Unix seconds",
        ))
        .map_err(|e| e.at("timestamp"));
    }
    let ts_value: i64 = ts.parse().map_err(|_| {
        sig_error(
            "malformed_timestamp",
            "the X-Webhook-Timestamp header is not Unix seconds",
        )
        .at("timestamp")
    })?;
    let sig = signature;
    let given = (sig.len() == 64)
        .then(|| hex::decode(sig).ok())
        .flatten()
        .ok_or_else(|| {
            sig_error(
                "malformed_signature",
                "the X-Webhook-Signature header is not 64 hex digits",
            )
        })?;
    let matched = secrets
        .iter()
        .any(|secret| mac(secret, ts, raw_body).verify_slice(&given).is_ok());
    if !matched {
        return Err(sig_error(
            "signature_mismatch",
            "the signature matches none of the secrets for this body and timestamp",
        ));
    }
    // i128: no overflow whatever `now` and the timestamp are.
    let tolerance = i128::from(tolerance_secs);
    let age = i128::from(now_unix) - i128::from(ts_value);
    if age > tolerance {
        return Err(sig_error(
            "timestamp_too_old",
            format!("the webhook was signed {age} s ago, more than the {tolerance} s tolerance"),
        )
        .at("timestamp"));
    }
    if -age > tolerance {
        return Err(sig_error(
            "timestamp_in_future",
            format!(
                "the webhook is signed {} s in the future, more than the {tolerance} s tolerance",
                -age
            ),
        )
        .at("timestamp"));
    }
    parse_webhook_event(raw_body)
}

/// The message every binding gives when a parsed object is passed instead of the raw body.
pub const RAW_BODY_REQUIRED: &str = "verify_webhook needs the raw request body as bytes: a parsed \
object cannot be verified, because serializing it again changes the bytes the signature covers";

#[cfg(test)]
mod conversion_tests {
    use super::*;

    #[test]
    fn seconds_from_every_language_follow_one_rule() {
        assert_eq!(tolerance_from_secs(300.9, "tolerance").unwrap(), 300);
        assert_eq!(tolerance_from_secs(1e300, "tolerance").unwrap(), u64::MAX);
        for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let e = tolerance_from_secs(bad, "tolerance_s").unwrap_err();
            assert_eq!(
                (e.code, e.field.as_str()),
                (IssueCode::InvalidValue, "tolerance_s")
            );
        }
        assert_eq!(
            unix_from_secs(1_795_000_000.7, "now").unwrap(),
            1_795_000_000
        );
        assert_eq!(unix_from_secs(-1.5, "now").unwrap(), -2);
        assert_eq!(unix_from_secs(-1e300, "now").unwrap(), i64::MIN);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(unix_from_secs(bad, "now").unwrap_err().field, "now");
        }
        assert!(now_unix() > 1_700_000_000);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify() {
        let body = br#"{"charge_uuid":"c1","status":"cancelled"}"#;
        let sig = sign_webhook(body, "whsec_a", 1_795_000_000);
        let ev = verify_webhook(
            body,
            &sig,
            "1795000000",
            &["old", "whsec_a"],
            300,
            1_795_000_300,
        )
        .unwrap();
        assert_eq!(ev.status, ChargeStatus::Canceled);
        assert_eq!(ev.dedup_key(), "c1:canceled");
        let err =
            verify_webhook(body, &sig, "1795000000", &["whsec_a"], 300, 1_794_999_699).unwrap_err();
        assert_eq!(err.reason, Some("timestamp_in_future"));
        let err = verify_webhook(b"{}", &sig, "1795000000", &["whsec_a"], 300, 1_795_000_000)
            .unwrap_err();
        assert_eq!(err.reason, Some("signature_mismatch"));
        for now in [i64::MIN, i64::MAX] {
            let err = verify_webhook(body, &sig, "1795000000", &["whsec_a"], u64::MAX - 1, now);
            assert!(err.is_ok(), "a huge tolerance accepts any now");
            let err = verify_webhook(body, &sig, "1795000000", &["whsec_a"], 300, now).unwrap_err();
            let want = if now < 0 {
                "timestamp_in_future"
            } else {
                "timestamp_too_old"
            };
            assert_eq!(err.reason, Some(want));
        }
    }
}
