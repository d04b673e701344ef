//! What runs around the handlers: the request id of every response, the count of requests, the
//! per-client rate limit of the API routes and the faults (by header, queue or seeded plan).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::{App, ConnControl, PendingDelay, RequestId, Shared};
use crate::config::Fault;
use crate::errors::ErrorBody;
use crate::json::Json;
use crate::state::real_now;

/// Gives every request an id, answered in `X-Request-Id`.
pub async fn request_id(mut req: Request, next: Next) -> Response {
    let id = format!("req_{:016x}", rand_id());
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}

fn rand_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    let n = N.fetch_add(1, Ordering::Relaxed);
    n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (real_now() as u64)
}

/// Chooses this request's fault: the `X-Emulator-Fault` header for one request, else the seeded plan.
fn choose_fault(app: &App, headers: &HeaderMap, path: &str) -> Option<Fault> {
    if let Some(v) = headers
        .get("x-emulator-fault")
        .and_then(|v| v.to_str().ok())
    {
        let (name, ms) = match v.split_once(':') {
            Some((n, ms)) => (n, ms.parse().unwrap_or(100)),
            None => (v, 100),
        };
        return Fault::parse(name.trim(), ms);
    }
    // Queued faults hit API calls only, so a client's token request does not take them.
    if path.starts_with("/api/")
        && let Some(queued) = app.store().fault_queue.pop_front()
    {
        return Some(queued);
    }
    if app.config.faults.shares.is_empty() {
        return None;
    }
    app.config.faults.pick(app.rng.unit())
}

/// Counts a request to A55's API, its public endpoints or the token endpoint (`requests` of the
/// control state), whatever answers it: the rate limit, a fault or the handler.
pub async fn count(State(app): State<Shared>, req: Request, next: Next) -> Response {
    app.store().requests += 1;
    next.run(req).await
}

/// Applies this request's fault, if it has one.
pub async fn faults(State(app): State<Shared>, mut req: Request, next: Next) -> Response {
    let fault = choose_fault(&app, req.headers(), req.uri().path());
    let Some(fault) = fault else {
        return next.run(req).await;
    };
    *app.store()
        .faults
        .entry(fault.name().to_string())
        .or_default() += 1;
    let reset = req.extensions().get::<ConnControl>().cloned();
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    match fault {
        Fault::Status500 | Fault::Status503 => {
            let status = if matches!(fault, Fault::Status500) {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            let body = ErrorBody::Unexpected("Unexpected error; retry with exponential backoff");
            (status, Json(body.json(status))).into_response()
        }
        Fault::Status429 => {
            let mut res = rate_limited_response(1, &request_id);
            res.headers_mut()
                .insert("x-emulator-fault", HeaderValue::from_static("429"));
            res
        }
        Fault::Delay(d) => {
            if req.method() == axum::http::Method::POST {
                // Applied after the idempotency key is claimed, so a concurrent duplicate sees it.
                req.extensions_mut().insert(PendingDelay(d));
            } else {
                tokio::time::sleep(d).await;
            }
            next.run(req).await
        }
        Fault::ResetBefore => {
            if let Some(c) = reset {
                c.0.notify_one();
            }
            std::future::pending::<Response>().await
        }
        Fault::ResetAfter => {
            let _processed = next.run(req).await;
            if let Some(c) = reset {
                c.0.notify_one();
            }
            std::future::pending::<Response>().await
        }
    }
}

/// The 429 answer, A55's envelope shape.
pub fn rate_limited_response(retry_after: i64, request_id: &str) -> Response {
    let status = StatusCode::TOO_MANY_REQUESTS;
    let body = ErrorBody::RateLimited(retry_after, request_id).json(status);
    let mut res = (status, Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
        res.headers_mut().insert("retry-after", v);
    }
    res
}

/// The client a request counts against: its valid token's client, else `anonymous`.
fn rate_key(app: &App, headers: &HeaderMap) -> String {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let now = app.clock.now();
    token
        .and_then(|t| {
            app.store()
                .tokens
                .get(t)
                .filter(|r| r.expires_at > now)
                .map(|r| r.client_id.clone())
        })
        .unwrap_or_else(|| "anonymous".to_string())
}

/// Whole seconds, rounded up.
fn secs_up(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// A55's rate limit: `rate_limit` requests per client id across all its endpoints, on a rolling
/// `rate_window` (real time, not the emulator's clock). Past it, 429 with `Retry-After`; a 429 does
/// not consume budget. Every answer says `X-RateLimit-Limit`, and while the limit is on
/// `-Remaining`, `-Reset` (Unix seconds when one more request will be admitted) and `-Window` (the
/// window's seconds, the emulator's own header: A55's is 60). `X-RateLimit-Limit: 0` alone means no
/// limit.
pub async fn rate_limit(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let (limit, window) = (app.config.rate_limit, app.config.rate_window);
    let key = rate_key(&app, req.headers());
    let decision = app
        .store()
        .rate
        .entry(key)
        .or_default()
        .admit(Instant::now(), limit, window);
    let reset = SystemTime::now()
        .checked_add(decision.frees_in)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, secs_up);
    let mut res = if decision.allowed {
        next.run(req).await
    } else {
        let request_id = req
            .extensions()
            .get::<RequestId>()
            .map(|r| r.0.clone())
            .unwrap_or_default();
        let retry_after = i64::try_from(secs_up(decision.frees_in)).unwrap_or(i64::MAX);
        rate_limited_response(retry_after.max(1), &request_id)
    };
    let values = if limit == 0 {
        vec![("x-ratelimit-limit", "0".to_string())]
    } else {
        vec![
            ("x-ratelimit-limit", limit.to_string()),
            ("x-ratelimit-remaining", decision.remaining.to_string()),
            ("x-ratelimit-reset", reset.to_string()),
            ("x-ratelimit-window", window.as_secs_f64().to_string()),
        ]
    };
    let h = res.headers_mut();
    for (name, value) in values {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    res
}
