//! A55's API: token, wallets, charges (every method), PIX, subscriptions, checkout, payment links,
//! refunds, cancels, captures, and the public (no token) charge endpoints.
//!
//! This file is the route table ([`routes`]: each route's handler and description) and the helpers
//! every handler shares; the handlers live in one file per resource under `src/api/` (error bodies
//! are `src/errors.rs`'s, a charge's statuses `src/lifecycle.rs`'s):
//!
//! - `auth.rs`: the OAuth2 token endpoint and the bearer-token check.
//! - `idempotency.rs`: the `Idempotency-Key` rules every POST runs under.
//! - `wallets.rs`: create and look up wallets; the wallet access check.
//! - `charges.rs`: create (every method, and the PIX endpoint), get and list charges.
//! - `actions.rs`: refund, cancel and capture.
//! - `subscriptions.rs`: the subscription a charge starts; get and cancel.
//! - `checkout.rs`: checkout sessions, payment links, and the charge a hosted checkout payment makes.
//! - `public.rs`: the public (no token) endpoints: a charge's public view, paying it with a card
//!   (the documented flat body or A55's browser SDK's nested one), the answers to a wrong method or
//!   an unknown public path.
//! - `threeds_setup.rs`: the public 3DS device-data set-up A55's browser SDK calls before paying.
//! - `examples.rs`: the seeds' requests, as the OpenAPI document's body examples.

mod actions;
mod auth;
mod charges;
mod checkout;
mod examples;
mod idempotency;
mod public;
mod subscriptions;
mod threeds_setup;
mod wallets;

use a55_core::Decimal;
use a55_core::models::decimal_from_json;
use a55_core::models::{
    CaptureRequest, ChargeRequest, CheckoutRequest, Page, PaymentLink, PixChargeRequest,
    Subscription, TokenResponse, WalletRequest,
};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use serde_json::Value;

use crate::answers::{ChargeAnswer, CheckoutAnswer, PublicChargeAnswer, WalletAnswer};
use crate::errors::{ChargeError, Msg, PlainError, Shape, WalletError, error};
use crate::json::Reply;
use crate::route::{Auth, Layer, ParamKind, Route};
use crate::state::FIXTURE_WALLET;

pub use checkout::checkout_charge;
pub use public::{pay_with_card, unknown_public_endpoint};
pub use threeds_setup::reference_of;

