//! The `a55` command line: every `--help` prints help and starts nothing, the help lists the real
//! flags and only them, `--port=0` and `--port 0` both work, and a bad flag is clap's exit 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_a55");

const EMULATOR_FLAGS: &[&str] = &[
    "--port",
    "--host",
    "--client-id",
    "--client-secret",
    "--token-ttl",
    "--today",
    "--rate-limit",
    "--rate-window",
    "--webhook-secret",
    "--webhook-schedule",
    "--allow-external-webhooks",
    "--faults",
    "--seed",
    "--settle-delay",
    "--cors-origin",
    "--help",
];

/// Runs `a55 ARGS` to its end, failing if it is still running after 20 s (something was started).
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("a55 {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Every `--flag` the text mentions.
fn flags_in(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("--") {
        let name: String = text[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.is_empty() {
            found.insert(format!("--{name}"));
        }
    }
    found
}

fn help(args: &[&str]) -> String {
    let out = run(args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "a55 {args:?}: {stdout}");
    assert!(
        !stdout.contains("listening"),
        "a55 {args:?} started the emulator"
    );
    assert!(
        !stdout.contains("A55 SDK demo"),
        "a55 {args:?} started the demo"
    );
    assert!(!stdout.contains("--keep-files"), "{stdout}");
    stdout
}

#[test]
fn top_level_help_lists_the_commands_and_real_flags_only() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let text = help(args);
        assert!(text.contains("demo") && text.contains("emulator"), "{text}");
        let allowed: BTreeSet<String> = ["--help", "--version", "--out"].map(String::from).into();
        assert!(flags_in(&text).is_subset(&allowed), "{text}");
        assert!(text.contains("--out"), "{text}");
    }
}

#[test]
fn demo_help_documents_out_and_runs_nothing() {
    for args in [&["demo", "--help"][..], &["help", "demo"]] {
        let text = help(args);
        let expected: BTreeSet<String> = ["--out", "--help"].map(String::from).into();
        assert_eq!(flags_in(&text), expected, "{text}");
    }
}

#[test]
fn emulator_help_documents_every_flag_and_starts_nothing() {
    let text = help(&["emulator", "--help"]);
    let expected: BTreeSet<String> = EMULATOR_FLAGS.iter().map(|f| f.to_string()).collect();
    assert_eq!(flags_in(&text), expected, "{text}");
    for default in [
        "emulator-client",
        "emulator-secret",
        "3600",
        "whsec_emulator",
        "default: 55",
        "default: 100",
        "default: 60",
        "default: 5",
        "127.0.0.1",
    ] {
        assert!(text.contains(default), "{default} missing from\n{text}");
    }
    // The help flag wins wherever it is.
    help(&["emulator", "--port", "0", "--help"]);
}

#[test]
fn version_prints_the_version() {
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("a55 {}", env!("CARGO_PKG_VERSION"))
    );
}

fn first_line_of_emulator(args: &[&str]) -> String {
    let mut child = Command::new(BIN)
        .arg("emulator")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    first
}

#[test]
fn port_takes_its_value_after_a_space_or_an_equals_sign() {
    for args in [
        &["--port=0"][..],
        &["--port", "0"],
        &["--port=0", "--webhook-schedule=fast"],
    ] {
        let first = first_line_of_emulator(args);
        let port = first
            .trim_end()
            .strip_prefix("a55 emulator listening on http://127.0.0.1:")
            .unwrap_or_else(|| panic!("{args:?}: first line {first:?}"));
        assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "{first:?}");
    }
}

#[test]
fn bad_flags_are_clap_errors_with_exit_2() {
    for args in [
        &["emulator", "--bogus"][..],
        &["emulator", "--port"],
        &["emulator", "--port", "x"],
        &["emulator", "--port=70000"],
        &["emulator", "--webhook-schedule", "slow"],
        &["emulator", "--today", "2026-02-30"],
        &["emulator", "--faults", "700=0.1"],
        &["demo", "--keep-files"],
        &["demo", "--out"],
        &["nope"],
        &[],
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "a55 {args:?}: {stderr}");
        assert!(
            stderr.contains("error") || stderr.contains("Usage"),
            "a55 {args:?}: {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "a55 {args:?} printed {:?}",
            out.stdout
        );
    }
}
