//! The pages a payer sees: hosted checkout, a charge's payment page and the 3DS challenge. Plain HTML
//! forms, so a browser, curl or a test can pay with a test card.

use a55_core::models::json_schema::AmountText;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use schemars::JsonSchema;
use serde::Serialize;

use a55_core::status::{ChargeStatus, CheckoutStatus};

use crate::api::{checkout_charge, pay_with_card};
use crate::app::Shared;
use crate::errors::{PlainError, plain};
use crate::form;
use crate::json::reply;
use crate::lifecycle::complete_3ds;
use crate::route::{Content, Route};

/// The pages, described.
pub fn routes() -> Vec<Route> {
    let page = |r: Route, what: &'static str| {
        r.answer(200, what, Content::Html)
            .answer(404, "No such session or charge", Content::Html)
    };
    let pay = |r: Route| {
        r.form_body::<PayForm>()
            .redirect("Paid or declined: to redirect_url with the outcome in the query")
            .answer(409, "Already paid or no longer payable", Content::Html)
            .answer(422, "Not a card number", Content::Html)
    };
    vec![
        page(
            Route::get("/checkout/{id}", get(checkout_page)).op(
                "checkoutPage",
                "pages",
                "The hosted checkout page",
            ),
            "The payment form: amount, installments, card fields",
        ),
        pay(page(
            Route::post("/checkout/{id}", post(checkout_pay)).op(
                "checkoutPay",
                "pages",
                "Pay a checkout session with a test card",
            ),
            "The outcome, when the session has no redirect_url",
        )),
        page(
            Route::get("/pay/charge/{id}", get(charge_page)).op(
                "chargePage",
                "pages",
                "A charge's payment page",
            ),
            "The payment form",
        ),
        pay(page(
            Route::post("/pay/charge/{id}", post(charge_pay)).op(
                "chargePay",
                "pages",
                "Pay an issued charge with a test card",
            ),
            "The outcome, when the charge has no redirect_url",
        )),
        page(
            Route::get("/3ds/{id}", get(threeds_page)).op(
                "threedsPage",
                "pages",
                "The 3DS challenge page",
            ),
            "The challenge",
        ),
        page(
            Route::post("/3ds/{id}", post(threeds_complete)).op(
                "threedsComplete",
                "pages",
                "Complete the 3DS challenge",
            ),
            "The outcome, when the charge has no redirect_url",
        )
        .redirect("To redirect_url with the outcome in the query"),
        Route::get("/pix/v2/{txid}", get(pix_location))
            .op(
                "pixLocation",
                "pages",
                "The location a PIX BR Code points at",
            )
            .ok::<PixLocation>("The PIX charge of this txid")
            .error::<PlainError>(404, "No PIX charge has this txid"),
    ]
}

/// What the payment pages' forms send.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handlers read the same names from the form.
struct PayForm {
    /// The card's number; its last digit decides the outcome.
    card_number: String,
    /// The name on the card.
    card_name: Option<String>,
    /// `MM`.
    card_expiry_month: Option<String>,
    /// `YYYY`.
    card_expiry_year: Option<String>,
    /// The CVV.
    card_cvv: Option<String>,
    /// How many installments (checkout only).
    installments: Option<String>,
}

/// What `/pix/v2/{txid}` answers.
#[derive(Serialize, JsonSchema)]
struct PixLocation {
    /// The txid asked for.
    txid: String,
    /// The charge.
    charge_uuid: String,
    /// Its status.
    status: ChargeStatus,
    /// Its amount, as decimal text.
    #[schemars(with = "AmountText")]
    amount: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{t}</title>\
<style>body{{font-family:sans-serif;max-width:28rem;margin:3rem auto}}label{{display:block;margin:.5rem 0}}\
input,select{{width:100%;padding:.4rem}}button{{margin-top:1rem;padding:.6rem 1.2rem}}</style></head>\
<body><h1>{t}</h1><p><small>A55 emulator — test cards only. The last digit decides: 0, 1, 4 approve; 2, 3, 5–8 decline; 9 random.</small></p>{body}</body></html>",
        t = escape(title)
    ))
}

const CARD_FIELDS: &str = "<label>Card number <input name=\"card_number\" value=\"4024007153763130\"></label>\
<label>Name on card <input name=\"card_name\" value=\"Test Payer\"></label>\
<label>Expiry month <input name=\"card_expiry_month\" value=\"12\"></label>\
<label>Expiry year <input name=\"card_expiry_year\" value=\"2030\"></label>\
<label>CVV <input name=\"card_cvv\" value=\"123\"></label>";

