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
use a55_core::money::Currency;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use crate::form;
use crate::server::Shared;

pub use threeds::complete_3ds;

/// The page routes.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/checkout/{id}",
            get(checkout::checkout_page).post(checkout::checkout_pay),
        )
        .route(
            "/pay/charge/{id}",
            get(charge::charge_page).post(charge::charge_pay),
        )
        .route(
            "/3ds/{id}",
            get(threeds::challenge_page).post(threeds::challenge_complete),
        )
        .route(
            "/device-data-collection",
            get(threeds::device_data_collection).post(threeds::device_data_collection),
        )
        .route("/pix/v2/{txid}", get(pix_location))
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
    let found = store
        .charges
        .values()
        .find(|c| c.charge_uuid.replace('-', "").starts_with(&txid));
    match found {
        Some(c) => axum::Json(json!({"txid": txid, "charge_uuid": c.charge_uuid, "status": c.status, "amount": c.total().to_string()})).into_response(),
        None => (StatusCode::NOT_FOUND, axum::Json(json!({"error": "not found"}))).into_response(),
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
