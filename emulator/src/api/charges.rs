//! Charges: create (`POST /api/v1/bank/wallet/charge/` for every method and
//! `POST /api/v1/bank/wallet/charge/pix/`), get (by query or by path) and list a wallet's charges;
//! and the charge records those build.

use a55_core::card::card_digits;
use a55_core::models::{TypeCharge, decimal_from_json};
use a55_core::money::Currency;
use a55_core::schedule::{MAX_INSTALLMENTS, installment_due_dates, parse_date};
use a55_core::status::ChargeStatus;
use a55_core::validate::RequestKind;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::auth::{Caller, authorize};
use super::idempotency::idempotent;
use super::subscriptions::start_subscription;
use super::wallets::check_wallet;
use super::{text, uuid_param};
use crate::app::{PendingDelay, Shared};
use crate::errors::{Shape, charge_not_found, forbidden, validated};
use crate::json::{Reply, Written, reply};
use crate::lifecycle::{save_and_notify, schedule_settlement, start_charge};
use crate::state::{ChargeRec, WalletRec, uuid_from};

/// Creates a charge from a validated payload (also used by checkout pages).
fn new_charge(app: &Shared, p: &Value, wallet: &WalletRec, pix_endpoint: bool) -> ChargeRec {
    let today = app.clock.today();
    let currency = text(p, "currency")
        .and_then(|c| Currency::from_code(&c).ok())
        .unwrap_or(Currency::Brl);
    let (value_key, count) = if pix_endpoint {
        ("amount", 1)
    } else {
        (
            "installment_value",
            p.get("installment_count")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .clamp(1, u64::from(MAX_INSTALLMENTS)) as u32,
        )
    };
    let value = p
        .get(value_key)
        .and_then(decimal_from_json)
        .unwrap_or_default();
    let due = text(p, "due_date")
        .and_then(|d| parse_date(&d, "due_date").ok())
        .unwrap_or(today);
    let dates = installment_due_dates(due, count).unwrap_or_else(|_| vec![due]);
    let card_number = text(p, "card_number").and_then(|n| card_digits(&n));
    let mut charge = blank_charge(app, &wallet.wallet_uuid, currency);
    charge.merchant_id = text(p, "merchant_id").unwrap_or_default();
    charge.type_charge = if pix_endpoint {
        TypeCharge::Pix
    } else {
        TypeCharge::parse(&text(p, "type_charge").unwrap_or_default())
    };
    charge.installment_value = value;
    charge.installments = dates.into_iter().map(|d| (value, d)).collect();
    charge.due_date = due;
    charge.description = text(p, "description").unwrap_or_default();
    charge.payer_name = text(p, "payer_name").unwrap_or_default();
    charge.payer_email = text(p, "payer_email").unwrap_or_default();
    charge.card_digit = card_number
        .as_ref()
        .and_then(|n| n.bytes().last())
        .map(|b| b - b'0');
    charge.card_last4 = card_number
        .as_ref()
        .map(|n| n[n.len().saturating_sub(4)..].to_string());
    charge.capture = p.get("capture") != Some(&Value::Bool(false));
    charge.threeds = p.get("threeds_authentication") == Some(&Value::Bool(true));
    charge.webhook_url = text(p, "webhook_url");
    charge.redirect_url = text(p, "redirect_url");
    charge.reference_external_id = text(p, "reference_external_id");
    charge
}

/// A new `issued` charge of a wallet, dated today, with nothing else set.
pub(super) fn blank_charge(app: &Shared, wallet_uuid: &str, currency: Currency) -> ChargeRec {
    ChargeRec::blank(
        uuid_from(&app.rng),
        wallet_uuid.to_string(),
        currency,
        app.clock.today(),
        app.clock.now(),
    )
}

fn charge_handler(app: &Shared, caller: Option<&Caller>, body: Value, pix: bool) -> Written {
    let kind = if pix {
        RequestKind::PixCharge
    } else {
        RequestKind::Charge
    };
    let p = match validated(app, kind, Shape::Charge, &body) {
        Ok(p) => p,
        Err(r) => return r.into(),
    };
    let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
    let wallet = match check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
        Ok(w) => w,
        Err(r) => return r.into(),
    };
    let mut charge = new_charge(app, &p, &wallet, pix);
    start_charge(app, &mut charge, &wallet);
    let out_sub = p
        .get("subscription")
        .filter(|s| s.is_object())
        .map(|sub| start_subscription(app, sub, &mut charge, &wallet.wallet_uuid));
    // Written before the charge is stored: the answer is the charge as it was created.
    let out = charge.written(app.base_url(), out_sub.as_ref());
    schedule_settlement(app, &charge);
    save_and_notify(app, charge);
    Written(StatusCode::OK, out)
}

pub(super) async fn create_charge(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST charge",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| charge_handler(app, caller, body, false),
    )
    .await
}

pub(super) async fn create_pix_charge(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST pix",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| charge_handler(app, caller, body, true),
    )
    .await
}

pub(super) fn find_charge(
    app: &Shared,
    caller: &Caller,
    charge_uuid: &str,
    wallet_uuid: Option<&str>,
) -> Result<ChargeRec, Reply> {
    let store = app.store();
    let charge = store
        .charge(charge_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if wallet_uuid.is_some_and(|w| !w.eq_ignore_ascii_case(&charge.wallet_uuid)) {
        return Err(charge_not_found());
    }
    if !store.may_act_on(&caller.principal, &charge.wallet_uuid) {
        return Err(forbidden());
    }
    Ok(charge)
}

pub(super) async fn get_charge_query(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let id = uuid_param(get("charge_uuid").as_ref(), "charge_uuid")?;
        let wallet = uuid_param(get("wallet_uuid").as_ref(), "wallet_uuid")?;
        let charge = find_charge(&app, &caller, &id, Some(&wallet))?;
        Ok::<Reply, Reply>((StatusCode::OK, charge.to_json(app.base_url())))
    })();
    reply(result.unwrap_or_else(|e| e))
}

pub(super) async fn get_charge_path(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let id = uuid_param(Some(&id), "charge_uuid")?;
        let charge = find_charge(&app, &caller, &id, None)?;
        Ok::<Reply, Reply>((StatusCode::OK, charge.to_json(app.base_url())))
    })();
    reply(result.unwrap_or_else(|e| e))
}

pub(super) async fn list_charges(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let wallet = uuid_param(get("wallet_uuid").as_ref(), "wallet_uuid")?;
        check_wallet(&app, Some(&caller), &wallet, Shape::Charge)?;
        let page: usize = get("page")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let limit: usize = get("limit")
            .and_then(|p| p.parse().ok())
            .filter(|l| (1..=100).contains(l))
            .unwrap_or(20);
        let status = get("status")
            .or_else(|| get("filter").and_then(|f| f.strip_prefix("status:").map(str::to_string)))
            .map(|s| ChargeStatus::parse(&s));
        let store = app.store();
        let offset = (page - 1).saturating_mul(limit);
        let (total, charges) = store.wallet_charges(&wallet, status.as_ref(), offset, limit);
        let data: Vec<Value> = charges.iter().map(|c| c.to_json(app.base_url())).collect();
        Ok::<Reply, Reply>((
            StatusCode::OK,
            json!({"page": page, "limit": limit, "total": total, "pages": total.div_ceil(limit), "data": data}),
        ))
    })();
    reply(result.unwrap_or_else(|e| e))
}
