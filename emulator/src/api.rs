//! A55's API: token, wallets, charges (every method), PIX, subscriptions, checkout, payment links,
//! refunds, cancels, captures, and the public (no token) charge endpoints.

use a55_core::card::{card_brand, card_digits};
use a55_core::models::decimal_from_json;
use a55_core::money::{AmountArg, Currency, normalize_in};
use a55_core::pix::{BrCodeSpec, build_pix_brcode};
use a55_core::schedule::{
    Cycle, installment_due_dates, next_charge_date, parse_date, split_installments,
};
use a55_core::validate::{Prepared, RequestKind, prepare};
use a55_core::{Decimal, IssueCode};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Router};

use crate::json::Json;
use base64::Engine;
use serde_json::{Map, Value, json};

use crate::server::{PendingDelay, Shared};
use crate::state::{
    ChargeRec, CheckoutRec, ClientRec, IdemRec, IdemState, Principal, SubscriptionRec, WalletRec,
    iso, num, uuid_from,
};
use crate::webhooks;

type Reply = (StatusCode, Value);

/// One entry of a charge-level `message` array.
#[derive(Debug, Clone)]
pub struct Msg {
    code: String,
    source: String,
    description: String,
    field: Option<String>,
}

impl Msg {
    /// A message.
    pub fn new(code: &str, source: &str, description: &str, field: Option<&str>) -> Msg {
        Msg {
            code: code.into(),
            source: source.into(),
            description: description.into(),
            field: field.map(str::to_string),
        }
    }

    fn to_json(&self) -> Value {
        json!({"code": self.code, "source": self.source, "description": self.description, "field": self.field})
    }
}

/// `{charge_uuid, status: "error", message: [...]}`.
pub fn charge_error_body(charge_uuid: Option<&str>, messages: &[Msg]) -> Value {
    json!({
        "charge_uuid": charge_uuid,
        "status": "error",
        "message": messages.iter().map(Msg::to_json).collect::<Vec<_>>(),
    })
}

/// Which error body an endpoint answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Seed 004's `{error, message, code}`.
    Wallet,
    /// The charge-level `{charge_uuid, status, message[]}`.
    Charge,
}

fn error(shape: Shape, status: StatusCode, msgs: &[Msg]) -> Reply {
    match shape {
        Shape::Charge => (status, charge_error_body(None, msgs)),
        Shape::Wallet => {
            let error = match status {
                StatusCode::NOT_FOUND => "not_found",
                StatusCode::CONFLICT => "conflict",
                _ => "validation_error",
            };
            let first = msgs.first();
            (
                status,
                json!({
                    "error": error,
                    "message": msgs.iter().map(|m| m.description.clone()).collect::<Vec<_>>().join("; "),
                    "code": first.map(|m| m.code.clone()),
                    "details": msgs.iter().map(|m| json!({"field": m.field, "reason": m.description, "code": m.code})).collect::<Vec<_>>(),
                }),
            )
        }
    }
}

fn auth_error(status: StatusCode, message: &str) -> Reply {
    let code = if status == StatusCode::FORBIDDEN {
        "forbidden"
    } else {
        "unauthorized"
    };
    (
        status,
        json!({"error": code, "message": message, "code": code}),
    )
}

