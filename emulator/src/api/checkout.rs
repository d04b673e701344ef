//! Checkout sessions and payment links: create them, and the charge a hosted checkout payment makes
//! (the pages in `src/pages.rs` call it).

use a55_core::card::card_digits;
use a55_core::models::TypeCharge;
use a55_core::models::json_schema::Amount;
use a55_core::money::{AmountArg, Currency, normalize_in};
use a55_core::schedule::{MAX_INSTALLMENTS, installment_due_dates, parse_date, split_installments};
use a55_core::status::{ChargeStatus, CheckoutStatus};
use a55_core::validate::RequestKind;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::charges::blank_charge;
use super::idempotency::idempotent;
use super::wallets::check_wallet;
use super::{amount_of, text};
use crate::app::{PendingDelay, Shared};
use crate::errors::{Msg, Shape, charge_not_found, error, validated};
use crate::json::Reply;
use crate::json::num;
use crate::lifecycle::{
    authorize_card, record_checkout_payment, save_and_notify, schedule_settlement,
};
use crate::state::{ChargeRec, CheckoutRec, uuid_from};

fn checkout_json(app: &Shared, c: &CheckoutRec) -> Value {
    let expires = format!("{}T23:59:59Z", c.due_date);
    if c.payment_link {
        let (usd, eur) = crate::fx::equivalents(c.amount, c.currency);
        return json!({
            "payment_link_uuid": c.checkout_uuid,
            "status": c.status.as_str(),
            "url": format!("{}/checkout/{}", app.base_url(), c.checkout_uuid),
            "local_currency": num(c.amount),
            "currency": c.currency.code(),
            "usd_currency": usd.map(num),
            "eur_currency": eur.map(num),
        });
    }
    json!({
        "checkout_uuid": c.checkout_uuid,
        "checkout_url": format!("{}/checkout/{}", app.base_url(), c.checkout_uuid),
        "status": c.status.as_str(),
        "amount": num(c.amount),
        "currency": c.currency.code(),
        "expires_at": expires,
        "charge_uuid": c.charge_uuid,
        "max_installments": c.max_installments,
    })
}

pub(super) async fn create_checkout(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST checkout",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let p = match validated(app, RequestKind::Checkout, Shape::Charge, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
            if let Err(r) = check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
                return r;
            }
            let rec = CheckoutRec {
                checkout_uuid: uuid_from(&app.rng),
                wallet_uuid,
                merchant_id: text(&p, "merchant_id").unwrap_or_default(),
                amount: amount_of(&p).unwrap_or_default(),
                currency: text(&p, "currency")
                    .and_then(|c| Currency::from_code(&c).ok())
                    .unwrap_or(Currency::Brl),
                description: text(&p, "description").unwrap_or_default(),
                redirect_url: text(&p, "redirect_url"),
                cancel_url: text(&p, "cancel_url"),
                webhook_url: text(&p, "webhook_url"),
                reference_external_id: text(&p, "reference_external_id"),
                max_installments: p
                    .get("max_installments")
                    .and_then(Value::as_u64)
                    .unwrap_or(u64::from(MAX_INSTALLMENTS))
                    .clamp(1, u64::from(MAX_INSTALLMENTS)) as u32,
                due_date: text(&p, "due_date")
                    .and_then(|d| parse_date(&d, "due_date").ok())
                    .unwrap_or(app.clock.today()),
                status: CheckoutStatus::Active,
                charge_uuid: None,
                payer_email: text(&p, "payer_email"),
                payment_link: false,
                threeds: p.get("threeds_authentication") == Some(&Value::Bool(true)),
            };
            let out = checkout_json(app, &rec);
            app.store().checkouts.insert(rec.checkout_uuid.clone(), rec);
            (StatusCode::OK, out)
        },
    )
    .await
}

/// A payment link's body, as `create_payment_link` reads it.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler reads the same names from the JSON.
pub(super) struct PaymentLinkBody {
    /// The wallet receiving the money.
    wallet_uuid: String,
    /// The merchant.
    merchant_id: Option<String>,
    /// The currency.
    currency: Currency,
    /// The amount (or `amount`).
    value: Option<Amount>,
    /// The amount, when `value` is not given.
    amount: Option<Amount>,
    /// Shown to the payer (else `name`).
    description: Option<String>,
    /// The link's name.
    name: Option<String>,
    /// Where the payer goes after paying.
    redirect_url: Option<String>,
    /// Overrides the default webhook URL.
    webhook_url: Option<String>,
    /// The most installments the payer may choose, 1 to 12.
    max_installment_count: Option<u32>,
}

