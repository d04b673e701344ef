//! Wallets over real HTTP (`src/api/wallets.rs`): lookups by id, email and customer id (with the
//! currency as a further filter), and one wallet per merchant and currency whatever the case of
//! the merchant's id.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use reqwest::StatusCode;
use serde_json::{Value, json};

use common::{Emu, WALLET, config};

const ENTITY: &str = "550e8400-e29b-41d4-a716-446655440000";
const MERCHANT: &str = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

fn wallet(currency: &str, customer: &str, email: &str) -> Value {
    json!({"entity_uuid": ENTITY, "customer_id": customer, "currency": currency, "name": "Loja",
           "email": email, "create_credentials": false, "merchant_uuid": MERCHANT})
}

#[tokio::test]
async fn wallets_are_found_by_id_email_and_customer() {
    let emu = Emu::start(config()).await;
    let (s, brl) = emu
        .post(
            "/api/v1/bank/wallet/",
            &wallet("BRL", "cust_1", "a@loja.com"),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{brl}");
    let (s, mxn) = emu
        .post(
            "/api/v1/bank/wallet/",
            &wallet("MXN", "cust_1", "b@loja.com"),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{mxn}");
    // The same merchant and currency again, its id in capitals: 409.
    let mut again = wallet("MXN", "cust_2", "c@loja.com");
    again["merchant_uuid"] = json!(MERCHANT.to_uppercase());
    let (s, dup) = emu.post("/api/v1/bank/wallet/", &again).await;
    assert_eq!(s, StatusCode::CONFLICT, "{dup}");

    let emu = &emu;
    let find = |query: String| async move {
        let (s, w) = emu.get(&format!("/api/v1/bank/wallet/?{query}")).await;
        (s, w["wallet_uuid"].as_str().map(str::to_string))
    };
    let id = |w: &Value| Some(w["wallet_uuid"].as_str().unwrap().to_string());
    assert_eq!(
        find(format!(
            "wallet_uuid={}",
            brl["wallet_uuid"].as_str().unwrap().to_uppercase()
        ))
        .await,
        (StatusCode::OK, id(&brl))
    );
    assert_eq!(
        find("email=b@loja.com".into()).await,
        (StatusCode::OK, id(&mxn))
    );
    assert_eq!(
        find("customer_id=cust_1&currency=MXN".into()).await,
        (StatusCode::OK, id(&mxn))
    );
    assert_eq!(
        find("customer_id=cust_1&email=a@loja.com".into()).await,
        (StatusCode::OK, id(&brl))
    );
    assert_eq!(
        find(format!("wallet_uuid={WALLET}&email=a@loja.com")).await,
        (StatusCode::NOT_FOUND, None)
    );
    assert_eq!(
        find("customer_id=cust_2".into()).await,
        (StatusCode::NOT_FOUND, None)
    );
    let (s, none) = emu.get("/api/v1/bank/wallet/?currency=BRL").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(none["error"], "validation_error");
}