/// The answer to a payload that failed validation: 400 for unreadable bodies, missing fields, wrong
/// types and a bad subscription cycle (seed 003); 422 for the other rules.
fn validation_reply(shape: Shape, prepared: &Prepared) -> Option<Reply> {
    let errors: Vec<_> = prepared.issues.iter().filter(|i| i.is_error()).collect();
    if errors.is_empty() {
        return None;
    }
    let bad_request = errors.iter().any(|i| {
        matches!(
            i.code,
            IssueCode::RequiredField | IssueCode::InvalidType | IssueCode::InvalidSubscriptionCycle
        )
    });
    let msgs: Vec<Msg> = errors
        .iter()
        .map(|i| {
            let source = if i.code == IssueCode::InvalidSubscriptionCycle {
                "subscription"
            } else {
                "validation"
            };
            Msg::new(i.code.as_str(), source, &i.description, Some(&i.field))
        })
        .collect();
    let status = if bad_request {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Some(error(shape, status, &msgs))
}

/// Validates with the SDK's core against the emulator's today: the normalized payload, or the answer.
fn validated(app: &Shared, kind: RequestKind, shape: Shape, body: &Value) -> Result<Value, Reply> {
    let prepared = prepare(kind, body, Some(app.clock.today()));
    match validation_reply(shape, &prepared) {
        Some(r) => Err(r),
        None => Ok(prepared.payload),
    }
}

/// Who is calling: their token's client and principal.
struct Caller {
    client_id: String,
    principal: Principal,
}

fn authorize(app: &Shared, headers: &HeaderMap) -> Result<Caller, Reply> {
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

fn reply(r: Reply) -> Response {
    (r.0, Json(r.1)).into_response()
}

/// Runs a POST handler under the idempotency rules: same key and body → the first answer replayed;
/// another body → 409 `IDEMPOTENCY_KEY_REUSED`; still processing → 409 `IDEMPOTENCY_KEY_IN_USE`.
/// Answers below 500 are kept for 24 h.
///
/// The work runs in its own task, detached from the connection: like a real server, a request whose
/// client hangs up is still processed to the end (and its key recorded), never left half-done.
#[allow(clippy::too_many_arguments)]
async fn idempotent(
    app: &Shared,
    headers: &HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    route: &str,
    shape: Shape,
    raw: &Bytes,
    public: bool,
    handler: impl FnOnce(&Shared, Option<&Caller>, Value) -> Reply + Send + 'static,
) -> Response {
    let (app, headers, route, raw) = (app.clone(), headers.clone(), route.to_string(), raw.clone());
    let task = tokio::spawn(async move {
        idempotent_inner(&app, &headers, delay, &route, shape, &raw, public, handler).await
    });
    match task.await {
        Ok(r) => r,
        Err(_) => reply(error(
            shape,
            StatusCode::INTERNAL_SERVER_ERROR,
            &[Msg::new(
                "errors.unexpected",
                "server",
                "the request failed inside the emulator",
                None,
            )],
        )),
    }
}

#[allow(clippy::too_many_arguments)]
async fn idempotent_inner(
    app: &Shared,
    headers: &HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    route: &str,
    shape: Shape,
    raw: &Bytes,
    public: bool,
    handler: impl FnOnce(&Shared, Option<&Caller>, Value) -> Reply,
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
            .is_some_and(|r| now - r.created_at > 86_400)
        {
            store.idempotency.remove(&id);
        }
        match store.idempotency.get(&id) {
            Some(rec) if rec.route != route || rec.body != body => {
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
                let mut res = reply((StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body));
                res.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return res;
            }
            None => {
                store.idempotency.insert(
                    id,
                    IdemRec {
                        route: route.to_string(),
                        body: body.clone(),
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
    let (status, out) = handler(app, caller.as_ref(), body);
    if let Some(key) = key {
        let mut store = app.store();
        let id = (scope, key);
        if status.as_u16() < 500 {
            if let Some(rec) = store.idempotency.get_mut(&id) {
                rec.state = IdemState::Done {
                    status: status.as_u16(),
                    body: out.clone(),
                };
            }
        } else {
            store.idempotency.remove(&id);
        }
    }
    reply((status, out))
}

/// The API routes that need the rate limiter.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/bank/wallet/", post(create_wallet).get(get_wallet))
        .route(
            "/api/v1/bank/wallet/charge/",
            post(create_charge).get(get_charge_query),
        )
        .route("/api/v1/bank/wallet/charge/pix/", post(create_pix_charge))
        .route("/api/v1/bank/wallet/charge/capture/", post(capture))
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/",
            get(get_charge_path),
        )
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/refund/{wallet_uuid}/",
            post(refund),
        )
        .route(
            "/api/v1/bank/wallet/charge/{charge_uuid}/cancel/{wallet_uuid}/",
            post(cancel),
        )
        .route("/api/v1/bank/wallet/charges/", get(list_charges))
        .route("/api/v1/bank/wallet/subscription/", get(get_subscription))
        .route(
            "/api/v1/bank/wallet/subscription/{subscription_uuid}/cancel/{wallet_uuid}/",
            delete(cancel_subscription),
        )
        .route("/api/v1/bank/wallet/checkout/", post(create_checkout))
        .route(
            "/api/v1/bank/wallet/payment-link/",
            post(create_payment_link),
        )
        .route("/api/v1/bank/public/charge", get(public_get_charge))
        .route(
            "/api/v1/bank/public/charge/{charge_uuid}/pay",
            post(public_pay),
        )
}

/// The OAuth2 token endpoint.
pub fn token_routes() -> Router<Shared> {
    Router::new().route("/oauth2/token", post(token))
}

async fn token(State(app): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
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
        return reply((
            StatusCode::BAD_REQUEST,
            json!({"error": "unsupported_grant_type"}),
        ));
    }
    let (Some(id), Some(secret)) = (id, secret) else {
        return reply((StatusCode::BAD_REQUEST, json!({"error": "invalid_request"})));
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
        return reply((StatusCode::UNAUTHORIZED, json!({"error": "invalid_client"})));
    };
    if expected != secret {
        return reply((StatusCode::UNAUTHORIZED, json!({"error": "invalid_client"})));
    }
    let token = format!("emu_{:016x}{:016x}", app.rng.next_u64(), app.rng.next_u64());
    store.tokens.insert(
        token.clone(),
        crate::state::TokenRec {
            client_id: id,
            principal,
            expires_at: now.saturating_add(ttl),
        },
    );
    reply((
        StatusCode::OK,
        json!({"access_token": token, "expires_in": ttl, "token_type": "Bearer"}),
    ))
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn forbidden() -> Reply {
    auth_error(
        StatusCode::FORBIDDEN,
        "these credentials may not act on this wallet",
    )
}

fn wallet_not_found(shape: Shape) -> Reply {
    error(
        shape,
        StatusCode::NOT_FOUND,
        &[Msg::new(
            "errors.wallet.not_found",
            "wallet",
            "wallet not found",
            Some("wallet_uuid"),
        )],
    )
}

fn charge_not_found() -> Reply {
    error(
        Shape::Charge,
        StatusCode::NOT_FOUND,
        &[Msg::new(
            "errors.charge.not_found",
            "charge",
            "charge not found",
            Some("charge_uuid"),
        )],
    )
}

/// Checks the wallet exists and the caller may act on it.
fn check_wallet(
    app: &Shared,
    caller: Option<&Caller>,
    wallet_uuid: &str,
    shape: Shape,
) -> Result<WalletRec, Reply> {
    let store = app.store();
    let wallet = store
        .wallets
        .get(wallet_uuid)
        .cloned()
        .ok_or_else(|| wallet_not_found(shape))?;
    if let Some(c) = caller
        && !store.may_act_on(&c.principal, wallet_uuid)
    {
        return Err(forbidden());
    }
    Ok(wallet)
}

async fn create_wallet(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST wallet",
        Shape::Wallet,
        &body,
        false,
        move |app, caller, body| {
            let p = match validated(app, RequestKind::Wallet, Shape::Wallet, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let entity = text(&p, "entity_uuid").unwrap_or_default();
            match caller.map(|c| &c.principal) {
                Some(Principal::Platform { entity_uuid })
                    if entity_uuid.eq_ignore_ascii_case(&entity) => {}
                _ => return forbidden(),
            }
            let currency = text(&p, "currency")
                .and_then(|c| Currency::from_code(&c).ok())
                .unwrap_or(Currency::Brl);
            let merchant = text(&p, "merchant_uuid").unwrap_or_else(|| uuid_from(&app.rng));
            let mut store = app.store();
            if store
                .wallets
                .values()
                .any(|w| w.merchant_uuid.eq_ignore_ascii_case(&merchant) && w.currency == currency)
            {
                return error(
                    Shape::Wallet,
                    StatusCode::CONFLICT,
                    &[Msg::new(
                        "errors.wallet.already_exists",
                        "wallet",
                        "Wallet already exists for this merchant and currency",
                        None,
                    )],
                );
            }
            let wallet = WalletRec {
                wallet_uuid: uuid_from(&app.rng),
                entity_uuid: entity,
                merchant_uuid: merchant,
                customer_id: text(&p, "customer_id").unwrap_or_default(),
                currency,
                name: text(&p, "name").unwrap_or_default(),
                email: text(&p, "email").unwrap_or_default(),
                created_at: app.clock.now(),
            };
            let mut out = wallet.to_json();
            if p.get("create_credentials") == Some(&Value::Bool(true)) {
                let client_id = uuid_from(&app.rng);
                let secret = format!(
                    "sk_test_a55_{:016x}{:08x}",
                    app.rng.next_u64(),
                    app.rng.next_u64() as u32
                );
                store.clients.insert(
                    client_id.clone(),
                    ClientRec {
                        secret: secret.clone(),
                        principal: Principal::Wallet {
                            wallet_uuid: wallet.wallet_uuid.clone(),
                        },
                    },
                );
                if let Some(obj) = out.as_object_mut() {
                    obj.insert(
                    "credentials".into(),
                    json!({
                        "client_id": client_id,
                        "client_secret": secret,
                        "grant_type": "client_credentials",
                        "scopes": ["wallet:read", "wallet:write", "charge:create", "charge:read"],
                    }),
                );
                }
            }
            store.wallets.insert(wallet.wallet_uuid.clone(), wallet);
            (StatusCode::OK, out)
        },
    )
    .await
}

async fn get_wallet(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let (id, email, customer, currency) = (
        get("wallet_uuid"),
        get("email"),
        get("customer_id"),
        get("currency"),
    );
    if id.is_none() && email.is_none() && customer.is_none() {
        return reply(error(
            Shape::Wallet,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "REQUIRED_FIELD",
                "validation",
                "give wallet_uuid, email or customer_id",
                None,
            )],
        ));
    }
    let store = app.store();
    let found = store.wallets.values().find(|w| {
        id.as_ref()
            .is_none_or(|i| w.wallet_uuid.eq_ignore_ascii_case(i))
            && email.as_ref().is_none_or(|e| &w.email == e)
            && customer.as_ref().is_none_or(|c| &w.customer_id == c)
            && currency.as_ref().is_none_or(|c| w.currency.code() == c)
            && store.may_act_on(&caller.principal, &w.wallet_uuid)
    });
    match found {
        Some(w) => reply((StatusCode::OK, w.to_json())),
        None => reply(wallet_not_found(Shape::Wallet)),
    }
}

/// The acquirer's answer for a card, by the PAN's last digit (A55's sandbox table).
fn card_outcome(app: &Shared, digit: u8) -> Result<(), (&'static str, &'static str)> {
    match digit {
        0 | 1 | 4 => Ok(()),
        2 => Err(("05", "Not authorized")),
        3 => Err(("57", "Expired card")),
        5 => Err(("78", "Blocked card")),
        6 => Err(("99", "Timeout")),
        7 => Err(("77", "Canceled card")),
        8 => Err(("70", "Credit card problems")),
        _ => {
            if app.rng.next_u64().is_multiple_of(2) {
                Ok(())
            } else {
                Err(("99", "Timeout"))
            }
        }
    }
}

/// Applies the card outcome to a charge: confirmed, or error with the return code.
pub fn authorize_card(app: &Shared, charge: &mut ChargeRec) {
    let digit = charge.card_digit.unwrap_or(0);
    match card_outcome(app, digit) {
        Ok(()) => {
            charge.status = "confirmed".into();
            charge.return_code = Some(if digit == 4 { "6" } else { "4" }.into());
            charge.message = None;
        }
        Err((code, description)) => {
            charge.status = "error".into();
            charge.return_code = Some(code.into());
            charge.message = Some(json!([Msg::new(
                "CARD_DECLINED",
                "acquirer",
                &format!("{description} (return code {code})"),
                None
            )
            .to_json()]));
        }
    }
}

fn pix_payload(
    app: &Shared,
    charge_uuid: &str,
    amount: Decimal,
    merchant: &str,
    expires: &str,
) -> Value {
    let host = app
        .base_url()
        .trim_start_matches("http://")
        .trim_start_matches("https://");
    let txid: String = charge_uuid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(25)
        .collect();
    let url = format!("{host}/pix/v2/{txid}");
    let amount_text = amount.to_string();
    let code = build_pix_brcode(&BrCodeSpec {
        url: &url,
        amount: Some(&amount_text),
        merchant_name: merchant,
        merchant_city: "SAO PAULO",
        txid: Some(&txid),
    })
    .unwrap_or_default();
    let png = crate::qr::qr_png(&code).unwrap_or_default();
    json!({
        "qr_code_base64": base64::engine::general_purpose::STANDARD.encode(png),
        "copy_paste": code,
        "expiration": expires,
    })
}

/// Creates a charge from a validated payload (also used by checkout pages).
pub fn new_charge(app: &Shared, p: &Value, wallet: &WalletRec, pix_endpoint: bool) -> ChargeRec {
    let today = app.clock.today();
    let currency = text(p, "currency")
        .and_then(|c| Currency::from_code(&c).ok())
        .unwrap_or(Currency::Brl);
    let (value_key, count) = if pix_endpoint {
        ("amount", 1)
    } else {
        (
            "installment_value",
            p.get("installment_count")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .clamp(1, 12) as u32,
        )
    };
    let value = p
        .get(value_key)
        .and_then(decimal_from_json)
        .unwrap_or_default();
    let due = text(p, "due_date")
        .and_then(|d| parse_date(&d, "due_date").ok())
        .unwrap_or(today);
    let dates = installment_due_dates(due, count).unwrap_or_else(|_| vec![due]);
    let card_number = text(p, "card_number").and_then(|n| card_digits(&n));
    let mut charge = blank_charge(app, &wallet.wallet_uuid, currency);
    charge.merchant_id = text(p, "merchant_id").unwrap_or_default();
    charge.type_charge = if pix_endpoint {
        "pix".into()
    } else {
        text(p, "type_charge").unwrap_or_default()
    };
    charge.installment_value = value;
    charge.installments = dates.into_iter().map(|d| (value, d)).collect();
    charge.due_date = due;
    charge.description = text(p, "description").unwrap_or_default();
    charge.payer_name = text(p, "payer_name").unwrap_or_default();
    charge.payer_email = text(p, "payer_email").unwrap_or_default();
    charge.card_digit = card_number
        .as_ref()
        .and_then(|n| n.bytes().last())
        .map(|b| b - b'0');
    charge.card_last4 = card_number
        .as_ref()
        .map(|n| n[n.len().saturating_sub(4)..].to_string());
    charge.capture = p.get("capture") != Some(&Value::Bool(false));
    charge.threeds = p.get("threeds_authentication") == Some(&Value::Bool(true));
    charge.webhook_url = text(p, "webhook_url");
    charge.redirect_url = text(p, "redirect_url");
    charge.reference_external_id = text(p, "reference_external_id");
    charge
}

/// A new `issued` charge of a wallet, dated today, with nothing else set.
fn blank_charge(app: &Shared, wallet_uuid: &str, currency: Currency) -> ChargeRec {
    let (today, now) = (app.clock.today(), app.clock.now());
    ChargeRec {
        charge_uuid: uuid_from(&app.rng),
        wallet_uuid: wallet_uuid.to_string(),
        merchant_id: String::new(),
        type_charge: String::new(),
        status: "issued".into(),
        currency,
        installment_value: Decimal::ZERO,
        installments: Vec::new(),
        date: today,
        due_date: today,
        description: String::new(),
        payer_name: String::new(),
        payer_email: String::new(),
        card_digit: None,
        card_last4: None,
        capture: true,
        threeds: false,
        message: None,
        return_code: None,
        webhook_url: None,
        redirect_url: None,
        reference_external_id: None,
        subscription_uuid: None,
        payment_link_uuid: None,
        checkout_uuid: None,
        pix_payload: None,
        boleto: None,
        refunded: Decimal::ZERO,
        captured: None,
        created_at: now,
        updated_at: now,
    }
}

/// Decides a new charge's first status by its method.
pub fn start_charge(app: &Shared, charge: &mut ChargeRec, wallet: &WalletRec) {
    match charge.type_charge.as_str() {
        "credit_card" | "debit_card" if charge.card_digit.is_some() => {
            if charge.threeds {
                charge.status = "pending".into();
            } else {
                authorize_card(app, charge);
            }
        }
        "pix" => {
            let expires = iso(app.clock.now() + 86_400);
            charge.pix_payload = Some(pix_payload(
                app,
                &charge.charge_uuid,
                charge.total(),
                &wallet.name,
                &expires,
            ));
        }
        "boleto" => {
            let digits: String = charge
                .charge_uuid
                .chars()
                .filter(char::is_ascii_digit)
                .chain("0".repeat(47).chars())
                .take(47)
                .collect();
            charge.boleto = Some((
                format!("{}/boleto/{}.pdf", app.base_url(), charge.charge_uuid),
                digits,
            ));
        }
        _ => {}
    }
}

/// Stores a charge and notifies its webhook of the first status.
pub fn save_and_notify(app: &Shared, charge: ChargeRec) {
    webhooks::notify(app, &charge);
    let mut store = app.store();
    store.charge_order.push(charge.charge_uuid.clone());
    store.charges.insert(charge.charge_uuid.clone(), charge);
}

/// Moves a stored charge to a new status and notifies its webhook.
pub fn transition(app: &Shared, charge_uuid: &str, status: &str) -> Option<ChargeRec> {
    let updated = {
        let mut store = app.store();
        let charge = store.charges.get_mut(charge_uuid)?;
        if charge.status == status {
            return Some(charge.clone());
        }
        charge.status = status.to_string();
        charge.updated_at = app.clock.now();
        charge.clone()
    };
    webhooks::notify(app, &updated);
    Some(updated)
}

/// Turns a captured `confirmed` charge into `paid` after the settle delay.
pub fn schedule_settlement(app: &Shared, charge: &ChargeRec) {
    let Some(delay) = app.config.settle_delay else {
        return;
    };
    if charge.status != "confirmed" || !charge.capture {
        return;
    }
    let (app, id) = (app.clone(), charge.charge_uuid.clone());
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let still_confirmed = app
            .store()
            .charges
            .get(&id)
            .is_some_and(|c| c.status == "confirmed" && c.capture);
        if still_confirmed {
            transition(&app, &id, "paid");
        }
    });
}

