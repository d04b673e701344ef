//! The public charge endpoints, called without a token from the payer's side: read a charge, and pay
//! an `issued` one with a card (the pages in `src/pages.rs` pay through the same function).

use a55_core::card::card_digits;
use a55_core::models::TypeCharge;
use a55_core::status::ChargeStatus;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

use super::idempotency::idempotent;
use super::text;
use crate::app::{PendingDelay, Shared};
use crate::errors::{Msg, Shape, charge_error, charge_not_found, error};
use crate::json::num;
use crate::json::{Reply, reply};
use crate::lifecycle::{authorize_card, schedule_settlement, transition};
use crate::state::ChargeRec;

pub(super) async fn public_get_charge(
    State(app): State<Shared>,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let id = q
        .iter()
        .find(|(k, _)| k == "charge_uuid")
        .map(|(_, v)| v.to_lowercase())
        .unwrap_or_default();
    let Some(c) = app.store().charge(&id).cloned() else {
        return reply(charge_not_found());
    };
    reply((
        StatusCode::OK,
        json!([{
            "charge_uuid": c.charge_uuid,
            "status": c.status.as_str(),
            "redirect_url": c.redirect_url,
            "message": c.message,
            "value": num(c.total()),
            "currency": c.currency.code(),
            "type_charge": c.type_charge.as_str(),
            "installment_count": c.installments.len(),
            "customer": {"name": c.payer_name, "email": c.payer_email},
            "threeds_auth": c.threeds,
        }]),
    ))
}

/// 409: the charge is no longer `issued`.
fn not_payable(charge: &ChargeRec) -> Reply {
    charge_error(
        &charge.charge_uuid,
        StatusCode::CONFLICT,
        &[Msg::new(
            "CHARGE_NOT_PAYABLE",
            "charge",
            &format!("the charge is already {}", charge.status),
            None,
        )],
    )
}

/// Pays an `issued` charge with a card: confirmed (or the digit's decline). Used by the public pay
/// endpoint and the hosted pages.
pub fn pay_with_card(
    app: &Shared,
    charge_uuid: &str,
    card_number: &str,
) -> Result<ChargeRec, Reply> {
    let digits = card_digits(card_number)
        .filter(|d| (12..=19).contains(&d.len()))
        .ok_or_else(|| {
            error(
                Shape::Charge,
                StatusCode::UNPROCESSABLE_ENTITY,
                &[Msg::new(
                    "INVALID_CARD_NUMBER",
                    "validation",
                    "card_number must be 12 to 19 digits",
                    Some("card_number"),
                )],
            )
        })?;
    let mut charge = app
        .store()
        .charge(charge_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if charge.status != ChargeStatus::Issued {
        return Err(not_payable(&charge));
    }
    charge.card_digit = digits.bytes().last().map(|b| b - b'0');
    charge.card_last4 = Some(digits[digits.len() - 4..].to_string());
    if !charge.type_charge.is_card() {
        charge.type_charge = TypeCharge::CreditCard;
    }
    authorize_card(app, &mut charge);
    if let Some(c) = app.store().charge_mut(charge_uuid) {
        c.card_digit = charge.card_digit;
        c.card_last4 = charge.card_last4.clone();
        c.return_code = charge.return_code.clone();
        c.message = charge.message.clone();
        c.type_charge = charge.type_charge.clone();
    }
    let updated = match transition(app, charge_uuid, charge.status) {
        Some(Ok(c)) => c,
        Some(Err(c)) => return Err(not_payable(&c)),
        None => return Err(charge_not_found()),
    };
    schedule_settlement(app, &updated);
    Ok(updated)
}

/// The public payment's body, as `public_pay` reads it.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler reads the same names from the JSON.
pub(super) struct PublicPayBody {
    /// The card's number; its last digit decides the outcome.
    card_number: String,
    /// The name on the card.
    card_name: Option<String>,
    /// `MM`.
    card_expiry_month: Option<String>,
    /// `YYYY`.
    card_expiry_year: Option<String>,
    /// The CVV.
    card_cvv: Option<String>,
    /// The payer's tax id.
    payer_tax_id: Option<String>,
}

pub(super) async fn public_pay(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path(charge_uuid): Path<String>,
    body: Bytes,
) -> Response {
    let route = format!("POST pay {charge_uuid}");
    idempotent(
        &app,
        &headers,
        delay,
        &route,
        Shape::Charge,
        &body,
        true,
        move |app, _caller, p| {
            let number = text(&p, "card_number").unwrap_or_default();
            match pay_with_card(app, &charge_uuid.to_lowercase(), &number) {
                Ok(c) => (
                    StatusCode::OK,
                    json!({"charge_uuid": c.charge_uuid, "status": c.status.as_str(), "message": c.message}),
                ),
                Err(r) => r,
            }
        },
    )
    .await
}
