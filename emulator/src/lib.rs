//! # The A55 emulator
//!
//! A real HTTP server that behaves like A55's payments API: stateful (wallets, charges, PIX,
//! subscriptions, checkout sessions, payment links, refunds), validating with the SDK's core rules,
//! signing and retrying webhooks, and able to fail on purpose (500, 503, 429, delays, connections reset
//! before or after processing) with seeded, repeatable faults. Every language's tests, the benchmarks
//! and `a55 demo` talk to it. `docs/emulator.md` describes it for users; its OpenAPI document
//! (`/openapi.json`, committed as `openapi.json`) is made from the same route table as its router.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let emulator = a55_emulator::start(a55_emulator::EmulatorConfig::default()).await?;
//! println!("listening on {}", emulator.base_url);
//! emulator.shutdown().await;
//! # Ok(()) }
//! ```

//!
//! Its modules, each depending only on the ones listed before it (`tests/layout.rs` checks that
//! no two import each other, directly or around a circle):
//!
//! - `json`, `form`, `config`, `fx`, `qr`: JSON answers with exact amounts, form bodies, settings,
//!   the FX table, QR images;
//! - `state`: the records and their indexes; `app`: the state every request shares;
//! - `errors`: every error body; `answers`: the schemas of the answers; `webhooks`: signed
//!   deliveries; `pix`: PIX payloads;
//! - `lifecycle`: a charge's statuses and transitions; `route`: a route and its description;
//! - `api`: A55's endpoints, one file per resource; `pages`: what a payer sees; `control`: the
//!   `/_emulator/` endpoints; `openapi`: the document made from the routes;
//! - `kit`: the emulator as the language packages' test kit starts it;
//! - `middleware`: request ids, request counts, rate limits, faults; `cors`: the public endpoints' CORS;
//! - `server`: the route table, the router made from it, and the accept loop.

mod answers;
mod api;
mod app;
pub mod config;
mod control;
mod cors;
mod errors;
mod form;
mod fx;
mod json;
pub mod kit;
mod lifecycle;
mod middleware;
mod openapi;
mod pages;
mod pix;
pub mod process;
pub mod qr;
mod route;
mod server;
pub mod state;
mod webhooks;

pub use app::App;
pub use config::{EmulatorConfig, Fault, FaultPlan, WebhookSchedule, parse_origin};
pub use server::{EmulatorHandle, in_process, openapi_json, start};
pub use state::{FIXTURE_ENTITY, FIXTURE_MERCHANT, FIXTURE_WALLET};