fn charge_handler(app: &Shared, caller: Option<&Caller>, body: Value, pix: bool) -> Reply {
    let kind = if pix {
        RequestKind::PixCharge
    } else {
        RequestKind::Charge
    };
    let p = match validated(app, kind, Shape::Charge, &body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
    let wallet = match check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
        Ok(w) => w,
        Err(r) => return r,
    };
    let mut charge = new_charge(app, &p, &wallet, pix);
    start_charge(app, &mut charge, &wallet);
    let mut out_sub = None;
    if let Some(sub) = p.get("subscription").filter(|s| s.is_object()) {
        let cycle = text(sub, "cycle")
            .and_then(|c| Cycle::parse(&c).ok())
            .unwrap_or(Cycle::Monthly);
        let end = text(sub, "end_date").and_then(|d| parse_date(&d, "end_date").ok());
        let next = next_charge_date(charge.due_date, cycle, end).ok().flatten();
        let rec = SubscriptionRec {
            subscription_uuid: uuid_from(&app.rng),
            wallet_uuid: wallet.wallet_uuid.clone(),
            cycle,
            end_date: end,
            status: if charge.status == "error" {
                "error".into()
            } else {
                "active".into()
            },
            description: charge.description.clone(),
            due_date: charge.due_date,
            next_charge_date: next,
            charge_uuids: vec![charge.charge_uuid.clone()],
            cancelled_at: None,
        };
        charge.subscription_uuid = Some(rec.subscription_uuid.clone());
        out_sub = Some(subscription_summary(&rec));
        app.store()
            .subscriptions
            .insert(rec.subscription_uuid.clone(), rec);
    }
    let mut out = charge.to_json(app.base_url());
    if let (Some(obj), Some(sub)) = (out.as_object_mut(), out_sub) {
        obj.insert("subscription".into(), sub);
    }
    schedule_settlement(app, &charge);
    save_and_notify(app, charge);
    (StatusCode::OK, out)
}

