//! The Rust client over real HTTP against the emulator.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::time::{Duration, Instant};

use a55_core::client::{
    Client, ClientConfig, Credentials, ListChargesParams, RequestOptions, WalletQuery,
};
use a55_core::models::Lenient;
use a55_core::money::Currency;
use a55_core::redact::Secret;
use a55_core::schedule::Cycle;
use a55_core::status::{ChargeStatus, CheckoutStatus};
use a55_core::{ErrorKind, IssueCode};
use a55_emulator::{EmulatorHandle, FIXTURE_MERCHANT as MERCHANT, FIXTURE_WALLET as WALLET};
use serde_json::{Value, json};

mod support;
use support::{card, charge_ref, emulator, seed_001, sub_ref};

fn config(emu: &EmulatorHandle) -> ClientConfig {
    let mut c = support::config(&emu.base_url);
    c.backoff_base = Duration::from_millis(20);
    c.backoff_cap = Duration::from_millis(100);
    c.poll_interval = Duration::from_millis(50);
    c
}

async fn setup() -> (EmulatorHandle, Client) {
    let emu = emulator(3600).await;
    let client = Client::new(config(&emu)).unwrap();
    (emu, client)
}

async fn queue(emu: &EmulatorHandle, faults: &[&str]) {
    support::queue_faults(&emu.base_url, faults).await;
}

async fn state(emu: &EmulatorHandle) -> Value {
    support::control(&emu.base_url, "state").await
}

fn opts() -> RequestOptions {
    RequestOptions::default()
}

