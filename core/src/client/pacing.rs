//! Pacing: every attempt of a call first takes a send slot from its `client_id`'s rate budget, so
//! that the client waits for budget instead of drawing a 429.
//!
//! The budget starts from A55's documented rule (100 requests per rolling minute) and follows the
//! server: `X-RateLimit-Limit` sets the limit (`0`: the server sets none, and pacing stands aside),
//! `X-RateLimit-Window` the window when a server announces it (the emulator does; A55 documents 60
//! s), and `X-RateLimit-Remaining` adds the sends the server counted that the budget did not give
//! (another program with the same credentials). The wait for a slot counts against the call's
//! deadline; a call whose slot is further away than its deadline fails at once, unsent, with a
//! rate-limit error that says how long it would have waited.
//!
//! Until the server has answered once, the rule is a guess: a call takes a slot only when one is
//! free now, and otherwise waits for the first answer (or a second) before it queues.
//!
//! When a shared store fails, the call is paced by the process's budget and a warning is logged
//! once; the store is tried again a second later, and sharing resumes when it answers.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind};

use super::RateLimit;
use super::store::{Ask, MemoryStore, Reservation, Rule, SharedStore, StoreError};

/// How long a call with a guessed rule waits for the server's before it trusts the guess.
const GUESS_FOR: Duration = Duration::from_secs(1);
/// How often a call with a guessed rule looks again.
const POLL: Duration = Duration::from_millis(50);
/// How long a failed shared store is left alone.
const STORE_PAUSE: Duration = Duration::from_secs(1);

/// The name a budget (and a fleet's token) is kept under: derived from the API host and the
/// `client_id`, which it does not reveal.
pub fn store_key(base_url: &str, client_id: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"a55-sdk budget v1\0");
    h.update(base_url.as_bytes());
    h.update(b"\0");
    h.update(client_id.as_bytes());
    let digest = hex::encode(h.finalize());
    format!("a55:{{{}}}", &digest[..32])
}

/// The rule as this process knows it.
#[derive(Debug, Clone, Copy)]
struct Known {
    rule: Rule,
    /// Learnt from a server answer (here or, through the store, in another process).
    from_server: bool,
    /// The server sets no limit.
    unlimited: bool,
}

/// A client's pacer.
#[derive(Debug)]
pub(crate) struct Pacer {
    enabled: bool,
    key: String,
    store: Option<Arc<dyn SharedStore>>,
    known: Mutex<Known>,
    /// Slots in the log at the last reservation (past and future).
    in_log: AtomicU32,
    /// Until when the shared store is left alone after failing.
    store_paused: Mutex<Option<Instant>>,
    warned: AtomicBool,
}

/// A call that cannot have a slot within its deadline.
pub(crate) fn too_long(wait: Duration, rule: Rule) -> Error {
    let mut e = Error::new(
        ErrorKind::RateLimit,
        format!(
            "the rate budget ({} requests per {} s) has no slot within the call's deadline: it \
             would have waited {:.1} s; nothing was sent, so the call is safe to repeat",
            rule.limit,
            rule.window.as_secs_f64(),
            wait.as_secs_f64()
        ),
    );
    e.retry_after = Some(wait);
    e.codes = vec!["RATE_LIMIT_EXCEEDED".into()];
    e
}

impl Pacer {
    pub(crate) fn new(enabled: bool, key: String, store: Option<Arc<dyn SharedStore>>) -> Pacer {
        Pacer {
            enabled,
            key,
            store,
            known: Mutex::new(Known {
                rule: Rule::A55,
                from_server: false,
                unlimited: false,
            }),
            in_log: AtomicU32::new(0),
            store_paused: Mutex::new(None),
            warned: AtomicBool::new(false),
        }
    }

    /// The name of this budget in a store.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// The shared store, when one is configured and usable now.
    pub(crate) fn shared_store(&self) -> Option<&dyn SharedStore> {
        self.store.as_deref().filter(|_| !self.paused())
    }

