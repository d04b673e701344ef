//! The hosted checkout over real HTTP: a session, its page, the payment, the webhook and the redirect.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use serde_json::{Value, json};

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
    assert!(
        page.contains("Loja Exemplo") && page.contains("BRL 250.00"),
        "{page}"
    );
    assert!(page.contains("href=\"https://your-app.com/payment/cancel\""));
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
            ("card_expiry_month", "12"),
            ("card_expiry_year", "2030"),
            ("card_cvv", "123"),
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

fn session(extra: Value) -> Value {
    let mut s = json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": "100.00", "currency": "BRL",
        "description": "Order #7", "redirect_url": "https://shop.example/done",
        "cancel_url": "https://shop.example/cart", "due_date": "2026-12-31", "max_installments": 3});
    for (k, v) in extra.as_object().unwrap() {
        s[k] = v.clone();
    }
    s
}

fn card_form(number: &str) -> Vec<(&'static str, String)> {
    vec![
        ("card_number", number.to_string()),
        ("card_name", "Zhang Wei".into()),
        ("card_expiry_month", "12".into()),
        ("card_expiry_year", "2030".into()),
        ("card_cvv", "123".into()),
        ("installments", "2".into()),
    ]
}

fn no_redirect() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_declined_card_stays_on_the_page_and_another_card_pays() {
    let emu = Emu::start(config()).await;
    let (_, co) = emu
        .post("/api/v1/bank/wallet/checkout/", &session(json!({})))
        .await;
    let url = co["checkout_url"].as_str().unwrap().to_string();
    let http = no_redirect();
    let declined = http
        .post(&url)
        .form(&card_form("4024007153763122"))
        .send()
        .await
        .unwrap();
    assert_eq!(declined.status(), 303);
    let back = declined.headers()["location"].to_str().unwrap().to_string();
    assert!(
        back.starts_with(&format!(
            "/checkout/{}?declined=",
            co["checkout_uuid"].as_str().unwrap()
        )),
        "{back}"
    );
    let page = emu.http.get(emu.url(&back)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("Your card was declined") && page.contains("Not authorized (return code 05)"),
        "{page}"
    );
    assert!(page.contains("<form"), "the payer can try again");
    let paid = http
        .post(&url)
        .form(&card_form("4024007153763130"))
        .send()
        .await
        .unwrap();
    assert_eq!(paid.status(), 303);
    let done = paid.headers()["location"].to_str().unwrap();
    assert!(
        done.starts_with("https://shop.example/done?checkout_uuid="),
        "{done}"
    );
    assert!(done.contains("&status=confirmed"), "{done}");
    let again = emu
        .http
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        again.contains("This checkout session is completed"),
        "{again}"
    );
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_them_and_charges_nothing() {
    let emu = Emu::start(config()).await;
    let (_, co) = emu
        .post("/api/v1/bank/wallet/checkout/", &session(json!({})))
        .await;
    let url = co["checkout_url"].as_str().unwrap();
    let mut form = card_form("4024");
    form[4].1 = "12".into();
    form[3].1 = "2025".into();
    let res = no_redirect().post(url).form(&form).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for text in [
        "Card number must be 12 to 19 digits",
        "The card expired at the end of 2025-12",
        "aria-invalid=\"true\" aria-describedby=\"card_number-error\"",
        "value=\"Zhang Wei\"",
    ] {
        assert!(page.contains(text), "{text} missing from {page}");
    }
    assert!(
        !page.contains("value=\"4024\""),
        "the card number is never shown again"
    );
    let state = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap();
    assert_eq!(state.json::<Value>().await.unwrap()["charge_count"], 0);
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn a_threeds_session_goes_through_the_challenge_then_to_redirect_url() {
    let emu = Emu::start(config()).await;
    let (s, co) = emu
        .post(
            "/api/v1/bank/wallet/checkout/",
            &session(json!({"threeds_authentication": true})),
        )
        .await;
    assert_eq!(s, 200, "{co}");
    let http = no_redirect();
    let res = http
        .post(co["checkout_url"].as_str().unwrap())
        .form(&card_form("4024007153763130"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let challenge = res.headers()["location"].to_str().unwrap().to_string();
    assert!(challenge.starts_with("/3ds/"), "{challenge}");
    let page = emu
        .http
        .get(emu.url(&challenge))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Confirm payment") && page.contains("BRL 100.00"),
        "{page}"
    );
    let done = http.post(emu.url(&challenge)).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let to = done.headers()["location"].to_str().unwrap();
    assert!(
        to.starts_with("https://shop.example/done?checkout_uuid="),
        "{to}"
    );
    assert!(to.ends_with("&status=confirmed"), "{to}");
    emu.handle.shutdown().await;
}
