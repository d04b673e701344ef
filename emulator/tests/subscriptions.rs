//! Subscriptions over real HTTP (`src/api/subscriptions.rs`): the `{"error": …}` answers of get and
//! cancel for an unknown wallet or subscription, and another entity's wallet.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use reqwest::StatusCode;
use serde_json::json;

use common::{Emu, MERCHANT, WALLET, config};

#[tokio::test]
async fn unknown_wallets_and_subscriptions_get_their_own_bodies() {
    let emu = Emu::start(config()).await;
    let (s, body) = emu
        .get(&format!(
            "/api/v1/bank/wallet/subscription/?wallet_uuid={MERCHANT}&subscription_uuid={WALLET}"
        ))
        .await;
    assert_eq!(
        (s, body),
        (StatusCode::NOT_FOUND, json!({"error": "Wallet not found"}))
    );
    let cancel = |sub: &str, wallet: &str| {
        emu.http
            .delete(emu.url(&format!(
                "/api/v1/bank/wallet/subscription/{sub}/cancel/{wallet}/"
            )))
            .bearer_auth(&emu.token)
            .send()
    };
    let res = cancel(WALLET, MERCHANT).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        json!({"error": "Wallet not found"})
    );
    let res = cancel(MERCHANT, WALLET).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        json!({"error": "Subscription not found"})
    );
    let res = emu
        .http
        .delete(emu.url(&format!(
            "/api/v1/bank/wallet/subscription/{MERCHANT}/cancel/{WALLET}/"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
