//! A charge's payment page (`charge_payment_url`): pays an `issued` charge with the card form. A
//! charge created with `threeds_authentication: true` goes through the 3DS challenge; otherwise the
//! payer goes on to the charge's `redirect_url` with `charge_uuid` and `status` (a decline too: the
//! charge has ended), or sees the result here when it has none.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::{card_form, escape, merchant_name, money, notice, page, redirect_to};
use a55_core::status::ChargeStatus;

use crate::api::pay_with_card;
use crate::app::Shared;
use crate::form;
use crate::state::ChargeRec;

fn render(
    app: &Shared,
    c: &ChargeRec,
    kept: &[(String, String)],
    errors: &[a55_core::Issue],
) -> String {
    let merchant = merchant_name(app, &c.wallet_uuid);
    let total = money(c.total(), c.currency);
    let main = format!(
        "<h1>Pay {m}</h1><section class=\"summary\" aria-label=\"Order summary\">\
<p class=\"what\">{desc}</p><p class=\"amount\">{total}</p></section>{summary}\
<form method=\"post\" novalidate>{fields}<button type=\"submit\">Pay {total}</button></form>",
        m = escape(&merchant),
        desc = escape(&c.description),
        summary = card_form::error_summary(errors),
        fields = card_form::inputs(kept, errors),
    );
    page(&format!("Pay {merchant} — {total}"), &merchant, &main).0
}

pub(super) async fn charge_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let Some(c) = app.store().charge(&id).cloned() else {
        return notice(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such charge.",
        );
    };
    if c.status != ChargeStatus::Issued {
        return notice(
            StatusCode::OK,
            "Charge",
            &format!("This charge is {}.", c.status),
        );
    }
    Html(render(&app, &c, &[], &[])).into_response()
}

pub(super) async fn charge_pay(
    State(app): State<Shared>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let fields = form::pairs(&body);
    let card = match card_form::read(&app, &fields) {
        Ok(card) => card,
        Err(errors) => {
            let Some(c) = app.store().charge(&id).cloned() else {
                return notice(
                    StatusCode::NOT_FOUND,
                    "Not found",
                    "There is no such charge.",
                );
            };
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(render(&app, &c, &fields, &errors)),
            )
                .into_response();
        }
    };
    let number = card
        .get("card_number")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    match pay_with_card(&app, &id, number, false) {
        Ok(c) if c.status == ChargeStatus::Pending => {
            redirect_to(&format!("/3ds/{}", c.charge_uuid), &[])
        }
        Ok(c) => match c.redirect_url.clone() {
            Some(url) => redirect_to(
                &url,
                &[
                    ("charge_uuid", &c.charge_uuid),
                    ("status", c.status.as_str()),
                ],
            ),
            None => notice(
                StatusCode::OK,
                "Payment",
                &format!("Charge {} is {}.", c.charge_uuid, c.status),
            ),
        },
        Err((status, _)) => {
            let now = app.store().charge(&id).map(|c| c.status.clone());
            match now {
                Some(s) => notice(status, "Charge", &format!("This charge is {s}.")),
                None => notice(
                    StatusCode::NOT_FOUND,
                    "Not found",
                    "There is no such charge.",
                ),
            }
        }
    }
}
