//! The rate limit over real HTTP: A55's rolling window per client id (compressed to a second here),
//! its headers, the 429, the control state's counts, the limit off, and the token endpoint outside
//! it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::Response;
use serde_json::Value;

use common::{Emu, WALLET, config};

const RATE_HEADERS: [&str; 4] = [
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-ratelimit-window",
];

fn header<'a>(res: &'a Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).map(|v| v.to_str().unwrap())
}

fn number(res: &Response, name: &str) -> u64 {
    header(res, name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}

fn unix_secs_f64() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

async fn wallet(emu: &Emu, token: Option<&str>, fault: Option<&str>) -> Response {
    let mut req = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}")));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(f) = fault {
        req = req.header("x-emulator-fault", f);
    }
    req.send().await.unwrap()
}

/// Checks an answer's rate headers: the limit, what remains, the window of 1 s, and the reset: a
/// second after the oldest request in the window arrived (it was sent at `oldest_sent`, Unix
/// seconds), rounded up.
fn check_headers(res: &Response, remaining: u64, oldest_sent: f64) {
    assert_eq!(number(res, "x-ratelimit-limit"), 3);
    assert_eq!(number(res, "x-ratelimit-remaining"), remaining);
    assert_eq!(header(res, "x-ratelimit-window"), Some("1"));
    let reset = number(res, "x-ratelimit-reset") as f64;
    let answered = unix_secs_f64();
    assert!(
        reset >= (oldest_sent + 1.0).ceil() && reset <= (answered + 1.0).ceil(),
        "reset {reset}: the oldest sent at {oldest_sent}, answered at {answered}"
    );
}

async fn sleep_until(at: Instant) {
    tokio::time::sleep(at.saturating_duration_since(Instant::now())).await;
}

#[tokio::test]
async fn the_window_rolls_per_client() {
    let mut cfg = config();
    cfg.rate_limit = 3;
    cfg.rate_window = Duration::from_secs(1);
    let emu = Emu::start(cfg).await;
    let token = Some(emu.token.as_str());
    let (start, first_sent) = (Instant::now(), unix_secs_f64());
    let first = wallet(&emu, token, None).await;
    assert_eq!(first.status(), 200);
    check_headers(&first, 2, first_sent);
    // The first request leaves the window 1 s after it arrived; the next two, half a second later.
    sleep_until(start + Duration::from_millis(500)).await;
    let second_sent = unix_secs_f64();
    for remaining in [1, 0] {
        let res = wallet(&emu, token, None).await;
        assert_eq!(res.status(), 200);
        check_headers(&res, remaining, first_sent);
    }
    for _ in 0..2 {
        let limited = wallet(&emu, token, None).await;
        assert_eq!(limited.status(), 429);
        check_headers(&limited, 0, first_sent);
        assert_eq!(header(&limited, "retry-after"), Some("1"));
        let body: Value = limited.json().await.unwrap();
        assert_eq!(body["error"]["code"], "RATE_LIMIT_EXCEEDED");
        assert!(body["request_id"].as_str().unwrap().starts_with("req_"));
    }
    // Rolling, not fixed: once the first has left, one slot is free, and only one.
    sleep_until(start + Duration::from_millis(1_200)).await;
    let freed = wallet(&emu, token, None).await;
    assert_eq!(freed.status(), 200);
    check_headers(&freed, 0, second_sent);
    let limited = wallet(&emu, token, None).await;
    assert_eq!(limited.status(), 429);
    assert_eq!(header(&limited, "retry-after"), Some("1"));
    assert!(
        start.elapsed() < Duration::from_millis(1_500),
        "too slow to tell a rolling window from a fixed one"
    );

    let s = emu.state().await;
    let rate = &s["rate"]["emulator-client"];
    assert_eq!(rate["requests"], 7, "{s}");
    assert_eq!(rate["rate_limited"], 3, "{s}");
    assert!(rate["max_in_window"].as_u64().unwrap() <= 3, "{s}");
    assert_eq!(rate["max_in_window"], 3, "{s}");
    assert!(s["rate"].get("anonymous").is_none(), "{s}");
    assert_eq!(s["token_requests"], 1);
    assert_eq!(s["token_requests_by_client"]["emulator-client"], 1);
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn with_the_limit_off_the_limit_header_says_0_alone() {
    let emu = Emu::start(config()).await;
    let token = Some(emu.token.as_str());
    let plain = wallet(&emu, token, None).await;
    assert_eq!(plain.status(), 200);
    let faulted = wallet(&emu, token, Some("503")).await;
    assert_eq!(faulted.status(), 503);
    let anonymous = wallet(&emu, None, None).await;
    assert_eq!(anonymous.status(), 401);
    let public = emu
        .http
        .get(emu.url("/api/v1/bank/public/charge?charge_uuid=x"))
        .send()
        .await
        .unwrap();
    for res in [&plain, &faulted, &anonymous, &public] {
        assert_eq!(header(res, "x-ratelimit-limit"), Some("0"), "{}", res.url());
        for name in &RATE_HEADERS[1..] {
            assert!(header(res, name).is_none(), "{name} on {}", res.url());
        }
    }
    let s = emu.state().await;
    assert_eq!(s["rate"]["emulator-client"]["requests"], 2, "{s}");
    assert_eq!(s["rate"]["emulator-client"]["max_in_window"], 0, "{s}");
    assert_eq!(s["rate"]["anonymous"]["requests"], 2, "{s}");
    assert_eq!(s["rate"]["anonymous"]["rate_limited"], 0, "{s}");
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn token_requests_neither_count_nor_draw_429() {
    let mut cfg = config();
    cfg.rate_limit = 2;
    let emu = Emu::start(cfg).await;
    let token = Some(emu.token.as_str());
    for _ in 0..10 {
        let res = emu
            .token_response("emulator-client", "emulator-secret")
            .await;
        assert_eq!(res.status(), 200);
        for name in RATE_HEADERS {
            assert!(header(&res, name).is_none(), "{name} on a token answer");
        }
    }
    // The ten tokens took nothing from the client's budget: two API requests, then 429. An injected
    // fault's answer passes the limit first, so it counts and carries the headers.
    let faulted = wallet(&emu, token, Some("503")).await;
    assert_eq!(faulted.status(), 503);
    assert_eq!(number(&faulted, "x-ratelimit-remaining"), 1);
    assert_eq!(wallet(&emu, token, None).await.status(), 200);
    let limited = wallet(&emu, token, None).await;
    assert_eq!(limited.status(), 429);
    assert_eq!(header(&limited, "x-ratelimit-window"), Some("60"));
    let retry = number(&limited, "retry-after");
    assert!((1..=60).contains(&retry), "{retry}");
    // Limited, the client still gets tokens, and another client id has its own budget.
    for _ in 0..5 {
        assert_eq!(
            emu.token_response("emulator-client", "emulator-secret")
                .await
                .status(),
            200
        );
    }
    assert_eq!(wallet(&emu, None, None).await.status(), 401);
    let s = emu.state().await;
    assert_eq!(s["token_requests"], 16, "{s}");
    assert_eq!(s["token_requests_by_client"]["emulator-client"], 16, "{s}");
    let rate = &s["rate"]["emulator-client"];
    assert_eq!(
        (
            &rate["requests"],
            &rate["rate_limited"],
            &rate["max_in_window"]
        ),
        (&Value::from(3), &Value::from(1), &Value::from(2)),
        "{s}"
    );
    assert_eq!(s["rate"]["anonymous"]["requests"], 1, "{s}");
    emu.handle.shutdown().await;
}
