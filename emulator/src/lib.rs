//! # The A55 emulator
//!
//! A real HTTP server that behaves like A55's payments API: stateful (wallets, charges, PIX,
//! subscriptions, checkout sessions, payment links, refunds), validating with the SDK's core rules,
//! signing and retrying webhooks, and able to fail on purpose (500, 503, 429, delays, connections reset
//! before or after processing) with seeded, repeatable faults. Every language's tests, the benchmarks
//! and `a55 demo` talk to it. `docs/emulator.md` describes it for users; `openapi.json` lists its
//! routes.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let emulator = a55_emulator::start(a55_emulator::EmulatorConfig::default()).await?;
//! println!("listening on {}", emulator.base_url);
//! emulator.shutdown().await;
//! # Ok(()) }
//! ```

mod api;
pub mod config;
mod control;
mod cors;
mod form;
mod fx;
mod json;
pub mod kit;
mod pages;
pub mod qr;
mod server;
pub mod state;
mod webhooks;

pub use config::{EmulatorConfig, Fault, FaultPlan, WebhookSchedule, parse_origin};
pub use server::{App, EmulatorHandle, in_process, start};
pub use state::{FIXTURE_ENTITY, FIXTURE_MERCHANT, FIXTURE_WALLET};
