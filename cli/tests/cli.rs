//! The `a55` binary: `a55 demo` completes, and `a55 emulator` honours its start-up contract.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_a55");

#[test]
fn demo_runs_the_whole_flow() {
    let out = std::env::temp_dir().join(format!("a55-demo-test-{}", std::process::id()));
    let result = Command::new(BIN)
        .args(["demo", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "demo failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
    for expected in [
        "total 450.00 BRL",
        "decoded: amount 149.90",
        "status error",
        "full refund: status refunded",
        "verified ✓",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    let png = std::fs::read(out.join("pix-qr.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    for secret in [
        "emulator-secret",
        "sk_test_",
        "4024007153763130",
        "123.456.789-09",
    ] {
        assert!(!stdout.contains(secret), "{secret} printed by the demo");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn emulator_prints_its_url_first_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["emulator", "--port", "0", "--today", "2026-11-21"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .trim()
        .strip_prefix("a55 emulator listening on http://127.0.0.1:")
        .expect(&first);
    assert!(url.parse::<u16>().is_ok(), "{first}");
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    assert!(child.wait().unwrap().success(), "a clean exit on SIGTERM");
    let bad = Command::new(BIN)
        .args(["emulator", "--faults", "700=0.1"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
