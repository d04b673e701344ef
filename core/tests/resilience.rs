//! Proof under faults and load: no duplicate and no lost charge under 30% injected faults of every
//! kind, one token request per expiry however many calls wait, and cancelled calls that leave nothing
//! stuck. Each test prints the figures it measured.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    missing_docs
)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use a55_core::ErrorKind;
use a55_core::client::{Client, ClientConfig, RequestOptions, WalletQuery};
use a55_emulator::{
    EmulatorConfig, EmulatorHandle, FIXTURE_MERCHANT as MERCHANT, FIXTURE_WALLET as WALLET,
    FaultPlan,
};
use serde_json::{Value, json};
use tokio::sync::Semaphore;

mod support;
use support::{control, queue_faults, today};

async fn emulator(faults: &str, token_ttl: u64) -> EmulatorHandle {
    a55_emulator::start(EmulatorConfig {
        today: Some(today()),
        rate_limit: 0,
        settle_delay: None,
        token_ttl: Duration::from_secs(token_ttl),
        faults: FaultPlan::parse(faults).unwrap(),
        seed: 2026,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap()
}

fn client(emu: &EmulatorHandle, tune: impl FnOnce(&mut ClientConfig)) -> Client {
    let mut c = support::config(&emu.base_url);
    tune(&mut c);
    Client::new(c).unwrap()
}

fn charge(reference: &str) -> Value {
    json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "installment_value": "10.00", "installment_count": 1, "currency": "BRL", "due_date": "2026-12-31",
        "description": "chaos", "type_charge": "credit_card", "reference_external_id": reference,
        "card_number": "4024007153763130", "card_name": "ZHANG WEI", "card_expiry_month": "12",
        "card_expiry_year": "2030", "card_cvv": "123",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "", "neighborhood": "Bela Vista",
                          "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR"}})
}

#[derive(Debug)]
enum Outcome {
    Created(String),
    DefiniteFailure(ErrorKind),
}

/// 10,000 logical charges, 64 in flight, against 30% faults of every kind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_charges_under_thirty_percent_faults() {
    const N: usize = 10_000;
    let emu = emulator(
        "500=0.05,503=0.05,429=0.05,delay=0.05:20,reset_before=0.05,reset_after=0.05",
        3600,
    )
    .await;
    let client = client(&emu, |c| {
        c.max_retries = 4;
        c.backoff_base = Duration::from_millis(1);
        c.backoff_cap = Duration::from_millis(10);
        c.deadline = Duration::from_secs(30);
    });
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(64));
    let mut tasks = Vec::with_capacity(N);
    for i in 0..N {
        let (client, gate) = (client.clone(), gate.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            let reference = format!("chaos-{i}");
            let mut opts = RequestOptions::default();
            let mut recoveries = 0u32;
            loop {
                match client.create_charge(charge(&reference), &opts).await {
                    Ok(res) => {
                        return (
                            reference,
                            Outcome::Created(res.data.charge_uuid.unwrap()),
                            recoveries,
                        );
                    }
                    Err(e) if e.kind == ErrorKind::UnknownOutcome => {
                        // Resolve it the documented way: repeat with the same key.
                        recoveries += 1;
                        opts.idempotency_key = e.idempotency_key.clone();
                        assert!(
                            opts.idempotency_key.is_some(),
                            "an unknown outcome carries its key"
                        );
                    }
                    Err(e) => return (reference, Outcome::DefiniteFailure(e.kind), recoveries),
                }
            }
        }));
    }
    let mut outcomes = Vec::with_capacity(N);
    for t in tasks {
        outcomes.push(t.await.unwrap());
    }
    let elapsed = started.elapsed();
    let all: Value = control(&emu.base_url, "charges").await;
    let mut by_reference: HashMap<String, Vec<String>> = HashMap::new();
    for c in all["data"].as_array().unwrap() {
        by_reference
            .entry(c["reference_external_id"].as_str().unwrap().to_string())
            .or_default()
            .push(c["charge_uuid"].as_str().unwrap().to_string());
    }
    let (mut duplicates, mut losses, mut created, mut failed, mut recovered) = (0, 0, 0, 0, 0);
    for (reference, outcome, recoveries) in &outcomes {
        recovered += recoveries;
        let stored = by_reference.get(reference).cloned().unwrap_or_default();
        if stored.len() > 1 {
            duplicates += 1;
        }
        match outcome {
            Outcome::Created(id) => {
                created += 1;
                if stored.as_slice() != [id.clone()] {
                    losses += 1;
                }
            }
            Outcome::DefiniteFailure(kind) => {
                failed += 1;
                assert!(
                    stored.is_empty(),
                    "{reference}: a definite failure ({kind:?}) left a charge"
                );
            }
        }
    }
    let state: Value = control(&emu.base_url, "state").await;
    println!(
        "chaos: {N} logical charges in {:.1} s; {created} created, {failed} definite failures, {recovered} unknown outcomes \
         resolved with their key; {} requests, faults {}, {} idempotent replays; duplicates {duplicates}, losses {losses}",
        elapsed.as_secs_f64(),
        state["requests"],
        state["faults"],
        state["idempotent_replays"]
    );
    assert_eq!(duplicates, 0);
    assert_eq!(losses, 0);
    assert_eq!(created + failed, N);
    assert_eq!(
        by_reference.len(),
        created,
        "no charge exists that the caller does not know about"
    );
    assert!(
        state["faults"]["reset_after"].as_u64().unwrap() > 0,
        "the test exercised processed-then-reset"
    );
}