fn redirect_to(url: &str, params: &[(&str, &str)]) -> Response {
    let target = form::with_query(url, params);
    (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
}

async fn checkout_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let Some(co) = app.store().checkouts.get(&id).cloned() else {
        return (
            StatusCode::NOT_FOUND,
            page("Not found", "<p>No such checkout session.</p>"),
        )
            .into_response();
    };
    if co.status != CheckoutStatus::Active {
        return page(
            "Checkout",
            &format!("<p>This session is {}.</p>", escape(co.status.as_str())),
        )
        .into_response();
    }
    let options: String = (1..=co.max_installments)
        .map(|n| format!("<option value=\"{n}\">{n}×</option>"))
        .collect();
    page(
        &format!("Pay {} {}", co.amount, co.currency),
        &format!(
            "<p>{}</p><form method=\"post\">{CARD_FIELDS}<label>Installments <select name=\"installments\">{options}</select></label>\
<button type=\"submit\">Pay</button></form>",
            escape(&co.description)
        ),
    )
    .into_response()
}

async fn checkout_pay(State(app): State<Shared>, Path(id): Path<String>, body: Bytes) -> Response {
    let fields = form::pairs(&body);
    let get = |k: &str| form::value(&fields, k).unwrap_or_default();
    let installments = get("installments").parse().unwrap_or(1);
    let redirect = app
        .store()
        .checkouts
        .get(&id)
        .and_then(|c| c.redirect_url.clone());
    match checkout_charge(
        &app,
        &id,
        &get("card_number"),
        installments,
        (&get("card_name"), ""),
    ) {
        Ok(charge) => match redirect {
            Some(url) => redirect_to(
                &url,
                &[
                    ("checkout_uuid", &id),
                    ("charge_uuid", &charge.charge_uuid),
                    ("status", charge.status.as_str()),
                ],
            ),
            None => page(
                "Payment",
                &format!("<p>Charge {} is {}.</p>", charge.charge_uuid, charge.status),
            )
            .into_response(),
        },
        Err((status, body)) => (
            status,
            page(
                "Payment failed",
                &format!("<pre>{}</pre>", escape(&body.to_string())),
            ),
        )
            .into_response(),
    }
}

async fn charge_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let Some(c) = app.store().charge(&id).cloned() else {
        return (
            StatusCode::NOT_FOUND,
            page("Not found", "<p>No such charge.</p>"),
        )
            .into_response();
    };
    if c.status != ChargeStatus::Issued {
        return page(
            "Charge",
            &format!("<p>This charge is {}.</p>", escape(c.status.as_str())),
        )
        .into_response();
    }
    page(
        &format!("Pay {} {}", c.total(), c.currency),
        &format!("<p>{}</p><form method=\"post\">{CARD_FIELDS}<button type=\"submit\">Pay</button></form>", escape(&c.description)),
    )
    .into_response()
}

async fn charge_pay(State(app): State<Shared>, Path(id): Path<String>, body: Bytes) -> Response {
    let fields = form::pairs(&body);
    let number = form::value(&fields, "card_number").unwrap_or_default();
    match pay_with_card(&app, &id, &number) {
        Ok(c) => match c.redirect_url.clone() {
            Some(url) => redirect_to(
                &url,
                &[
                    ("charge_uuid", &c.charge_uuid),
                    ("status", c.status.as_str()),
                ],
            ),
            None => page(
                "Payment",
                &format!("<p>Charge {} is {}.</p>", c.charge_uuid, c.status),
            )
            .into_response(),
        },
        Err((status, body)) => (
            status,
            page(
                "Payment failed",
                &format!("<pre>{}</pre>", escape(&body.to_string())),
            ),
        )
            .into_response(),
    }
}

async fn threeds_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    match app.store().charge(&id) {
        Some(c) if c.status == ChargeStatus::Pending => page(
            "3-D Secure",
            "<p>Your bank asks you to confirm this payment.</p><form method=\"post\"><button type=\"submit\">Authenticate</button></form>",
        )
        .into_response(),
        Some(c) => page("3-D Secure", &format!("<p>This charge is {}.</p>", escape(c.status.as_str()))).into_response(),
        None => (StatusCode::NOT_FOUND, page("Not found", "<p>No such charge.</p>")).into_response(),
    }
}

async fn threeds_complete(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    match complete_3ds(&app, &id) {
        Some(c) => match c.redirect_url.clone() {
            Some(url) => redirect_to(
                &url,
                &[
                    ("charge_uuid", &c.charge_uuid),
                    ("status", c.status.as_str()),
                ],
            ),
            None => page(
                "3-D Secure",
                &format!("<p>Charge {} is {}.</p>", c.charge_uuid, c.status),
            )
            .into_response(),
        },
        None => (
            StatusCode::NOT_FOUND,
            page("Not found", "<p>No such charge.</p>"),
        )
            .into_response(),
    }
}

async fn pix_location(State(app): State<Shared>, Path(txid): Path<String>) -> Response {
    let store = app.store();
    match store.charge_by_txid(&txid) {
        Some(c) => axum::Json(PixLocation {
            txid,
            charge_uuid: c.charge_uuid.clone(),
            status: c.status.clone(),
            amount: c.total().to_string(),
        })
        .into_response(),
        None => reply(plain(StatusCode::NOT_FOUND, "not found")),
    }
}
