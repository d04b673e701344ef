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

/// A digest of a body as parsed: two bodies have the same digest exactly when they are the same
/// JSON (keys in any order, since a `Value`'s object keeps them sorted), but for a 64-bit collision.
/// The tree is fed to the hash directly, each item tagged and each text with its length, so no two
/// different trees feed the same bytes.
fn digest(body: &Value) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    fn feed(h: &mut impl Hasher, v: &Value) {
        match v {
            Value::Null => h.write_u8(0),
            Value::Bool(b) => h.write_u8(1 + u8::from(*b)),
            Value::Number(n) => {
                h.write_u8(3);
                text(h, &n.to_string());
            }
            Value::String(s) => {
                h.write_u8(4);
                text(h, s);
            }
            Value::Array(items) => {
                h.write_u8(5);
                h.write_usize(items.len());
                items.iter().for_each(|item| feed(h, item));
            }
            Value::Object(map) => {
                h.write_u8(6);
                h.write_usize(map.len());
                for (k, item) in map {
                    text(h, k);
                    feed(h, item);
                }
            }
        }
    }
    fn text(h: &mut impl Hasher, s: &str) {
        h.write_usize(s.len());
        h.write(s.as_bytes());
    }
    let mut h = foldhash::quality::FixedState::with_seed(0x0a55).build_hasher();
    feed(&mut h, body);
    h.finish()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::digest;

    #[test]
    fn digest_is_the_json_not_its_text() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b": [1, "x"], "a": {"c": null}}"#).unwrap_or_default();
        assert_eq!(
            digest(&a),
            digest(&json!({"a": {"c": null}, "b": [1, "x"]}))
        );
        let distinct = [
            json!({"a": "b"}),
            json!({"a": "b", "c": null}),
            json!(["ab", "c"]),
            json!(["a", "bc"]),
            json!([1]),
            json!(["1"]),
            json!([1.5]),
            json!([true]),
            json!([false]),
            json!([null]),
            json!([[]]),
            json!([{}]),
            json!({"ab": "c"}),
            json!({"a": "bc"}),
        ];
        for (i, x) in distinct.iter().enumerate() {
            for y in &distinct[i + 1..] {
                assert_ne!(digest(x), digest(y), "{x} / {y}");
            }
        }
    }
}
