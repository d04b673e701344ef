//! Every program in `core/examples/` (one per seed page) runs against the emulator, configured as a
//! user would configure it: through the `A55_*` environment variables.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::PathBuf;
use std::process::Command;

use a55_emulator::{EmulatorConfig, EmulatorHandle};

/// The directory cargo builds the examples into (next to this test's `deps/`).
fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("examples")
}

/// Builds the examples when this test runs alone (`cargo test` builds them with every test).
fn build_examples() {
    if examples_dir().join("seed_004_wallet").exists() {
        return;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "-p", "a55-core", "--examples"])
        .status()
        .unwrap();
    assert!(status.success(), "the examples did not build");
}

async fn run(emu: &EmulatorHandle, name: &str) -> String {
    let bin = examples_dir().join(name);
    let base = emu.base_url.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(&bin)
            .env_clear()
            .env("A55_API_URL", &base)
            .env("A55_AUTH_URL", format!("{base}/oauth2/token"))
            .env("A55_CLIENT_ID", "emulator-client")
            .env("A55_CLIENT_SECRET", "emulator-secret")
            .output()
            .unwrap_or_else(|e| panic!("{} did not start: {e}", bin.display()))
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_seed_example_runs_against_the_emulator() {
    tokio::task::spawn_blocking(build_examples).await.unwrap();
    let emu = a55_emulator::start(EmulatorConfig {
        rate_limit: 0,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap();
    let out = run(&emu, "seed_000_checkout").await;
    assert!(out.contains("send the payer to http"), "{out}");
    let out = run(&emu, "seed_001_card_charge").await;
    assert!(out.contains("CARD_NUMBER_CHECKSUM"), "{out}");
    assert!(
        out.contains("is confirmed — 450.00 BRL in 3 installments"),
        "{out}"
    );
    let out = run(&emu, "seed_002_pix_charge").await;
    assert!(
        out.contains("refused locally") && out.contains("payer_tax_id"),
        "{out}"
    );
    assert!(out.contains("is issued: 149.90 BRL"), "{out}");
    let out = run(&emu, "seed_003_subscription").await;
    assert!(
        out.contains("subscription ") && out.contains("is confirmed"),
        "{out}"
    );
    let out = run(&emu, "seed_004_wallet").await;
    assert!(out.contains("created, with its own client id"), "{out}");
    let out = run(&emu, "seed_004_wallet").await;
    assert!(out.contains("the wallet exists already"), "{out}");
}