/// A55's API, described: the routes of `/api/v1/` and the token endpoint.
pub fn routes() -> Vec<Route> {
    use ParamKind::{Integer, Text, Uuid};
    let charge_links = |r: Route| {
        r.link(
            "GetCharge",
            "getChargeByPath",
            &[("charge_uuid", "$response.body#/charge_uuid")],
        )
        .link(
            "RefundCharge",
            "refundCharge",
            &[
                ("charge_uuid", "$response.body#/charge_uuid"),
                ("wallet_uuid", "$response.body#/wallet_uuid"),
            ],
        )
        .link(
            "CancelCharge",
            "cancelCharge",
            &[
                ("charge_uuid", "$response.body#/charge_uuid"),
                ("wallet_uuid", "$response.body#/wallet_uuid"),
            ],
        )
        .link(
            "GetPublicCharge",
            "getPublicCharge",
            &[("charge_uuid", "$response.body#/charge_uuid")],
        )
        .link(
            "PayPublicCharge",
            "payPublicCharge",
            &[("charge_uuid", "$response.body#/charge_uuid")],
        )
    };
    vec![
        Route::post("/oauth2/token", post(auth::token))
            .op(
                "getToken",
                "auth",
                "An access token (OAuth2 client credentials)",
            )
            .describe(
                "The form's client_id and client_secret, or the same as HTTP Basic credentials.",
            )
            .with(Layer::Token, Auth::Client)
            .form_body::<auth::TokenForm>()
            .example("platform", examples::token_form())
            .ok::<TokenResponse>("The token, valid for expires_in seconds")
            .error::<PlainError>(400, "unsupported_grant_type or invalid_request")
            .error::<PlainError>(401, "invalid_client")
            .faults(),
        Route::post("/api/v1/bank/wallet/", post(wallets::create_wallet))
            .api("createWallet", "wallets", "Create a wallet (seed 004)")
            .json_body::<WalletRequest>()
            .example("seed004", examples::wallet())
            .ok::<WalletAnswer>("The wallet; credentials when create_credentials is true")
            .errors::<WalletError>(&[400, 409, 422]),
        Route::get("/api/v1/bank/wallet/", get(wallets::get_wallet))
            .api(
                "getWallet",
                "wallets",
                "Find a wallet by id, email or customer id",
            )
            .query("wallet_uuid", Uuid, false, "The wallet")
            .example_value(FIXTURE_WALLET)
            .query("email", Text, false, "The wallet's email")
            .query(
                "customer_id",
                Text,
                false,
                "Your id of the wallet's customer",
            )
            .query("currency", Text, false, "Only a wallet in this currency")
            .ok::<WalletAnswer>("The first wallet matching every criterion given")
            .errors::<WalletError>(&[400, 404]),
        charge_links(
            Route::post("/api/v1/bank/wallet/charge/", post(charges::create_charge))
                .api(
                    "createCharge",
                    "charges",
                    "Create a charge of any method (seeds 001, 003)",
                )
                .describe(
                    "A declined card is a 200 whose status is error, with the reason in message.",
                )
                .json_body::<ChargeRequest>()
                .example("seed001", examples::card_charge())
                .example("seed003", examples::subscription_charge())
                .example("issued", examples::issued_charge())
                .ok::<ChargeAnswer>("The charge")
                .errors::<ChargeError>(&[400, 404, 409, 422]),
        ),
        Route::get(
            "/api/v1/bank/wallet/charge/",
            get(charges::get_charge_query),
        )
        .api("getCharge", "charges", "A charge, by query")
        .query("charge_uuid", Uuid, true, "The charge")
        .query("wallet_uuid", Uuid, true, "Its wallet")
        .example_value(FIXTURE_WALLET)
        .ok::<ChargeAnswer>("The charge")
        .errors::<ChargeError>(&[400, 404]),
        charge_links(
            Route::post(
                "/api/v1/bank/wallet/charge/pix/",
                post(charges::create_pix_charge),
            )
            .api(
                "createPixCharge",
                "charges",
                "Create a PIX charge (seed 002)",
            )
            .json_body::<PixChargeRequest>()
            .example("seed002", examples::pix_charge())
            .ok::<ChargeAnswer>("The charge, issued, with its pix_payload")
            .errors::<ChargeError>(&[400, 404, 409, 422]),
        ),
        Route::post(
            "/api/v1/bank/wallet/charge/capture/",
            post(actions::capture),
        )
        .api(
            "captureCharge",
            "charges",
            "Capture a charge created with capture: false",
        )
        .json_body::<CaptureRequest>()
        .ok::<ChargeAnswer>("The charge, paid")
        .errors::<ChargeError>(&[400, 404, 409, 422]),
        Route::get(
            "/api/v1/bank/wallet/charge/{charge_uuid}/",
            get(charges::get_charge_path),
        )
        .api("getChargeByPath", "charges", "A charge, by path")
        .ok::<ChargeAnswer>("The charge")
        .errors::<ChargeError>(&[400, 404]),
        Route::post(
            "/api/v1/bank/wallet/charge/{charge_uuid}/refund/{wallet_uuid}/",
            post(actions::refund),
        )
        .api(
            "refundCharge",
            "charges",
            "Refund a confirmed or paid charge, fully or partly",
        )
        .optional_json_body::<actions::RefundBody>()
        .ok::<ChargeAnswer>("The charge; refunded once nothing is left to refund")
        .errors::<ChargeError>(&[400, 404, 409, 422]),
        Route::post(
            "/api/v1/bank/wallet/charge/{charge_uuid}/cancel/{wallet_uuid}/",
            post(actions::cancel),
        )
        .api(
            "cancelCharge",
            "charges",
            "Cancel an issued, pending or confirmed charge",
        )
        .optional_json_body::<actions::CancelBody>()
        .ok::<ChargeAnswer>("{charge_uuid, wallet_uuid, status: canceled, message: {}}")
        .errors::<ChargeError>(&[400, 404, 409]),
        Route::get("/api/v1/bank/wallet/charges/", get(charges::list_charges))
            .api(
                "listCharges",
                "charges",
                "A wallet's charges, a page at a time",
            )
            .query("wallet_uuid", Uuid, true, "The wallet")
            .example_value(FIXTURE_WALLET)
            .query("page", Integer, false, "1-based page (1)")
            .query("limit", Integer, false, "Charges per page, 1 to 100 (20)")
            .query("status", Text, false, "Only charges of this status")
            .query("filter", Text, false, "status:STATUS, the same filter")
            .ok::<Page<ChargeAnswer>>("{page, limit, total, pages, data[]}")
            .errors::<ChargeError>(&[400, 404]),
        Route::get(
            "/api/v1/bank/wallet/subscription/",
            get(subscriptions::get_subscription),
        )
        .api(
            "getSubscription",
            "subscriptions",
            "A subscription and its charges",
        )
        .query("wallet_uuid", Uuid, true, "The wallet")
        .example_value(FIXTURE_WALLET)
        .query("subscription_uuid", Uuid, true, "The subscription")
        .ok::<Subscription>("The subscription")
        .error::<PlainError>(404, "Wallet not found, or Subscription not found"),
        Route::delete(
            "/api/v1/bank/wallet/subscription/{subscription_uuid}/cancel/{wallet_uuid}/",
            delete(subscriptions::cancel_subscription),
        )
        .api(
            "cancelSubscription",
            "subscriptions",
            "Stop a subscription's future charges",
        )
        .ok::<Subscription>("{subscription_uuid, status: cancelled, cancelled_at}")
        .error::<PlainError>(400, "Subscription is already cancelled")
        .error::<PlainError>(404, "Wallet not found, or Subscription not found"),
        Route::post(
            "/api/v1/bank/wallet/checkout/",
            post(checkout::create_checkout),
        )
        .api(
            "createCheckout",
            "checkout",
            "Open a hosted checkout session",
        )
        .json_body::<CheckoutRequest>()
        .example("seed000", examples::checkout())
        .ok::<CheckoutAnswer>("The session; send the payer to checkout_url")
        .errors::<ChargeError>(&[400, 404, 409, 422]),
        Route::post(
            "/api/v1/bank/wallet/payment-link/",
            post(checkout::create_payment_link),
        )
        .api("createPaymentLink", "checkout", "Create a payment link")
        .json_body::<checkout::PaymentLinkBody>()
        .example("link", examples::payment_link())
        .ok::<PaymentLink>("The link; send the payer to url")
        .errors::<ChargeError>(&[400, 404, 409, 422]),
        Route::get(
            "/api/v1/bank/public/charge",
            get(public::public_get_charge).fallback(public::method_not_allowed),
        )
        .public_api(
            "getPublicCharge",
            "public",
            "What the payer's side may see of a charge",
        )
        .query("charge_uuid", Uuid, true, "The charge")
        .ok::<Vec<PublicChargeAnswer>>("A one-element array")
        .errors::<ChargeError>(&[404]),
        Route::post(
            "/api/v1/bank/public/charge/{charge_uuid}/pay",
            post(public::public_pay).fallback(public::method_not_allowed),
        )
        .public_api(
            "payPublicCharge",
            "public",
            "Pay an issued charge with a card",
        )
        .describe(
            "The documented flat card fields, or A55's browser SDK's nested card object. A charge \
             created with threeds_authentication answers pending with a url_3ds, unless the body \
             carries threeds_auth.",
        )
        .json_body::<public::PublicPayBody>()
        .example("approved", examples::public_payment())
        .ok::<ChargeAnswer>(
            "{charge_uuid, status, message}: confirmed, pending with url_3ds, or error with why",
        )
        .errors::<ChargeError>(&[400, 404, 409, 422]),
        Route::post(
            "/api/v1/bank/public/setup-authentication",
            post(threeds_setup::setup_authentication).fallback(public::method_not_allowed),
        )
        .public_api(
            "setupAuthentication",
            "public",
            "The 3DS device-data set-up A55's browser SDK calls before paying",
        )
        .json_body::<threeds_setup::SetupBody>()
        .ok::<threeds_setup::SetupAnswer>("The JWT and the collection page")
        .errors::<ChargeError>(&[400, 409, 422]),
    ]
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
