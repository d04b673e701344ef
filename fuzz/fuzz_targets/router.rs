//! The emulator's whole HTTP router, in-process: any method, path, query, headers and body never
//! panic a handler, and never get a 5xx unless a fault was injected.
//!
//! Each input is a short sequence of requests against a fresh emulator (`a55_emulator::in_process`),
//! so state built by one request (a wallet, a charge, a subscription) is there for the next. Paths are
//! either raw bytes or one of the emulator's routes with the ids seen so far in its answers filled in;
//! bodies are raw bytes, form pairs, or a valid request body of the API with fields replaced. A
//! platform token is minted first so the fuzzer reaches past authentication.
//!
//! Faults: the `X-Emulator-Fault` header is stripped from every input and the plan is empty, but
//! `POST /_emulator/faults` can still queue faults for the next API requests. So a 5xx, or an answer
//! that never comes (a connection reset, which has no connection in-process), is accepted only when
//! the emulator counted a fault for that request. Time is paused (tokio's auto-advance), so injected
//! delays, settlement timers and webhook retries cost nothing, and a request left pending ends by
//! timeout at once. Webhook deliveries go through a proxy on 127.0.0.1:1, where nothing listens: the
//! fuzzer never sends HTTP anywhere.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use a55_emulator::{EmulatorConfig, FIXTURE_ENTITY, FIXTURE_MERCHANT, FIXTURE_WALLET};
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Method, Request};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use tower::ServiceExt;

/// Routes with `{name}` filled from the ids seen so far (or the fixtures).
const ROUTES: &[&str] = &[
    "/oauth2/token",
    "/api/v1/bank/wallet/",
    "/api/v1/bank/wallet/charge/",
    "/api/v1/bank/wallet/charge/pix/",
    "/api/v1/bank/wallet/charge/capture/",
    "/api/v1/bank/wallet/charge/{charge_uuid}/",
    "/api/v1/bank/wallet/charge/{charge_uuid}/refund/{wallet_uuid}/",
    "/api/v1/bank/wallet/charge/{charge_uuid}/cancel/{wallet_uuid}/",
    "/api/v1/bank/wallet/charges/",
    "/api/v1/bank/wallet/subscription/",
    "/api/v1/bank/wallet/subscription/{subscription_uuid}/cancel/{wallet_uuid}/",
    "/api/v1/bank/wallet/checkout/",
    "/api/v1/bank/wallet/payment-link/",
    "/api/v1/bank/public/charge",
    "/api/v1/bank/public/charge/{charge_uuid}/pay",
    "/checkout/{checkout_uuid}",
    "/pay/charge/{charge_uuid}",
    "/3ds/{charge_uuid}",
    "/pix/v2/{txid}",
    "/_emulator/health",
    "/_emulator/openapi.json",
    "/_emulator/state",
    "/_emulator/charges",
    "/_emulator/charges/{charge_uuid}",
    "/_emulator/charges/{charge_uuid}/settle",
    "/_emulator/charges/{charge_uuid}/pay",
    "/_emulator/pix/{charge_uuid}/pay",
    "/_emulator/charges/{charge_uuid}/complete-3ds",
    "/_emulator/clock/advance",
    "/_emulator/webhooks",
    "/_emulator/faults",
];

/// Field names the API reads, for replacing or adding fields of a body.
const FIELDS: &[&str] = &[
    "wallet_uuid",
    "merchant_id",
    "merchant_uuid",
    "entity_uuid",
    "charge_uuid",
    "payer_name",
    "payer_email",
    "payer_tax_id",
    "payer_cell_phone",
    "payer_address",
    "amount",
    "installment_value",
    "installment_count",
    "currency",
    "due_date",
    "description",
    "type_charge",
    "card_number",
    "card_name",
    "card_expiry_month",
    "card_expiry_year",
    "card_cvv",
    "capture",
    "threeds_authentication",
    "webhook_url",
    "redirect_url",
    "cancel_url",
    "subscription",
    "cycle",
    "end_date",
    "max_installments",
    "allowed_methods",
    "reference_external_id",
    "customer_id",
    "name",
    "email",
    "create_credentials",
    "device_info",
    "seconds",
    "faults",
    "items",
];

const HEADERS: &[&str] = &[
    "content-type",
    "idempotency-key",
    "accept",
    "authorization",
    "content-length",
    "x-request-id",
];

