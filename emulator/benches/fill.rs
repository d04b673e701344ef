//! Flat cost as the emulator fills: posts 200,000 charges (seed 001's card charge with its
//! `webhook_url`, a fresh `Idempotency-Key` each) from 16 concurrent clients to `a55 emulator` in
//! its own process on loopback, as users run it, and prints, for each batch of 20,000, the rate
//! (charges per second of wall-clock time) and the cost: the emulator process's own CPU time per
//! charge (every thread, from `/proc/<pid>/task/*/schedstat`, in nanoseconds; the load generator's
//! CPU is not counted). The last batch should be within 10% of the first.
//!
//! A batch's rate moves with the machine too (a virtual machine's speed drifts by more than 10 %
//! within the minute between the first batch and the last), so the run ends with the question asked
//! directly: the full emulator and a new one in its first batch (its own process, warmed with a
//! few hundred charges), in alternating short rounds, the median ratio of their costs per charge.
//!
//! With `A55_BIN_B` set, it compares two builds instead ([`builds_side_by_side`]).
//!
//! The rate limit is off, and so is the settle delay: with it, each confirmed charge turns `paid`
//! (a transition and a webhook) 5 s after its request, work that trails the requests and that the
//! first batch, over before any of it starts, would not carry. Not a test: run it with
//! `scripts/bench-emulator.sh` (which builds the `a55` binary and passes it in `A55_BIN`);
//! `A55_FILL_TOTAL` changes the count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use a55_emulator::process::EmulatorProcess as Emulator;
use a55_emulator::{FIXTURE_MERCHANT, FIXTURE_WALLET};
use serde_json::json;

const BATCH: u64 = 20_000;
const CLIENTS: u64 = 16;
/// Charges per side in each round of [`full_against_empty`].
const PAIRED: u64 = 2_000;
const PAIRED_ROUNDS: usize = 15;
/// Charges posted to each side before a round is timed.
const WARM_UP: u64 = 500;

fn seed_001() -> Vec<u8> {
    serde_json::to_vec(&json!({
        "wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5511999999999", "installment_value": 150.00, "installment_count": 3,
        "currency": "BRL", "due_date": "2026-12-31", "description": "Order #42",
        "type_charge": "credit_card", "card_number": "4024007153763191", "card_name": "Zhang Wei",
        "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123", "capture": true,
        "webhook_url": "https://your-app.com/webhooks/a55",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
            "postal_code": "01310-100", "country": "BR"}
    }))
    .unwrap()
}

/// `a55 emulator` in its own process, rate limit and settle delay off.
fn start_emulator() -> Emulator {
    let bin = std::env::var("A55_BIN")
        .expect("set A55_BIN to the a55 binary (scripts/bench-emulator.sh does)");
    start_build(&bin)
}

/// `a55 emulator` from the binary `bin`, rate limit and settle delay off.
fn start_build(bin: &str) -> Emulator {
    Emulator::start(bin, &["--rate-limit", "0", "--today", "2026-11-21"])
        .expect("a55 emulator starts")
}

fn main() {
    let total: u64 = std::env::var("A55_FILL_TOTAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match std::env::var("A55_BIN_B") {
        Ok(other) => runtime.block_on(builds_side_by_side(&other)),
        Err(_) => runtime.block_on(run(total)),
    }
}

