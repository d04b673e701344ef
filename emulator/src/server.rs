//! The HTTP server: the accept loop (which can reset a connection on purpose), request ids, faults,
//! rate limits, and the shared application state.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tower::ServiceExt;

use crate::config::{EmulatorConfig, Fault};
use crate::state::{Clock, Rng, Store, Window, real_now};

/// The application shared by every request.
#[derive(Debug)]
pub struct App {
    /// Start-up settings.
    pub config: EmulatorConfig,
    /// Everything mutable.
    pub store: Mutex<Store>,
    /// The emulator's clock.
    pub clock: Clock,
    /// Seeded random draws.
    pub rng: Rng,
    /// `http://127.0.0.1:PORT`, set once bound.
    pub base_url: OnceLock<String>,
    /// The client webhooks are delivered with.
    pub http: OnceLock<reqwest::Client>,
}

/// Shared handle.
pub type Shared = Arc<App>;

impl App {
    /// Locks the store; a poisoned lock (a panicking handler) is recovered, not propagated.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The base URL of this emulator.
    pub fn base_url(&self) -> &str {
        self.base_url
            .get()
            .map_or("http://127.0.0.1", String::as_str)
    }
}

/// Lets a handler ask its connection to be reset.
#[derive(Clone, Debug)]
pub struct ConnControl(pub Arc<Notify>);

/// The request's id (`X-Request-Id`).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// A delay a fault asked for, applied by the handler after the idempotency key is claimed.
#[derive(Clone, Copy, Debug)]
pub struct PendingDelay(pub Duration);

/// A running emulator.
#[derive(Debug)]
pub struct EmulatorHandle {
    /// Where it listens.
    pub addr: SocketAddr,
    /// `http://ADDR`.
    pub base_url: String,
    /// The shared state, for in-process assertions.
    pub app: Shared,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl EmulatorHandle {
    /// Stops accepting connections and waits for the accept loop to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The emulator's state and its routes, without a listener: every request is served by calling the
/// router (`tower::ServiceExt::oneshot`), as the `router` fuzz target does. Its base URL stays
/// `http://127.0.0.1` unless the caller sets `app.base_url`; faults that reset a connection have no
/// connection to reset, so such a request never completes (its future stays pending).
pub fn in_process(config: EmulatorConfig) -> (Shared, Router) {
    let now = real_now();
    let app: Shared = Arc::new(App {
        store: Mutex::new(Store::with_fixtures(&config, now)),
        clock: Clock::new(config.today),
        rng: Rng::new(config.seed),
        base_url: OnceLock::new(),
        http: OnceLock::new(),
        config,
    });
    let router = router(app.clone());
    (app, router)
}

/// Binds and starts the emulator on the current tokio runtime.
pub async fn start(config: EmulatorConfig) -> std::io::Result<EmulatorHandle> {
    let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let addr = listener.local_addr()?;
    let base_url = format!("http://{addr}");
    let (app, router) = in_process(config);
    let _ = app.base_url.set(base_url.clone());
    let (stop_tx, mut stop_rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = &mut stop_rx => break,
                accepted = listener.accept() => {
                    if let Ok((stream, _)) = accepted {
                        tokio::spawn(serve_connection(stream, router.clone()));
                    }
                }
            }
        }
    });
    Ok(EmulatorHandle {
        addr,
        base_url,
        app,
        stop: Some(stop_tx),
        task: Some(task),
    })
}

async fn serve_connection(stream: TcpStream, router: Router) {
    let _ = stream.set_nodelay(true);
    // A second handle on the socket lets the connection be reset (RST) on purpose.
    let control_socket = stream
        .into_std()
        .and_then(|s| s.try_clone().map(|c| (s, c)));
    let Ok((std_stream, control)) = control_socket else {
        return;
    };
    let _ = std_stream.set_nonblocking(true);
    let Ok(stream) = TcpStream::from_std(std_stream) else {
        return;
    };
    let reset = Arc::new(Notify::new());
    let reset_for_requests = reset.clone();
    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut()
            .insert(ConnControl(reset_for_requests.clone()));
        router.clone().oneshot(req.map(Body::new))
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = conn => {}
        _ = reset.notified() => {
            let _ = socket2::SockRef::from(&control).set_linger(Some(Duration::ZERO));
        }
    }
    drop(control);
}

