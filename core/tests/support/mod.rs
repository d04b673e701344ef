//! What the client and resilience tests share: the emulator's date, a client configured for it, and
//! its control endpoints (`/_emulator/*`).
#![allow(clippy::unwrap_used, dead_code)]

use a55_core::client::{ClientConfig, Credentials, Environment};
use a55_core::redact::Secret;
use serde_json::{Value, json};

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
