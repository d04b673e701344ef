//! The `Idempotency-Key` rules every POST of the API runs under: [`idempotent`].

use axum::Extension;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use super::auth::{Caller, authorize};
use crate::app::{PendingDelay, Shared};
use crate::errors::{ErrorBody, Msg, Shape, error};
use crate::json::{Written, reply, reply_written};
use crate::state::{IDEMPOTENCY_TTL_SECS, IdemRec, IdemState};

/// Runs a POST handler under the idempotency rules: same key and body → the first answer replayed;
/// another body → 409 `IDEMPOTENCY_KEY_REUSED`; still processing → 409 `IDEMPOTENCY_KEY_IN_USE`.
/// Answers below 500 are kept for 24 h.
///
/// The work runs in its own task, detached from the connection: like a real server, a request whose
/// client hangs up is still processed to the end (and its key recorded), never left half-done.
#[allow(clippy::too_many_arguments)]
pub(super) async fn idempotent<R: Into<Written>>(
    app: &Shared,
    headers: &HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    route: &str,
    shape: Shape,
    raw: &Bytes,
    public: bool,
    handler: impl FnOnce(&Shared, Option<&Caller>, Value) -> R + Send + 'static,
) -> Response {
    let (app, headers, route, raw) = (app.clone(), headers.clone(), route.to_string(), raw.clone());
    let task = tokio::spawn(async move {
        idempotent_inner(&app, &headers, delay, &route, shape, &raw, public, handler).await
    });
    match task.await {
        Ok(r) => r,
        Err(_) => reply(
            ErrorBody::Unexpected("the request failed inside the emulator")
                .reply(StatusCode::INTERNAL_SERVER_ERROR),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
async fn idempotent_inner<R: Into<Written>>(
    app: &Shared,
    headers: &HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    route: &str,
    shape: Shape,
    raw: &Bytes,
    public: bool,
    handler: impl FnOnce(&Shared, Option<&Caller>, Value) -> R,
) -> Response {
    let caller = if public {
        None
    } else {
        match authorize(app, headers) {
            Ok(c) => Some(c),
            Err(r) => return reply(r),
        }
    };
    let body: Value = if raw.is_empty() {
        Value::Object(Map::new())
    } else {
        match serde_json::from_slice(raw) {
            Ok(v) => v,
            Err(_) => {
                return reply(error(
                    shape,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "INVALID_BODY",
                        "validation",
                        "the request body is not valid JSON",
                        None,
                    )],
                ));
            }
        }
    };
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .filter(|k| !k.is_empty());
    let scope = caller
        .as_ref()
        .map_or("public".to_string(), |c| c.client_id.clone());
    if let Some(key) = &key {
        let now = app.clock.now();
        let mut store = app.store();
        let id = (scope.clone(), key.clone());
        if store
            .idempotency
            .get(&id)
            .is_some_and(|r| now - r.created_at > IDEMPOTENCY_TTL_SECS)
        {
            store.idempotency.remove(&id);
        }
        match store.idempotency.get(&id) {
            Some(rec) if rec.route != route || rec.body_digest != digest(&body) => {
                drop(store);
                return reply(error(
                    shape,
                    StatusCode::CONFLICT,
                    &[Msg::new(
                        "IDEMPOTENCY_KEY_REUSED",
                        "idempotency",
                        "this Idempotency-Key was already used with another request body",
                        None,
                    )],
                ));
            }
            Some(IdemRec {
                state: IdemState::InProgress,
                ..
            }) => {
                drop(store);
                return reply(error(
                    shape,
                    StatusCode::CONFLICT,
                    &[Msg::new(
                        "IDEMPOTENCY_KEY_IN_USE",
                        "idempotency",
                        "a request with this Idempotency-Key is still being processed; retry later",
                        None,
                    )],
                ));
            }
            Some(IdemRec {
                state: IdemState::Done { status, body },
                ..
            }) => {
                let (status, body) = (*status, body.clone());
                store.idempotent_replays += 1;
                drop(store);
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
                let mut res = reply_written(status, body);
                res.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return res;
            }
            None => {
                store.insert_idempotency(
                    id,
                    IdemRec {
                        route: route.to_string(),
                        body_digest: digest(&body),
                        state: IdemState::InProgress,
                        created_at: now,
                    },
                );
            }
        }
    }
    if let Some(Extension(PendingDelay(d))) = delay {
        tokio::time::sleep(d).await;
    }
    // Written once: the same bytes answer now and on every replay.
    let Written(status, out) = handler(app, caller.as_ref(), body).into();
    let written = Bytes::from(out);
    let Some(key) = key else {
        return reply_written(status, written);
    };
    let mut store = app.store();
    let id = (scope, key);
    if status.as_u16() < 500 {
        if let Some(rec) = store.idempotency.get_mut(&id) {
            rec.state = IdemState::Done {
                status: status.as_u16(),
                body: written.clone(),
            };
        }
    } else {
        store.idempotency.remove(&id);
    }
    drop(store);
    reply_written(status, written)
}

/// A digest of a body's canonical JSON text (`Value` keeps keys sorted): two bodies have the same
/// digest exactly when they are the same JSON, but for a 64-bit collision.
fn digest(body: &Value) -> u64 {
    use std::hash::Hasher;
    struct Feed(std::hash::DefaultHasher);
    impl std::io::Write for Feed {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut feed = Feed(std::hash::DefaultHasher::new());
    // Writing a `Value` into memory cannot fail.
    let _ = serde_json::to_writer(&mut feed, body);
    feed.0.finish()
}
