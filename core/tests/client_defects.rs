//! Regression tests for defects found in review: each failed before its fix.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use a55_core::client::{
    ChargeRef, Client, ClientConfig, Credentials, ListChargesParams, RequestOptions,
    SubscriptionRef, WalletQuery,
};
use a55_core::redact::Secret;
use a55_core::{ErrorKind, IssueCode};
use a55_emulator::{EmulatorHandle, FIXTURE_WALLET as WALLET};
use serde_json::{Value, json};

mod support;
use support::fake::{black_hole, emulator_token, fake};
use support::{charge_ref, emulator};

const CHARGE: &str = "5b3f1a8e-0000-4000-8000-000000000001";

/// A client of `base_url` with a static token and quick retries.
fn static_client(base_url: &str) -> Client {
    let mut c = support::config(base_url);
    c.credentials = Credentials::AccessToken(Secret::new("static-token"));
    c.backoff_base = Duration::from_millis(10);
    c.backoff_cap = Duration::from_millis(20);
    Client::new(c).unwrap()
}

/// A client of the emulator whose tokens come from `token_url`.
fn client_with_token_url(emu: &EmulatorHandle, token_url: &str) -> ClientConfig {
    let mut c = support::config(&emu.base_url);
    c.token_url = token_url.to_string();
    c.backoff_base = Duration::from_millis(10);
    c.backoff_cap = Duration::from_millis(20);
    c
}

fn card_charge(number: &str) -> Value {
    json!({"wallet_uuid": WALLET, "merchant_id": a55_emulator::FIXTURE_MERCHANT, "payer_name": "Ana",
        "payer_email": "ana@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5511999999999", "installment_value": "100.00", "installment_count": 1,
        "currency": "BRL", "due_date": "2026-12-31", "description": "order", "type_charge": "credit_card",
        "card_number": number, "card_name": "ANA", "card_expiry_month": "12",
        "card_expiry_year": "2030", "card_cvv": "123",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP", "postal_code": "01310-100"}})
}

fn ok_charge() -> String {
    json!({"charge_uuid": CHARGE, "status": "confirmed"}).to_string()
}

// 1. A refund or capture whose payload is not an object is refused and sends nothing.
#[tokio::test]
async fn refund_and_capture_payloads_must_be_objects() {
    let server = fake(|_, _| (200, ok_charge())).await;
    let client = static_client(&server.base_url);
    let charge = charge_ref(CHARGE);
    for skip_validation in [false, true] {
        let opts = RequestOptions {
            skip_validation,
            ..Default::default()
        };
        for payload in [json!("50.00"), json!([]), Value::Null, json!(5)] {
            for refund in [true, false] {
                let err = if refund {
                    client.refund_charge(&charge, payload.clone(), &opts).await
                } else {
                    client.capture_charge(&charge, payload.clone(), &opts).await
                }
                .unwrap_err();
                assert_eq!(err.kind, ErrorKind::Validation, "{payload}");
                assert_eq!(err.issues[0].code, IssueCode::InvalidType, "{payload}");
            }
        }
    }
    assert!(server.seen().is_empty(), "nothing may be sent");
    // `{}` is a whole refund, still allowed.
    client
        .refund_charge(&charge, json!({}), &RequestOptions::default())
        .await
        .unwrap();
    assert_eq!(server.seen().len(), 1);
}

// 2. Header values are checked before anything is sent.
#[tokio::test]
async fn header_values_are_checked_before_anything_is_sent() {
    let server = fake(|_, _| (200, ok_charge())).await;
    let mut c = support::config(&server.base_url);
    c.credentials = Credentials::AccessToken(Secret::new("token-with-newline\n"));
    let err = Client::new(c).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Configuration);
    assert!(err.message.contains("access token"), "{}", err.message);
    assert!(!format!("{err} {err:?}").contains("token-with-newline"));

    let client = static_client(&server.base_url);
    let opts = RequestOptions {
        idempotency_key: Some("key\u{7}with-bell".into()),
        ..Default::default()
    };
    let err = client
        .create_charge(card_charge("4024007153763130"), &opts)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.issues[0].field, "idempotency_key");
    assert!(server.seen().is_empty());

    // A token endpoint that hands out a token a header cannot carry: a definite error.
    let tokens = fake(|_, _| {
        (
            200,
            json!({"access_token": "bad\ntoken", "expires_in": 3600}).to_string(),
        )
    })
    .await;
    let mut c = support::config(&server.base_url);
    c.token_url = format!("{}/oauth2/token", tokens.base_url);
    let err = Client::new(c)
        .unwrap()
        .create_charge(card_charge("4024007153763130"), &RequestOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode, "{err}");
    assert!(server.seen().is_empty());
}

