//! The public endpoints, called without a token from the payer's side (A55's browser SDK calls them
//! from a merchant's page): read a charge, pay an `issued` one with a card, and the answers to a
//! wrong method or an unknown public path. The 3DS device-data set-up is in `threeds_setup.rs`; the
//! pages in `src/pages/` pay through [`pay_with_card`] too.
//!
//! The pay endpoint reads both body shapes, A55's documented flat one and its browser SDK's nested
//! one, through core's `public_payment` validation, which also turns the nested shape into the flat
//! one (`a55_core::validate::flat_public_payment`).

use a55_core::card::card_digits;
use a55_core::models::TypeCharge;
use a55_core::status::ChargeStatus;
use a55_core::validate::{RequestKind, flat_public_payment};
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::idempotency::idempotent;
use super::text;
use crate::app::{PendingDelay, Shared};
use crate::errors::{Msg, Shape, charge_error, charge_not_found, error, validated};
use crate::json::{Reply, num, reply};
use crate::lifecycle::{authorize_card, schedule_settlement, transition};
use crate::state::ChargeRec;

/// The public view of a charge: every field A55's browser SDK reads.
fn public_json(app: &Shared, c: &ChargeRec) -> Value {
    let mut out = json!({
        "charge_uuid": c.charge_uuid,
        "status": c.status.as_str(),
        "redirect_url": c.redirect_url,
        "message": c.message,
        "value": num(c.total()),
        "currency": c.currency.code(),
        "type_charge": c.type_charge.as_str(),
        "installment_count": c.installments.len(),
        "website": app.base_url(),
        "customer": {"name": c.payer_name, "email": c.payer_email},
        "recurrence": c.subscription_uuid.is_some(),
        "threeds_auth": c.threeds,
        "threeds_metadata": c.threeds.then(|| json!({"access_token": format!("emulator-3ds-{}", c.charge_uuid)})),
    });
    if let (Some(obj), Some(url)) = (out.as_object_mut(), threeds_url(app, c)) {
        obj.insert("url_3ds".into(), json!(url));
    }
    out
}

/// The challenge page of a charge waiting for 3DS.
fn threeds_url(app: &Shared, c: &ChargeRec) -> Option<String> {
    (c.status == ChargeStatus::Pending && c.threeds)
        .then(|| format!("{}/3ds/{}", app.base_url(), c.charge_uuid))
}

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
    reply((StatusCode::OK, json!([public_json(&app, &c)])))
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

/// Pays an `issued` charge with a card whose fields were validated. A charge created with
/// `threeds_authentication: true` waits for its challenge (`pending`) unless the payer's side already
/// authenticated (`threeds_done`, a body with `threeds_auth`); otherwise the card's last digit
/// decides: confirmed, or the decline. Used by the public pay endpoint and the hosted pages.
pub fn pay_with_card(
    app: &Shared,
    charge_uuid: &str,
    card_number: &str,
    threeds_done: bool,
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
    if charge.threeds && !threeds_done {
        charge.status = ChargeStatus::Pending;
    } else {
        authorize_card(app, &mut charge);
    }
    if let Some(c) = app.store().charge_mut(charge_uuid) {
        c.card_digit = charge.card_digit;
        c.card_last4 = charge.card_last4.clone();
        c.type_charge = charge.type_charge.clone();
        c.return_code = charge.return_code.clone();
        c.message = charge.message.clone();
    }
    let updated = match transition(app, charge_uuid, charge.status) {
        Some(Ok(c)) => c,
        Some(Err(c)) => return Err(not_payable(&c)),
        None => return Err(charge_not_found()),
    };
    schedule_settlement(app, &updated);
    Ok(updated)
}

/// The public payment's body, as `public_pay` reads it: A55's documented flat card fields, or its
/// browser SDK's nested `card` object (with the payer's details); core's `public_payment` validation
/// checks either and requires one of the two.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler validates the JSON with core's rules.
pub(super) struct PublicPayBody {
    /// The card's number (flat body); its last digit decides the outcome.
    card_number: Option<String>,
    /// The name on the card (flat body).
    card_name: Option<String>,
    /// `MM` (flat body).
    card_expiry_month: Option<String>,
    /// `YYYY` (flat body).
    card_expiry_year: Option<String>,
    /// The CVV (flat body).
    card_cvv: Option<String>,
    /// The card (nested body).
    card: Option<NestedCard>,
    /// The payer's tax id.
    payer_tax_id: Option<String>,
    /// The payer's name (nested body).
    payer_name: Option<String>,
    /// The payer's email (nested body).
    payer_email: Option<String>,
    /// The payer's phone (nested body).
    cell_phone: Option<String>,
    /// The payer's address (nested body).
    address: Option<serde_json::Map<String, Value>>,
    /// Browser data for 3DS.
    device_info: Option<serde_json::Map<String, Value>>,
    /// The outcome of a 3DS authentication done on the payer's side.
    threeds_auth: Option<serde_json::Map<String, Value>>,
}

/// The nested body's card.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct NestedCard {
    /// The name on the card.
    holder_name: Option<String>,
    /// The card's number.
    number: Option<String>,
    /// `MM`.
    expiry_month: Option<String>,
    /// `YYYY`.
    expiry_year: Option<String>,
    /// The CVV.
    ccv: Option<String>,
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
        move |app, _caller, body| {
            let payload = match validated(app, RequestKind::PublicPayment, Shape::Charge, &body) {
                Ok(p) => flat_public_payment(&p),
                Err(r) => return r,
            };
            let number = text(&payload, "card_number").unwrap_or_default();
            let threeds_done = payload.get("threeds_auth").is_some_and(Value::is_object);
            match pay_with_card(app, &charge_uuid.to_lowercase(), &number, threeds_done) {
                Ok(c) => {
                    let mut out =
                        json!({"charge_uuid": c.charge_uuid, "status": c.status.as_str(), "message": c.message});
                    if let (Some(obj), Some(url)) = (out.as_object_mut(), threeds_url(app, &c)) {
                        obj.insert("url_3ds".into(), json!(url));
                    }
                    (StatusCode::OK, out)
                }
                Err(r) => r,
            }
        },
    )
    .await
}

/// A public path answered with a method it does not take.
pub(super) async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    reply(error(
        Shape::Charge,
        StatusCode::METHOD_NOT_ALLOWED,
        &[Msg::new(
            "METHOD_NOT_ALLOWED",
            "request",
            &format!("{method} is not answered at {}", uri.path()),
            None,
        )],
    ))
}

/// A public path the emulator does not serve (Apple Pay's session, for one).
pub async fn unknown_public_endpoint(uri: Uri) -> Response {
    reply(error(
        Shape::Charge,
        StatusCode::NOT_FOUND,
        &[Msg::new(
            "NOT_FOUND",
            "request",
            &format!("the emulator serves no public endpoint at {}", uri.path()),
            None,
        )],
    ))
}
