//! Webhooks over real HTTP: signed deliveries, retries, and skipped non-loopback URLs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use a55_core::webhook::verify_webhook;
use serde_json::{Value, json};

use common::{Emu, card_charge, config, receiver};

#[tokio::test]
async fn webhooks_are_signed_and_retried() {
    let emu = Emu::start(config()).await;
    let (url, got) = receiver(2).await;
    let mut c = card_charge("4024007153763130");
    c["webhook_url"] = json!(url);
    let (_, charge) = emu.post("/api/v1/bank/wallet/charge/", &c).await;
    for _ in 0..100 {
        if got.lock().unwrap().len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let list = got.lock().unwrap().clone();
    assert_eq!(list.len(), 3, "two failures, then delivered");
    for (sig, ts, body) in &list {
        let now: i64 = ts.parse().unwrap();
        let ev = verify_webhook(body, sig, ts, &["whsec_emulator"], 300, now).unwrap();
        assert_eq!(ev.charge_uuid, charge["charge_uuid"].as_str().unwrap());
        assert_eq!(ev.status.as_str(), "confirmed");
    }
    let deliveries: Value = emu
        .http
        .get(emu.url("/_emulator/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let d = &deliveries["data"][0];
    assert_eq!(d["outcome"], "delivered");
    assert_eq!(d["attempts"].as_array().unwrap().len(), 3);
    // Non-loopback URLs are not delivered unless allowed.
    let (_, _) = emu
        .post("/api/v1/bank/wallet/charge/", &{
            let mut c = card_charge("4024007153763130");
            c["webhook_url"] = json!("https://example.com/hook");
            c
        })
        .await;
    let deliveries: Value = emu
        .http
        .get(emu.url("/_emulator/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        deliveries["data"][1]["outcome"]
            .as_str()
            .unwrap()
            .starts_with("skipped")
    );
}