#[tokio::test]
async fn the_five_seeds_end_to_end() {
    let (emu, client) = setup().await;
    // 001: a 450.00 charge in three installments; the checksum warning rides on the result.
    let c = client.create_charge(seed_001(), &opts()).await.unwrap();
    assert_eq!(c.data.status, ChargeStatus::Confirmed);
    assert_eq!(c.data.total().unwrap().to_string(), "450.00");
    assert_eq!(c.data.installments[2].due_date, "2027-02-28".parse().ok());
    assert_eq!(c.data.currency, Some(Lenient::Known(Currency::Brl)));
    assert_eq!(c.meta.warnings.len(), 1);
    assert_eq!(c.meta.warnings[0].code, IssueCode::CardNumberChecksum);
    assert!(c.meta.request_id.as_deref().unwrap().starts_with("req_"));
    assert!(c.meta.idempotency_key.is_some());
    // 002: stopped locally, nothing sent.
    let before = state(&emu).await["requests"].as_u64().unwrap();
    let pix = json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "王芳", "payer_email": "wangfang@example.com",
        "payer_tax_id": "111.222.333-44", "payer_cell_phone": "+5521977777777", "amount": 149.90, "currency": "BRL",
        "due_date": "2026-12-31", "description": "订单 #100——PIX", "webhook_url": "https://your-app.com/webhooks/a55",
        "payer_address": {"street": "Av. Rio Branco", "address_number": "200", "complement": "Sala 301", "neighborhood": "Centro",
                          "city": "Rio de Janeiro", "state": "RJ", "postal_code": "20040-002", "country": "BR"}});
    let err = client
        .create_pix_charge(pix.clone(), &opts())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.issues[0].code, IssueCode::InvalidTaxId);
    assert_eq!(
        state(&emu).await["requests"].as_u64().unwrap(),
        before,
        "no request left"
    );
    // …and with local validation skipped, the server says the same thing.
    let skip = RequestOptions {
        skip_validation: true,
        ..opts()
    };
    let server = client
        .create_pix_charge(pix.clone(), &skip)
        .await
        .unwrap_err();
    assert_eq!(
        (server.kind, server.status),
        (ErrorKind::Validation, Some(422))
    );
    assert_eq!(server.codes, ["INVALID_TAX_ID"]);
    let mut fixed = pix;
    fixed["payer_tax_id"] = json!("123.456.789-09");
    let p = client.create_pix_charge(fixed, &opts()).await.unwrap();
    let code =
        a55_core::pix::parse_pix_brcode(p.data.pix_payload.unwrap().copy_paste.as_deref().unwrap())
            .unwrap();
    assert_eq!(code.amount.as_deref(), Some("149.90"));
    // 003: subscription.
    let mut sub = seed_001();
    sub["installment_value"] = json!(49.90);
    sub["installment_count"] = json!(1);
    sub["subscription"] = json!({"cycle": "monthly", "end_date": "2027-12-31"});
    let s = client.create_charge(sub, &opts()).await.unwrap();
    let info = s.data.subscription.unwrap();
    assert_eq!(info.next_charge_date, "2027-01-31".parse().ok());
    assert_eq!(info.cycle, Some(Lenient::Known(Cycle::Monthly)));
    assert_eq!(info.end_date, "2027-12-31".parse().ok());
    let sub_id = sub_ref(info.subscription_uuid.as_deref().unwrap());
    let got = client.get_subscription(&sub_id, &opts()).await.unwrap();
    assert_eq!(got.data.charges.len(), 1);
    assert_eq!(got.data.cycle, Some(Lenient::Known(Cycle::Monthly)));
    assert_eq!(got.data.next_due_date, "2027-01-31".parse().ok());
    let cancelled = client.cancel_subscription(&sub_id, &opts()).await.unwrap();
    assert_eq!(cancelled.data.status.unwrap().as_str(), "cancelled");
    let again = client
        .cancel_subscription(&sub_id, &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (again.kind, again.message.as_str()),
        (ErrorKind::Validation, "Subscription is already cancelled")
    );
    // 000: checkout.
    let co = client
        .create_checkout(
            json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": 250.00, "currency": "BRL", "description": "Plano",
                   "redirect_url": "https://your-app.com/payment/success", "cancel_url": "https://your-app.com/payment/cancel",
                   "due_date": "2026-12-31", "payer_email": "zhangwei@example.com", "allowed_methods": ["credit_card", "pix"],
                   "max_installments": 6, "webhook_url": "https://your-app.com/webhooks/a55", "reference_external_id": "ORDER-2048"}),
            &RequestOptions { idempotency_key: Some("990e8400-e29b-41d4-a716-446655440004".into()), ..opts() },
        )
        .await
        .unwrap();
    assert_eq!(co.data.status, Some(CheckoutStatus::Active));
    assert_eq!(co.data.currency, Some(Lenient::Known(Currency::Brl)));
    assert_eq!(
        co.meta.idempotency_key.as_deref(),
        Some("990e8400-e29b-41d4-a716-446655440004")
    );
    // 004: wallet, then 409.
    let w = json!({"entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": "cust_12345", "currency": "BRL",
        "name": "圣保罗门店——BRL", "email": "financeiro@loja-sp.com.br", "create_credentials": true,
        "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"});
    let wallet = client.create_wallet(w.clone(), &opts()).await.unwrap();
    let creds = wallet.data.credentials.clone().unwrap();
    assert!(!format!("{:?}", wallet.data).contains(creds.client_secret.expose()));
    let dup = client.create_wallet(w, &opts()).await.unwrap_err();
    assert_eq!(
        (dup.kind, dup.codes[0].as_str()),
        (ErrorKind::Conflict, "errors.wallet.already_exists")
    );
    // Wallet credentials: their own wallet only.
    let mut own = config(&emu);
    own.credentials = Credentials::ClientCredentials {
        client_id: creds.client_id.unwrap(),
        client_secret: creds.client_secret,
    };
    let own = Client::new(own).unwrap();
    let q = WalletQuery {
        wallet_uuid: wallet.data.wallet_uuid.clone(),
        ..Default::default()
    };
    assert!(own.get_wallet(&q, &opts()).await.is_ok());
    let denied = own
        .get_charge(&charge_ref(c.data.charge_uuid.as_deref().unwrap()), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (denied.kind, denied.status),
        (ErrorKind::Permission, Some(403))
    );
}

