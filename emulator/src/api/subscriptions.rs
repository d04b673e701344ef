//! Subscriptions: the one a charge with a `subscription` object starts (seed 003), and get and cancel
//! (`/api/v1/bank/wallet/subscription/`).

use a55_core::schedule::{Cycle, next_charge_date, parse_date};
use a55_core::status::{ChargeStatus, SubscriptionStatus};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::auth::authorize;
use super::text;
use crate::app::Shared;
use crate::errors::{forbidden, plain};
use crate::json::reply;
use crate::state::{ChargeRec, SubscriptionRec, iso, uuid_from};

/// Starts the subscription a charge's `subscription` object asks for, with the charge as its first
/// and linked to it: the summary the charge's answer carries.
pub(super) fn start_subscription(
    app: &Shared,
    sub: &Value,
    charge: &mut ChargeRec,
    wallet_uuid: &str,
) -> Value {
    let cycle = text(sub, "cycle")
        .and_then(|c| Cycle::parse(&c).ok())
        .unwrap_or(Cycle::Monthly);
    let end = text(sub, "end_date").and_then(|d| parse_date(&d, "end_date").ok());
    let next = next_charge_date(charge.due_date, cycle, end).ok().flatten();
    let rec = SubscriptionRec {
        subscription_uuid: uuid_from(&app.rng),
        wallet_uuid: wallet_uuid.to_string(),
        cycle,
        end_date: end,
        status: if charge.status == ChargeStatus::Error {
            SubscriptionStatus::Error
        } else {
            SubscriptionStatus::Active
        },
        description: charge.description.clone(),
        due_date: charge.due_date,
        next_charge_date: next,
        charge_uuids: vec![charge.charge_uuid.clone()],
        cancelled_at: None,
    };
    charge.subscription_uuid = Some(rec.subscription_uuid.clone());
    let summary = subscription_summary(&rec);
    app.store()
        .subscriptions
        .insert(rec.subscription_uuid.clone(), rec);
    summary
}

fn subscription_summary(s: &SubscriptionRec) -> Value {
    json!({
        "subscription_uuid": s.subscription_uuid,
        "cycle": s.cycle.as_str(),
        "status": s.status.as_str(),
        "next_charge_date": s.next_charge_date.map(|d| d.to_string()),
        "end_date": s.end_date.map(|d| d.to_string()),
    })
}

fn subscription_json(app: &Shared, s: &SubscriptionRec) -> Value {
    let store = app.store();
    let charges: Vec<Value> = s
        .charge_uuids
        .iter()
        .filter_map(|id| store.charge(id))
        .map(|c| json!({"charge_uuid": c.charge_uuid, "amount": c.total().to_string(), "status": c.status.as_str(), "created_at": iso(c.created_at)}))
        .collect();
    json!({
        "subscription_uuid": s.subscription_uuid,
        "cycle": s.cycle.as_str(),
        "end_date": s.end_date.map(|d| d.to_string()),
        "status": s.status.as_str(),
        "description": s.description,
        "next_due_date": s.next_charge_date.map(|d| d.to_string()),
        "cancelled_at": s.cancelled_at.map(iso),
        "charges": charges,
    })
}

pub(super) async fn get_subscription(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let wallet = get("wallet_uuid").unwrap_or_default().to_lowercase();
    let sub_id = get("subscription_uuid").unwrap_or_default().to_lowercase();
    if !app.store().wallets.contains_key(&wallet) {
        return reply(plain(StatusCode::NOT_FOUND, "Wallet not found"));
    }
    if !app.store().may_act_on(&caller.principal, &wallet) {
        return reply(forbidden());
    }
    let sub = app
        .store()
        .subscriptions
        .get(&sub_id)
        .filter(|s| s.wallet_uuid == wallet)
        .cloned();
    match sub {
        Some(s) => reply((StatusCode::OK, subscription_json(&app, &s))),
        None => reply(plain(StatusCode::NOT_FOUND, "Subscription not found")),
    }
}

pub(super) async fn cancel_subscription(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path((sub_id, wallet)): Path<(String, String)>,
) -> Response {
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let (sub_id, wallet) = (sub_id.to_lowercase(), wallet.to_lowercase());
    if !app.store().wallets.contains_key(&wallet) {
        return reply(plain(StatusCode::NOT_FOUND, "Wallet not found"));
    }
    if !app.store().may_act_on(&caller.principal, &wallet) {
        return reply(forbidden());
    }
    let now = app.clock.now();
    let mut store = app.store();
    let Some(sub) = store
        .subscriptions
        .get_mut(&sub_id)
        .filter(|s| s.wallet_uuid == wallet)
    else {
        return reply(plain(StatusCode::NOT_FOUND, "Subscription not found"));
    };
    if sub.status == SubscriptionStatus::Cancelled {
        return reply(plain(
            StatusCode::BAD_REQUEST,
            "Subscription is already cancelled",
        ));
    }
    sub.status = SubscriptionStatus::Cancelled;
    sub.cancelled_at = Some(now);
    sub.next_charge_date = None;
    reply((
        StatusCode::OK,
        json!({"subscription_uuid": sub.subscription_uuid, "status": "cancelled", "cancelled_at": iso(now)}),
    ))
}
