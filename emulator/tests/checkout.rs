//! The hosted checkout over real HTTP: a session, its page, the payment, the webhook and the redirect.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use serde_json::json;

use common::{Emu, MERCHANT, WALLET, config, receiver};

#[tokio::test]
async fn checkout_page_pays_fires_webhook_and_redirects() {
    let emu = Emu::start(config()).await;
    let (url, got) = receiver(0).await;
    let session = json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": 250.00, "currency": "BRL",
        "description": "Plano premium", "redirect_url": "https://your-app.com/payment/success",
        "cancel_url": "https://your-app.com/payment/cancel", "due_date": "2026-12-31", "payer_email": "zhangwei@example.com",
        "allowed_methods": ["credit_card", "pix"], "max_installments": 6, "webhook_url": url, "reference_external_id": "ORDER-2048"});
    let (s, co) = emu
        .post_with(
            "/api/v1/bank/wallet/checkout/",
            &session,
            &[("idempotency-key", "990e8400-e29b-41d4-a716-446655440004")],
        )
        .await;
    assert_eq!(s, 200, "{co}");
    assert_eq!(co["status"], "active");
    let page_url = co["checkout_url"].as_str().unwrap();
    let page = emu
        .http
        .get(page_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("card_number") && page.contains("6×"));
    let no_redirect = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = no_redirect
        .post(page_url)
        .form(&[
            ("card_number", "4024007153763130"),
            ("card_name", "Zhang Wei"),
            ("installments", "3"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("https://your-app.com/payment/success?"));
    let charge_id = location
        .split("charge_uuid=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let (_, charge) = emu
        .get(&format!("/api/v1/bank/wallet/charge/{charge_id}/"))
        .await;
    assert_eq!(charge["local_currency"], json!(250.0));
    let text = emu
        .get_text(&format!("/api/v1/bank/wallet/charge/{charge_id}/"))
        .await;
    assert!(text.contains(r#""local_currency":250.00"#), "{text}");
    let parts: Vec<String> = charge["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["local_currency"].to_string())
        .collect();
    assert_eq!(parts, ["83.34", "83.33", "83.33"]);
    for _ in 0..100 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(got.lock().unwrap().len(), 1);
}
