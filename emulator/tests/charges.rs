//! Charges over real HTTP: card outcomes, refunds, cancels, captures, the list, 3DS, and the public
//! (no token) endpoints.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use reqwest::StatusCode;
use serde_json::{Value, json};

use common::{Emu, WALLET, card_charge, config};

#[tokio::test]
async fn card_outcomes_refund_cancel_capture() {
    let emu = Emu::start(config()).await;
    // Digit 2 declines with return code 05, as a 200.
    let (s, declined) = emu
        .post(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763122"),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(declined["status"], "error");
    assert_eq!(declined["return_code"], "05");
    assert_eq!(declined["message"][0]["source"], "acquirer");
    // Full and partial refunds.
    let (_, c) = emu
        .post(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
        )
        .await;
    let id = c["charge_uuid"].as_str().unwrap();
    let refund = format!("/api/v1/bank/wallet/charge/{id}/refund/{WALLET}/");
    let (s, r) = emu.post(&refund, &json!({"amount": 50.00})).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["status"], "confirmed");
    assert_eq!(r["refunded_amount"], json!(50.0));
    let text = emu
        .get_text(&format!(
            "/api/v1/bank/wallet/charge/?charge_uuid={id}&wallet_uuid={WALLET}"
        ))
        .await;
    assert!(text.contains(r#""refunded_amount":50.00"#), "{text}");
    let (s, r) = emu.post(&refund, &json!({"amount": 100.01})).await;
    assert_eq!(s, 422);
    assert_eq!(r["message"][0]["code"], "AMOUNT_INVALID");
    let (s, r) = emu.post(&refund, &json!({})).await;
    assert_eq!(
        (s, r["status"].as_str()),
        (StatusCode::OK, Some("refunded"))
    );
    let (s, r) = emu.post(&refund, &json!({})).await;
    assert_eq!(
        (s, r["message"][0]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("REFUND_NOT_ALLOWED"))
    );
    // Pre-authorization: capture=false stays confirmed until captured.
    let mut auth = card_charge("4024007153763130");
    auth["capture"] = json!(false);
    let (_, held) = emu.post("/api/v1/bank/wallet/charge/", &auth).await;
    let held_id = held["charge_uuid"].as_str().unwrap();
    let (s, cap) = emu
        .post(
            "/api/v1/bank/wallet/charge/capture/",
            &json!({"charge_uuid": held_id, "wallet_uuid": WALLET}),
        )
        .await;
    assert_eq!(
        (s, cap["status"].as_str()),
        (StatusCode::OK, Some("paid")),
        "{cap}"
    );
    let (s, _) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{held_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 400);
    let (_, other) = emu.post("/api/v1/bank/wallet/charge/", &auth).await;
    let other_id = other["charge_uuid"].as_str().unwrap();
    let (s, canceled) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{other_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(
        (s, canceled["status"].as_str()),
        (StatusCode::OK, Some("canceled"))
    );
    let (s, _) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{other_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 409);
    // The list pages through everything.
    let (s, page) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charges/?wallet_uuid={WALLET}&page=2&limit=2"
        ))
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        (page["total"].as_u64(), page["pages"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn threeds_pending_then_completed() {
    let emu = Emu::start(config()).await;
    let mut c = card_charge("4024007153763130");
    c["threeds_authentication"] = json!(true);
    c["device_info"] = json!({"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"});
    let (s, pending) = emu.post("/api/v1/bank/wallet/charge/", &c).await;
    assert_eq!(
        (s, pending["status"].as_str()),
        (StatusCode::OK, Some("pending")),
        "{pending}"
    );
    let page = emu
        .http
        .get(pending["url_3ds"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("Confirm payment"));
    let done = emu
        .http
        .post(pending["url_3ds"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert!(done.status().is_success());
    let id = pending["charge_uuid"].as_str().unwrap();
    let (_, now) = emu.get(&format!("/api/v1/bank/wallet/charge/{id}/")).await;
    assert_eq!(now["status"], "confirmed");
}

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
