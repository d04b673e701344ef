//! An idle client of the Kotlin and Swift packages wakes nothing, measured: the context switches of
//! core's runtime threads (named `a55-sdk`, from Linux's `/proc/self/task/*/status`) do not grow
//! while a client that has made calls sits idle. A client with core's timer heartbeat on (what a
//! server gets from `a55_core::client::Client`) is measured the same way, to show that the count
//! sees its ticks.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Duration;

use a55_core::client::blocking::block_on;
use a55_core::client::{Client, ClientConfig, Credentials, RequestOptions, WalletQuery};
use a55_mobile::NativeClient;

const WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";

/// Context switches of every `a55-sdk` thread, by thread id.
fn switches() -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let path = task.path();
        let comm = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        if comm.trim() != "a55-sdk" {
            continue;
        }
        let status = std::fs::read_to_string(path.join("status")).unwrap_or_default();
        let n: u64 = status
            .lines()
            .filter(|l| l.contains("ctxt_switches"))
            .filter_map(|l| l.split(':').nth(1)?.trim().parse::<u64>().ok())
            .sum();
        out.insert(task.file_name().to_string_lossy().into_owned(), n);
    }
    out
}

/// Wake-ups of the threads of `before` during `pause`.
fn woke_during(pause: Duration) -> u64 {
    let before = switches();
    assert!(!before.is_empty(), "no a55-sdk threads");
    std::thread::sleep(pause);
    let after = switches();
    before
        .iter()
        .map(|(id, n)| after.get(id).copied().unwrap_or(*n) - n)
        .sum()
}

#[test]
fn an_idle_binding_client_wakes_nothing_and_a_heartbeat_would_show() {
    // The emulator gets its own runtime (threads named `emulator`), so only the client is counted.
    let emu_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("emulator")
        .enable_all()
        .build()
        .unwrap();
    let config = a55_emulator::kit::config_from_options(&serde_json::json!({
        "settle_delay_ms": null,
    }))
    .unwrap();
    let emu = emu_rt.block_on(a55_emulator::start(config)).unwrap();
    let url = emu.base_url.clone();

    let settings = serde_json::json!({
        "client_id": "emulator-client", "client_secret": "emulator-secret",
        "base_url": url, "token_url": format!("{url}/oauth2/token"),
    });
    let native = NativeClient::new(settings.to_string()).unwrap();
    for _ in 0..3 {
        let call = native.start(
            serde_json::json!({"method": "get_wallet", "args": {"wallet_uuid": WALLET}})
                .to_string(),
        );
        block_on(call.finish()).unwrap().unwrap();
    }
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        woke_during(Duration::from_secs(3)),
        0,
        "the binding's idle client woke core's runtime"
    );

    // Core's own client, heartbeat on: it ticks once a second while it lives.
    let mut server_config =
        ClientConfig::for_environment(a55_core::client::Environment::Sandbox, Credentials::None);
    server_config.base_url = url;
    server_config.credentials = Credentials::AccessToken(a55_core::redact::Secret::new("t"));
    assert!(server_config.timer_heartbeat);
    let rt = a55_core::client::blocking::runtime().unwrap();
    let server = {
        let _inside = rt.enter();
        Client::new(server_config).unwrap()
    };
    let q = WalletQuery {
        wallet_uuid: Some(WALLET.into()),
        ..WalletQuery::default()
    };
    let _ = rt.block_on(server.get_wallet(&q, &RequestOptions::default()));
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        woke_during(Duration::from_secs(3)) >= 2,
        "the heartbeat's ticks are not seen: the count above proves nothing"
    );
    drop(server);
    emu_rt.block_on(emu.shutdown());
}
