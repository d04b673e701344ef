//! Injected faults over real HTTP: every fault kind and seeded fault plans (the rate limit is in
//! `rate_limit.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use a55_emulator::FaultPlan;
use serde_json::Value;

use common::{Emu, WALLET, card_charge, config};

#[tokio::test]
async fn every_fault_kind_by_header() {
    let emu = Emu::start(config()).await;
    for (fault, status) in [("500", 500), ("503", 503), ("429", 429)] {
        let (s, body) = emu
            .post_with(
                "/api/v1/bank/wallet/charge/",
                &card_charge("4024007153763130"),
                &[("x-emulator-fault", fault)],
            )
            .await;
        assert_eq!(s.as_u16(), status);
        if status != 429 {
            assert_eq!(body["message"][0]["code"], "errors.unexpected");
        }
    }
    let start = std::time::Instant::now();
    let (s, _) = emu
        .post_with(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
            &[("x-emulator-fault", "delay:300")],
        )
        .await;
    assert_eq!(s, 200);
    assert!(start.elapsed() >= Duration::from_millis(300));
    // Reset before processing: nothing is created.
    let before = emu
        .http
        .post(emu.url("/api/v1/bank/wallet/charge/"))
        .bearer_auth(&emu.token)
        .header("x-emulator-fault", "reset_before")
        .json(&card_charge("4024007153763130"))
        .send()
        .await;
    assert!(before.is_err());
    // Reset after processing: the charge exists, and repeating with the key recovers it.
    let key = "cc0e8400-e29b-41d4-a716-446655440005";
    let after = emu
        .http
        .post(emu.url("/api/v1/bank/wallet/charge/"))
        .bearer_auth(&emu.token)
        .header("x-emulator-fault", "reset_after")
        .header("idempotency-key", key)
        .json(&card_charge("4024007153763130"))
        .send()
        .await;
    assert!(after.is_err());
    let (s, recovered) = emu
        .post_with(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
            &[("idempotency-key", key)],
        )
        .await;
    assert_eq!(s, 200);
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        state["charge_count"], 2,
        "the delayed charge and the reset-after one: {recovered}"
    );
    assert_eq!(state["idempotent_replays"], 1);
}

async fn fault_counts(seed: u64, n: usize) -> (Value, Vec<u16>) {
    let mut cfg = config();
    cfg.seed = seed;
    cfg.faults = FaultPlan::parse("500=0.1,503=0.1,429=0.1").unwrap();
    let emu = Emu::start(cfg).await;
    let mut statuses = Vec::new();
    for _ in 0..n {
        let r = emu
            .http
            .get(emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}")))
            .bearer_auth(&emu.token)
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (state["faults"].clone(), statuses)
}

#[tokio::test]
async fn seeded_faults_come_at_their_rate_and_repeat() {
    let (faults, statuses) = fault_counts(7, 2000).await;
    // The token request went through the fault layer too; count only the API answers here.
    for (code, _) in [(500u16, "500"), (503, "503"), (429, "429")] {
        let n = statuses.iter().filter(|s| **s == code).count();
        assert!(
            (140..=260).contains(&n),
            "{code}: {n} of 2000 at a 10% rate"
        );
    }
    assert!(faults.as_object().unwrap().len() == 3);
    let (_, again) = fault_counts(7, 2000).await;
    assert_eq!(statuses, again, "the same seed gives the same sequence");
    let (_, other) = fault_counts(8, 2000).await;
    assert_ne!(statuses, other);
}
