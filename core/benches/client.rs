//! The SDK's create-charge against a raw reqwest POST of the same JSON, 1 and 64 in flight; the
//! emulator's throughput; peak memory for 10,000 concurrent calls.
//!
//! Run with `scripts/bench.sh` (it builds the release `a55` binary and sets `A55_BIN`). The emulator
//! runs as its own process, rate limit off; this process is the client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use a55_core::client::{Client, ClientConfig, Credentials, Environment, RequestOptions};
use a55_core::redact::Secret;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

const WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";

fn charge() -> Value {
    json!({"wallet_uuid": WALLET, "merchant_id": "11111111-1111-1111-1111-111111111111", "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "installment_value": 150.00, "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "Order #42", "type_charge": "credit_card", "card_number": "4024007153763130",
        "card_name": "ZHANG WEI", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR"}})
}

/// Interleaved rounds per side for the SDK/raw ratio (`A55_BENCH_ROUNDS`): many short rounds (300
/// calls each by default), so the two sides of a round see the same minute of a machine whose speed
/// drifts.
const ROUNDS: usize = 100;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

async fn timed<F, Fut>(n: usize, in_flight: usize, f: F) -> Duration
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let f = Arc::new(f);
    let gate = Arc::new(Semaphore::new(in_flight));
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let (f, gate) = (f.clone(), gate.clone());
            tokio::spawn(async move {
                let _p = gate.acquire().await.unwrap();
                f().await;
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    started.elapsed()
}

fn main() {
    let bin =
        std::env::var("A55_BIN").expect("set A55_BIN to the a55 binary (scripts/bench.sh does)");
    let n: usize = std::env::var("A55_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30_000);
    let emulator = a55_emulator::process::EmulatorProcess::start(
        &bin,
        &["--rate-limit", "0", "--today", "2026-11-21"],
    )
    .expect("start the emulator");
    let base = emulator.base_url.clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let raw = reqwest::Client::builder().no_proxy().build().unwrap();
        let token: Value = raw
            .post(format!("{base}/oauth2/token"))
            .form(&[("grant_type", "client_credentials"), ("client_id", "emulator-client"), ("client_secret", "emulator-secret")])
            .send().await.unwrap().json().await.unwrap();
        let token = token["access_token"].as_str().unwrap().to_string();
        let mut config = ClientConfig::for_environment(
            Environment::Sandbox,
            Credentials::ClientCredentials { client_id: "emulator-client".into(), client_secret: Secret::new("emulator-secret") },
        );
        config.base_url = base.clone();
        config.token_url = format!("{base}/oauth2/token");
        config.today = a55_core::schedule::parse_date("2026-11-21", "today").ok();
        let sdk = Client::new(config).unwrap();
        let body = Arc::new(charge());
        let url = Arc::new(format!("{base}/api/v1/bank/wallet/charge/"));

        let raw_call = {
            let (raw, url, body, token) = (raw.clone(), url.clone(), body.clone(), token.clone());
            move || {
                let (raw, url, body, token) = (raw.clone(), url.clone(), body.clone(), token.clone());
                async move {
                    let res = raw
                        .post(url.as_str())
                        .bearer_auth(&token)
                        .header("idempotency-key", a55_core::idempotency::new_key())
                        .json(&*body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), 200);
                    let _: Value = res.json().await.unwrap();
                }
            }
        };
        let sdk_call = {
            let (sdk, body) = (sdk.clone(), body.clone());
            move || {
                let (sdk, body) = (sdk.clone(), body.clone());
                async move {
                    sdk.create_charge(&*body, &RequestOptions::default()).await.unwrap();
                }
            }
        };
        // `A55_BENCH_ONLY=raw|sdk`: one side only (one call at a time, or `A55_BENCH_IN_FLIGHT`), for
        // `perf stat` / `perf record` of each side alone.
        if let Ok(side) = std::env::var("A55_BENCH_ONLY") {
            let in_flight: usize = std::env::var("A55_BENCH_IN_FLIGHT")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(1);
            let took = match side.as_str() {
                "raw" => timed(n, in_flight, raw_call.clone()).await,
                _ => timed(n, in_flight, sdk_call.clone()).await,
            };
            println!("{side}: {n} calls, {in_flight} in flight, in {took:?}");
            return;
        }
        println!("| in flight | raw reqwest | SDK create_charge | SDK / raw |");
        println!("|---|---|---|---|");
        for in_flight in [1usize, 64] {
            // Warm both paths, then interleave short rounds (the order swapped every round) so both
            // sides see the same machine.
            timed(300, in_flight, raw_call.clone()).await;
            timed(300, in_flight, sdk_call.clone()).await;
            let rounds: usize = std::env::var("A55_BENCH_ROUNDS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(ROUNDS)
                .max(1);
            let per_round = (n / rounds).max(in_flight);
            let per = |d: Duration| d.as_secs_f64() * 1e6 / per_round as f64;
            let (mut raw_times, mut sdk_times) = (Vec::new(), Vec::new());
            for round in 0..rounds {
                if round % 2 == 0 {
                    raw_times.push(per(timed(per_round, in_flight, raw_call.clone()).await));
                    sdk_times.push(per(timed(per_round, in_flight, sdk_call.clone()).await));
                } else {
                    sdk_times.push(per(timed(per_round, in_flight, sdk_call.clone()).await));
                    raw_times.push(per(timed(per_round, in_flight, raw_call.clone()).await));
                }
            }
            // Each round's two sides ran back to back: the median of the per-round ratios is robust to
            // the machine's drift and to an outlier round; the quartiles show the spread.
            let mut ratios: Vec<f64> = sdk_times.iter().zip(&raw_times).map(|(s, r)| s / r).collect();
            let ratio = median(&mut ratios);
            let (lo, hi) = (ratios[ratios.len() / 4], ratios[ratios.len() * 3 / 4]);
            let (raw_us, sdk_us) = (median(&mut raw_times), median(&mut sdk_times));
            println!(
                "| {in_flight} | {raw_us:.0} µs/call ({:.0} calls/s) | {sdk_us:.0} µs/call ({:.0} calls/s) | {ratio:.3}× (rounds' quartiles {lo:.3}–{hi:.3}) |",
                1e6 / raw_us,
                1e6 / sdk_us,
            );
        }

        // Emulator throughput with keep-alive: authenticated GETs, 64 connections, 5 seconds.
        let get_url = Arc::new(format!("{base}/api/v1/bank/wallet/?wallet_uuid={WALLET}"));
        let stop = Instant::now() + Duration::from_secs(5);
        let count = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let workers: Vec<_> = (0..64)
            .map(|_| {
                let (raw, get_url, token, count) = (raw.clone(), get_url.clone(), token.clone(), count.clone());
                tokio::spawn(async move {
                    while Instant::now() < stop {
                        let res = raw.get(get_url.as_str()).bearer_auth(&token).send().await.unwrap();
                        let _ = res.bytes().await.unwrap();
                        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                })
            })
            .collect();
        for w in workers {
            w.await.unwrap();
        }
        println!(
            "\nemulator throughput: {:.0} authenticated GET requests/s (64 keep-alive connections, 5 s, load generator on the same 2 cores)",
            count.load(std::sync::atomic::Ordering::Relaxed) as f64 / 5.0
        );

        // Peak memory of this process while 10,000 SDK calls are in flight at once.
        let failures = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counted = {
            let (sdk, body, failures) = (sdk.clone(), body.clone(), failures.clone());
            move || {
                let (sdk, body, failures) = (sdk.clone(), body.clone(), failures.clone());
                async move {
                    if sdk.create_charge(&*body, &RequestOptions::default()).await.is_err() {
                        failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            }
        };
        let before = rss_kib("VmRSS:");
        let elapsed = timed(10_000, 10_000, counted).await;
        let peak = rss_kib("VmHWM:");
        println!(
            "10,000 concurrent create_charge calls: done in {:.1} s, {} failed; RSS before {} MiB, peak {} MiB (client process only)",
            elapsed.as_secs_f64(),
            failures.load(std::sync::atomic::Ordering::Relaxed),
            before / 1024,
            peak / 1024
        );
    });
    drop(emulator);
}