fn subscription_summary(s: &SubscriptionRec) -> Value {
    json!({
        "subscription_uuid": s.subscription_uuid,
        "cycle": s.cycle.as_str(),
        "status": s.status,
        "next_charge_date": s.next_charge_date.map(|d| d.to_string()),
        "end_date": s.end_date.map(|d| d.to_string()),
    })
}

async fn create_charge(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST charge",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| charge_handler(app, caller, body, false),
    )
    .await
}

async fn create_pix_charge(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST pix",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| charge_handler(app, caller, body, true),
    )
    .await
}

fn find_charge(
    app: &Shared,
    caller: &Caller,
    charge_uuid: &str,
    wallet_uuid: Option<&str>,
) -> Result<ChargeRec, Reply> {
    let store = app.store();
    let charge = store
        .charges
        .get(charge_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if wallet_uuid.is_some_and(|w| !w.eq_ignore_ascii_case(&charge.wallet_uuid)) {
        return Err(charge_not_found());
    }
    if !store.may_act_on(&caller.principal, &charge.wallet_uuid) {
        return Err(forbidden());
    }
    Ok(charge)
}

fn uuid_param(value: Option<&String>, field: &str) -> Result<String, Reply> {
    match value {
        Some(v) if a55_core::formats::is_uuid(v) => Ok(v.to_lowercase()),
        Some(_) => Err(error(
            Shape::Charge,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "INVALID_UUID",
                "validation",
                &format!("{field} must be a UUID"),
                Some(field),
            )],
        )),
        None => Err(error(
            Shape::Charge,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "REQUIRED_FIELD",
                "validation",
                &format!("{field} is required"),
                Some(field),
            )],
        )),
    }
}