// 3. A token fetch that fails after an attempt that may have been processed is an unknown outcome.
#[tokio::test]
async fn a_failed_token_fetch_after_a_written_attempt_is_an_unknown_outcome() {
    let emu = emulator(3600).await;
    let token = emulator_token(&emu.base_url).await;
    // The first token lives one second (so it is replaced after half a second); then the token
    // endpoint fails.
    let tokens = fake(move |_, n| {
        if n == 0 {
            (
                200,
                json!({"access_token": token, "expires_in": 1}).to_string(),
            )
        } else {
            (503, String::new())
        }
    })
    .await;
    support::queue_faults(&emu.base_url, &["delay:1500"]).await;
    let client = Client::new(client_with_token_url(&emu, &tokens.base_url)).unwrap();
    let opts = RequestOptions {
        timeout: Some(Duration::from_millis(700)),
        ..Default::default()
    };
    let err = client
        .create_charge(card_charge("4024007153763130"), &opts)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownOutcome, "{err}");
    let key = err
        .idempotency_key
        .clone()
        .expect("the key to repeat the call with");
    assert!(std::error::Error::source(&err).is_some());
    // The first attempt was processed: repeating with the key replays it.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let again = Client::new(support::config(&emu.base_url))
        .unwrap()
        .create_charge(
            card_charge("4024007153763130"),
            &RequestOptions {
                idempotency_key: Some(key),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(again.meta.replayed);
}

// 4. A token that lives no longer than the refresh margin is reused for half its life.
#[tokio::test]
async fn a_short_lived_token_is_not_fetched_on_every_call() {
    let emu = emulator(30).await; // `a55 emulator --token-ttl 30`
    let client = Client::new(support::config(&emu.base_url)).unwrap();
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    for _ in 0..10 {
        client
            .get_wallet(&q, &RequestOptions::default())
            .await
            .unwrap();
    }
    assert_eq!(client.token_requests(), 1);
}

// 5. The token request, and waiting for another call's token request, end with the call's deadline.
#[tokio::test]
async fn the_deadline_bounds_the_token_request_and_the_wait_for_it() {
    let emu = emulator(3600).await;
    let (hole, _task) = black_hole().await;
    let client = Client::new(client_with_token_url(&emu, &format!("{hole}/oauth2/token"))).unwrap();
    // A first call holds the token lock for up to a minute.
    let first = {
        let client = client.clone();
        tokio::spawn(async move {
            let opts = RequestOptions {
                deadline: Some(Duration::from_secs(60)),
                timeout: Some(Duration::from_secs(60)),
                ..Default::default()
            };
            client
                .get_wallet(
                    &WalletQuery {
                        wallet_uuid: Some(WALLET.into()),
                        ..Default::default()
                    },
                    &opts,
                )
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let opts = RequestOptions {
        deadline: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    let err = client.get_wallet(&q, &opts).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{err}");
    // It ended with its own deadline, long before the first call's.
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(!first.is_finished());
    first.abort();
    // Alone, a call whose token request hangs ends with its deadline too.
    let alone = Client::new(client_with_token_url(&emu, &format!("{hole}/oauth2/token"))).unwrap();
    let started = Instant::now();
    let err = alone.get_wallet(&q, &opts).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{err}");
    assert!(started.elapsed() < Duration::from_secs(30));
}

// 6. A 2xx without a body is a success.
#[tokio::test]
async fn an_empty_2xx_is_a_success() {
    let server = fake(|req, _| {
        if req.method == "DELETE" {
            (204, String::new())
        } else {
            (200, String::new())
        }
    })
    .await;
    let client = static_client(&server.base_url);
    let sub = SubscriptionRef {
        subscription_uuid: CHARGE.into(),
        wallet_uuid: WALLET.into(),
    };
    let res = client
        .cancel_subscription(&sub, &RequestOptions::default())
        .await
        .unwrap();
    assert_eq!(res.meta.status, 204);
    let res = client
        .cancel_charge(&charge_ref(CHARGE), None, &RequestOptions::default())
        .await
        .unwrap();
    assert_eq!(res.meta.status, 200);
}

// 6b. A redirect is not followed: the payment is not sent again, elsewhere or as a GET.
#[tokio::test]
async fn a_redirect_is_an_error_and_is_not_followed() {
    for status in [301u16, 302, 307, 308] {
        let server = fake(move |req, _| {
            if req.path_and_query.starts_with("/elsewhere") {
                (200, ok_charge())
            } else {
                (status, "/elsewhere/charge/".to_string())
            }
        })
        .await;
        let client = static_client(&server.base_url);
        let err = client
            .create_charge(card_charge("4024007153763130"), &RequestOptions::default())
            .await
            .unwrap_err();
        assert_eq!(err.status, Some(status), "{err}");
        assert!(err.to_string().contains(&status.to_string()), "{err}");
        let seen = server.seen();
        assert_eq!(
            seen.len(),
            1,
            "{status}: {:?}",
            seen.iter().map(|s| &s.path_and_query).collect::<Vec<_>>()
        );
    }
}

// 7. Derived keys include the operation and the resource.
#[tokio::test]
async fn derived_keys_are_scoped_to_the_charge() {
    let emu = emulator(3600).await;
    let client = Client::new(support::config(&emu.base_url)).unwrap();
    let mut ids = Vec::new();
    for number in ["4024007153763130", "4024007153763171"] {
        let c = client
            .create_charge(card_charge(number), &RequestOptions::default())
            .await
            .unwrap();
        ids.push(c.data.charge_uuid.unwrap());
    }
    let opts = RequestOptions {
        idempotency_from: Some("ORDER-7".into()),
        ..Default::default()
    };
    let mut keys = Vec::new();
    for id in &ids {
        let refund = client
            .refund_charge(&charge_ref(id), json!({"amount": "10.00"}), &opts)
            .await
            .unwrap();
        keys.push(refund.meta.idempotency_key.unwrap());
    }
    assert_ne!(keys[0], keys[1]);
    // The same refund repeated derives the same key, and is replayed.
    let again = client
        .refund_charge(&charge_ref(&ids[0]), json!({"amount": "10.00"}), &opts)
        .await
        .unwrap();
    assert_eq!(
        again.meta.idempotency_key.as_deref(),
        Some(keys[0].as_str())
    );
    assert!(again.meta.replayed);
}

// 8. A 401 answered by a token refresh does not spend one of the call's retries.
#[tokio::test]
async fn a_refresh_after_401_does_not_spend_a_retry() {
    let emu = emulator(3600).await;
    let token = emulator_token(&emu.base_url).await;
    let tokens = fake(move |_, n| {
        let t = if n == 0 {
            "revoked-token".to_string()
        } else {
            token.clone()
        };
        (
            200,
            json!({"access_token": t, "expires_in": 3600}).to_string(),
        )
    })
    .await;
    // The first attempt meets the revoked token (401); the second a 503.
    support::queue_faults(&emu.base_url, &["delay:1", "503"]).await;
    let client = Client::new(client_with_token_url(&emu, &tokens.base_url)).unwrap();
    let opts = RequestOptions {
        max_retries: Some(1),
        ..Default::default()
    };
    let res = client
        .create_charge(card_charge("4024007153763130"), &opts)
        .await
        .unwrap();
    assert_eq!(res.meta.attempts, 3);
    assert_eq!(client.token_requests(), 2);
}

// 9. The pager goes on when a page has no `pages` field.
#[tokio::test]
async fn the_pager_continues_without_a_pages_field() {
    for with_total in [true, false] {
        let server = fake(move |req, _| {
            let page: u32 = req
                .path_and_query
                .split(['?', '&'])
                .find_map(|p| p.strip_prefix("page="))
                .and_then(|p| p.parse().ok())
                .unwrap_or(1);
            let count = match page { 1 | 2 => 2, 3 => 1, _ => 0 };
            let data: Vec<Value> = (0..count)
                .map(|i| json!({"charge_uuid": format!("5b3f1a8e-0000-4000-8000-00000000{page:02}{i:02}"), "status": "paid"}))
                .collect();
            let mut body = json!({"page": page, "limit": 2, "data": data});
            if with_total {
                body["total"] = json!(5);
            }
            (200, body.to_string())
        })
        .await;
        let client = static_client(&server.base_url);
        let all = client
            .charges_pager(
                ListChargesParams {
                    wallet_uuid: WALLET.into(),
                    limit: Some(2),
                    ..Default::default()
                },
                RequestOptions::default(),
            )
            .collect_all()
            .await
            .unwrap();
        assert_eq!(all.len(), 5, "with total: {with_total}");
        assert_eq!(server.seen().len(), 3, "with total: {with_total}");
    }
}

// 10. Public payments validate the card; payment links normalize their amounts.
#[tokio::test]
async fn public_payments_and_payment_links_are_checked_before_sending() {
    let server = fake(|_, _| (200, ok_charge())).await;
    let mut c = support::config(&server.base_url);
    c.credentials = Credentials::None;
    let public = Client::new(c).unwrap();
    let bad = json!({"card_number": "4024007153763130", "card_name": "ANA", "card_expiry_month": "13",
        "card_expiry_year": "2030", "card_cvv": "12"});
    let err = public
        .pay_public_charge(CHARGE, bad, &RequestOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    let codes: Vec<&str> = err.issues.iter().map(|i| i.code.as_str()).collect();
    assert!(
        codes.contains(&"INVALID_EXPIRY") && codes.contains(&"INVALID_CVC"),
        "{codes:?}"
    );
    let missing = public
        .pay_public_charge(
            CHARGE,
            json!({"card_name": "ANA"}),
            &RequestOptions::default(),
        )
        .await
        .unwrap_err();
    assert!(
        missing
            .issues
            .iter()
            .any(|i| i.field == "card_number" && i.code == IssueCode::RequiredField)
    );
    assert!(server.seen().is_empty());

    let client = static_client(&server.base_url);
    let link = client
        .create_payment_link(
            json!({"wallet_uuid": WALLET, "currency": "BRL", "value": "10.005", "description": "Plan"}),
            &RequestOptions::default(),
        )
        .await
        .unwrap();
    assert_eq!(link.meta.warnings[0].code, IssueCode::AmountRounded);
    let sent: Value = serde_json::from_str(&server.seen()[0].body).unwrap();
    assert_eq!(sent["value"].to_string(), "10.01");
    // Both names A55 uses for the amount are normalized when both are sent.
    client
        .create_payment_link(
            json!({"wallet_uuid": WALLET, "currency": "BRL", "value": "10.005", "amount": "20.005"}),
            &RequestOptions::default(),
        )
        .await
        .unwrap();
    let sent: Value = serde_json::from_str(&server.seen()[1].body).unwrap();
    assert_eq!(
        (sent["value"].to_string(), sent["amount"].to_string()),
        ("10.01".into(), "20.01".into())
    );
    let err = client
        .create_payment_link(
            json!({"wallet_uuid": WALLET, "currency": "BRL", "value": "0.001"}),
            &RequestOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.issues[0].code, IssueCode::AmountInvalid);
    assert_eq!(server.seen().len(), 2);
}

/// Records every event's fields at every level.
struct Recorder(Arc<Mutex<String>>);

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        struct Visit<'a>(&'a mut String);
        impl tracing::field::Visit for Visit<'_> {
            fn record_debug(&mut self, f: &tracing::field::Field, v: &dyn std::fmt::Debug) {
                self.0.push_str(&format!("{}={v:?} ", f.name()));
            }
        }
        event.record(&mut Visit(&mut self.0.lock().unwrap()));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

// 11 and 12. Query strings are not logged; numbers and server text are masked.
#[tokio::test]
async fn logs_and_errors_never_carry_personal_data() {
    let calls = Arc::new(AtomicUsize::new(0));
    let count = calls.clone();
    let server = fake(move |_, _| {
        count.fetch_add(1, Ordering::Relaxed);
        (
            422,
            json!({"message": "card 4024007153763191 refused for CPF 123.456.789-09"}).to_string(),
        )
    })
    .await;
    let client = static_client(&server.base_url);
    let logs = Arc::new(Mutex::new(String::new()));
    let _guard = tracing::subscriber::set_default(Recorder(logs.clone()));
    let q = WalletQuery {
        email: Some("ana.secret@example.com".into()),
        ..Default::default()
    };
    let err = client
        .get_wallet(&q, &RequestOptions::default())
        .await
        .unwrap_err();
    let mut payload = card_charge("4024007153763130");
    payload["card_number"] = json!(4024007153763130_u64);
    payload["payer_tax_id"] = json!(12345678909_u64);
    let opts = RequestOptions {
        skip_validation: true,
        ..Default::default()
    };
    let err2 = client.create_charge(payload, &opts).await.unwrap_err();
    let logged = logs.lock().unwrap().clone();
    assert!(
        logged.contains("email="),
        "the request was logged: {logged}"
    );
    assert!(
        logged.contains("request body"),
        "the trace body was logged: {logged}"
    );
    let shown = format!("{logged} {err} {err:?} {err2} {err2:?}");
    for secret in [
        "ana.secret",
        "example.com",
        "402400715376",
        "123456789",
        "123.456.789",
    ] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    assert_eq!(calls.load(Ordering::Relaxed), 2);
}

// A reference struct names both ids; the doc tests of `ChargeRef` show that bare strings do not
// compile. Here: a capture through the typed request answers a charge, and its ids travel.
#[tokio::test]
async fn a_typed_request_returns_its_own_model() {
    let server = fake(|_, _| (200, ok_charge())).await;
    let client = static_client(&server.base_url);
    let req = a55_core::models::CaptureRequest {
        charge_uuid: CHARGE.into(),
        wallet_uuid: WALLET.into(),
        amount: None,
        ..Default::default()
    };
    let res: a55_core::client::Response<a55_core::models::Charge> = client
        .create(&req, &RequestOptions::default())
        .await
        .unwrap();
    assert_eq!(res.data.charge_uuid.as_deref(), Some(CHARGE));
    let body: Value = serde_json::from_str(&server.seen()[0].body).unwrap();
    assert_eq!(body["charge_uuid"], CHARGE);
    let _: ChargeRef = charge_ref(CHARGE);
}
