//! Webhook deliveries: signed as A55 documents, retried on A55's schedule (or the fast one),
//! loopback hosts only unless external deliveries are allowed.

use a55_core::formats::{is_loopback_host, parse_http_url};
use a55_core::status::ChargeStatus;
use a55_core::webhook::{SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_webhook};
use serde_json::{Value, json};

use crate::app::Shared;
use crate::state::{ChargeRec, DeliveryRec, iso};

/// The event body for a charge's current status (the richer documented revision).
pub fn event_body(charge: &ChargeRec) -> Value {
    let mut body = json!({
        "charge_uuid": charge.charge_uuid,
        "status": charge.status.as_str(),
        "transaction_reference": charge.reference_external_id,
        "subscription_uuid": charge.subscription_uuid,
        "payment_link_uuid": charge.payment_link_uuid,
        "amount": charge.total().to_string(),
        "currency": charge.currency.code(),
        "created_at": iso(charge.created_at),
        "updated_at": iso(charge.updated_at),
    });
    if let Some(obj) = body.as_object_mut() {
        if charge.status == ChargeStatus::Error {
            obj.insert("error_code".into(), json!(charge.return_code));
            let message = charge
                .message
                .as_ref()
                .and_then(|m| m.get(0))
                .and_then(|m| m.get("description"))
                .cloned();
            obj.insert("error_message".into(), message.unwrap_or(Value::Null));
        }
        if charge.status == ChargeStatus::Refunded {
            obj.insert("refund_amount".into(), json!(charge.refunded.to_string()));
        }
    }
    body
}

/// Queues a delivery of the charge's current status, if it has a webhook URL.
pub fn notify(app: &Shared, charge: &ChargeRec) {
    let Some(url) = charge.webhook_url.clone() else {
        return;
    };
    let body = event_body(charge);
    let id = app.store().push_delivery(DeliveryRec {
        delivery_id: 0,
        url: url.clone(),
        charge_uuid: charge.charge_uuid.clone(),
        status: charge.status.clone(),
        attempts: Vec::new(),
        outcome: "pending".into(),
    });
    let allowed = app.config.allow_external_webhooks
        || parse_http_url(&url).is_some_and(|u| is_loopback_host(u.host));
    if !allowed {
        finish(
            app,
            id,
            "skipped: not a loopback host (start with --allow-external-webhooks)",
        );
        return;
    }
    let app = app.clone();
    if tokio::runtime::Handle::try_current().is_err() {
        return;
    }
    tokio::spawn(async move { deliver(app, id, url, body).await });
}

fn finish(app: &Shared, id: u64, outcome: &str) {
    if let Some(d) = app.store().delivery_mut(id) {
        d.outcome = outcome.to_string();
    }
}

fn record(app: &Shared, id: u64, attempt: Value) {
    if let Some(d) = app.store().delivery_mut(id) {
        d.attempts.push(attempt);
    }
}

fn client(app: &Shared) -> Option<reqwest::Client> {
    if let Some(c) = app.http.get() {
        return Some(c.clone());
    }
    let built = reqwest::Client::builder().no_proxy().build().ok()?;
    Some(app.http.get_or_init(|| built).clone())
}

async fn deliver(app: Shared, id: u64, url: String, body: Value) {
    let schedule = app.config.webhook_schedule;
    let raw = String::from_utf8_lossy(&crate::json::to_vec(&body)).into_owned();
    for (n, delay) in schedule.delays().into_iter().enumerate() {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let ts = app.clock.now();
        let signature = sign_webhook(raw.as_bytes(), &app.config.webhook_secret, ts);
        let Some(http) = client(&app) else {
            return finish(&app, id, "failed: no HTTP client (TLS set-up failed)");
        };
        let result = http
            .post(&url)
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, &signature)
            .header(TIMESTAMP_HEADER, ts.to_string())
            .timeout(schedule.attempt_timeout())
            .body(raw.clone())
            .send()
            .await;
        let (status, outcome) = match &result {
            Ok(r) => (Some(r.status().as_u16()), None),
            Err(e) if e.is_timeout() => (None, Some("timeout")),
            Err(_) => (None, Some("connection error")),
        };
        record(
            &app,
            id,
            json!({"attempt": n + 1, "at": iso(ts), "status": status, "error": outcome}),
        );
        match status {
            Some(s) if (200..300).contains(&s) => return finish(&app, id, "delivered"),
            Some(s) if (400..500).contains(&s) => {
                return finish(&app, id, &format!("failed: permanent {s}"));
            }
            _ => {}
        }
    }
    finish(&app, id, "failed: 7 attempts");
}