pub(super) async fn create_payment_link(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST payment-link",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            // The SDK core's payment link rules first (types, URLs, the installment count).
            let p = match validated(app, RequestKind::PaymentLink, Shape::Charge, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
            if !a55_core::formats::is_uuid(&wallet_uuid) {
                return error(
                    Shape::Charge,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "INVALID_UUID",
                        "validation",
                        "wallet_uuid must be a UUID",
                        Some("wallet_uuid"),
                    )],
                );
            }
            let currency = match text(&p, "currency").map(|c| Currency::from_code(&c)) {
                Some(Ok(c)) => c,
                _ => {
                    return error(
                        Shape::Charge,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &[Msg::new(
                            "CURRENCY_NOT_SUPPORTED",
                            "validation",
                            "currency is not supported",
                            Some("currency"),
                        )],
                    );
                }
            };
            let raw_value = p
                .get("value")
                .or_else(|| p.get("amount"))
                .cloned()
                .unwrap_or(Value::Null);
            let text_value = match &raw_value {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => String::new(),
            };
            let amount = match normalize_in(AmountArg::Text(&text_value), currency, "value") {
                Ok(n) => n.amount,
                Err(e) => {
                    return error(
                        Shape::Charge,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &[Msg::new(
                            e.code.as_str(),
                            "validation",
                            &e.message,
                            Some("value"),
                        )],
                    );
                }
            };
            if let Err(r) = check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
                return r;
            }
            let rec = CheckoutRec {
                checkout_uuid: uuid_from(&app.rng),
                wallet_uuid,
                merchant_id: text(&p, "merchant_id").unwrap_or_default(),
                amount,
                currency,
                description: text(&p, "description")
                    .or_else(|| text(&p, "name"))
                    .unwrap_or_default(),
                redirect_url: text(&p, "redirect_url"),
                cancel_url: None,
                webhook_url: text(&p, "webhook_url"),
                reference_external_id: None,
                max_installments: p
                    .get("max_installment_count")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .clamp(1, u64::from(MAX_INSTALLMENTS)) as u32,
                due_date: app.clock.today() + chrono::Duration::days(30),
                status: CheckoutStatus::Active,
                charge_uuid: None,
                payer_email: None,
                payment_link: true,
                threeds: false,
            };
            let out = checkout_json(app, &rec);
            app.store().checkouts.insert(rec.checkout_uuid.clone(), rec);
            (StatusCode::OK, out)
        },
    )
    .await
}

/// Creates the charge a hosted checkout payment makes: the total split in `installments` parts.
pub fn checkout_charge(
    app: &Shared,
    checkout_uuid: &str,
    card_number: &str,
    installments: u32,
    payer: (&str, &str),
) -> Result<ChargeRec, Reply> {
    let co = app
        .store()
        .checkouts
        .get(checkout_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if co.status != CheckoutStatus::Active {
        return Err(error(
            Shape::Charge,
            StatusCode::CONFLICT,
            &[Msg::new(
                "CHECKOUT_NOT_ACTIVE",
                "checkout",
                "this checkout session was already used",
                None,
            )],
        ));
    }
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
    let count = installments.clamp(1, co.max_installments);
    let parts = split_installments(co.amount, count, co.currency.code()).map_err(|e| {
        error(
            Shape::Charge,
            StatusCode::UNPROCESSABLE_ENTITY,
            &[Msg::new(
                e.code.as_str(),
                "validation",
                &e.message,
                Some("installments"),
            )],
        )
    })?;
    let dates = installment_due_dates(app.clock.today(), count).unwrap_or_default();
    let mut charge = blank_charge(app, &co.wallet_uuid, co.currency);
    charge.merchant_id = co.merchant_id.clone();
    charge.type_charge = TypeCharge::CreditCard;
    charge.installment_value = parts.first().copied().unwrap_or_default();
    charge.installments = parts.into_iter().zip(dates).collect();
    charge.description = co.description.clone();
    charge.payer_name = payer.0.to_string();
    charge.payer_email = co
        .payer_email
        .clone()
        .unwrap_or_else(|| payer.1.to_string());
    charge.card_digit = digits.bytes().last().map(|b| b - b'0');
    charge.card_last4 = Some(digits[digits.len() - 4..].to_string());
    charge.webhook_url = co.webhook_url.clone();
    charge.redirect_url = co.redirect_url.clone();
    charge.reference_external_id = co.reference_external_id.clone();
    charge.payment_link_uuid = co.payment_link.then(|| co.checkout_uuid.clone());
    charge.checkout_uuid = Some(co.checkout_uuid.clone());
    charge.threeds = co.threeds;
    if charge.threeds {
        charge.status = ChargeStatus::Pending;
    } else {
        authorize_card(app, &mut charge);
    }
    record_checkout_payment(app, &charge);
    schedule_settlement(app, &charge);
    save_and_notify(app, charge.clone());
    Ok(charge)
}
