//! The cost of the fleet's shared store per call: the same wallet reads paced through Redis (on
//! loopback) and through the process's own budget, 1 and 64 in flight, as a ratio; and the Redis
//! commands each call costs.
//!
//! Run with `scripts/bench-fleet.sh` (it builds the release `a55` binary, starts Debian's
//! `redis-server` on a free port and sets `A55_BIN` and `A55_BENCH_REDIS`). The emulator runs as
//! its own process with a limit no run reaches, so every call is paced (one slot per attempt).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use a55_core::client::{
    Client, ClientConfig, Credentials, Environment, RequestOptions, WalletQuery,
};
use a55_core::redact::Secret;
use a55_emulator::process::EmulatorProcess;
use tokio::sync::Semaphore;

const WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";

async fn run(client: &Client, n: usize, in_flight: usize) -> Duration {
    let gate = Arc::new(Semaphore::new(in_flight));
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let (client, gate) = (client.clone(), gate.clone());
            tokio::spawn(async move {
                let _p = gate.acquire().await.unwrap();
                let q = WalletQuery {
                    wallet_uuid: Some(WALLET.into()),
                    ..WalletQuery::default()
                };
                client
                    .get_wallet(&q, &RequestOptions::default())
                    .await
                    .unwrap();
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    started.elapsed()
}

/// Commands clients sent (scripts count once, not the commands they run), from `INFO
/// commandstats`, less the `INFO` calls made to read it.
async fn round_trips(redis: &str) -> u64 {
    let client = redis::Client::open(redis).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query_async(&mut conn)
        .await
        .unwrap();
    let calls = |name: &str| -> u64 {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("cmdstat_{name}:calls=")))
            .and_then(|v| v.split(',').next()?.parse().ok())
            .unwrap_or(0)
    };
    ["evalsha", "eval", "get", "set", "exec"]
        .iter()
        .map(|c| calls(c))
        .sum()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let bin = std::env::var("A55_BIN").expect("set A55_BIN (scripts/bench-fleet.sh does)");
    let redis = std::env::var("A55_BENCH_REDIS")
        .expect("set A55_BENCH_REDIS (scripts/bench-fleet.sh does)");
    let n: usize = std::env::var("A55_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let rounds: usize = std::env::var("A55_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    // One emulator per side: each side's budget then counts only its own calls, as a fleet's does.
    let (local_emu, fleet_emu) = (emulator(&bin), emulator(&bin));
    let (local_base, fleet_base) = (local_emu.base_url.clone(), fleet_emu.base_url.clone());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let config = |base: &str, store: Option<&str>| {
            let mut c = ClientConfig::for_environment(
                Environment::Sandbox,
                Credentials::ClientCredentials {
                    client_id: "emulator-client".into(),
                    client_secret: Secret::new("emulator-secret"),
                },
            );
            c.base_url = base.to_string();
            c.token_url = format!("{base}/oauth2/token");
            c.shared_store = Some(Secret::new(store.unwrap_or("")));
            c
        };
        let local = Client::new(config(&local_base, None)).unwrap();
        let fleet = Client::new(config(&fleet_base, Some(&redis))).unwrap();
        // Warm up: tokens, connections, the rule from the emulator's headers.
        run(&local, 200, 8).await;
        run(&fleet, 200, 8).await;
        println!("fleet store: {n} wallet reads per round, {rounds} rounds per side, interleaved");
        for in_flight in [1, 64] {
            let (mut ratios, mut local_rate, mut fleet_rate) = (Vec::new(), Vec::new(), Vec::new());
            let mut per_call = 0.0;
            for _ in 0..rounds {
                let l = run(&local, n, in_flight).await;
                let before = round_trips(&redis).await;
                let f = run(&fleet, n, in_flight).await;
                per_call = (round_trips(&redis).await - before) as f64 / n as f64;
                ratios.push(f.as_secs_f64() / l.as_secs_f64());
                local_rate.push(n as f64 / l.as_secs_f64());
                fleet_rate.push(n as f64 / f.as_secs_f64());
            }
            println!(
                "  {in_flight:>2} in flight: process store {:>6.0} calls/s, Redis store {:>6.0} calls/s; \
                 time ratio Redis/process {:.2}x (median); Redis round trips per call {per_call:.2}",
                median(&mut local_rate),
                median(&mut fleet_rate),
                median(&mut ratios),
            );
        }
    });
    drop((local_emu, fleet_emu));
}

/// A release emulator with a limit no run reaches.
fn emulator(bin: &str) -> EmulatorProcess {
    EmulatorProcess::start(
        bin,
        &["--rate-limit", "1000000000", "--today", "2026-11-21"],
    )
    .expect("start the emulator")
}