#[derive(Arbitrary, Debug)]
enum Verb {
    Get,
    Post,
    Delete,
    Put,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Target {
    Route(u8, Option<String>),
    Raw(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
enum Auth {
    None,
    Platform,
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Number text (`1e400`, `0.000000001`, 30 digits), kept exact; a string when it is not a number.
    Number(String),
    Str(String),
    Id(u8),
    Array(Vec<Json>),
    Object(Vec<(u8, Json)>),
}

#[derive(Arbitrary, Debug)]
enum Edit {
    Set(u8, Json),
    SetNamed(String, Json),
    Remove(u8),
}

#[derive(Arbitrary, Debug)]
enum Payload {
    None,
    Raw(Vec<u8>),
    Form(Vec<(String, String)>),
    Template(u8, Vec<Edit>),
}

#[derive(Arbitrary, Debug)]
struct Call {
    verb: Verb,
    target: Target,
    query: Option<Vec<(u8, Json)>>,
    raw_query: Option<String>,
    auth: Auth,
    headers: Vec<(u8, String)>,
    raw_headers: Vec<(String, Vec<u8>)>,
    body: Payload,
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("a tokio runtime")
    })
}

/// The client webhooks are delivered with: through a proxy where nothing listens. Built once (a TLS
/// set-up per input would cost more than the requests).
fn blackhole() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .proxy(reqwest::Proxy::all("http://127.0.0.1:1").expect("a proxy URL"))
            .build()
            .expect("an HTTP client")
    })
}

fn address() -> Value {
    json!({"street": "Av. Paulista", "address_number": "1000", "neighborhood": "Bela Vista", "city": "São Paulo",
           "state": "SP", "postal_code": "01310-100", "country": "BR"})
}

/// Valid bodies of the API and the control endpoints, for the fuzzer to alter.
fn template(n: u8, ids: &BTreeMap<String, String>) -> Value {
    let id = |k: &str| ids.get(k).cloned().unwrap_or_default();
    let card = json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zw@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "installment_value": 150.00, "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "order", "type_charge": "credit_card", "card_number": "4024007153763130", "card_name": "ZW",
        "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123", "capture": true,
        "webhook_url": "http://127.0.0.1:9/hook", "payer_address": address()});
    match n % 12 {
        0 => card,
        1 => {
            let mut c = card;
            c["subscription"] = json!({"cycle": "monthly", "end_date": "2027-12-31"});
            c
        }
        2 => {
            let mut c = card;
            c["capture"] = json!(false);
            c["threeds_authentication"] = json!(n % 2 == 0);
            c
        }
        3 => {
            json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "payer_name": "W F",
            "payer_email": "wf@example.com", "payer_tax_id": "111.222.333-44", "payer_cell_phone": "+5521977777777",
            "amount": 149.90, "currency": "BRL", "due_date": "2026-12-31", "description": "pix",
            "webhook_url": "http://127.0.0.1:9/hook", "payer_address": address()})
        }
        4 => {
            json!({"entity_uuid": FIXTURE_ENTITY, "customer_id": "cust_1", "currency": "BRL", "name": "store",
            "email": "f@example.com", "create_credentials": true, "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"})
        }
        5 => {
            json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "amount": 250.00, "currency": "BRL",
            "description": "plan", "redirect_url": "https://example.com/done", "cancel_url": "https://example.com/cancel",
            "due_date": "2026-12-31", "payer_email": "zw@example.com", "allowed_methods": ["credit_card", "pix"],
            "max_installments": 6, "webhook_url": "http://127.0.0.1:9/hook", "reference_external_id": "ORDER-1"})
        }
        6 => json!({"amount": 50.00}),
        7 => json!({"charge_uuid": id("charge_uuid"), "wallet_uuid": FIXTURE_WALLET}),
        8 => json!({"card_number": "4024007153763130", "card_name": "A", "card_expiry_month": "12",
            "card_expiry_year": "2030", "card_cvv": "123"}),
        9 => json!({"seconds": 31}),
        10 => json!({"faults": ["503", "reset_after"]}),
        _ => {
            json!({"wallet_uuid": FIXTURE_WALLET, "currency": "BRL", "amount": 10, "description": "link"})
        }
    }
}

fn json_value(j: &Json, ids: &BTreeMap<String, String>, depth: usize) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => json!(b),
        Json::Int(i) => json!(i),
        Json::Float(f) => json!(f),
        Json::Number(text) => serde_json::from_str::<serde_json::Number>(text)
            .map_or_else(|_| json!(text), Value::Number),
        Json::Str(s) => json!(s),
        Json::Id(n) => json!(
            ids.values()
                .nth(*n as usize % ids.len().max(1))
                .cloned()
                .unwrap_or_default()
        ),
        Json::Array(items) if depth < 4 => Value::Array(
            items
                .iter()
                .map(|i| json_value(i, ids, depth + 1))
                .collect(),
        ),
        Json::Object(fields) if depth < 4 => Value::Object(
            fields
                .iter()
                .map(|(k, v)| {
                    (
                        FIELDS[*k as usize % FIELDS.len()].to_string(),
                        json_value(v, ids, depth + 1),
                    )
                })
                .collect(),
        ),
        _ => Value::Null,
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn path_of(target: &Target, ids: &BTreeMap<String, String>) -> Vec<u8> {
    match target {
        Target::Route(n, suffix) => {
            let mut path = ROUTES[*n as usize % ROUTES.len()].to_string();
            for (name, id) in ids {
                path = path.replace(&format!("{{{name}}}"), id);
            }
            path.push_str(suffix.as_deref().unwrap_or(""));
            path.into_bytes()
        }
        Target::Raw(bytes) => {
            let mut path = b"/".to_vec();
            path.extend_from_slice(bytes);
            path
        }
    }
}