fn router(app: Shared) -> Router {
    let api = crate::api::routes()
        .layer(middleware::from_fn_with_state(app.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(app.clone(), faults));
    // CORS outermost: preflights are answered before faults and rate limits, and every other answer
    // of a public endpoint (a 429 or an injected 500 too) carries its CORS headers.
    let public = crate::api::public_routes()
        .layer(middleware::from_fn_with_state(app.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(app.clone(), faults))
        .layer(middleware::from_fn_with_state(
            crate::cors::AllowedOrigins(app.config.cors_origins.clone().into()),
            crate::cors::public_cors,
        ));
    let token =
        crate::api::token_routes().layer(middleware::from_fn_with_state(app.clone(), faults));
    Router::new()
        .merge(api)
        .merge(public)
        .merge(token)
        .merge(crate::pages::routes())
        .merge(crate::control::routes())
        .layer(middleware::from_fn(request_id))
        .with_state(app)
}

async fn request_id(mut req: Request, next: Next) -> Response {
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

async fn faults(State(app): State<Shared>, mut req: Request, next: Next) -> Response {
    app.store().requests += 1;
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
            (
                status,
                crate::json::Json(crate::api::charge_error_body(
                    None,
                    &[crate::api::Msg::new(
                        "errors.unexpected",
                        "server",
                        "Unexpected error; retry with exponential backoff",
                        None,
                    )],
                )),
            )
                .into_response()
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

/// The 429 answer, A55's envelope shape with the message also at the top level.
pub fn rate_limited_response(retry_after: i64, request_id: &str) -> Response {
    let message = format!("Too many requests. Retry after {retry_after} seconds.");
    // A55's envelope, and its message at the top level too, where a browser SDK reads it.
    let body = json!({
        "error": {
            "code": "RATE_LIMIT_EXCEEDED",
            "message": message,
            "details": [{"field": "rate_limit", "reason": "requests per minute exceeded"}],
        },
        "message": message,
        "request_id": request_id,
    });
    let mut res = (StatusCode::TOO_MANY_REQUESTS, crate::json::Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
        res.headers_mut().insert("retry-after", v);
    }
    res
}

/// The client a request counts against: the token's client, else `anonymous`.
fn rate_key(app: &App, headers: &HeaderMap) -> String {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    token
        .and_then(|t| app.store().tokens.get(t).map(|r| r.client_id.clone()))
        .unwrap_or_else(|| "anonymous".to_string())
}

async fn rate_limit(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let limit = app.config.rate_limit;
    let key = rate_key(&app, req.headers());
    let now = app.clock.now();
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let (allowed, remaining, reset) = {
        let mut store = app.store();
        let w = store.windows.entry(key).or_insert(Window {
            start: now,
            count: 0,
        });
        if now - w.start >= 60 {
            *w = Window {
                start: now,
                count: 0,
            };
        }
        w.count += 1;
        let allowed = limit == 0 || w.count <= limit;
        (allowed, limit.saturating_sub(w.count), w.start + 60)
    };
    let mut res = if allowed {
        next.run(req).await
    } else {
        rate_limited_response((reset - now).max(1), &request_id)
    };
    if limit > 0 {
        let h = res.headers_mut();
        for (name, value) in [
            ("x-ratelimit-limit", limit.to_string()),
            ("x-ratelimit-remaining", remaining.to_string()),
            ("x-ratelimit-reset", reset.to_string()),
        ] {
            if let Ok(v) = HeaderValue::from_str(&value) {
                h.insert(name, v);
            }
        }
    }
    res
}