/// Two builds of the emulator side by side (`A55_BIN_B` set: `A55_BIN` is A, `A55_BIN_B` is B),
/// each in its own process for the whole run: rounds of [`PAIRED`] charges to each, the order
/// swapped every round. Prints the medians of the rounds' ratios B / A of the emulator's CPU and of
/// wall-clock time per charge, with quartiles: how a change to the emulator moves its cost, asked
/// in the same minute of the machine.
async fn builds_side_by_side(other: &str) {
    const ROUNDS: usize = 21;
    let a = start_emulator();
    let b = start_build(other);
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let (a_token, b_token) = (
        token_of(&http, &a.base_url).await,
        token_of(&http, &b.base_url).await,
    );
    let body = Arc::new(seed_001());
    post(&http, &a.base_url, &a_token, &body, WARM_UP).await;
    post(&http, &b.base_url, &b_token, &body, WARM_UP).await;
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (ta, tb) = if round % 2 == 0 {
            let ta = timed_post(&http, &a, &a_token, &body, PAIRED).await;
            (ta, timed_post(&http, &b, &b_token, &body, PAIRED).await)
        } else {
            let tb = timed_post(&http, &b, &b_token, &body, PAIRED).await;
            (timed_post(&http, &a, &a_token, &body, PAIRED).await, tb)
        };
        wall.push(tb.0 / ta.0);
        cpu.push(tb.1 / ta.1);
    }
    let (c, c1, c3) = quartiles(cpu);
    let (w, w1, w3) = quartiles(wall);
    println!("B / A, side by side ({ROUNDS} rounds of {PAIRED} charges each):");
    println!("  the emulator's CPU per charge {c:.3}× (quartiles {c1:.3}–{c3:.3})");
    println!("  wall-clock time per charge {w:.3}× (quartiles {w1:.3}–{w3:.3})");
}

async fn token_of(http: &reqwest::Client, base_url: &str) -> String {
    let token: serde_json::Value = http
        .post(format!("{base_url}/oauth2/token"))
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
    token["access_token"].as_str().unwrap().to_string()
}

/// Posts one charge with a fresh `Idempotency-Key` and reads the whole answer.
async fn post_one(http: &reqwest::Client, url: &str, token: &str, body: &[u8]) {
    let res = http
        .post(url)
        .bearer_auth(token)
        .header("content-type", "application/json")
        .header("idempotency-key", uuid::Uuid::new_v4().to_string())
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let _ = res.bytes().await.unwrap();
}

/// Posts `n` charges from [`CLIENTS`] concurrent clients; the wall-clock time they took.
async fn post(
    http: &reqwest::Client,
    base_url: &str,
    token: &str,
    body: &Arc<Vec<u8>>,
    n: u64,
) -> f64 {
    let url = Arc::new(format!("{base_url}/api/v1/bank/wallet/charge/"));
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (http, token, body, url, next) = (
                http.clone(),
                token.to_string(),
                body.clone(),
                url.clone(),
                next.clone(),
            );
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    post_one(&http, &url, &token, &body).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    started.elapsed().as_secs_f64()
}

/// `n` charges to `emu` (see [`post`]): the wall-clock seconds and the emulator's CPU nanoseconds.
async fn timed_post(
    http: &reqwest::Client,
    emu: &Emulator,
    token: &str,
    body: &Arc<Vec<u8>>,
    n: u64,
) -> (f64, f64) {
    let before = emu.cpu_nanos().unwrap_or(0);
    let wall = post(http, &emu.base_url, token, body, n).await;
    let cpu = emu.cpu_nanos().unwrap_or(0).saturating_sub(before);
    (wall, cpu as f64)
}

/// The median and quartiles of `xs`.
fn quartiles(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    (xs[n / 2], xs[n / 4], xs[n * 3 / 4])
}

