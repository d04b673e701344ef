//! The application state every request shares ([`App`]), apart from the router that serves it, and
//! the request extensions the server's middleware hands to handlers.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use tokio::sync::Notify;

use crate::config::EmulatorConfig;
use crate::state::{Clock, Rng, Settlements, Store};

/// The application shared by every request.
#[derive(Debug)]
pub struct App {
    /// Start-up settings.
    pub config: EmulatorConfig,
    /// Everything mutable.
    pub store: Mutex<Store>,
    /// The emulator's clock.
    pub clock: Clock,
    /// Seeded random draws.
    pub rng: Rng,
    /// `http://127.0.0.1:PORT`, set once bound.
    pub base_url: OnceLock<String>,
    /// The client webhooks are delivered with.
    pub http: OnceLock<reqwest::Client>,
    /// Charges waiting for the settle delay.
    pub settlements: Settlements,
}

/// Shared handle.
pub type Shared = Arc<App>;

impl App {
    /// A fresh emulator's state: the seeds' fixtures, the clock at `config.today`.
    pub fn new(config: EmulatorConfig, now: i64) -> App {
        App {
            store: Mutex::new(Store::with_fixtures(&config, now)),
            clock: Clock::new(config.today),
            rng: Rng::new(config.seed),
            base_url: OnceLock::new(),
            http: OnceLock::new(),
            settlements: Settlements::default(),
            config,
        }
    }

    /// Locks the store; a poisoned lock (a panicking handler) is recovered, not propagated.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The base URL of this emulator.
    pub fn base_url(&self) -> &str {
        self.base_url
            .get()
            .map_or("http://127.0.0.1", String::as_str)
    }
}

/// Lets a handler ask its connection to be reset.
#[derive(Clone, Debug)]
pub struct ConnControl(pub Arc<Notify>);

/// The request's id (`X-Request-Id`).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// A delay a fault asked for, applied by the handler after the idempotency key is claimed.
#[derive(Clone, Copy, Debug)]
pub struct PendingDelay(pub Duration);
