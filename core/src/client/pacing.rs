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
}

/// A client's pacer.
#[derive(Debug)]
pub(crate) struct Pacer {
    enabled: bool,
    key: String,
    store: Option<Arc<dyn SharedStore>>,
    known: Mutex<Known>,
    /// Whether a call has gone to learn the server's rule.
    probing: AtomicBool,
    /// Whether the rule is "no limit" (`rule.limit == 0`), read without the lock on every call.
    unlimited: AtomicBool,
    /// Slots in the log at the last reservation (past and future).
    in_log: AtomicU32,
    /// Until when the shared store is left alone after failing.
    store_paused: Mutex<Option<Instant>>,
    warned: AtomicBool,
}

/// The longest window a server's header may set (a bigger one would be a broken header).
const MAX_WINDOW_SECS: u64 = 3_600;

/// A write to the shared store that no call waits for.
enum StoreWrite {
    Rule(Rule),
    Fill(Rule, u32),
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
            }),
            unlimited: AtomicBool::new(false),
            probing: AtomicBool::new(false),
            in_log: AtomicU32::new(0),
            store_paused: Mutex::new(None),
            warned: AtomicBool::new(false),
        }
    }

    /// The name of this budget in a store.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// The shared store itself, to hand to a task that outlives the call.
    pub(crate) fn shared_store_arc(&self) -> Option<Arc<dyn SharedStore>> {
        self.store.clone()
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

    async fn reserve(&self, mut ask: Ask, until: Instant) -> Reservation {
        if let Some(store) = self.shared_store() {
            match store.reserve(&self.key, ask).await {
                Ok(r) => {
                    self.store_answered();
                    return r;
                }
                Err(e) => self.store_failed(&e),
            }
            // The failed attempt took time: the wait the call accepts is shorter now.
            ask.max_wait = until.saturating_duration_since(Instant::now());
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

    /// Waits for a send slot that leaves `headroom` before `deadline` (time to send and be
    /// answered); fails at once, unsent, when none does.
    pub(crate) async fn acquire(&self, deadline: Instant, headroom: Duration) -> Result<(), Error> {
        if !self.enabled || self.unlimited.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Boxed: every call's future holds this one's place, and a slot's wait (store round trips,
        // sleeps) is large; a call that needs no slot then stays small.
        Box::pin(self.take_slot(deadline, headroom)).await
    }

    async fn take_slot(&self, deadline: Instant, headroom: Duration) -> Result<(), Error> {
        let started = Instant::now();
        let until = deadline.checked_sub(headroom).unwrap_or(started);
        loop {
            let known = self.known();
            if known.rule.limit == 0 {
                return Ok(());
            }
            let remaining = until.saturating_duration_since(Instant::now());
            // A call that cannot wait for the probe's answer goes on the documented rule.
            let trust_guess = started.elapsed() >= GUESS_FOR || remaining <= POLL;
            let rule_known = known.from_server || trust_guess;
            // Until the server has answered, one call of the client probes its rule; the others
            // wait for that answer (or for the store to know the rule) before they take slots.
            let probe = !rule_known && !self.probing.swap(true, Ordering::Relaxed);
            let ask = Ask {
                rule: known.rule,
                rule_known,
                probe,
                max_wait: remaining,
            };
            let r = self.reserve(ask, until).await;
            // The sends the window holds, this call's included.
            self.in_log
                .store(r.in_log + u32::from(r.taken), Ordering::Relaxed);
            let rule_known = rule_known || r.stored_rule.is_some();
            match r.stored_rule {
                Some(rule) => {
                    self.adopt(rule);
                }
                // A store that lost the rule (restarted, or new) learns it again from this process.
                None if known.from_server => self.spawn_store_write(StoreWrite::Rule(known.rule)),
                None => {}
            }
            if r.taken {
                if !r.wait.is_zero() {
                    tokio::time::sleep(r.wait).await;
                }
                return Ok(());
            }
            if probe {
                // The probe found no free slot: another may probe.
                self.probing.store(false, Ordering::Relaxed);
            }
            if rule_known || remaining <= POLL {
                let rule = r.stored_rule.unwrap_or(known.rule);
                return Err(too_long(r.wait, rule));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// An attempt got no answer: if it was the probe, another call may probe.
    pub(crate) fn no_answer(&self) {
        if !self.known().from_server {
            self.probing.store(false, Ordering::Relaxed);
        }
    }

    /// Takes the rule a server (or the store) announced (a limit of 0: none).
    fn adopt(&self, rule: Rule) -> bool {
        let mut k = self.known.lock().unwrap_or_else(|p| p.into_inner());
        let changed = !k.from_server || k.rule != rule;
        *k = Known {
            rule,
            from_server: true,
        };
        self.unlimited.store(rule.limit == 0, Ordering::Relaxed);
        changed
    }

    /// Follows an answer's rate-limit headers (`window`: `X-RateLimit-Window`, seconds).
    pub(crate) async fn observe(&self, status: u16, rl: &RateLimit, window: Option<u64>) {
        if !self.enabled || (rl.limit == Some(0) && self.unlimited.load(Ordering::Relaxed)) {
            return;
        }
        // Boxed for the same reason as `take_slot`.
        Box::pin(self.follow(status, rl, window)).await;
    }

    async fn follow(&self, status: u16, rl: &RateLimit, window: Option<u64>) {
        let Some(limit) = rl.limit else {
            // A server that announces no limit: the documented rule is as good as it gets.
            self.known
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .from_server = true;
            return;
        };
        if limit == 0 {
            if !self.unlimited.load(Ordering::Relaxed) {
                // Kept as a rule of limit 0, so that every client of the budget stands aside too.
                let rule = Rule {
                    limit: 0,
                    ..self.known().rule
                };
                self.adopt(rule);
                let _ = MemoryStore::process().set_rule(&self.key, rule).await;
                self.spawn_store_write(StoreWrite::Rule(rule));
            }
            return;
        }
        let current = self.known();
        let rule = Rule {
            limit: u32::try_from(limit).unwrap_or(u32::MAX),
            window: window
                .filter(|w| *w > 0)
                .map(|w| Duration::from_secs(w.min(MAX_WINDOW_SECS)))
                .unwrap_or(current.rule.window),
        };
        if self.adopt(rule) {
            let _ = MemoryStore::process().set_rule(&self.key, rule).await;
            self.spawn_store_write(StoreWrite::Rule(rule));
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
            self.spawn_store_write(StoreWrite::Fill(rule, counted));
        }
    }

    /// Writes to the shared store off the call's path, so an answer already here is not held back.
    /// A failed write is dropped: the next reservation finds the store down and says so.
    fn spawn_store_write(self: &Pacer, write: StoreWrite) {
        let (Some(store), Ok(runtime)) = (
            self.store.clone().filter(|_| !self.paused()),
            tokio::runtime::Handle::try_current(),
        ) else {
            return;
        };
        let key = self.key.clone();
        runtime.spawn(async move {
            let _ = match write {
                StoreWrite::Rule(rule) => store.set_rule(&key, rule).await,
                StoreWrite::Fill(rule, counted) => store.fill(&key, rule, counted).await,
            };
        });
    }
}
