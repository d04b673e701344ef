//! A55's API: token, wallets, charges (every method), PIX, subscriptions, checkout, payment links,
//! refunds, cancels, captures, and the public (no token) charge endpoints.
//!
//! This file is the router ([`routes`], [`token_routes`]) and the helpers every handler shares; the
//! handlers live in one file per resource under `src/api/` (error bodies are `src/errors.rs`'s, a
//! charge's statuses `src/lifecycle.rs`'s):
//!
//! - `auth.rs`: the OAuth2 token endpoint and the bearer-token check.
//! - `idempotency.rs`: the `Idempotency-Key` rules every POST runs under.
//! - `wallets.rs`: create and look up wallets; the wallet access check.
//! - `charges.rs`: create (every method, and the PIX endpoint), get and list charges.
//! - `actions.rs`: refund, cancel and capture.
//! - `subscriptions.rs`: the subscription a charge starts; get and cancel.
//! - `checkout.rs`: checkout sessions, payment links, and the charge a hosted checkout payment makes.
//! - `public.rs`: the public (no token) charge endpoints.

mod actions;
mod auth;
mod charges;
mod checkout;
mod idempotency;
mod public;
mod subscriptions;
mod wallets;

use a55_core::Decimal;
use a55_core::models::decimal_from_json;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use serde_json::Value;

use crate::app::Shared;
use crate::errors::{Msg, Shape, error};
use crate::json::Reply;

pub use checkout::checkout_charge;
pub use public::pay_with_card;

/// The API routes that need the rate limiter.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/api/v1/bank/wallet/",
            post(wallets::create_wallet).get(wallets::get_wallet),
        )
        .route(
            "/api/v1/bank/wallet/charge/",
            post(charges::create_charge).get(charges::get_charge_query),
        )
        .route(
            "/api/v1/bank/wallet/charge/pix/",
            post(charges::create_pix_charge),
        )
        .route(
            "/api/v1/bank/wallet/charge/capture/",
            post(actions::capture),
        )
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/",
            get(charges::get_charge_path),
        )
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/refund/{wallet_uuid}/",
            post(actions::refund),
        )
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/cancel/{wallet_uuid}/",
            post(actions::cancel),
        )
        .route("/api/v1/bank/wallet/charges/", get(charges::list_charges))
        .route(
            "/api/v1/bank/wallet/subscription/",
            get(subscriptions::get_subscription),
        )
        .route(
            "/api/v1/bank/wallet/subscription/{subscription_uuid}/cancel/{wallet_uuid}/",
            delete(subscriptions::cancel_subscription),
        )
        .route(
            "/api/v1/bank/wallet/checkout/",
            post(checkout::create_checkout),
        )
        .route(
            "/api/v1/bank/wallet/payment-link/",
            post(checkout::create_payment_link),
        )
        .route("/api/v1/bank/public/charge", get(public::public_get_charge))
        .route(
            "/api/v1/bank/public/charge/{charge_uuid}/pay",
            post(public::public_pay),
        )
}

/// The OAuth2 token endpoint.
pub fn token_routes() -> Router<Shared> {
    Router::new().route("/oauth2/token", post(auth::token))
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn amount_of(p: &Value) -> Option<Decimal> {
    p.get("amount").and_then(decimal_from_json)
}

fn uuid_param(value: Option<&String>, field: &str) -> Result<String, Reply> {
    match value {
        Some(v) if a55_core::formats::is_uuid(v) => Ok(v.to_lowercase()),
        Some(_) => Err(error(
            Shape::Charge,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "INVALID_UUID",
                "validation",
                &format!("{field} must be a UUID"),
                Some(field),
            )],
        )),
        None => Err(error(
            Shape::Charge,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "REQUIRED_FIELD",
                "validation",
                &format!("{field} is required"),
                Some(field),
            )],
        )),
    }
}
