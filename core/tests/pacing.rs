//! Pacing against the emulator's rolling window, and the fleet's shared store in a real Redis
//! (Debian's `redis-server`, started here on a free port and stopped at the end).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::{Duration, Instant};

use a55_core::ErrorKind;
use a55_core::client::{Client, ClientConfig, RequestOptions, WalletQuery};
use a55_emulator::{EmulatorConfig, EmulatorHandle};
use serde_json::Value;

async fn emulator(limit: u32, window_secs: u64) -> EmulatorHandle {
    a55_emulator::start(EmulatorConfig {
        today: Some(support::today()),
        rate_limit: limit,
        rate_window: Duration::from_secs(window_secs),
        settle_delay: None,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap()
}

fn wallet() -> WalletQuery {
    WalletQuery {
        wallet_uuid: Some(a55_emulator::FIXTURE_WALLET.into()),
        ..WalletQuery::default()
    }
}

/// `n` wallet reads at once; the errors' kinds in order.
async fn burst(client: &Client, n: usize, deadline: Duration) -> Vec<Result<(), ErrorKind>> {
    let opts = RequestOptions {
        deadline: Some(deadline),
        ..RequestOptions::default()
    };
    let calls = (0..n).map(|_| {
        let (client, opts) = (client.clone(), opts.clone());
        tokio::spawn(async move {
            client
                .get_wallet(&wallet(), &opts)
                .await
                .map(|_| ())
                .map_err(|e| e.kind)
        })
    });
    let mut out = Vec::new();
    for c in calls.collect::<Vec<_>>() {
        out.push(c.await.unwrap());
    }
    out
}

fn rate(state: &Value) -> &Value {
    &state["rate"]["emulator-client"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_waits_for_budget_instead_of_drawing_429s() {
    let emu = emulator(20, 2).await;
    let client = Client::new(support::config(&emu.base_url)).unwrap();
    // Until the server has answered once, the budget is A55's documented 100 a minute: learn the
    // emulator's smaller rule first.
    client
        .get_wallet(&wallet(), &RequestOptions::default())
        .await
        .unwrap();
    let started = Instant::now();
    let results = burst(&client, 29, Duration::from_secs(30)).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    // 30 against 20 per 2 s: the last 10 wait for the first window to roll.
    assert!(started.elapsed() >= Duration::from_secs(2));
    let state = support::control(&emu.base_url, "state").await;
    assert_eq!(rate(&state)["rate_limited"], 0, "{state}");
    assert_eq!(rate(&state)["requests"], 30);
    assert!(rate(&state)["max_in_window"].as_u64().unwrap() <= 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_past_the_deadline_fails_at_once_unsent() {
    let emu = emulator(20, 4).await;
    let client = Client::new(support::config(&emu.base_url)).unwrap();
    // Learn the rule with one call, then burst.
    client
        .get_wallet(&wallet(), &RequestOptions::default())
        .await
        .unwrap();
    let started = Instant::now();
    let results = burst(&client, 29, Duration::from_secs(2)).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let paced = results
        .iter()
        .filter(|r| **r == Err(ErrorKind::RateLimit))
        .count();
    assert_eq!((ok, paced), (19, 10), "{results:?}");
    assert!(started.elapsed() < Duration::from_secs(2), "failed fast");
    let state = support::control(&emu.base_url, "state").await;
    assert_eq!(rate(&state)["requests"], 20, "unsent: {state}");
    assert_eq!(rate(&state)["rate_limited"], 0);
    // The error says how long the call would have waited, and that nothing was sent.
    let e = client
        .get_wallet(
            &wallet(),
            &RequestOptions {
                deadline: Some(Duration::from_secs(1)),
                ..RequestOptions::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::RateLimit);
    assert!(e.retry_after.unwrap() > Duration::from_secs(1));
    assert!(e.message.contains("would have waited") && e.message.contains("nothing was sent"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_draw_from_the_same_budget() {
    let emu = emulator(3, 2).await;
    let mut config = support::config(&emu.base_url);
    config.backoff_base = Duration::from_millis(10);
    let client = Client::new(config).unwrap();
    let opts = RequestOptions::default();
    // Two 503s then an answer: one call, three attempts, three slots of the 3 per 2 s.
    support::queue_faults(&emu.base_url, &["503", "503"]).await;
    let res = client.get_wallet(&wallet(), &opts).await.unwrap();
    assert_eq!(res.meta.attempts, 3);
    // The next call waits for the window to roll instead of drawing a 429.
    let started = Instant::now();
    client.get_wallet(&wallet(), &opts).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(1_500),
        "{:?}",
        started.elapsed()
    );
    let state = support::control(&emu.base_url, "state").await;
    assert_eq!(rate(&state)["rate_limited"], 0, "{state}");
    assert_eq!(rate(&state)["requests"], 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_off_draws_the_servers_429s() {
    let emu = emulator(5, 60).await;
    let mut config = support::config(&emu.base_url);
    config.pacing = false;
    config.max_retries = 0;
    let client = Client::new(config).unwrap();
    let results = burst(&client, 8, Duration::from_secs(5)).await;
    let limited = results
        .iter()
        .filter(|r| **r == Err(ErrorKind::RateLimit))
        .count();
    assert_eq!(limited, 3, "{results:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_without_a_limit_is_not_paced() {
    let emu = emulator(0, 60).await;
    let client = Client::new(support::config(&emu.base_url)).unwrap();
    client
        .get_wallet(&wallet(), &RequestOptions::default())
        .await
        .unwrap();
    let started = Instant::now();
    let results = burst(&client, 150, Duration::from_secs(30)).await;
    assert!(results.iter().all(Result::is_ok));
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// Debian's `redis-server` on a free loopback port, stopped when dropped. None (and the test
/// passes with a note) when it is not installed, unless `A55_REQUIRE_REDIS` is set, as the test
/// command does.
struct Redis {
    child: std::process::Child,
    port: u16,
}

impl Redis {
    fn start() -> Option<Redis> {
        Redis::start_on(0)
    }

    fn start_on(port: u16) -> Option<Redis> {
        let port = if port == 0 {
            std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        } else {
            port
        };
        let child = std::process::Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(std::process::Stdio::null())
            .spawn();
        let child = match child {
            Ok(c) => c,
            Err(e) => {
                assert!(
                    std::env::var_os("A55_REQUIRE_REDIS").is_none(),
                    "redis-server is needed: {e}"
                );
                eprintln!("skipped: redis-server is not installed ({e})");
                return None;
            }
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "redis-server did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(Redis { child, port })
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Every key, as `redis-cli` would list them.
    async fn keys(&self) -> Vec<String> {
        let client = redis::Client::open(self.url()).unwrap();
        let mut conn = client.get_multiplexed_async_connection().await.unwrap();
        redis::cmd("KEYS")
            .arg("*")
            .query_async(&mut conn)
            .await
            .unwrap()
    }

    async fn get(&self, key: &str) -> Vec<u8> {
        let client = redis::Client::open(self.url()).unwrap();
        let mut conn = client.get_multiplexed_async_connection().await.unwrap();
        redis::cmd("GET")
            .arg(key)
            .query_async(&mut conn)
            .await
            .unwrap()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fleet_config(emu: &EmulatorHandle, redis: &str) -> ClientConfig {
    let mut c = support::config(&emu.base_url);
    c.shared_store = Some(a55_core::redact::Secret::new(redis));
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fleet_shares_one_budget_and_one_token_through_redis() {
    let Some(redis) = Redis::start() else { return };
    let emu = emulator(20, 2).await;
    // Four clients stand for four processes: each has its own token cache and draws from Redis.
    let clients: Vec<Client> = (0..4)
        .map(|_| Client::new(fleet_config(&emu, &redis.url())).unwrap())
        .collect();
    let started = Instant::now();
    let mut all = Vec::new();
    for c in &clients {
        let c = c.clone();
        all.push(tokio::spawn(async move {
            burst(&c, 10, Duration::from_secs(30)).await
        }));
    }
    for task in all {
        assert!(task.await.unwrap().iter().all(Result::is_ok));
    }
    // 40 against 20 per 2 s.
    assert!(started.elapsed() >= Duration::from_secs(2));
    let state = support::control(&emu.base_url, "state").await;
    assert_eq!(rate(&state)["rate_limited"], 0, "{state}");
    assert!(rate(&state)["max_in_window"].as_u64().unwrap() <= 20);
    assert_eq!(state["token_requests"], 1, "one token for the fleet");
    let fetched: u64 = clients.iter().map(Client::token_requests).sum();
    assert_eq!(fetched, 1);
    // Keys are derived; neither the client id nor the token is readable in Redis.
    let keys = redis.keys().await;
    assert!(!keys.is_empty());
    assert!(
        keys.iter()
            .all(|k| k.starts_with("a55:{") && !k.contains("emulator-client"))
    );
    let token_key = keys.iter().find(|k| k.ends_with(":token")).unwrap();
    let sealed = redis.get(token_key).await;
    assert!(!String::from_utf8_lossy(&sealed).contains("tok"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_that_is_down_never_fails_a_payment() {
    let emu = emulator(1_000, 60).await;
    // Nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::new(fleet_config(&emu, &format!("redis://127.0.0.1:{port}/0"))).unwrap();
    let results = burst(&client, 10, Duration::from_secs(10)).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    // Then the store comes up, and sharing resumes.
    let Some(redis) = Redis::start_on(port) else {
        return;
    };
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let results = burst(&client, 5, Duration::from_secs(10)).await;
    assert!(results.iter().all(Result::is_ok));
    let other = Client::new(fleet_config(&emu, &redis.url())).unwrap();
    other
        .get_wallet(&wallet(), &RequestOptions::default())
        .await
        .unwrap();
    // The first client paces through the store again.
    assert!(redis.keys().await.iter().any(|k| k.ends_with(":log")));
    assert!(redis.keys().await.iter().any(|k| k.ends_with(":token")));
}

#[test]
fn a_bad_store_url_is_a_configuration_error() {
    let mut c = support::config("http://127.0.0.1:9");
    c.shared_store = Some(a55_core::redact::Secret::new("memcached://x"));
    let e = Client::new(c).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Configuration);
    assert!(e.message.contains("shared_store"));
    let mut c = support::config("http://127.0.0.1:9");
    c.shared_store = Some(a55_core::redact::Secret::new(
        "redis://:hunter2@127.0.0.1:notaport",
    ));
    assert!(
        !format!("{c:?}").contains("hunter2"),
        "the URL's password never shows"
    );
    let e = Client::new(c).unwrap_err();
    assert!(!e.message.contains("hunter2"));
}
