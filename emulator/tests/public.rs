//! The public (no token) charge endpoints over real HTTP (`src/api/public.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use serde_json::{Value, json};

use common::{Emu, card_charge, config};

#[tokio::test]
async fn public_endpoints_need_no_token() {
    let emu = Emu::start(config()).await;
    let mut issued = card_charge("4024007153763130");
    for k in [
        "card_number",
        "card_name",
        "card_expiry_month",
        "card_expiry_year",
        "card_cvv",
    ] {
        issued.as_object_mut().unwrap().remove(k);
    }
    let (_, c) = emu.post("/api/v1/bank/wallet/charge/", &issued).await;
    assert_eq!(c["status"], "issued");
    let id = c["charge_uuid"].as_str().unwrap();
    let res = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/public/charge?charge_uuid={id}")))
        .send()
        .await
        .unwrap();
    let arr: Value = res.json().await.unwrap();
    assert_eq!(arr[0]["status"], "issued");
    let pay = |card: &str| {
        emu.http
            .post(emu.url(&format!("/api/v1/bank/public/charge/{id}/pay")))
            .json(&json!({"card_number": card, "card_name": "A", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123"}))
            .send()
    };
    let r = pay("4024007153763130").await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "confirmed");
    let again = pay("4024007153763130").await.unwrap();
    assert_eq!(again.status(), 409);
}
