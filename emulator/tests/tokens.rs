//! The OAuth2 token endpoint over real HTTP: tokens are required, checked and expire.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use serde_json::{Value, json};

use common::{Emu, WALLET, config};

#[tokio::test]
async fn tokens_are_required_valid_and_expire() {
    let mut cfg = config();
    cfg.token_ttl = Duration::from_secs(30);
    let emu = Emu::start(cfg).await;
    let res = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "unauthorized");
    let res = emu
        .http
        .post(emu.url("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "emulator-client"),
            ("client_secret", "nope"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = emu
        .http
        .post(emu.url("/oauth2/token"))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        emu.get(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}"))
            .await
            .0,
        200
    );
    emu.http
        .post(emu.url("/_emulator/clock/advance"))
        .json(&json!({"seconds": 31}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        emu.get(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}"))
            .await
            .0,
        401
    );
}