async fn get_charge_query(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let id = uuid_param(get("charge_uuid").as_ref(), "charge_uuid")?;
        let wallet = uuid_param(get("wallet_uuid").as_ref(), "wallet_uuid")?;
        let charge = find_charge(&app, &caller, &id, Some(&wallet))?;
        Ok::<Reply, Reply>((StatusCode::OK, charge.to_json(app.base_url())))
    })();
    reply(result.unwrap_or_else(|e| e))
}

async fn get_charge_path(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let id = uuid_param(Some(&id), "charge_uuid")?;
        let charge = find_charge(&app, &caller, &id, None)?;
        Ok::<Reply, Reply>((StatusCode::OK, charge.to_json(app.base_url())))
    })();
    reply(result.unwrap_or_else(|e| e))
}

async fn list_charges(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let result = (|| {
        let caller = authorize(&app, &headers)?;
        let wallet = uuid_param(get("wallet_uuid").as_ref(), "wallet_uuid")?;
        check_wallet(&app, Some(&caller), &wallet, Shape::Charge)?;
        let page: usize = get("page")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let limit: usize = get("limit")
            .and_then(|p| p.parse().ok())
            .filter(|l| (1..=100).contains(l))
            .unwrap_or(20);
        let status = get("status")
            .or_else(|| get("filter").and_then(|f| f.strip_prefix("status:").map(str::to_string)));
        let store = app.store();
        let all: Vec<&ChargeRec> = store
            .charge_order
            .iter()
            .filter_map(|id| store.charges.get(id))
            .filter(|c| c.wallet_uuid == wallet && status.as_ref().is_none_or(|s| &c.status == s))
            .collect();
        let total = all.len();
        let data: Vec<Value> = all
            .iter()
            .skip((page - 1).saturating_mul(limit))
            .take(limit)
            .map(|c| c.to_json(app.base_url()))
            .collect();
        Ok::<Reply, Reply>((
            StatusCode::OK,
            json!({"page": page, "limit": limit, "total": total, "pages": total.div_ceil(limit), "data": data}),
        ))
    })();
    reply(result.unwrap_or_else(|e| e))
}

fn amount_of(p: &Value) -> Option<Decimal> {
    p.get("amount").and_then(decimal_from_json)
}

async fn refund(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path((charge_uuid, wallet_uuid)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let route = format!("POST refund {charge_uuid}");
    idempotent(
        &app,
        &headers,
        delay,
        &route,
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let Some(caller) = caller else {
                return forbidden();
            };
            let mut payload = body.as_object().cloned().unwrap_or_default();
            payload.insert("charge_uuid".into(), json!(charge_uuid));
            payload.insert("wallet_uuid".into(), json!(wallet_uuid));
            let prepared = match validated(
                app,
                RequestKind::Refund,
                Shape::Charge,
                &Value::Object(payload),
            ) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let charge =
                match find_charge(app, caller, &charge_uuid.to_lowercase(), Some(&wallet_uuid)) {
                    Ok(c) => c,
                    Err(r) => return r,
                };
            if !matches!(charge.status.as_str(), "confirmed" | "paid") {
                return error(
                    Shape::Charge,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "REFUND_NOT_ALLOWED",
                        "charge",
                        &format!(
                            "a {} charge cannot be refunded; only confirmed or paid charges can",
                            charge.status
                        ),
                        None,
                    )],
                );
            }
            let refundable = charge.refundable();
            let amount = amount_of(&prepared).unwrap_or(refundable);
            if amount > refundable {
                return error(
                    Shape::Charge,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &[Msg::new(
                        "AMOUNT_INVALID",
                        "validation",
                        &format!("amount {amount} is more than the refundable {refundable}"),
                        Some("amount"),
                    )],
                );
            }
            let full = {
                let mut store = app.store();
                let Some(c) = store.charges.get_mut(&charge.charge_uuid) else {
                    return charge_not_found();
                };
                c.refunded += amount;
                c.updated_at = app.clock.now();
                c.refundable().is_zero()
            };
            let updated = if full {
                transition(app, &charge.charge_uuid, "refunded")
            } else {
                app.store().charges.get(&charge.charge_uuid).cloned()
            };
            match updated {
                Some(c) => (StatusCode::OK, c.to_json(app.base_url())),
                None => charge_not_found(),
            }
        },
    )
    .await
}

