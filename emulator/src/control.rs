//! Control endpoints under `/_emulator/`, outside A55's API: read state for assertions, settle
//! charges, pay PIX and other issued charges, complete 3DS, advance the clock, queue faults.

use std::collections::BTreeMap;

use a55_core::models::json_schema::DateText;
use a55_core::status::ChargeStatus;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use schemars::JsonSchema;

use crate::answers::{ChargeAnswer, ControlCharge, WalletAnswer};
use crate::app::Shared;
use crate::errors::{PlainError, plain};
use crate::json::{Json, reply};
use crate::lifecycle::{complete_3ds, schedule_settlement, transition};
use crate::route::Route;

/// The control endpoints, described.
pub fn routes() -> Vec<Route> {
    let charge = |r: Route, what: &'static str| {
        r.ok::<ChargeAnswer>(what)
            .error::<PlainError>(404, "No such charge")
    };
    let moved = |r: Route, what: &'static str| {
        charge(r, what).error::<PlainError>(409, "The charge's status does not allow it")
    };
    vec![
        Route::get(
            "/_emulator/health",
            get(|| async { Json(json!({"ok": true})) }),
        )
        .op("health", "control", "Whether the emulator answers")
        .ok::<Health>("{ok: true}"),
        Route::get("/_emulator/state", get(state))
            .op("state", "control", "Counts for assertions")
            .ok::<StateView>("Wallets and counters"),
        Route::get("/_emulator/charges", get(charges))
            .op(
                "controlCharges",
                "control",
                "Every charge, in creation order",
            )
            .ok::<ChargeList>("{data: [charge, with reference_external_id and card_last4]}"),
        charge(
            Route::get("/_emulator/charges/{id}", get(charge_by_id)).op(
                "controlCharge",
                "control",
                "A charge, whatever its wallet",
            ),
            "The charge",
        ),
        moved(
            Route::post("/_emulator/charges/{id}/settle", post(settle)).op(
                "settleCharge",
                "control",
                "Settle a confirmed charge now (paid)",
            ),
            "The charge, paid",
        ),
        moved(
            Route::post("/_emulator/charges/{id}/pay", post(pay)).op(
                "payCharge",
                "control",
                "Pay an issued charge (paid)",
            ),
            "The charge, paid",
        ),
        moved(
            Route::post("/_emulator/pix/{id}/pay", post(pay)).op(
                "payPix",
                "control",
                "Pay an issued PIX charge (paid)",
            ),
            "The charge, paid",
        ),
        charge(
            Route::post("/_emulator/charges/{id}/complete-3ds", post(threeds)).op(
                "complete3ds",
                "control",
                "Complete a pending charge's 3DS challenge",
            ),
            "The charge: confirmed, or the card digit's decline; as it was when not pending",
        ),
        Route::post("/_emulator/clock/advance", post(advance))
            .op("advanceClock", "control", "Move the clock forward")
            .json_body::<Advance>()
            .ok::<ClockView>("The clock after")
            .error::<PlainError>(400, "Not a positive move, or past 1,000 years in all"),
        Route::get("/_emulator/webhooks", get(webhooks))
            .op(
                "webhookDeliveries",
                "control",
                "The most recent webhook deliveries",
            )
            .ok::<DeliveryList>("{data: [delivery]}, oldest first"),
        Route::post("/_emulator/faults", post(queue_faults))
            .op(
                "queueFaults",
                "control",
                "Queue faults for the next API requests",
            )
            .json_body::<FaultQueue>()
            .ok::<Queued>("How many are queued")
            .error::<PlainError>(400, "No list, or an unknown fault"),
    ]
}

/// `{ok: true}`.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct Health {
    /// Always true.
    ok: bool,
}

/// What `/_emulator/state` answers.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `state` writes the same names.
struct StateView {
    /// The emulator's today.
    today: DateText,
    /// Its clock, Unix seconds.
    now: i64,
    /// Every wallet.
    wallets: Vec<WalletAnswer>,
    /// How many charges there are.
    charge_count: u64,
    /// How many charges have each status.
    charges_by_status: BTreeMap<String, u64>,
    /// How many subscriptions there are.
    subscription_count: u64,
    /// How many checkout sessions and payment links there are.
    checkout_count: u64,
    /// Token requests answered.
    token_requests: u64,
    /// Token requests answered, by the client id they named (known clients only).
    token_requests_by_client: BTreeMap<String, u64>,
    /// Tokens kept (not yet expired).
    tokens_issued: u64,
    /// API requests seen.
    requests: u64,
    /// Faults injected, by name.
    faults: BTreeMap<String, u64>,
    /// The rate limit's counts, by client id (`anonymous`: requests without a valid token). Token
    /// requests are not among them.
    rate: BTreeMap<String, RateCounts>,
    /// Idempotency records kept.
    idempotency_keys: u64,
    /// Idempotent replays answered.
    idempotent_replays: u64,
    /// Webhook deliveries made in all.
    webhook_deliveries: u64,
}

/// One client's rate-limit counts.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `state` writes the same names.
struct RateCounts {
    /// API requests the rate limit counted: admitted and answered 429.
    requests: u64,
    /// Requests it answered 429.
    rate_limited: u64,
    /// The most admitted requests seen inside one rolling window (0 while the limit is off).
    max_in_window: u64,
}

/// `{data: [charge]}`.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct ChargeList {
    /// The charges.
    data: Vec<ControlCharge>,
}

/// How far to move the clock: seconds, days, or both.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `advance` reads the same names.
struct Advance {
    /// Seconds.
    seconds: Option<i64>,
    /// Days.
    days: Option<i64>,
}

/// The clock.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct ClockView {
    /// The emulator's today.
    today: DateText,
    /// Its clock, Unix seconds.
    now: i64,
}

/// One attempt of a delivery.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct Attempt {
    /// 1 to 7.
    attempt: u32,
    /// When (ISO 8601).
    at: String,
    /// The receiver's HTTP status, when it answered.
    status: Option<u16>,
    /// `timeout` or `connection error`, when it did not.
    error: Option<String>,
}

/// One webhook delivery.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct Delivery {
    /// Its id, from 1.
    delivery_id: u64,
    /// Where it goes.
    url: String,
    /// The charge.
    charge_uuid: String,
    /// The status it announces.
    status: ChargeStatus,
    /// Its attempts so far.
    attempts: Vec<Attempt>,
    /// `pending`, `delivered`, `failed: …` or `skipped: …`.
    outcome: String,
}

/// `{data: [delivery]}`.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct DeliveryList {
    /// The deliveries kept, oldest first.
    data: Vec<Delivery>,
}

/// Faults to queue: `503`, `500`, `429`, `delay:MS`, `reset_before`, `reset_after`.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `queue_faults` reads the same names.
struct FaultQueue {
    /// In order.
    faults: Vec<String>,
}

/// `{queued: N}`.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct Queued {
    /// Faults waiting.
    queued: u64,
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
    let rate: serde_json::Map<String, Value> = store
        .rate
        .iter()
        .map(|(client, r)| {
            let counts = json!({
                "requests": r.requests,
                "rate_limited": r.rate_limited,
                "max_in_window": r.max_in_window,
            });
            (client.clone(), counts)
        })
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
        "token_requests_by_client": store.token_requests_by_client,
        "tokens_issued": store.tokens.len(),
        "requests": store.requests,
        "faults": store.faults,
        "rate": rate,
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

async fn charge_by_id(State(app): State<Shared>, Path(id): Path<String>) -> Response {
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