#[tokio::test]
async fn charge_lifecycle_and_typed_errors() {
    let (_emu, client) = setup().await;
    let declined = client
        .create_charge(card("4024007153763122"), &opts())
        .await
        .unwrap();
    assert_eq!(
        declined.data.status,
        ChargeStatus::Error,
        "a decline is a result"
    );
    assert_eq!(declined.data.issues()[0].code.as_str(), "CARD_DECLINED");
    let ok = client
        .create_charge(card("4024007153763130"), &opts())
        .await
        .unwrap();
    let id = ok.data.charge_uuid.clone().unwrap();
    let partial = client
        .refund_charge(&charge_ref(&id), json!({"amount": "50.00"}), &opts())
        .await
        .unwrap();
    assert_eq!(partial.data.refunded_amount.unwrap().to_string(), "50.00");
    let too_much = client
        .refund_charge(&charge_ref(&id), json!({"amount": 100.01}), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (too_much.kind, too_much.codes[0].as_str()),
        (ErrorKind::Validation, "AMOUNT_INVALID")
    );
    assert!(too_much.idempotency_key.is_some());
    let full = client
        .refund_charge(&charge_ref(&id), json!({}), &opts())
        .await
        .unwrap();
    assert_eq!(full.data.status, ChargeStatus::Refunded);
    let mut held = card("4024007153763130");
    held["capture"] = json!(false);
    let held = client.create_charge(held, &opts()).await.unwrap();
    let held_id = held.data.charge_uuid.unwrap();
    let paid = client
        .capture_charge(&charge_ref(&held_id), json!({}), &opts())
        .await
        .unwrap();
    assert_eq!(paid.data.status, ChargeStatus::Paid);
    let not_cancelable = client
        .cancel_charge(&charge_ref(&held_id), Some("customer asked"), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (not_cancelable.kind, not_cancelable.codes[0].as_str()),
        (ErrorKind::Validation, "CANCEL_NOT_ALLOWED")
    );
    let missing = client
        .get_charge(&charge_ref(MERCHANT), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (missing.kind, missing.status),
        (ErrorKind::NotFound, Some(404))
    );
    let bad_id = client
        .get_charge(&charge_ref("not-a-uuid"), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (bad_id.kind, bad_id.issues[0].code.clone()),
        (ErrorKind::Validation, IssueCode::InvalidUuid)
    );
    // Pages, one by one.
    let page = client
        .list_charges(
            &ListChargesParams {
                wallet_uuid: WALLET.into(),
                limit: Some(2),
                ..Default::default()
            },
            &opts(),
        )
        .await
        .unwrap();
    assert_eq!(page.data.total, Some(3));
    let all = client
        .charges_pager(
            ListChargesParams {
                wallet_uuid: WALLET.into(),
                limit: Some(2),
                ..Default::default()
            },
            opts(),
        )
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    // Public endpoints need no token.
    let mut issued = card("4024007153763130");
    for k in [
        "card_number",
        "card_name",
        "card_expiry_month",
        "card_expiry_year",
        "card_cvv",
    ] {
        issued.as_object_mut().unwrap().remove(k);
    }
    let issued = client.create_charge(issued, &opts()).await.unwrap();
    let issued_id = issued.data.charge_uuid.unwrap();
    let public = Client::new(ClientConfig {
        credentials: Credentials::None,
        ..client.config().clone()
    })
    .unwrap();
    let view = public.get_public_charge(&issued_id, &opts()).await.unwrap();
    assert_eq!(view.data.status, ChargeStatus::Issued);
    let pay = json!({"card_number": "4024007153763130", "card_name": "A", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123"});
    let paid = public
        .pay_public_charge(&issued_id, pay.clone(), &opts())
        .await
        .unwrap();
    assert_eq!(paid.data.status, ChargeStatus::Confirmed);
    let twice = public
        .pay_public_charge(&issued_id, pay, &opts())
        .await
        .unwrap_err();
    assert_eq!(twice.kind, ErrorKind::Conflict);
    let no_creds = public
        .get_charge(&charge_ref(&issued_id), &opts())
        .await
        .unwrap_err();
    assert_eq!(no_creds.kind, ErrorKind::Configuration);
    let waited = client
        .wait_for_charge(
            &charge_ref(&issued_id),
            &opts(),
            Some(Duration::from_secs(1)),
        )
        .await
        .unwrap();
    assert!(waited.data.status.is_settled());
}

#[tokio::test]
async fn retries_each_retryable_answer_with_one_key() {
    let (emu, client) = setup().await;
    for fault in [
        "500",
        "503",
        "429",
        "reset_before",
        "reset_after",
        "delay:50",
    ] {
        queue(&emu, &[fault]).await;
        let res = client
            .create_charge(card("4024007153763130"), &opts())
            .await
            .unwrap();
        let expected = if fault.starts_with("delay") { 1 } else { 2 };
        assert_eq!(res.meta.attempts, expected, "{fault}");
        if fault == "reset_after" {
            assert!(
                res.meta.replayed,
                "the retry after a processed-then-reset request is a replay"
            );
        }
    }
    let s = state(&emu).await;
    assert_eq!(
        s["charge_count"], 6,
        "each logical charge exists exactly once"
    );
    // Two failures then success, within max_retries = 2.
    queue(&emu, &["503", "500"]).await;
    assert_eq!(
        client
            .create_charge(card("4024007153763130"), &opts())
            .await
            .unwrap()
            .meta
            .attempts,
        3
    );
    // Three failures exhaust the retries: a definite server error.
    queue(&emu, &["503", "503", "503"]).await;
    let err = client
        .create_charge(card("4024007153763130"), &opts())
        .await
        .unwrap_err();
    assert_eq!((err.kind, err.status), (ErrorKind::Server, Some(503)));
    assert!(err.idempotency_key.is_some());
    // No retry on other 4xx.
    let before = state(&emu).await["requests"].as_u64().unwrap();
    let skip = RequestOptions {
        skip_validation: true,
        ..opts()
    };
    let mut bad = card("4024007153763130");
    bad["payer_tax_id"] = json!("111.222.333-44");
    let err = client.create_charge(bad, &skip).await.unwrap_err();
    assert_eq!(err.status, Some(422));
    assert_eq!(state(&emu).await["requests"].as_u64().unwrap(), before + 1);
}

#[tokio::test]
async fn retry_after_is_honoured_within_the_deadline() {
    let (emu, client) = setup().await;
    queue(&emu, &["429"]).await;
    let started = Instant::now();
    let res = client
        .create_charge(card("4024007153763130"), &opts())
        .await
        .unwrap();
    assert_eq!(res.meta.attempts, 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited the Retry-After second"
    );
    // A Retry-After that does not fit in the deadline is returned at once as a rate-limit error.
    queue(&emu, &["429"]).await;
    let short = RequestOptions {
        deadline: Some(Duration::from_millis(500)),
        ..opts()
    };
    let err = client
        .create_charge(card("4024007153763130"), &short)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::RateLimit);
    assert_eq!(err.retry_after, Some(Duration::from_secs(1)));
}

#[tokio::test]
async fn unknown_outcome_is_recovered_with_its_key() {
    let (emu, client) = setup().await;
    queue(&emu, &["reset_after"]).await;
    let once = RequestOptions {
        max_retries: Some(0),
        ..opts()
    };
    let err = client
        .create_charge(card("4024007153763130"), &once)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownOutcome);
    let key = err.idempotency_key.clone().unwrap();
    assert_eq!(state(&emu).await["charge_count"], 1, "the server did act");
    let again = RequestOptions {
        idempotency_key: Some(key.clone()),
        ..opts()
    };
    let recovered = client
        .create_charge(card("4024007153763130"), &again)
        .await
        .unwrap();
    assert!(recovered.meta.replayed);
    assert_eq!(state(&emu).await["charge_count"], 1, "and only once");
    // Reset before processing: with no retry left it is also unknown to the caller, and nothing exists.
    queue(&emu, &["reset_before"]).await;
    let err = client
        .create_charge(card("4024007153763130"), &once)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownOutcome);
    assert_eq!(state(&emu).await["charge_count"], 1);
    // A derived key makes a re-run of the same business operation safe.
    let derived = RequestOptions {
        idempotency_from: Some("order-42".into()),
        ..opts()
    };
    let a = client
        .create_charge(card("4024007153763130"), &derived)
        .await
        .unwrap();
    let b = client
        .create_charge(card("4024007153763130"), &derived)
        .await
        .unwrap();
    assert_eq!(a.data.charge_uuid, b.data.charge_uuid);
    assert_eq!(
        a.meta.idempotency_key,
        Some(a55_core::idempotency::derive_key(
            "charge.create",
            "order-42"
        ))
    );
}

