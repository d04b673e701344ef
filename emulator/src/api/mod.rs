//! A55's API: token, wallets, charges (every method), PIX, subscriptions, checkout, payment links,
//! refunds, cancels, captures, and the public (no token) charge endpoints.
//!
//! This file is the router ([`routes`], [`token_routes`]) and the helpers every handler shares; the
//! handlers live in one file per subject under `src/api/`:
//!
//! - `auth.rs`: the OAuth2 token endpoint and the bearer-token check.
//! - `idempotency.rs`: the `Idempotency-Key` rules every POST runs under.
//! - `errors.rs`: the error bodies (charge and wallet shapes), the common not-found and forbidden
//!   answers, and the answer to a payload that fails validation.
//! - `wallets.rs`: create and look up wallets; the wallet access check.
//! - `charges.rs`: create (every method, and the PIX endpoint), get and list charges.
//! - `lifecycle.rs`: a charge's status over its life: first status, card authorization, transitions
//!   with their webhooks, settlement.
//! - `pix.rs`: the PIX payload (BR Code and QR image) of a PIX charge.
//! - `actions.rs`: refund, cancel and capture.
//! - `subscriptions.rs`: the subscription a charge starts; get and cancel.
//! - `threeds_setup.rs`: the public 3DS device-data set-up A55's browser SDK calls before paying.
//! - `checkout.rs`: checkout sessions, payment links, and the charge a hosted checkout payment makes.
//! - `public.rs`: the public (no token) endpoints: a charge's public view, paying it with a card
//!   (the documented flat body or A55's browser SDK's nested one), and the 3DS device-data set-up.

mod actions;
mod auth;
mod charges;
mod checkout;
mod errors;
mod idempotency;
mod lifecycle;
mod pix;
mod public;
mod subscriptions;
mod threeds_setup;
mod wallets;

use a55_core::Decimal;
use a55_core::models::decimal_from_json;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use serde_json::Value;

use crate::json::Json;
use crate::server::Shared;
use errors::{Shape, error};

pub use checkout::{checkout_charge, record_checkout_payment};
pub use errors::{Msg, charge_error_body};
pub use lifecycle::{authorize_card, schedule_settlement, transition};
pub use public::pay_with_card;
pub use threeds_setup::reference_of;

type Reply = (StatusCode, Value);

/// The private API routes (a bearer token), which need the rate limiter.
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
}

/// The public endpoints, which need no token and answer browsers (CORS, `src/cors.rs`); they also
/// need the rate limiter. A wrong method or an unknown public path answers a charge-level error
/// body, whose `message` a browser SDK reads.
pub fn public_routes() -> Router<Shared> {
    Router::new()
        .route(
            "/api/v1/bank/public/charge",
            get(public::public_get_charge).fallback(public::method_not_allowed),
        )
        .route(
            "/api/v1/bank/public/charge/{charge_uuid}/pay",
            post(public::public_pay).fallback(public::method_not_allowed),
        )
        .route(
            "/api/v1/bank/public/setup-authentication",
            post(threeds_setup::setup_authentication).fallback(public::method_not_allowed),
        )
        .route(
            "/api/v1/bank/public/{*rest}",
            any(public::unknown_public_endpoint),
        )
}

/// The OAuth2 token endpoint.
pub fn token_routes() -> Router<Shared> {
    Router::new().route("/oauth2/token", post(auth::token))
}

fn reply(r: Reply) -> Response {
    (r.0, Json(r.1)).into_response()
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
