//! The HTTP server: the accept loop (which can reset a connection on purpose) and the router with its
//! middleware (`middleware.rs`) around the routes of `api/`, `pages.rs` and `control.rs`.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::header;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use schemars::JsonSchema;
use serde_json::{Map, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tower::ServiceExt;

use crate::app::{App, ConnControl, Shared};
use crate::config::EmulatorConfig;
use crate::middleware::{count, faults, rate_limit, request_id};
use crate::route::{Layer, Route};
use crate::state::real_now;

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
    let app: Shared = Arc::new(App::new(config, real_now()));
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

/// What `/openapi.json` answers: an OpenAPI 3.1 document.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
struct OpenApiDocument {
    /// `3.1.0`.
    openapi: String,
    /// Title, version, description.
    info: Map<String, Value>,
    /// Every route.
    paths: Map<String, Value>,
    /// Schemas, security schemes, shared parameters and headers.
    components: Map<String, Value>,
}

/// The document's text, made once.
fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| crate::openapi::document_text(&routes()))
}

/// Every route the emulator serves: A55's API and its token endpoint, the pages, the control
/// endpoints and the document itself.
pub fn routes() -> Vec<Route> {
    let mut routes = crate::api::routes();
    routes.extend(crate::pages::routes());
    routes.extend(crate::control::routes());
    for (path, id) in [
        ("/openapi.json", "openapi"),
        ("/_emulator/openapi.json", "controlOpenapi"),
    ] {
        let serve = get(|| async {
            ([(header::CONTENT_TYPE, "application/json")], document()).into_response()
        });
        routes.push(
            Route::get(path, serve)
                .op(id, "control", "This OpenAPI document")
                .ok::<OpenApiDocument>(
                    "The OpenAPI 3.1 document of everything the emulator serves",
                ),
        );
    }
    routes
}

/// The OpenAPI document of everything the emulator serves, as `emulator/openapi.json` holds it.
pub fn openapi_json() -> String {
    document().to_string()
}

fn router(app: Shared) -> Router {
    let (mut api, mut public, mut token, mut plain) =
        (Router::new(), Router::new(), Router::new(), Router::new());
    for route in routes() {
        let group = match route.layer {
            Layer::Api => &mut api,
            Layer::Public => &mut public,
            Layer::Token => &mut token,
            Layer::Plain => &mut plain,
        };
        *group = std::mem::take(group).route(route.path, route.handler);
    }
    // The rate limit is outside the faults: it answers before anything else happens (a 429 does not
    // take a queued fault), it counts every request that reaches A55 (a faulted one too), and every
    // answer, an injected fault's included, carries its headers. The token endpoint has no rate
    // limit (A55 documents none): its requests neither count against a client's budget nor get 429
    // from it.
    let api = api
        .layer(middleware::from_fn_with_state(app.clone(), faults))
        .layer(middleware::from_fn_with_state(app.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(app.clone(), count));
    let token = token
        .layer(middleware::from_fn_with_state(app.clone(), faults))
        .layer(middleware::from_fn_with_state(app.clone(), count));
    // Not an endpoint, so not in the table: any other path under /api/v1/bank/public/ answers a
    // charge-level 404 that a browser SDK reads (with CORS, like the endpoints).
    let public = public.route(
        "/api/v1/bank/public/{*rest}",
        axum::routing::any(crate::api::unknown_public_endpoint),
    );
    // CORS outermost: preflights are answered before faults and rate limits, and every other answer
    // of a public endpoint (a 429 or an injected 500 too) carries its CORS headers.
    let public = public
        .layer(middleware::from_fn_with_state(app.clone(), faults))
        .layer(middleware::from_fn_with_state(app.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(app.clone(), count))
        .layer(middleware::from_fn_with_state(
            crate::cors::AllowedOrigins(app.config.cors_origins.clone().into()),
            crate::cors::public_cors,
        ));
    Router::new()
        .merge(api)
        .merge(public)
        .merge(token)
        .merge(plain)
        .layer(middleware::from_fn(request_id))
        .with_state(app)
}