/// The full emulator against a new one in its first batch, side by side: rounds of [`PAIRED`]
/// charges to each, the order swapped every round and the new one started afresh (its own process,
/// warmed with [`WARM_UP`] charges) each time, so both see the same minute of the machine. The
/// medians of the rounds' ratios of CPU time and of wall-clock time per charge, with quartiles.
async fn full_against_empty(
    http: &reqwest::Client,
    full: &Emulator,
    full_token: &str,
    body: &Arc<Vec<u8>>,
) -> f64 {
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for round in 0..PAIRED_ROUNDS {
        let empty = start_emulator();
        let empty_token = token_of(http, &empty.base_url).await;
        // Warmed like the full one (connections open, first tables grown): it holds a few hundred
        // charges when its round starts.
        post(http, &empty.base_url, &empty_token, body, WARM_UP).await;
        post(http, &full.base_url, full_token, body, WARM_UP).await;
        let (f, e) = if round % 2 == 0 {
            let f = timed_post(http, full, full_token, body, PAIRED).await;
            (
                f,
                timed_post(http, &empty, &empty_token, body, PAIRED).await,
            )
        } else {
            let e = timed_post(http, &empty, &empty_token, body, PAIRED).await;
            (timed_post(http, full, full_token, body, PAIRED).await, e)
        };
        wall.push(f.0 / e.0);
        cpu.push(f.1 / e.1);
    }
    let (c, c1, c3) = quartiles(cpu);
    let (w, w1, w3) = quartiles(wall);
    println!(
        "full / new, side by side ({PAIRED_ROUNDS} rounds of {PAIRED} charges each; the new emulator started afresh each round, warmed with {WARM_UP}):"
    );
    println!("  the emulator's CPU per charge {c:.3}× (quartiles {c1:.3}–{c3:.3})");
    println!("  wall-clock time per charge {w:.3}× (quartiles {w1:.3}–{w3:.3})");
    c
}

async fn run(total: u64) {
    let emu = start_emulator();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let token = token_of(&http, &emu.base_url).await;
    let body = Arc::new(seed_001());
    let url = Arc::new(format!("{}/api/v1/bank/wallet/charge/", emu.base_url));
    let next = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
    println!("posting {total} charges from {CLIENTS} clients, rate per {BATCH}:");
    let started = Instant::now();
    for _ in 0..CLIENTS {
        let (http, token, body, url, next, done, tx) = (
            http.clone(),
            token.clone(),
            body.clone(),
            url.clone(),
            next.clone(),
            done.clone(),
            tx.clone(),
        );
        tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < total {
                post_one(&http, &url, &token, &body).await;
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_multiple_of(BATCH) {
                    let _ = tx.send(n);
                }
            }
        });
    }
    drop(tx);
    let mut last = started;
    let mut last_cpu = emu.cpu_nanos();
    let (mut rates, mut costs) = (Vec::new(), Vec::new());
    while let Some(n) = rx.recv().await {
        let now = Instant::now();
        let cpu = emu.cpu_nanos();
        let rate = BATCH as f64 / now.duration_since(last).as_secs_f64();
        let cost = match (last_cpu, cpu) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1_000.0 / BATCH as f64,
            _ => f64::NAN,
        };
        (last, last_cpu) = (now, cpu);
        rates.push(rate);
        costs.push(cost);
        println!(
            "  charges {:>7}–{:>7}: {rate:>6.0} charges/s, {cost:>5.0} µs of the emulator's CPU per charge",
            n - BATCH + 1,
            n
        );
    }
    let state: serde_json::Value = http
        .get(format!("{}/_emulator/state", emu.base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    println!(
        "{} charges in {:.1} s; the emulator holds {} charges, {} idempotency keys, {} webhook deliveries made",
        total,
        started.elapsed().as_secs_f64(),
        state["charge_count"],
        state["idempotency_keys"],
        state["webhook_deliveries"]
    );
    let verdict = |ratio: f64| {
        if (0.9..=1.1).contains(&ratio) {
            "within 10%"
        } else {
            "NOT within 10%"
        }
    };
    if let (Some(first), Some(last)) = (rates.first(), rates.last()) {
        let ratio = last / first;
        println!("rate, last batch / first: {ratio:.3} ({})", verdict(ratio));
    }
    if let (Some(first), Some(last)) = (costs.first(), costs.last()) {
        let ratio = last / first;
        println!(
            "the emulator's CPU per charge, last batch / first: {ratio:.3} ({})",
            verdict(ratio)
        );
    }
    let paired = full_against_empty(&http, &emu, &token, &body).await;
    println!(
        "the emulator's CPU per charge, full / new: {paired:.3} ({})",
        verdict(paired)
    );
}
