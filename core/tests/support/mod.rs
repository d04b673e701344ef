//! What the client and resilience tests share: the emulator's date, a client configured for it, and
//! its control endpoints (`/_emulator/*`).
#![allow(clippy::unwrap_used, dead_code)]

use a55_core::client::{ClientConfig, Credentials, Environment};
use a55_core::redact::Secret;
use serde_json::{Value, json};

pub mod fake;

/// The emulator's "today" in every test.
pub fn today() -> a55_core::schedule::Date {
    a55_core::schedule::parse_date("2026-11-21", "today").unwrap()
}

/// A client configuration for the emulator at `base_url`, with its fixture credentials.
pub fn config(base_url: &str) -> ClientConfig {
    let mut c = ClientConfig::for_environment(
        Environment::Sandbox,
        Credentials::ClientCredentials {
            client_id: "emulator-client".into(),
            client_secret: Secret::new("emulator-secret"),
        },
    );
    c.base_url = base_url.to_string();
    c.token_url = format!("{base_url}/oauth2/token");
    c.today = Some(today());
    c
}

/// `GET /_emulator/{path}`.
pub async fn control(base_url: &str, path: &str) -> Value {
    reqwest::Client::new()
        .get(format!("{base_url}/_emulator/{path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Queues faults for the next API requests (`POST /_emulator/faults`).
pub async fn queue_faults(base_url: &str, faults: &[&str]) {
    let res = reqwest::Client::new()
        .post(format!("{base_url}/_emulator/faults"))
        .json(&json!({ "faults": faults }))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
}

/// A reference to a charge of the fixture wallet.
pub fn charge_ref(charge_uuid: &str) -> a55_core::client::ChargeRef {
    a55_core::client::ChargeRef {
        charge_uuid: charge_uuid.to_string(),
        wallet_uuid: a55_emulator::FIXTURE_WALLET.to_string(),
    }
}

/// A reference to a subscription of the fixture wallet.
pub fn sub_ref(subscription_uuid: &str) -> a55_core::client::SubscriptionRef {
    a55_core::client::SubscriptionRef {
        subscription_uuid: subscription_uuid.to_string(),
        wallet_uuid: a55_emulator::FIXTURE_WALLET.to_string(),
    }
}

/// Seed 001's request (a card charge in three installments) against the fixture wallet.
pub fn seed_001() -> Value {
    serde_json::from_str(&format!(
        r#"{{"wallet_uuid": "{}", "merchant_id": "{}", "payer_name": "张伟",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "installment_value": 150.00, "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "订单 #42——3 期分期", "type_charge": "credit_card", "card_number": "4024007153763191",
        "card_name": "张伟", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123", "capture": true,
        "webhook_url": "https://your-app.com/webhooks/a55", "payer_address": {{"street": "Av. Paulista",
        "address_number": "1000", "complement": "Sala 101", "neighborhood": "Bela Vista", "city": "São Paulo",
        "state": "SP", "postal_code": "01310-100", "country": "BR"}}}}"#,
        a55_emulator::FIXTURE_WALLET,
        a55_emulator::FIXTURE_MERCHANT
    ))
    .unwrap()
}

/// Seed 001 as a one-installment charge of another test card, without a webhook.
pub fn card(number: &str) -> Value {
    let mut c = seed_001();
    c["card_number"] = json!(number);
    c["installment_count"] = json!(1);
    c.as_object_mut().unwrap().remove("webhook_url");
    c
}

/// An in-process emulator for "today", without rate limits or settle delays, whose tokens live
/// `token_ttl` seconds and whose webhooks are retried on the fast schedule.
pub async fn emulator(token_ttl: u64) -> a55_emulator::EmulatorHandle {
    a55_emulator::start(a55_emulator::EmulatorConfig {
        today: Some(today()),
        rate_limit: 0,
        settle_delay: None,
        token_ttl: std::time::Duration::from_secs(token_ttl),
        webhook_schedule: a55_emulator::WebhookSchedule::Fast,
        ..a55_emulator::EmulatorConfig::default()
    })
    .await
    .unwrap()
}