async fn cancel(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path((charge_uuid, wallet_uuid)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let route = format!("POST cancel {charge_uuid}");
    idempotent(&app, &headers, delay, &route, Shape::Charge, &body, false, move |app, caller, _body| {
        let Some(caller) = caller else { return forbidden() };
        if let Err(r) = uuid_param(Some(&charge_uuid), "charge_uuid").and(uuid_param(Some(&wallet_uuid), "wallet_uuid")) {
            return r;
        }
        let charge = match find_charge(app, caller, &charge_uuid.to_lowercase(), Some(&wallet_uuid)) {
            Ok(c) => c,
            Err(r) => return r,
        };
        match charge.status.as_str() {
            "issued" | "pending" | "confirmed" => {}
            "paid" => {
                return error(
                    Shape::Charge,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new("CANCEL_NOT_ALLOWED", "charge", "the charge is already settled; use refund", None)],
                );
            }
            other => {
                return error(
                    Shape::Charge,
                    StatusCode::CONFLICT,
                    &[Msg::new("CANCEL_NOT_ALLOWED", "charge", &format!("the charge is already {other}"), None)],
                );
            }
        }
        transition(app, &charge.charge_uuid, "canceled");
        (
            StatusCode::OK,
            json!({"charge_uuid": charge.charge_uuid, "wallet_uuid": charge.wallet_uuid, "status": "canceled", "message": {}}),
        )
    })
    .await
}

async fn capture(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST capture",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let Some(caller) = caller else {
                return forbidden();
            };
            let p = match validated(app, RequestKind::Capture, Shape::Charge, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let id = text(&p, "charge_uuid").unwrap_or_default().to_lowercase();
            let charge = match find_charge(app, caller, &id, text(&p, "wallet_uuid").as_deref()) {
                Ok(c) => c,
                Err(r) => return r,
            };
            if charge.status != "confirmed" || charge.capture {
                return error(
                    Shape::Charge,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "CAPTURE_NOT_ALLOWED",
                        "charge",
                        "only a confirmed charge created with capture: false can be captured",
                        None,
                    )],
                );
            }
            let amount = amount_of(&p).unwrap_or_else(|| charge.total());
            if amount > charge.total() {
                return error(
                    Shape::Charge,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &[Msg::new(
                        "AMOUNT_INVALID",
                        "validation",
                        "amount is more than the authorized amount",
                        Some("amount"),
                    )],
                );
            }
            if let Some(c) = app.store().charges.get_mut(&id) {
                c.captured = Some(amount);
                c.capture = true;
            }
            match transition(app, &id, "paid") {
                Some(c) => (StatusCode::OK, c.to_json(app.base_url())),
                None => charge_not_found(),
            }
        },
    )
    .await
}

fn subscription_json(app: &Shared, s: &SubscriptionRec) -> Value {
    let store = app.store();
    let charges: Vec<Value> = s
        .charge_uuids
        .iter()
        .filter_map(|id| store.charges.get(id))
        .map(|c| json!({"charge_uuid": c.charge_uuid, "amount": c.total().to_string(), "status": c.status, "created_at": iso(c.created_at)}))
        .collect();
    json!({
        "subscription_uuid": s.subscription_uuid,
        "cycle": s.cycle.as_str(),
        "end_date": s.end_date.map(|d| d.to_string()),
        "status": s.status,
        "description": s.description,
        "next_due_date": s.next_charge_date.map(|d| d.to_string()),
        "cancelled_at": s.cancelled_at.map(iso),
        "charges": charges,
    })
}

async fn get_subscription(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let wallet = get("wallet_uuid").unwrap_or_default().to_lowercase();
    let sub_id = get("subscription_uuid").unwrap_or_default().to_lowercase();
    if !app.store().wallets.contains_key(&wallet) {
        return reply((StatusCode::NOT_FOUND, json!({"error": "Wallet not found"})));
    }
    if !app.store().may_act_on(&caller.principal, &wallet) {
        return reply(forbidden());
    }
    let sub = app
        .store()
        .subscriptions
        .get(&sub_id)
        .filter(|s| s.wallet_uuid == wallet)
        .cloned();
    match sub {
        Some(s) => reply((StatusCode::OK, subscription_json(&app, &s))),
        None => reply((
            StatusCode::NOT_FOUND,
            json!({"error": "Subscription not found"}),
        )),
    }
}

async fn cancel_subscription(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path((sub_id, wallet)): Path<(String, String)>,
) -> Response {
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let (sub_id, wallet) = (sub_id.to_lowercase(), wallet.to_lowercase());
    if !app.store().wallets.contains_key(&wallet) {
        return reply((StatusCode::NOT_FOUND, json!({"error": "Wallet not found"})));
    }
    if !app.store().may_act_on(&caller.principal, &wallet) {
        return reply(forbidden());
    }
    let now = app.clock.now();
    let mut store = app.store();
    let Some(sub) = store
        .subscriptions
        .get_mut(&sub_id)
        .filter(|s| s.wallet_uuid == wallet)
    else {
        return reply((
            StatusCode::NOT_FOUND,
            json!({"error": "Subscription not found"}),
        ));
    };
    if sub.status == "cancelled" {
        return reply((
            StatusCode::BAD_REQUEST,
            json!({"error": "Subscription is already cancelled"}),
        ));
    }
    sub.status = "cancelled".into();
    sub.cancelled_at = Some(now);
    sub.next_charge_date = None;
    reply((
        StatusCode::OK,
        json!({"subscription_uuid": sub.subscription_uuid, "status": "cancelled", "cancelled_at": iso(now)}),
    ))
}