/// 1,000 calls across ten token expiries: exactly one token request per expiry, no failed call.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_token_request_per_expiry_under_concurrency() {
    let emu = emulator("", 2).await;
    // Tokens live 2 s; the client refreshes 1.5 s early, but never before half a token's life:
    // each is used for one second.
    let client = client(&emu, |c| c.refresh_margin = Duration::from_millis(1500));
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    let mut failures = 0;
    for wave in 0..10 {
        if wave > 0 {
            tokio::time::sleep(Duration::from_millis(1100)).await;
        }
        let calls: Vec<_> = (0..100)
            .map(|_| {
                let (client, q) = (client.clone(), q.clone());
                tokio::spawn(async move { client.get_wallet(&q, &RequestOptions::default()).await })
            })
            .collect();
        for c in calls {
            if c.await.unwrap().is_err() {
                failures += 1;
            }
        }
        assert_eq!(
            client.token_requests(),
            wave + 1,
            "wave {wave}: one token request for 100 waiting calls"
        );
    }
    let state: Value = control(&emu.base_url, "state").await;
    println!(
        "tokens: 1,000 calls in 10 waves of 100 → {} token requests, {failures} failed calls",
        state["token_requests"]
    );
    assert_eq!(state["token_requests"], 10);
    assert_eq!(failures, 0);
}

/// Dropping in-flight calls leaves no stuck connection; a dropped call that was written is recovered
/// with its (derived) key, and exists once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_calls_leave_nothing_stuck() {
    let emu = emulator("", 3600).await;
    let client = client(&emu, |_| {});
    // Fifty calls dropped mid-flight (the emulator is slowed by a delay fault on each).
    for i in 0..50 {
        let opts = RequestOptions {
            idempotency_from: Some(format!("cancel-{i}")),
            ..RequestOptions::default()
        };
        queue_faults(&emu.base_url, &["delay:300"]).await;
        let call = client.create_charge(charge(&format!("cancel-{i}")), &opts);
        assert!(
            tokio::time::timeout(Duration::from_millis(50), call)
                .await
                .is_err(),
            "dropped in flight"
        );
    }
    // The pool still works at once: new calls complete.
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    let started = Instant::now();
    for _ in 0..20 {
        tokio::time::timeout(
            Duration::from_secs(5),
            client.get_wallet(&q, &RequestOptions::default()),
        )
        .await
        .expect("no stuck connection")
        .unwrap();
    }
    let follow_up = started.elapsed();
    // The dropped calls were written: their outcome is unknown to the caller, and repeating with the
    // derived key gives each charge exactly once.
    tokio::time::sleep(Duration::from_millis(400)).await;
    for i in 0..50 {
        let opts = RequestOptions {
            idempotency_from: Some(format!("cancel-{i}")),
            ..RequestOptions::default()
        };
        client
            .create_charge(charge(&format!("cancel-{i}")), &opts)
            .await
            .unwrap();
    }
    let state: Value = control(&emu.base_url, "state").await;
    println!(
        "cancellation: 50 dropped calls, 20 follow-up calls in {:?}, {} charges after recovery, {} replays",
        follow_up, state["charge_count"], state["idempotent_replays"]
    );
    assert_eq!(state["charge_count"], 50);
    // The deadline, unlike a drop, is reported: an unknown outcome with the key.
    queue_faults(&emu.base_url, &["delay:1000"]).await;
    let short = RequestOptions {
        deadline: Some(Duration::from_millis(200)),
        max_retries: Some(0),
        ..RequestOptions::default()
    };
    let err = client
        .create_charge(charge("deadline"), &short)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownOutcome);
    assert!(err.idempotency_key.is_some());
}
