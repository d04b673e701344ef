//! Control endpoints under `/_emulator/`, outside A55's API: read state for assertions, settle
//! charges, pay PIX and other issued charges, complete 3DS, advance the clock, and the OpenAPI
//! document of everything the emulator serves.

use a55_core::status::ChargeStatus;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::app::Shared;
use crate::errors::plain;
use crate::json::{Json, reply};
use crate::lifecycle::{complete_3ds, schedule_settlement, transition};

/// The OpenAPI document, kept in the repository.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The control routes.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/_emulator/health",
            get(|| async { Json(json!({"ok": true})) }),
        )
        .route("/_emulator/openapi.json", get(openapi))
        .route("/_emulator/state", get(state))
        .route("/_emulator/charges", get(charges))
        .route("/_emulator/charges/{id}", get(charge))
        .route("/_emulator/charges/{id}/settle", post(settle))
        .route("/_emulator/charges/{id}/pay", post(pay))
        .route("/_emulator/pix/{id}/pay", post(pay))
        .route("/_emulator/charges/{id}/complete-3ds", post(threeds))
        .route("/_emulator/clock/advance", post(advance))
        .route("/_emulator/webhooks", get(webhooks))
        .route("/_emulator/faults", post(queue_faults))
}

async fn openapi() -> Response {
    ([("content-type", "application/json")], OPENAPI).into_response()
}

fn not_found() -> Response {
    reply(plain(StatusCode::NOT_FOUND, "no such charge"))
}

async fn state(State(app): State<Shared>) -> Json<Value> {
    let store = app.store();
    let by_status: serde_json::Map<String, Value> = store
        .status_counts()
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| (s.clone(), json!(n)))
        .collect();
    Json(json!({
        "today": app.clock.today().to_string(),
        "now": app.clock.now(),
        "wallets": store.wallets.values().map(|w| w.to_json()).collect::<Vec<_>>(),
        "charge_count": store.charge_count(),
        "charges_by_status": by_status,
        "subscription_count": store.subscriptions.len(),
        "checkout_count": store.checkouts.len(),
        "token_requests": store.token_requests,
        "tokens_issued": store.tokens.len(),
        "requests": store.requests,
        "faults": store.faults,
        "idempotency_keys": store.idempotency.len(),
        "idempotent_replays": store.idempotent_replays,
        "webhook_deliveries": store.delivery_count,
    }))
}

async fn charges(State(app): State<Shared>) -> Json<Value> {
    let store = app.store();
    let base = app.base_url();
    let list: Vec<Value> = store
        .all_charges()
        .map(|c| {
            let mut v = c.to_json(base);
            if let Some(obj) = v.as_object_mut() {
                obj.insert(
                    "reference_external_id".into(),
                    json!(c.reference_external_id),
                );
                obj.insert("card_last4".into(), json!(c.card_last4));
            }
            v
        })
        .collect();
    Json(json!({"data": list}))
}

async fn charge(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    match app.store().charge(&id) {
        Some(c) => Json(c.to_json(app.base_url())).into_response(),
        None => not_found(),
    }
}

/// Moves a charge from `from` to `paid`: its JSON, 409 from another status, 404 when unknown.
fn to_paid(app: &Shared, id: &str, from: ChargeStatus, refusal: &str) -> Response {
    let status = app.store().charge(id).map(|c| c.status.clone());
    match status {
        Some(s) if s == from => match transition(app, id, ChargeStatus::Paid) {
            Some(Ok(c)) => Json(c.to_json(app.base_url())).into_response(),
            Some(Err(c)) => reply(plain(
                StatusCode::CONFLICT,
                &format!("{refusal}; this one is {}", c.status),
            )),
            None => not_found(),
        },
        Some(other) => reply(plain(
            StatusCode::CONFLICT,
            &format!("{refusal}; this one is {other}"),
        )),
        None => not_found(),
    }
}

async fn settle(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    to_paid(
        &app,
        &id,
        ChargeStatus::Confirmed,
        "only confirmed charges settle",
    )
}

async fn pay(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    to_paid(
        &app,
        &id,
        ChargeStatus::Issued,
        "only issued charges can be paid this way",
    )
}

async fn threeds(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    match complete_3ds(&app, &id) {
        Some(c) => {
            schedule_settlement(&app, &c);
            Json(c.to_json(app.base_url())).into_response()
        }
        None => not_found(),
    }
}

async fn advance(State(app): State<Shared>, body: Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let seconds = v.get("seconds").and_then(Value::as_i64).unwrap_or(0);
    let days = v.get("days").and_then(Value::as_i64).unwrap_or(0);
    let secs = days
        .checked_mul(86_400)
        .and_then(|d| d.checked_add(seconds));
    let Some(secs) = secs.filter(|s| *s > 0) else {
        return reply(plain(
            StatusCode::BAD_REQUEST,
            "give {\"seconds\": N} or {\"days\": N}, positive",
        ));
    };
    if let Err(e) = app.clock.advance(secs) {
        return reply(plain(StatusCode::BAD_REQUEST, &e));
    }
    Json(json!({"today": app.clock.today().to_string(), "now": app.clock.now()})).into_response()
}

/// Queues faults for the next API requests: `{"faults": ["503", "reset_after", "delay:200"]}`.
async fn queue_faults(State(app): State<Shared>, body: Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(list) = v.get("faults").and_then(Value::as_array) else {
        return reply(plain(
            StatusCode::BAD_REQUEST,
            "give {\"faults\": [\"503\", …]}",
        ));
    };
    let mut parsed = Vec::new();
    for item in list {
        let text = item.as_str().unwrap_or_default();
        let (name, ms) = match text.split_once(':') {
            Some((n, ms)) => (n, ms.parse().unwrap_or(100)),
            None => (text, 100),
        };
        match crate::config::Fault::parse(name, ms) {
            Some(f) => parsed.push(f),
            None => {
                return reply(plain(
                    StatusCode::BAD_REQUEST,
                    &format!("unknown fault {text:?}"),
                ));
            }
        }
    }
    let mut store = app.store();
    store.fault_queue.extend(parsed);
    Json(json!({"queued": store.fault_queue.len()})).into_response()
}

async fn webhooks(State(app): State<Shared>) -> Json<Value> {
    let store = app.store();
    let list: Vec<Value> = store
        .deliveries()
        .map(|d| {
            json!({
                "delivery_id": d.delivery_id, "url": d.url, "charge_uuid": d.charge_uuid,
                "status": d.status.as_str(), "attempts": d.attempts, "outcome": d.outcome,
            })
        })
        .collect();
    Json(json!({"data": list}))
}
