//! The 3DS pages: the challenge at a pending charge's `url_3ds`, and the device-data collection
//! page the public 3DS set-up points A55's browser SDK at.
//!
//! The challenge asks the payer to confirm; then the card's last digit decides (confirmed, or the
//! decline). Its result page tells the page that opened it, the way A55's browser SDK listens: it
//! posts `{event: "3ds-auth-complete", chargeUuid}` to its parent frame (the SDK shows the challenge
//! in an iframe) or its opener (a pop-up), and the SDK then reads the charge's status. A challenge
//! opened on its own goes on to the charge's `redirect_url`; one of a hosted checkout goes back to
//! the checkout's flow (its `redirect_url`, or its page showing the decline).
//!
//! The collection page posts Cardinal Commerce's `profile.completed` message to its parent, as the
//! real collection iframe does. A55's SDK only accepts that message from Cardinal's origin, so with
//! the emulator it goes on after its own time-out; a page of one's own can listen for it.

use a55_core::status::ChargeStatus;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use serde_json::{Value, json};

use super::checkout::finished;
use super::{escape, merchant_name, money, notice, page, redirect_to};
use crate::api::reference_of;
use crate::app::Shared;
use crate::form;
use crate::lifecycle::complete_3ds;

/// JSON for a `<script>`: `<` written as `\u003c`, so no text closes the element.
fn script_json(v: &Value) -> String {
    v.to_string().replace('<', "\\u003c")
}

pub(super) async fn challenge_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let Some(c) = app.store().charge(&id).cloned() else {
        return notice(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such charge.",
        );
    };
    if c.status != ChargeStatus::Pending {
        return notice(
            StatusCode::OK,
            "3-D Secure",
            &format!("This charge is {}.", c.status),
        );
    }
    let merchant = merchant_name(&app, &c.wallet_uuid);
    let card = c
        .card_last4
        .as_deref()
        .map_or(String::new(), |l| format!(" with the card ending in {l}"));
    let main = format!(
        "<h1>Confirm this payment</h1><section class=\"summary\" aria-label=\"Payment\">\
<p class=\"what\">{m}</p><p class=\"amount\">{total}</p></section>\
<p>Your bank asks you to confirm this payment{card}. This is the emulator's 3-D Secure \
challenge: confirming completes it, and the card's last digit decides the outcome.</p>\
<form method=\"post\"><button type=\"submit\" autofocus>Confirm payment</button></form>",
        m = escape(&merchant),
        total = money(c.total(), c.currency),
        card = escape(&card),
    );
    page("3-D Secure — confirm this payment", &merchant, &main).into_response()
}

pub(super) async fn challenge_complete(
    State(app): State<Shared>,
    Path(id): Path<String>,
) -> Response {
    let Some(c) = complete_3ds(&app, &id) else {
        return notice(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such charge.",
        );
    };
    if let Some(checkout) = c.checkout_uuid.clone() {
        let redirect = app
            .store()
            .checkouts
            .get(&checkout)
            .and_then(|co| co.redirect_url.clone());
        return match c.status.as_str() {
            "error" => redirect_to(
                &format!("/checkout/{checkout}"),
                &[("declined", &c.charge_uuid)],
            ),
            _ => finished(redirect.as_deref(), &c),
        };
    }
    let next = c.redirect_url.as_deref().map(|url| {
        form::with_query(
            url,
            &[
                ("charge_uuid", &c.charge_uuid),
                ("status", c.status.as_str()),
            ],
        )
    });
    let merchant = merchant_name(&app, &c.wallet_uuid);
    let (title, text) = match c.status.as_str() {
        "confirmed" | "paid" => ("Payment confirmed", "Your bank confirmed the payment."),
        _ => (
            "Payment declined",
            "The payment was not authorized. No money was taken.",
        ),
    };
    let onward = next.as_deref().map_or(String::new(), |url| {
        format!(
            "<p><a href=\"{}\">Continue to {}</a></p>",
            escape(url),
            escape(&merchant)
        )
    });
    let script = format!(
        "<script>(function () {{\
var done = {done};\
var opener = window.opener || (window.parent !== window ? window.parent : null);\
if (opener) {{ opener.postMessage(done, \"*\"); }} else if ({next}) {{ window.location.replace({next}); }}\
}})();</script>",
        done = script_json(&json!({"event": "3ds-auth-complete", "chargeUuid": c.charge_uuid})),
        next = script_json(&json!(next)),
    );
    let main = format!("<h1>{title}</h1><p role=\"status\">{text}</p>{onward}{script}",);
    page(title, &merchant, &main).into_response()
}

/// The device-data collection page: reads the set-up's JWT (form field `JWT`, or the query) and
/// posts `profile.completed` with its reference id to the page that framed it.
pub(super) async fn device_data_collection(uri: Uri, body: Bytes) -> Response {
    let mut fields = form::pairs(&body);
    fields.extend(form::pairs(uri.query().unwrap_or("").as_bytes()));
    let Some(reference) = form::value(&fields, "JWT").and_then(|t| reference_of(&t)) else {
        return notice(
            StatusCode::BAD_REQUEST,
            "Device data collection",
            "The JWT of a setup-authentication answer is missing or unreadable.",
        );
    };
    let message =
        json!({"MessageType": "profile.completed", "SessionId": reference, "Status": true});
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Device data collection</title></head>\
<body><p>Device data collected.</p><script>(function () {{\
var target = window.parent !== window ? window.parent : window.opener;\
if (target) {{ target.postMessage(JSON.stringify({msg}), \"*\"); }}\
}})();</script></body></html>",
        msg = script_json(&message),
    ))
    .into_response()
}
