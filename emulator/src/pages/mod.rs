//! The pages a payer sees: the hosted checkout (`checkout.rs`), a charge's payment page
//! (`charge.rs`), the card form both use (`card_form.rs`), and the 3DS pages (`threeds.rs`: the
//! challenge, and the device-data collection A55's browser SDK runs before paying). Plain HTML forms
//! with one stylesheet (`style.css`) and no script except where a page must talk to the page that
//! opened it, so a browser, curl or a test can pay with a test card, and a keyboard alone can too.

mod card_form;
mod charge;
mod checkout;
mod threeds;

use a55_core::Decimal;
use a55_core::models::json_schema::AmountText;
use a55_core::money::Currency;
use a55_core::status::ChargeStatus;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use schemars::JsonSchema;
use serde::Serialize;

use crate::app::Shared;
use crate::errors::{PlainError, plain};
use crate::form;
use crate::json::reply;
use crate::route::{Content, ParamKind, Route};

/// The pages, described.
pub fn routes() -> Vec<Route> {
    let page = |r: Route, what: &'static str| {
        r.answer(200, what, Content::Html)
            .answer(404, "No such session or charge", Content::Html)
    };
    let pay = |r: Route| {
        r.form_body::<PayForm>()
            .redirect("To the 3DS challenge, back to the page with the decline, or to redirect_url")
            .answer(409, "Already paid or no longer payable", Content::Html)
            .answer(
                422,
                "The card fields are not valid (the form is shown again)",
                Content::Html,
            )
    };
    vec![
        page(
            Route::get("/checkout/{id}", get(checkout::checkout_page))
                .op("checkoutPage", "pages", "The hosted checkout page")
                .query(
                    "declined",
                    ParamKind::Text,
                    false,
                    "A declined charge to tell the payer about",
                ),
            "The payment form: merchant, amount, installments, card fields",
        ),
        pay(page(
            Route::post("/checkout/{id}", post(checkout::checkout_pay)).op(
                "checkoutPay",
                "pages",
                "Pay a checkout session with a test card",
            ),
            "The outcome, when the session has no redirect_url",
        )),
        page(
            Route::get("/pay/charge/{id}", get(charge::charge_page)).op(
                "chargePage",
                "pages",
                "A charge's payment page",
            ),
            "The payment form",
        ),
        pay(page(
            Route::post("/pay/charge/{id}", post(charge::charge_pay)).op(
                "chargePay",
                "pages",
                "Pay an issued charge with a test card",
            ),
            "The outcome, when the charge has no redirect_url",
        )),
        page(
            Route::get("/3ds/{id}", get(threeds::challenge_page)).op(
                "threedsPage",
                "pages",
                "The 3DS challenge page",
            ),
            "The challenge",
        ),
        page(
            Route::post("/3ds/{id}", post(threeds::challenge_complete)).op(
                "threedsComplete",
                "pages",
                "Complete the 3DS challenge",
            ),
            "The outcome; it tells the page that opened it (postMessage)",
        )
        .redirect("To the checkout (declined) or to redirect_url with the outcome in the query"),
        Route::get(
            "/device-data-collection",
            get(threeds::device_data_collection),
        )
        .op(
            "deviceDataCollection",
            "pages",
            "The 3DS device-data collection page",
        )
        .query(
            "JWT",
            ParamKind::Text,
            false,
            "The setup-authentication answer's access_token",
        )
        .answer(
            200,
            "Posts profile.completed to the page that framed it",
            Content::Html,
        )
        .answer(400, "No readable JWT", Content::Html),
        Route::post(
            "/device-data-collection",
            post(threeds::device_data_collection),
        )
        .op(
            "deviceDataCollectionForm",
            "pages",
            "The 3DS device-data collection page, posted",
        )
        .form_body::<CollectionForm>()
        .answer(
            200,
            "Posts profile.completed to the page that framed it",
            Content::Html,
        )
        .answer(400, "No readable JWT", Content::Html),
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

/// What the device-data collection form sends.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler reads the same name from the form.
#[allow(non_snake_case)]
struct CollectionForm {
    /// The setup-authentication answer's `access_token`.
    JWT: Option<String>,
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

/// The stylesheet every page carries inline (no second request, no external font or image).
const STYLE: &str = include_str!("style.css");

/// A padlock, drawn inline (no icon font or image to fetch).
const LOCK: &str = "<svg aria-hidden=\"true\" width=\"14\" height=\"14\" viewBox=\"0 0 24 24\">\
<path fill=\"currentColor\" d=\"M12 1a5 5 0 0 0-5 5v4H6a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h12a2 2 0 0 0 \
2-2v-9a2 2 0 0 0-2-2h-1V6a5 5 0 0 0-5-5zm-3 9V6a3 3 0 0 1 6 0v4H9z\"/></svg>";

/// Text made safe for HTML, in an element or an attribute.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// An amount as a payer reads it: the currency code and the currency's decimals (`BRL 250.00`).
fn money(amount: Decimal, currency: Currency) -> String {
    let dp = currency.exponent() as usize;
    format!("{} {:.dp$}", currency.code(), amount.round_dp(dp as u32))
}

/// A whole page: the header with the merchant's name, the main content, the test-mode footer.
fn page(title: &str, merchant: &str, main: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><style>{STYLE}</style></head><body>\
<header class=\"top\"><span class=\"merchant\">{merchant}</span>\
<span class=\"secure\">{LOCK} Secure payment</span></header>\
<main class=\"card\">{main}</main>\
<footer><p><strong class=\"badge\">Test mode</strong> A55 emulator: test cards only, no money moves. \
The card number's last digit decides: 0, 1, 4 approve; 2, 3, 5–8 decline; 9 at random.</p></footer>\
</body></html>",
        title = escape(title),
        merchant = escape(merchant),
    ))
}

/// A page that only says something (a session already paid, a charge not found).
fn notice(status: StatusCode, title: &str, text: &str) -> Response {
    (
        status,
        page(
            title,
            "A55",
            &format!("<h1>{}</h1><p>{}</p>", escape(title), escape(text)),
        ),
    )
        .into_response()
}

/// A 303 to `url` with `params` added to its query.
fn redirect_to(url: &str, params: &[(&str, &str)]) -> Response {
    let target = form::with_query(url, params);
    (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
}

/// The name a wallet shows payers.
fn merchant_name(app: &Shared, wallet_uuid: &str) -> String {
    app.store()
        .wallets
        .get(wallet_uuid)
        .map_or_else(|| "A55 merchant".to_string(), |w| w.name.clone())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_their_currencys_decimals() {
        assert_eq!(money(Decimal::new(25000, 2), Currency::Brl), "BRL 250.00");
        assert_eq!(money(Decimal::new(250, 0), Currency::Brl), "BRL 250.00");
        assert_eq!(money(Decimal::new(50000, 0), Currency::Clp), "CLP 50000");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
