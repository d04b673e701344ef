//! `Idempotency-Key` over real HTTP: replays, a reused key and a key still in use.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use common::{Emu, card_charge, config};

#[tokio::test]
async fn idempotency_replays_conflicts_and_in_use() {
    let emu = Emu::start(config()).await;
    let key = [("idempotency-key", "aa0e8400-e29b-41d4-a716-446655440005")];
    let body = card_charge("4024007153763130");
    let first = emu
        .post_with("/api/v1/bank/wallet/charge/", &body, &key)
        .await;
    let second = emu
        .post_with("/api/v1/bank/wallet/charge/", &body, &key)
        .await;
    assert_eq!(
        first, second,
        "a replay gives the identical status and body"
    );
    let mut other = body.clone();
    other["description"] = json!("another body");
    let (s, e) = emu
        .post_with("/api/v1/bank/wallet/charge/", &other, &key)
        .await;
    assert_eq!(
        (s, e["message"][0]["code"].as_str()),
        (StatusCode::CONFLICT, Some("IDEMPOTENCY_KEY_REUSED"))
    );
    // A duplicate while the first is still being processed (slowed by a delay fault).
    let key2 = [("idempotency-key", "bb0e8400-e29b-41d4-a716-446655440005")];
    let slow_headers = [key2[0], ("x-emulator-fault", "delay:600")];
    let slow = emu.post_with("/api/v1/bank/wallet/charge/", &body, &slow_headers);
    let dup = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        emu.post_with("/api/v1/bank/wallet/charge/", &body, &key2)
            .await
    };
    let ((s1, _), (s2, e2)) = tokio::join!(slow, dup);
    assert_eq!(s1, 200);
    assert_eq!(
        (s2, e2["message"][0]["code"].as_str()),
        (StatusCode::CONFLICT, Some("IDEMPOTENCY_KEY_IN_USE"))
    );
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["charge_count"], 2);
}
