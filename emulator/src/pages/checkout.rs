//! The hosted checkout page (`checkout_url`): what is paid, to whom and in how many installments,
//! the card form, and a way back to the merchant (`cancel_url`).
//!
//! Paying: a form with errors comes back with them (422, nothing charged); an approved card goes on
//! to `redirect_url` with `checkout_uuid`, `charge_uuid` and `status`; a session created with
//! `threeds_authentication: true` goes through the 3DS challenge first; a declined card comes back
//! to this page (a 303 to `?declined=CHARGE`, so reloading sends nothing twice), which shows the
//! decline and lets the payer try another card.

use a55_core::schedule::split_installments;
use a55_core::status::{ChargeStatus, CheckoutStatus};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{card_form, escape, merchant_name, money, notice, page, redirect_to};
use crate::api::checkout_charge;
use crate::app::Shared;
use crate::form;
use crate::state::{ChargeRec, CheckoutRec};

/// The decline of an earlier attempt on this session, as the payer reads it.
fn decline_of(app: &Shared, checkout_uuid: &str, charge_uuid: &str) -> Option<String> {
    let store = app.store();
    let charge = store.charge(charge_uuid)?;
    if charge.checkout_uuid.as_deref() != Some(checkout_uuid)
        || charge.status != ChargeStatus::Error
    {
        return None;
    }
    let reason = charge
        .message
        .as_ref()
        .and_then(|m| m.get(0))
        .and_then(|m| m.get("description"))
        .and_then(|d| d.as_str())
        .unwrap_or("the card was not authorized")
        .to_string();
    Some(reason)
}

/// The installment choices: `3× BRL 83.34` (the first part carries the remainder).
fn installment_options(co: &CheckoutRec, chosen: u32) -> String {
    (1..=co.max_installments)
        .filter_map(|n| {
            let parts = split_installments(co.amount, n, co.currency.code()).ok()?;
            let first = *parts.first()?;
            let text = if n == 1 {
                format!("1× {} (pay in full)", money(first, co.currency))
            } else {
                format!("{n}× {}", money(first, co.currency))
            };
            let selected = if n == chosen { " selected" } else { "" };
            Some(format!("<option value=\"{n}\"{selected}>{text}</option>"))
        })
        .collect()
}

/// The page of an active session, with the errors of a form that came back or an earlier decline.
fn render(
    app: &Shared,
    co: &CheckoutRec,
    kept: &[(String, String)],
    errors: &[a55_core::Issue],
    declined: Option<&str>,
) -> String {
    let merchant = merchant_name(app, &co.wallet_uuid);
    let total = money(co.amount, co.currency);
    let chosen = form::value(kept, "installments")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let decline = declined.map_or(String::new(), |reason| {
        format!(
            "<div class=\"alert\" role=\"alert\" id=\"decline\" tabindex=\"-1\" autofocus>\
<h2>Your card was declined</h2><p>{}. No money was taken. Please try another card.</p></div>",
            escape(reason)
        )
    });
    let cancel = co.cancel_url.as_ref().map_or(String::new(), |url| {
        format!(
            "<p class=\"cancel\"><a href=\"{}\">Cancel and return to {}</a></p>",
            escape(url),
            escape(&merchant)
        )
    });
    let main = format!(
        "<h1>Pay {m}</h1>\
<section class=\"summary\" aria-label=\"Order summary\"><p class=\"what\">{desc}</p>\
<p class=\"amount\">{total}</p><p class=\"muted\">Up to {max} installments</p></section>\
{decline}{summary}\
<form method=\"post\" novalidate>{fields}\
<div class=\"field\"><label for=\"installments\">Installments</label>\
<select id=\"installments\" name=\"installments\">{options}</select></div>\
<button type=\"submit\">Pay {total}</button></form>{cancel}",
        m = escape(&merchant),
        desc = escape(&co.description),
        max = co.max_installments,
        summary = card_form::error_summary(errors),
        fields = card_form::inputs(kept, errors),
        options = installment_options(co, chosen),
    );
    page(&format!("Pay {merchant} — {total}"), &merchant, &main).0
}

pub(super) async fn checkout_page(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let Some(co) = app.store().checkouts.get(&id).cloned() else {
        return notice(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such checkout session.",
        );
    };
    if co.status != CheckoutStatus::Active {
        return notice(
            StatusCode::OK,
            "Checkout",
            &format!("This checkout session is {}.", co.status),
        );
    }
    let declined = form::value(&q, "declined").and_then(|c| decline_of(&app, &id, &c));
    axum::response::Html(render(&app, &co, &[], &[], declined.as_deref())).into_response()
}

/// Where the payer goes after an attempt.
fn after_attempt(co: &CheckoutRec, charge: &ChargeRec) -> Response {
    match charge.status.as_str() {
        "pending" => redirect_to(&format!("/3ds/{}", charge.charge_uuid), &[]),
        "error" => redirect_to(
            &format!("/checkout/{}", co.checkout_uuid),
            &[("declined", &charge.charge_uuid)],
        ),
        _ => finished(co.redirect_url.as_deref(), charge),
    }
}

/// A paid session: on to `redirect_url` with what happened, or a page saying it.
pub(super) fn finished(redirect_url: Option<&str>, charge: &ChargeRec) -> Response {
    match redirect_url {
        Some(url) => redirect_to(
            url,
            &[
                (
                    "checkout_uuid",
                    charge.checkout_uuid.as_deref().unwrap_or(""),
                ),
                ("charge_uuid", &charge.charge_uuid),
                ("status", charge.status.as_str()),
            ],
        ),
        None => notice(
            StatusCode::OK,
            "Payment received",
            &format!("Charge {} is {}.", charge.charge_uuid, charge.status),
        ),
    }
}

pub(super) async fn checkout_pay(
    State(app): State<Shared>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let fields = form::pairs(&body);
    let Some(co) = app.store().checkouts.get(&id).cloned() else {
        return notice(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such checkout session.",
        );
    };
    let card = match card_form::read(&app, &fields) {
        Ok(card) => card,
        Err(errors) if co.status == CheckoutStatus::Active => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                axum::response::Html(render(&app, &co, &fields, &errors, None)),
            )
                .into_response();
        }
        Err(_) => {
            return notice(
                StatusCode::CONFLICT,
                "Checkout",
                &format!("This checkout session is {}.", co.status),
            );
        }
    };
    let installments = form::value(&fields, "installments")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let text = |k: &str| card.get(k).and_then(|v| v.as_str()).unwrap_or_default();
    match checkout_charge(
        &app,
        &id,
        text("card_number"),
        installments,
        (text("card_name"), ""),
    ) {
        Ok(charge) => after_attempt(&co, &charge),
        Err((status, _)) => notice(
            status,
            "Checkout",
            &format!(
                "This checkout session is {}.",
                app.store()
                    .checkouts
                    .get(&id)
                    .map_or("gone".to_string(), |c| c.status.to_string())
            ),
        ),
    }
}