#[tokio::test]
async fn the_deadline_is_respected() {
    let (emu, client) = setup().await;
    queue(&emu, &["delay:3000"]).await;
    let started = Instant::now();
    let short = RequestOptions {
        deadline: Some(Duration::from_millis(300)),
        ..opts()
    };
    let err = client
        .create_charge(card("4024007153763130"), &short)
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::UnknownOutcome | ErrorKind::Timeout),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up at the deadline, not after the delay"
    );
    // A GET that times out is a plain timeout: nothing to recover.
    queue(&emu, &["delay:3000"]).await;
    let err = client
        .get_wallet(
            &WalletQuery {
                wallet_uuid: Some(WALLET.into()),
                ..Default::default()
            },
            &short,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout);
}

#[tokio::test]
async fn tokens_are_cached_refreshed_and_replaced_after_401() {
    let emu = emulator(120).await;
    let client = Client::new(config(&emu)).unwrap();
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    for _ in 0..5 {
        client.get_wallet(&q, &opts()).await.unwrap();
    }
    assert_eq!(client.token_requests(), 1, "cached");
    // The server's clock moves past expiry while the client still trusts its token: one 401, one
    // refresh, one retry.
    reqwest::Client::new()
        .post(format!("{}/_emulator/clock/advance", emu.base_url))
        .json(&json!({"seconds": 121}))
        .send()
        .await
        .unwrap();
    client.get_wallet(&q, &opts()).await.unwrap();
    assert_eq!(client.token_requests(), 2);
    // A static token is not refreshed: 401 is an authentication error.
    let mut fixed = config(&emu);
    fixed.credentials = Credentials::AccessToken(Secret::new("emu_not_a_token"));
    let err = Client::new(fixed)
        .unwrap()
        .get_wallet(&q, &opts())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.status),
        (ErrorKind::Authentication, Some(401))
    );
    // Wrong client credentials.
    let mut wrong = config(&emu);
    wrong.credentials = Credentials::ClientCredentials {
        client_id: "emulator-client".into(),
        client_secret: Secret::new("nope"),
    };
    let err = Client::new(wrong)
        .unwrap()
        .get_wallet(&q, &opts())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Authentication);
    assert!(!err.to_string().contains("nope"));
}

#[tokio::test]
async fn concurrent_calls_share_one_token_request() {
    let (_emu, client) = setup().await;
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..Default::default()
    };
    let calls = (0..50).map(|_| {
        let (client, q) = (client.clone(), q.clone());
        tokio::spawn(async move { client.get_wallet(&q, &RequestOptions::default()).await })
    });
    for c in calls {
        c.await.unwrap().unwrap();
    }
    assert_eq!(client.token_requests(), 1);
}