/// Remembers every `…_uuid` and `txid` text in an answer, for the next requests' paths and bodies.
fn remember(v: &Value, ids: &mut BTreeMap<String, String>, depth: usize) {
    match v {
        Value::Object(map) if depth < 4 => {
            for (k, v) in map {
                if let Value::String(s) = v
                    && (k.ends_with("_uuid") || k == "txid")
                    && !s.is_empty()
                {
                    ids.insert(k.clone(), s.clone());
                }
                remember(v, ids, depth + 1);
            }
        }
        Value::Array(items) if depth < 4 => items.iter().for_each(|i| remember(i, ids, depth + 1)),
        _ => {}
    }
}

fn faults_counted(app: &a55_emulator::App) -> u64 {
    app.store().faults.values().sum()
}

fn request(call: &Call, ids: &BTreeMap<String, String>, token: &str) -> Option<Request<Body>> {
    let method = match &call.verb {
        Verb::Get => Method::GET,
        Verb::Post => Method::POST,
        Verb::Delete => Method::DELETE,
        Verb::Put => Method::PUT,
        Verb::Other(m) => Method::from_bytes(m.as_bytes()).ok()?,
    };
    let mut uri = path_of(&call.target, ids);
    if let Some(pairs) = &call.query {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            query.append_pair(
                FIELDS[*k as usize % FIELDS.len()],
                &text_of(&json_value(v, ids, 0)),
            );
        }
        uri.push(b'?');
        uri.extend_from_slice(query.finish().as_bytes());
    }
    if let Some(raw) = &call.raw_query {
        uri.push(if call.query.is_some() { b'&' } else { b'?' });
        uri.extend_from_slice(raw.as_bytes());
    }
    let mut builder = Request::builder().method(method).uri(uri.as_slice());
    let headers = builder.headers_mut()?;
    match &call.auth {
        Auth::None => {}
        Auth::Platform => {
            headers.insert(
                "authorization",
                HeaderValue::from_str(&format!("Bearer {token}")).ok()?,
            );
        }
        Auth::Raw(text) => {
            headers.insert("authorization", HeaderValue::from_str(text).ok()?);
        }
    }
    for (n, value) in &call.headers {
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.append(HEADERS[*n as usize % HEADERS.len()], v);
        }
    }
    for (name, value) in &call.raw_headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_bytes(value),
        ) {
            headers.append(n, v);
        }
    }
    // The fuzzer may not turn faults on by header.
    headers.remove("x-emulator-fault");
    let body = match &call.body {
        Payload::None => Vec::new(),
        Payload::Raw(bytes) => bytes.clone(),
        Payload::Form(pairs) => form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
            .into_bytes(),
        Payload::Template(n, edits) => {
            let mut v = template(*n, ids);
            if let Some(obj) = v.as_object_mut() {
                for edit in edits {
                    match edit {
                        Edit::Set(k, j) => {
                            obj.insert(
                                FIELDS[*k as usize % FIELDS.len()].into(),
                                json_value(j, ids, 0),
                            );
                        }
                        Edit::SetNamed(k, j) => {
                            obj.insert(k.clone(), json_value(j, ids, 0));
                        }
                        Edit::Remove(k) => {
                            obj.remove(FIELDS[*k as usize % FIELDS.len()]);
                        }
                    }
                }
            }
            v.to_string().into_bytes()
        }
    };
    builder.body(Body::from(body)).ok()
}

fuzz_target!(|calls: Vec<Call>| {
    let rt = runtime();
    let config = EmulatorConfig {
        today: a55_core::schedule::parse_date("2026-11-21", "today").ok(),
        ..EmulatorConfig::default()
    };
    let (app, router) = a55_emulator::in_process(config);
    let _ = app.http.set(blackhole().clone());
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    ids.insert("wallet_uuid".into(), FIXTURE_WALLET.into());
    rt.block_on(async {
        let token_request = Request::post("/oauth2/token")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(
                "grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret",
            ))
            .expect("a token request");
        let res = router.clone().oneshot(token_request).await.expect("infallible");
        let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("a body");
        let token = serde_json::from_slice::<Value>(&body).expect("a token answer")["access_token"]
            .as_str()
            .expect("a token")
            .to_string();
        for call in calls.iter().take(8) {
            let Some(req) = request(call, &ids, &token) else {
                continue;
            };
            let before = faults_counted(&app);
            let answer = tokio::time::timeout(Duration::from_secs(600), router.clone().oneshot(req)).await;
            let faulted = faults_counted(&app) > before;
            let Ok(Ok(res)) = answer else {
                assert!(faulted, "no answer without an injected fault: {call:?}");
                continue;
            };
            let status = res.status();
            let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("a body");
            assert!(
                !status.is_server_error() || faulted,
                "{status} without an injected fault: {call:?}\n{}",
                String::from_utf8_lossy(&body)
            );
            if let Ok(v) = serde_json::from_slice::<Value>(&body) {
                remember(&v, &mut ids, 0);
            }
        }
    });
});
