//! `a55 demo`: the whole flow against an embedded emulator (filled in with the client).

use std::process::ExitCode;

/// Runs the demo.
pub async fn run(_args: &[String]) -> ExitCode {
    eprintln!("a55 demo: not available yet");
    ExitCode::FAILURE
}
