//! Payment links over real HTTP (`src/api/checkout.rs`): validated by the SDK core's payment link
//! rules like every other request.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use reqwest::StatusCode;
use serde_json::json;

use common::{Emu, MERCHANT, WALLET, config};

#[tokio::test]
async fn payment_links_are_validated_by_core() {
    let emu = Emu::start(config()).await;
    let link = json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "currency": "BRL",
                      "value": 99.90, "name": "T-shirt", "max_installment_count": 3});
    let (s, ok) = emu.post("/api/v1/bank/wallet/payment-link/", &link).await;
    assert_eq!(s, StatusCode::OK, "{ok}");
    assert_eq!(ok["local_currency"], 99.9);
    // A webhook_url that is not text was accepted before (found by schemathesis).
    let mut bad = link.clone();
    bad["webhook_url"] = json!({});
    let (s, body) = emu.post("/api/v1/bank/wallet/payment-link/", &bad).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["message"][0]["field"], "webhook_url");
    let mut too_many = link;
    too_many["max_installment_count"] = json!(13);
    let (s, body) = emu
        .post("/api/v1/bank/wallet/payment-link/", &too_many)
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}