fn checkout_json(app: &Shared, c: &CheckoutRec) -> Value {
    let expires = format!("{}T23:59:59Z", c.due_date);
    if c.payment_link {
        let (usd, eur) = crate::fx::equivalents(c.amount, c.currency);
        return json!({
            "payment_link_uuid": c.checkout_uuid,
            "status": c.status,
            "url": format!("{}/checkout/{}", app.base_url(), c.checkout_uuid),
            "local_currency": num(c.amount),
            "currency": c.currency.code(),
            "usd_currency": usd.map(num),
            "eur_currency": eur.map(num),
        });
    }
    json!({
        "checkout_uuid": c.checkout_uuid,
        "checkout_url": format!("{}/checkout/{}", app.base_url(), c.checkout_uuid),
        "status": c.status,
        "amount": num(c.amount),
        "currency": c.currency.code(),
        "expires_at": expires,
        "charge_uuid": c.charge_uuid,
        "max_installments": c.max_installments,
    })
}

async fn create_checkout(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST checkout",
        Shape::Charge,
        &body,
        false,
        move |app, caller, body| {
            let p = match validated(app, RequestKind::Checkout, Shape::Charge, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
            if let Err(r) = check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
                return r;
            }
            let rec = CheckoutRec {
                checkout_uuid: uuid_from(&app.rng),
                wallet_uuid,
                merchant_id: text(&p, "merchant_id").unwrap_or_default(),
                amount: amount_of(&p).unwrap_or_default(),
                currency: text(&p, "currency")
                    .and_then(|c| Currency::from_code(&c).ok())
                    .unwrap_or(Currency::Brl),
                description: text(&p, "description").unwrap_or_default(),
                redirect_url: text(&p, "redirect_url"),
                cancel_url: text(&p, "cancel_url"),
                webhook_url: text(&p, "webhook_url"),
                reference_external_id: text(&p, "reference_external_id"),
                max_installments: p
                    .get("max_installments")
                    .and_then(Value::as_u64)
                    .unwrap_or(12)
                    .clamp(1, 12) as u32,
                due_date: text(&p, "due_date")
                    .and_then(|d| parse_date(&d, "due_date").ok())
                    .unwrap_or(app.clock.today()),
                status: "active".into(),
                charge_uuid: None,
                payer_email: text(&p, "payer_email"),
                payment_link: false,
            };
            let out = checkout_json(app, &rec);
            app.store().checkouts.insert(rec.checkout_uuid.clone(), rec);
            (StatusCode::OK, out)
        },
    )
    .await
}

async fn create_payment_link(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST payment-link",
        Shape::Charge,
        &body,
        false,
        move |app, caller, p| {
            let wallet_uuid = text(&p, "wallet_uuid").unwrap_or_default();
            if !a55_core::formats::is_uuid(&wallet_uuid) {
                return error(
                    Shape::Charge,
                    StatusCode::BAD_REQUEST,
                    &[Msg::new(
                        "INVALID_UUID",
                        "validation",
                        "wallet_uuid must be a UUID",
                        Some("wallet_uuid"),
                    )],
                );
            }
            let currency = match text(&p, "currency").map(|c| Currency::from_code(&c)) {
                Some(Ok(c)) => c,
                _ => {
                    return error(
                        Shape::Charge,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &[Msg::new(
                            "CURRENCY_NOT_SUPPORTED",
                            "validation",
                            "currency is not supported",
                            Some("currency"),
                        )],
                    );
                }
            };
            let raw_value = p
                .get("value")
                .or_else(|| p.get("amount"))
                .cloned()
                .unwrap_or(Value::Null);
            let text_value = match &raw_value {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => String::new(),
            };
            let amount = match normalize_in(AmountArg::Text(&text_value), currency, "value") {
                Ok(n) => n.amount,
                Err(e) => {
                    return error(
                        Shape::Charge,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &[Msg::new(
                            e.code.as_str(),
                            "validation",
                            &e.message,
                            Some("value"),
                        )],
                    );
                }
            };
            if let Err(r) = check_wallet(app, caller, &wallet_uuid, Shape::Charge) {
                return r;
            }
            let rec = CheckoutRec {
                checkout_uuid: uuid_from(&app.rng),
                wallet_uuid,
                merchant_id: text(&p, "merchant_id").unwrap_or_default(),
                amount,
                currency,
                description: text(&p, "description")
                    .or_else(|| text(&p, "name"))
                    .unwrap_or_default(),
                redirect_url: text(&p, "redirect_url"),
                cancel_url: None,
                webhook_url: text(&p, "webhook_url"),
                reference_external_id: None,
                max_installments: p
                    .get("max_installment_count")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .clamp(1, 12) as u32,
                due_date: app.clock.today() + chrono::Duration::days(30),
                status: "active".into(),
                charge_uuid: None,
                payer_email: None,
                payment_link: true,
            };
            let out = checkout_json(app, &rec);
            app.store().checkouts.insert(rec.checkout_uuid.clone(), rec);
            (StatusCode::OK, out)
        },
    )
    .await
}

async fn public_get_charge(
    State(app): State<Shared>,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let id = q
        .iter()
        .find(|(k, _)| k == "charge_uuid")
        .map(|(_, v)| v.to_lowercase())
        .unwrap_or_default();
    let Some(c) = app.store().charges.get(&id).cloned() else {
        return reply(charge_not_found());
    };
    reply((
        StatusCode::OK,
        json!([{
            "charge_uuid": c.charge_uuid,
            "status": c.status,
            "redirect_url": c.redirect_url,
            "message": c.message,
            "value": num(c.total()),
            "currency": c.currency.code(),
            "type_charge": c.type_charge,
            "installment_count": c.installments.len(),
            "customer": {"name": c.payer_name, "email": c.payer_email},
            "threeds_auth": c.threeds,
        }]),
    ))
}

