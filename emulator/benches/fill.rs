//! Flat cost as the emulator fills: posts 200,000 charges (seed 001's card charge with its
//! `webhook_url`, a fresh `Idempotency-Key` each) from 16 concurrent clients to an emulator on
//! loopback and prints, for each batch of 20,000, the rate (charges per second of wall-clock time)
//! and the cost (the process's CPU time per charge, client and emulator together, from
//! `/proc/self/stat`). The last batch should be within 10% of the first. On a busy machine the cost
//! is the figure to compare: other processes taking the cores slow the rate, not the cost.
//!
//! A batch's rate moves with the machine too (a virtual machine's speed drifts by more than 10 %
//! within the minute between the first batch and the last), so the run ends with the question asked
//! directly: the full emulator and an empty one, in alternating short rounds, the median ratio of
//! their times per charge.
//!
//! The rate limit is off, and so is the settle delay: with it, each confirmed charge turns `paid`
//! (a transition and a webhook) 5 s after its request, work that trails the requests and that the
//! first batch, over before any of it starts, would not carry. Not a test: run it with
//! `scripts/bench-emulator.sh` (`cargo bench -p a55-emulator --bench fill`); `A55_FILL_TOTAL`
//! changes the count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

/// The allocator of the `a55` binary, which serves the emulator (see cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use a55_emulator::{EmulatorConfig, FIXTURE_MERCHANT, FIXTURE_WALLET};
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

/// The process's CPU time (user + system, every thread) in microseconds, from `/proc/self/stat`
/// (fields 14 and 15, in clock ticks of 1/100 s, Linux's `USER_HZ`); None where there is no /proc.
fn cpu_micros() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) * 10_000)
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
    runtime.block_on(run(total));
}

async fn emulator() -> a55_emulator::EmulatorHandle {
    a55_emulator::start(EmulatorConfig {
        today: Some(a55_core::schedule::parse_date("2026-11-21", "today").unwrap()),
        rate_limit: 0,
        settle_delay: None,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap()
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

/// The full emulator against an empty one, side by side: rounds of [`PAIRED`] charges to each, the
/// order swapped every round and the empty one started afresh each time, so both see the same
/// minute of the machine. The median of the rounds' time ratios, with their quartiles.
async fn full_against_empty(
    http: &reqwest::Client,
    full: &str,
    full_token: &str,
    body: &Arc<Vec<u8>>,
) {
    let mut ratios = Vec::new();
    for round in 0..PAIRED_ROUNDS {
        let empty = emulator().await;
        let empty_token = token_of(http, &empty.base_url).await;
        // Warmed like the full one (connections open, first tables grown): it holds a few hundred
        // charges when its round starts.
        post(http, &empty.base_url, &empty_token, body, WARM_UP).await;
        post(http, full, full_token, body, WARM_UP).await;
        let (t_full, t_empty) = if round % 2 == 0 {
            let f = post(http, full, full_token, body, PAIRED).await;
            (
                f,
                post(http, &empty.base_url, &empty_token, body, PAIRED).await,
            )
        } else {
            let e = post(http, &empty.base_url, &empty_token, body, PAIRED).await;
            (post(http, full, full_token, body, PAIRED).await, e)
        };
        ratios.push(t_full / t_empty);
        empty.shutdown().await;
    }
    ratios.sort_by(f64::total_cmp);
    let n = ratios.len();
    println!(
        "full / empty, side by side ({PAIRED_ROUNDS} rounds of {PAIRED} charges each; the empty emulator new each round, warmed with {WARM_UP}): time per charge {:.3}× (quartiles {:.3}–{:.3})",
        ratios[n / 2],
        ratios[n / 4],
        ratios[n * 3 / 4]
    );
}

async fn run(total: u64) {
    let emu = emulator().await;
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
    let mut last_cpu = cpu_micros();
    let (mut rates, mut costs) = (Vec::new(), Vec::new());
    while let Some(n) = rx.recv().await {
        let now = Instant::now();
        let cpu = cpu_micros();
        let rate = BATCH as f64 / now.duration_since(last).as_secs_f64();
        let cost = match (last_cpu, cpu) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / BATCH as f64,
            _ => f64::NAN,
        };
        (last, last_cpu) = (now, cpu);
        rates.push(rate);
        costs.push(cost);
        println!(
            "  charges {:>7}–{:>7}: {rate:>6.0} charges/s, {cost:>5.0} µs of CPU per charge",
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
            "CPU per charge, last batch / first: {ratio:.3} ({})",
            verdict(ratio)
        );
    }
    full_against_empty(&http, &emu.base_url, &token, &body).await;
    emu.shutdown().await;
}
