//! Numbers at the edges of their types, over real HTTP: a page number or a clock advance near
//! `i64::MAX` gets an answer below 500, and the emulator keeps serving.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use a55_emulator::{EmulatorConfig, EmulatorHandle, FIXTURE_WALLET};
use serde_json::{Value, json};

async fn start() -> (EmulatorHandle, reqwest::Client, String) {
    let emu = a55_emulator::start(EmulatorConfig {
        rate_limit: 0,
        settle_delay: None,
        today: Some(a55_core::schedule::parse_date("2026-11-21", "today").unwrap()),
        ..EmulatorConfig::default()
    })
    .await
    .unwrap();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let token: Value = http
        .post(format!("{}/oauth2/token", emu.base_url))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "emulator-client"),
            ("client_secret", "emulator-secret"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().unwrap().to_string();
    (emu, http, token)
}

#[tokio::test]
async fn huge_page_numbers_are_answered() {
    let (emu, http, token) = start().await;
    for (page, limit) in [
        (u64::MAX.to_string(), "20"),
        (usize::MAX.to_string(), "100"),
        ((usize::MAX / 20 + 2).to_string(), "20"),
        ("9223372036854775807".into(), "1"),
    ] {
        let res = http
            .get(format!(
                "{}/api/v1/bank/wallet/charges/?wallet_uuid={FIXTURE_WALLET}&page={page}&limit={limit}",
                emu.base_url
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("page {page}: no answer: {e}"));
        assert!(res.status().as_u16() < 500, "page {page}: {}", res.status());
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn huge_clock_advances_are_answered_and_the_clock_still_works() {
    let (emu, http, token) = start().await;
    for body in [
        json!({"seconds": i64::MAX}),
        json!({"days": i64::MAX}),
        json!({"days": i64::MAX / 86_400}),
        json!({"seconds": i64::MAX, "days": i64::MAX}),
        json!({"seconds": 100_000_000_000_000_000_i64}),
    ] {
        let res = http
            .post(format!("{}/_emulator/clock/advance", emu.base_url))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{body}: no answer: {e}"));
        assert!(res.status().as_u16() < 500, "{body}: {}", res.status());
        // Everything that reads the clock still answers.
        let res = http
            .get(format!(
                "{}/api/v1/bank/wallet/charges/?wallet_uuid={FIXTURE_WALLET}",
                emu.base_url
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("after {body}: no answer: {e}"));
        assert!(
            res.status().as_u16() < 500,
            "after {body}: {}",
            res.status()
        );
        let state = http
            .get(format!("{}/_emulator/state", emu.base_url))
            .send()
            .await
            .unwrap_or_else(|e| panic!("after {body}: no state: {e}"));
        assert!(state.status().is_success(), "after {body}");
    }
    emu.shutdown().await;
}