/// Pays an `issued` charge with a card: confirmed (or the digit's decline). Used by the public pay
/// endpoint and the hosted pages.
pub fn pay_with_card(
    app: &Shared,
    charge_uuid: &str,
    card_number: &str,
) -> Result<ChargeRec, Reply> {
    let digits = card_digits(card_number)
        .filter(|d| (12..=19).contains(&d.len()))
        .ok_or_else(|| {
            error(
                Shape::Charge,
                StatusCode::UNPROCESSABLE_ENTITY,
                &[Msg::new(
                    "INVALID_CARD_NUMBER",
                    "validation",
                    "card_number must be 12 to 19 digits",
                    Some("card_number"),
                )],
            )
        })?;
    let mut charge = app
        .store()
        .charges
        .get(charge_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if charge.status != "issued" {
        return Err(error(
            Shape::Charge,
            StatusCode::CONFLICT,
            &[Msg::new(
                "CHARGE_NOT_PAYABLE",
                "charge",
                &format!("the charge is already {}", charge.status),
                None,
            )],
        ));
    }
    charge.card_digit = digits.bytes().last().map(|b| b - b'0');
    charge.card_last4 = Some(digits[digits.len() - 4..].to_string());
    if charge.type_charge.is_empty() || charge.type_charge == "pix" {
        charge.type_charge = format!("{}_card", "credit");
    }
    let _ = card_brand(&digits);
    authorize_card(app, &mut charge);
    let status = charge.status.clone();
    {
        let mut store = app.store();
        if let Some(c) = store.charges.get_mut(charge_uuid) {
            c.card_digit = charge.card_digit;
            c.card_last4 = charge.card_last4.clone();
            c.return_code = charge.return_code.clone();
            c.message = charge.message.clone();
            c.status = "issued".into();
        }
    }
    let updated = transition(app, charge_uuid, &status).ok_or_else(charge_not_found)?;
    schedule_settlement(app, &updated);
    Ok(updated)
}

async fn public_pay(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    Path(charge_uuid): Path<String>,
    body: Bytes,
) -> Response {
    let route = format!("POST pay {charge_uuid}");
    idempotent(
        &app,
        &headers,
        delay,
        &route,
        Shape::Charge,
        &body,
        true,
        move |app, _caller, p| {
            let number = text(&p, "card_number").unwrap_or_default();
            match pay_with_card(app, &charge_uuid.to_lowercase(), &number) {
                Ok(c) => (
                    StatusCode::OK,
                    json!({"charge_uuid": c.charge_uuid, "status": c.status, "message": c.message}),
                ),
                Err(r) => r,
            }
        },
    )
    .await
}

/// Creates the charge a hosted checkout payment makes: the total split in `installments` parts.
pub fn checkout_charge(
    app: &Shared,
    checkout_uuid: &str,
    card_number: &str,
    installments: u32,
    payer: (&str, &str),
) -> Result<ChargeRec, Reply> {
    let co = app
        .store()
        .checkouts
        .get(checkout_uuid)
        .cloned()
        .ok_or_else(charge_not_found)?;
    if co.status != "active" {
        return Err(error(
            Shape::Charge,
            StatusCode::CONFLICT,
            &[Msg::new(
                "CHECKOUT_NOT_ACTIVE",
                "checkout",
                "this checkout session was already used",
                None,
            )],
        ));
    }
    let digits = card_digits(card_number)
        .filter(|d| (12..=19).contains(&d.len()))
        .ok_or_else(|| {
            error(
                Shape::Charge,
                StatusCode::UNPROCESSABLE_ENTITY,
                &[Msg::new(
                    "INVALID_CARD_NUMBER",
                    "validation",
                    "card_number must be 12 to 19 digits",
                    Some("card_number"),
                )],
            )
        })?;
    let count = installments.clamp(1, co.max_installments);
    let parts = split_installments(co.amount, count, co.currency.code()).map_err(|e| {
        error(
            Shape::Charge,
            StatusCode::UNPROCESSABLE_ENTITY,
            &[Msg::new(
                e.code.as_str(),
                "validation",
                &e.message,
                Some("installments"),
            )],
        )
    })?;
    let dates = installment_due_dates(app.clock.today(), count).unwrap_or_default();
    let mut charge = blank_charge(app, &co.wallet_uuid, co.currency);
    charge.merchant_id = co.merchant_id.clone();
    charge.type_charge = "credit_card".into();
    charge.installment_value = parts.first().copied().unwrap_or_default();
    charge.installments = parts.into_iter().zip(dates).collect();
    charge.description = co.description.clone();
    charge.payer_name = payer.0.to_string();
    charge.payer_email = co
        .payer_email
        .clone()
        .unwrap_or_else(|| payer.1.to_string());
    charge.card_digit = digits.bytes().last().map(|b| b - b'0');
    charge.card_last4 = Some(digits[digits.len() - 4..].to_string());
    charge.webhook_url = co.webhook_url.clone();
    charge.redirect_url = co.redirect_url.clone();
    charge.reference_external_id = co.reference_external_id.clone();
    charge.payment_link_uuid = co.payment_link.then(|| co.checkout_uuid.clone());
    charge.checkout_uuid = Some(co.checkout_uuid.clone());
    authorize_card(app, &mut charge);
    {
        let mut store = app.store();
        if let Some(c) = store.checkouts.get_mut(checkout_uuid) {
            if !c.payment_link && charge.status != "error" {
                c.status = "completed".into();
            }
            c.charge_uuid = Some(charge.charge_uuid.clone());
        }
    }
    schedule_settlement(app, &charge);
    save_and_notify(app, charge.clone());
    Ok(charge)
}
