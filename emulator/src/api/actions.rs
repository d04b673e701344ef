//! What can be done to an existing charge: refund (full or partial), cancel, and capture (a charge
//! created with `capture: false`).

use a55_core::models::json_schema::Amount;
use a55_core::status::ChargeStatus;
use a55_core::validate::RequestKind;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::charges::find_charge;
use super::idempotency::idempotent;
use super::{amount_of, text, uuid_param};
use crate::app::{PendingDelay, Shared};
use crate::errors::{Msg, Shape, charge_error, charge_not_found, forbidden, validated};
use crate::lifecycle::transition;

/// A refund's body (the charge and wallet are in the path); it may be left out.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `refund` validates the JSON with core's rules.
pub(super) struct RefundBody {
    /// How much; omitted, everything still refundable.
    amount: Option<Amount>,
    /// Why.
    reason: Option<String>,
}

/// A cancel's body; it may be left out.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `cancel` reads nothing from it.
pub(super) struct CancelBody {
    /// Why.
    reason: Option<String>,
}

pub(super) async fn refund(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path((charge_uuid, wallet_uuid)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let route = format!("POST refund {charge_uuid}");
    idempotent(
        &app,
        &headers,
        delay,
        &route,
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let Some(caller) = caller else {
                return forbidden();
            };
            let mut payload = body.as_object().cloned().unwrap_or_default();
            payload.insert("charge_uuid".into(), json!(charge_uuid));
            payload.insert("wallet_uuid".into(), json!(wallet_uuid));
            let payload = Value::Object(payload);
            let prepared = match validated(app, RequestKind::Refund, Shape::Charge, &payload) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let charge =
                match find_charge(app, caller, &charge_uuid.to_lowercase(), Some(&wallet_uuid)) {
                    Ok(c) => c,
                    Err(r) => return r,
                };
            if !matches!(charge.status, ChargeStatus::Confirmed | ChargeStatus::Paid) {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "REFUND_NOT_ALLOWED",
                        "charge",
                        &format!(
                            "a {} charge cannot be refunded; only confirmed or paid charges can",
                            charge.status
                        ),
                        None,
                    )],
                );
            }
            let refundable = charge.refundable();
            let amount = amount_of(&prepared).unwrap_or(refundable);
            if amount > refundable {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &[Msg::new(
                        "AMOUNT_INVALID",
                        "validation",
                        &format!("amount {amount} is more than the refundable {refundable}"),
                        Some("amount"),
                    )],
                );
            }
            let full = {
                let mut store = app.store();
                let Some(c) = store.charge_mut(&charge.charge_uuid) else {
                    return charge_not_found();
                };
                c.refunded += amount;
                c.updated_at = app.clock.now();
                c.refundable().is_zero()
            };
            let updated = if full {
                transition(app, &charge.charge_uuid, ChargeStatus::Refunded)
                    .map(|moved| moved.unwrap_or_else(|c| c))
            } else {
                app.store().charge(&charge.charge_uuid).cloned()
            };
            match updated {
                Some(c) => (StatusCode::OK, c.to_json(app.base_url())),
                None => charge_not_found(),
            }
        },
    )
    .await
}

pub(super) async fn cancel(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path((charge_uuid, wallet_uuid)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let route = format!("POST cancel {charge_uuid}");
    idempotent(&app, &headers, delay, &route, Shape::Charge, &body, false, move |app, caller, _body| {
        let Some(caller) = caller else { return forbidden() };
        if let Err(r) = uuid_param(Some(&charge_uuid), "charge_uuid").and(uuid_param(Some(&wallet_uuid), "wallet_uuid")) {
            return r;
        }
        let charge = match find_charge(app, caller, &charge_uuid.to_lowercase(), Some(&wallet_uuid)) {
            Ok(c) => c,
            Err(r) => return r,
        };
        match charge.status {
            ChargeStatus::Issued | ChargeStatus::Pending | ChargeStatus::Confirmed => {}
            ChargeStatus::Paid => {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new("CANCEL_NOT_ALLOWED", "charge", "the charge is already settled; use refund", None)],
                );
            }
            ref other => {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::CONFLICT,
                    &[Msg::new("CANCEL_NOT_ALLOWED", "charge", &format!("the charge is already {other}"), None)],
                );
            }
        }
        transition(app, &charge.charge_uuid, ChargeStatus::Canceled);
        (
            StatusCode::OK,
            json!({"charge_uuid": charge.charge_uuid, "wallet_uuid": charge.wallet_uuid, "status": "canceled", "message": {}}),
        )
    })
    .await
}

pub(super) async fn capture(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST capture",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let Some(caller) = caller else {
                return forbidden();
            };
            let p = match validated(app, RequestKind::Capture, Shape::Charge, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let id = text(&p, "charge_uuid").unwrap_or_default().to_lowercase();
            let charge = match find_charge(app, caller, &id, text(&p, "wallet_uuid").as_deref()) {
                Ok(c) => c,
                Err(r) => return r,
            };
            if charge.status != ChargeStatus::Confirmed || charge.capture {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "CAPTURE_NOT_ALLOWED",
                        "charge",
                        "only a confirmed charge created with capture: false can be captured",
                        None,
                    )],
                );
            }
            let amount = amount_of(&p).unwrap_or_else(|| charge.total());
            if amount > charge.total() {
                return charge_error(
                    &charge.charge_uuid,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &[Msg::new(
                        "AMOUNT_INVALID",
                        "validation",
                        "amount is more than the authorized amount",
                        Some("amount"),
                    )],
                );
            }
            if let Some(c) = app.store().charge_mut(&id) {
                c.captured = Some(amount);
                c.capture = true;
            }
            match transition(app, &id, ChargeStatus::Paid) {
                Some(Ok(c) | Err(c)) => (StatusCode::OK, c.to_json(app.base_url())),
                None => charge_not_found(),
            }
        },
    )
    .await
}
