//! Who may call: the OAuth2 token endpoint (`POST /oauth2/token`) and the bearer-token check the
//! other routes run.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64::Engine;
use serde_json::json;

use crate::app::Shared;
use crate::errors::{auth_error, plain};
use crate::json::{Reply, reply};
use crate::state::{ClientRec, Principal};

/// The token request's form (`application/x-www-form-urlencoded`), as [`token`] reads it.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `token` reads the same names from the form.
pub(super) struct TokenForm {
    /// Always `client_credentials`.
    grant_type: GrantType,
    /// The client's id (or in HTTP Basic credentials).
    client_id: Option<String>,
    /// The client's secret (or in HTTP Basic credentials).
    client_secret: Option<String>,
}

/// The one grant type.
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum GrantType {
    /// `client_credentials`.
    ClientCredentials,
}

/// Who is calling: their token's client and principal.
pub(super) struct Caller {
    pub(super) client_id: String,
    pub(super) principal: Principal,
}

pub(super) fn authorize(app: &Shared, headers: &HeaderMap) -> Result<Caller, Reply> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| auth_error(StatusCode::UNAUTHORIZED, "missing bearer token"))?;
    let store = app.store();
    let rec = store
        .tokens
        .get(token)
        .ok_or_else(|| auth_error(StatusCode::UNAUTHORIZED, "invalid or expired token"))?;
    if rec.expires_at <= app.clock.now() {
        return Err(auth_error(
            StatusCode::UNAUTHORIZED,
            "invalid or expired token",
        ));
    }
    Ok(Caller {
        client_id: rec.client_id.clone(),
        principal: rec.principal.clone(),
    })
}

pub(super) async fn token(State(app): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let form = crate::form::pairs(&body);
    let get = |k: &str| crate::form::value(&form, k);
    let (mut id, mut secret) = (get("client_id"), get("client_secret"));
    if let Some(basic) = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        && let Some((i, s)) = base64::engine::general_purpose::STANDARD
            .decode(basic.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| {
                t.split_once(':')
                    .map(|(a, b)| (a.to_string(), b.to_string()))
            })
    {
        id = Some(i);
        secret = Some(s);
    }
    if get("grant_type").as_deref() != Some("client_credentials") {
        return reply(plain(StatusCode::BAD_REQUEST, "unsupported_grant_type"));
    }
    let (Some(id), Some(secret)) = (id, secret) else {
        return reply(plain(StatusCode::BAD_REQUEST, "invalid_request"));
    };
    let ttl = i64::try_from(app.config.token_ttl.as_secs()).unwrap_or(i64::MAX);
    let now = app.clock.now();
    let mut store = app.store();
    store.token_requests += 1;
    let Some(ClientRec {
        secret: expected,
        principal,
    }) = store.clients.get(&id).cloned()
    else {
        return reply(plain(StatusCode::UNAUTHORIZED, "invalid_client"));
    };
    // Only known clients: a request naming any other id counts in the total alone, so that the
    // map stays as small as the list of clients.
    *store
        .token_requests_by_client
        .entry(id.clone())
        .or_default() += 1;
    if expected != secret {
        return reply(plain(StatusCode::UNAUTHORIZED, "invalid_client"));
    }
    let token = format!("emu_{:016x}{:016x}", app.rng.next_u64(), app.rng.next_u64());
    store.insert_token(
        token.clone(),
        crate::state::TokenRec {
            client_id: id,
            principal,
            expires_at: now.saturating_add(ttl),
        },
        now,
    );
    reply((
        StatusCode::OK,
        json!({"access_token": token, "expires_in": ttl, "token_type": "Bearer"}),
    ))
}
