//! The Rust client's safety against the emulator: no secret in any text, typed configuration
//! errors, nothing left running by a dropped client.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::time::{Duration, Instant};

use a55_core::ErrorKind;
use a55_core::client::{Client, ClientConfig, Credentials, Environment, RequestOptions};
use a55_emulator::{EmulatorConfig, EmulatorHandle};
use serde_json::json;

mod support;
use support::{card, seed_001, today};

async fn emulator() -> EmulatorHandle {
    a55_emulator::start(EmulatorConfig {
        today: Some(today()),
        rate_limit: 0,
        settle_delay: None,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap()
}

fn config(emu: &EmulatorHandle) -> ClientConfig {
    support::config(&emu.base_url)
}

async fn setup() -> (EmulatorHandle, Client) {
    let emu = emulator().await;
    let client = Client::new(config(&emu)).unwrap();
    (emu, client)
}

fn opts() -> RequestOptions {
    RequestOptions::default()
}

#[tokio::test]
async fn secrets_never_show_in_debug_display_or_errors() {
    let (emu, client) = setup().await;
    let shown = format!("{client:?} {:?}", client.config());
    assert!(!shown.contains("emulator-secret"), "{shown}");
    let mut bad = seed_001();
    bad["card_cvv"] = json!("12");
    bad["payer_tax_id"] = json!("111.222.333-44");
    let err = client.create_charge(bad, &opts()).await.unwrap_err();
    let text = format!("{err} {err:?}");
    for secret in [
        "4024007153763191",
        "111.222.333-44",
        "11122233344",
        "\"12\"",
    ] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    let ok = client
        .create_charge(card("4024007153763130"), &opts())
        .await
        .unwrap();
    assert!(!format!("{:?}", ok.data).contains("4024007153763130"));
    drop(emu);
}

#[test]
fn configuration_errors_are_typed() {
    let mut c = ClientConfig::for_environment(Environment::Production, Credentials::None);
    c.base_url = "http://api.a55.tech".into();
    assert_eq!(Client::new(c).unwrap_err().kind, ErrorKind::Configuration);
}

#[tokio::test]
async fn a_dropped_client_leaves_no_task_behind() {
    // The client starts one idle timer task per runtime (see `Client::keep_timer_awake`); it must
    // end with the client, and the pool's connection tasks with it.
    let emu = emulator().await;
    let metrics = tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let client = Client::new(config(&emu)).unwrap();
    let query = a55_core::client::WalletQuery {
        wallet_uuid: Some("f47ac10b-58cc-4372-a567-0e02b2c3d479".into()),
        ..Default::default()
    };
    client.get_wallet(&query, &opts()).await.unwrap();
    assert!(
        metrics.num_alive_tasks() > before,
        "the heartbeat and a connection are running"
    );
    drop(client);
    let waited = Instant::now();
    while metrics.num_alive_tasks() > before && waited.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(metrics.num_alive_tasks(), before);
}

/// A call's future is what a caller's task holds (and moves): the rare, large paths (a token
/// fetch, a wait for a rate slot, the retry loop itself) are boxed, so a call stays small.
#[tokio::test]
async fn a_calls_future_stays_small() {
    let (_emu, client) = setup().await;
    let payload = seed_001();
    let opts = opts();
    let call = client.create_charge(&payload, &opts);
    let size = std::mem::size_of_val(&call);
    assert!(size <= 1024, "create_charge's future is {size} bytes");
    call.await.unwrap();
}