    fn known(&self) -> Known {
        *self.known.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn paused(&self) -> bool {
        let mut paused = self.store_paused.lock().unwrap_or_else(|p| p.into_inner());
        match *paused {
            Some(until) if until > Instant::now() => true,
            Some(_) => {
                *paused = None;
                false
            }
            None => false,
        }
    }

    /// Notes a shared store failure: logged once per outage, the store left alone a second.
    pub(crate) fn store_failed(&self, e: &StoreError) {
        *self.store_paused.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(Instant::now() + STORE_PAUSE);
        if !self.warned.swap(true, Ordering::Relaxed) {
            tracing::warn!(target: "a55", error = %e, "the shared store failed: pacing and tokens go on in this process alone until it answers again");
        }
    }

    /// Notes a shared store success after an outage.
    pub(crate) fn store_answered(&self) {
        if self.warned.load(Ordering::Relaxed) && self.warned.swap(false, Ordering::Relaxed) {
            tracing::warn!(target: "a55", "the shared store answers again: the fleet shares its budget and token again");
        }
    }

    async fn reserve(&self, ask: Ask) -> Reservation {
        if let Some(store) = self.shared_store() {
            match store.reserve(&self.key, ask).await {
                Ok(r) => {
                    self.store_answered();
                    return r;
                }
                Err(e) => self.store_failed(&e),
            }
        }
        let local = MemoryStore::process();
        match local.reserve(&self.key, ask).await {
            Ok(r) => r,
            // The process store cannot fail; were it to, the call goes unpaced.
            Err(_) => Reservation {
                taken: true,
                wait: Duration::ZERO,
                in_log: 0,
                stored_rule: None,
            },
        }
    }

    /// Waits for a send slot within `deadline`; fails at once when none fits.
    pub(crate) async fn acquire(&self, deadline: Instant) -> Result<(), Error> {
        if !self.enabled {
            return Ok(());
        }
        let started = Instant::now();
        loop {
            let known = self.known();
            if known.unlimited {
                return Ok(());
            }
            let trust_guess = started.elapsed() >= GUESS_FOR;
            let remaining = deadline.saturating_duration_since(Instant::now());
            let ask = Ask {
                rule: known.rule,
                rule_known: known.from_server || trust_guess,
                max_wait: remaining,
            };
            let r = self.reserve(ask).await;
            // The slots the budget holds, this call's included.
            self.in_log
                .store(r.in_log + u32::from(r.taken), Ordering::Relaxed);
            let rule_known = ask.rule_known || r.stored_rule.is_some();
            if let Some(rule) = r.stored_rule {
                self.adopt(rule, false);
            }
            if r.taken {
                if !r.wait.is_zero() {
                    tokio::time::sleep(r.wait).await;
                }
                return Ok(());
            }
            if rule_known || remaining <= POLL {
                let rule = r.stored_rule.unwrap_or(known.rule);
                return Err(too_long(r.wait, rule));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Takes the rule a server (or the store) announced.
    fn adopt(&self, rule: Rule, unlimited: bool) -> bool {
        let mut k = self.known.lock().unwrap_or_else(|p| p.into_inner());
        let changed = !k.from_server || k.rule != rule || k.unlimited != unlimited;
        *k = Known {
            rule,
            from_server: true,
            unlimited,
        };
        changed
    }

    /// Follows an answer's rate-limit headers (`window`: `X-RateLimit-Window`, seconds).
    pub(crate) async fn observe(&self, status: u16, rl: &RateLimit, window: Option<u64>) {
        if !self.enabled {
            return;
        }
        let Some(limit) = rl.limit else {
            return;
        };
        let current = self.known();
        if limit == 0 {
            self.adopt(current.rule, true);
            return;
        }
        let rule = Rule {
            limit: u32::try_from(limit).unwrap_or(u32::MAX),
            window: window
                .filter(|w| *w > 0)
                .map(Duration::from_secs)
                .unwrap_or(current.rule.window),
        };
        if self.adopt(rule, false) {
            let _ = MemoryStore::process().set_rule(&self.key, rule).await;
            if let Some(store) = self.shared_store()
                && let Err(e) = store.set_rule(&self.key, rule).await
            {
                self.store_failed(&e);
            }
        }
        // The server counted more sends than the budget gave: someone else spends it too.
        let counted = match (rl.remaining, status) {
            (Some(r), _) => rule
                .limit
                .saturating_sub(u32::try_from(r).unwrap_or(u32::MAX)),
            (None, 429) => rule.limit,
            _ => return,
        };
        // The process's budget always follows the server, so that it paces well on its own when
        // a shared store fails.
        let _ = MemoryStore::process().fill(&self.key, rule, counted).await;
        if counted > self.in_log.load(Ordering::Relaxed) {
            self.in_log.store(counted, Ordering::Relaxed);
            if let Some(store) = self.shared_store()
                && let Err(e) = store.fill(&self.key, rule, counted).await
            {
                self.store_failed(&e);
            }
        }
    }
}
