//! Where a client keeps what it shares: the rate budget of its `client_id` and, in a fleet, the
//! access token. [`MemoryStore`] (the default) shares them between the clients of one process;
//! [`RedisStore`](super::redis_store::RedisStore) between every process that names the same Redis
//! (`shared_store = "redis://…"`).
//!
//! The budget is a log of send slots. [`SharedStore::reserve`] gives a call the earliest slot that
//! keeps every window of the rule under its limit, counting every slot already given (first come,
//! first served), and records it in the same step; a slot further away than the call can wait is
//! not taken. Slots are milliseconds on the store's clock (Redis's `TIME` for a fleet, so processes
//! on different hosts agree).

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind};

/// A future a store returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// A store that could not be used (Redis down, a timeout). Calls go on without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// The rate rule of a budget: `limit` sends in any `window`; a limit of 0 is a server that sets
/// none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Sends allowed in a window.
    pub limit: u32,
    /// The rolling window.
    pub window: Duration,
}

impl Rule {
    /// A55's documented rule: 100 requests per rolling minute per `client_id`.
    pub const A55: Rule = Rule {
        limit: 100,
        window: Duration::from_secs(60),
    };

    /// The room left between a slot leaving the window and the next one given: requests take
    /// different times to reach the server, and the server counts arrivals.
    pub fn margin(self) -> Duration {
        Duration::from_millis(150) + self.window / 200
    }
}

/// What [`SharedStore::reserve`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    /// The rule to apply when the store knows none.
    pub rule: Rule,
    /// Whether the rule came from the server; a store keeps no future slot for a guessed rule.
    pub rule_known: bool,
    /// With a guessed rule (and none in the store), take a slot free now: the call that probes
    /// the server's rule. Otherwise a guessed rule takes nothing.
    pub probe: bool,
    /// The longest wait the call accepts.
    pub max_wait: Duration,
}

/// What [`SharedStore::reserve`] answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reservation {
    /// Whether the slot was taken (false: it was further than `max_wait`, or the rule is a guess
    /// and the slot is not now).
    pub taken: bool,
    /// How long until the slot.
    pub wait: Duration,
    /// Slots of the window already past when asked (sends made or under way).
    pub in_log: u32,
    /// The rule the store holds, if any process has learnt it from the server.
    pub stored_rule: Option<Rule>,
}

/// A token as a fleet shares it: sealed by the caller, opaque to the store.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedToken(pub Vec<u8>);

impl fmt::Debug for SealedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SealedToken({} bytes)", self.0.len())
    }
}

/// What a fleet shares. Keys are derived names ([`super::pacing::store_key`]), never a `client_id`.
pub trait SharedStore: Send + Sync + fmt::Debug {
    /// Reserves the next send slot of the budget `key` (see the module's doc).
    fn reserve<'a>(&'a self, key: &'a str, ask: Ask) -> StoreFuture<'a, Reservation>;
    /// Records that the server counts `count` sends in the window now: adds slots now until the log
    /// holds that many (the server saw sends this store did not give, from elsewhere).
    fn fill<'a>(&'a self, key: &'a str, rule: Rule, count: u32) -> StoreFuture<'a, ()>;
    /// Keeps the rule the server announced, for every process of the fleet.
    fn set_rule<'a>(&'a self, key: &'a str, rule: Rule) -> StoreFuture<'a, ()>;
    /// Whether this store shares tokens (a process-local store does not).
    fn shares_tokens(&self) -> bool {
        false
    }
    /// The shared token, if one is kept, and how long until the fleet replaces it (the store's
    /// clock, so hosts with skewed clocks agree).
    fn token<'a>(&'a self, _key: &'a str) -> StoreFuture<'a, Option<(SealedToken, Duration)>> {
        Box::pin(async { Ok(None) })
    }
    /// Keeps a token for `ttl` and releases the lock `lock_id` held on it.
    fn put_token<'a>(
        &'a self,
        _key: &'a str,
        _token: SealedToken,
        _ttl: Duration,
        _lock_id: &'a str,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async { Ok(()) })
    }
    /// Takes the fetch lock of `key` for `ttl` under `lock_id`; false when another holds it.
    fn lock<'a>(
        &'a self,
        _key: &'a str,
        _lock_id: &'a str,
        _ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async { Ok(true) })
    }
    /// Releases the lock if `lock_id` still holds it.
    fn unlock<'a>(&'a self, _key: &'a str, _lock_id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async { Ok(()) })
    }
}

/// The reservation rule on a sorted log of slots (milliseconds), shared by [`MemoryStore`] and the
/// Lua script of the Redis store (which follows it line by line).
pub fn reserve_in(log: &mut VecDeque<i64>, now: i64, rule: Rule, ask: Ask) -> Reservation {
    let window = ms(rule.window);
    let margin = ms(rule.margin());
    while log.front().is_some_and(|&s| s + window + margin <= now) {
        log.pop_front();
    }
    if rule.limit == 0 {
        return Reservation {
            taken: true,
            wait: Duration::ZERO,
            in_log: 0,
            stored_rule: None,
        };
    }
    let n = log.len();
    let past = log.partition_point(|&s| s <= now);
    let limit = rule.limit.max(1) as usize;
    let mut slot = now.max(log.back().copied().unwrap_or(now));
    if n >= limit {
        slot = slot.max(log[n - limit] + window + margin);
    }
    let wait = slot - now;
    let taken = wait <= ms(ask.max_wait) && (ask.rule_known || (ask.probe && wait == 0));
    if taken {
        log.push_back(slot);
    }
    Reservation {
        taken,
        wait: Duration::from_millis(wait.max(0) as u64),
        in_log: past.min(u32::MAX as usize) as u32,
        stored_rule: None,
    }
}

/// The log after the server counted `count` sends in the window: slots added now, in order.
pub fn fill_in(log: &mut VecDeque<i64>, now: i64, rule: Rule, count: u32) {
    // The slots the budget still counts (the pruning's bound), up to now: a range of the sorted log.
    let kept = ms(rule.window) + ms(rule.margin());
    let in_window = log.partition_point(|&s| s <= now) - log.partition_point(|&s| s <= now - kept);
    let missing = (count as usize).saturating_sub(in_window);
    if missing == 0 {
        return;
    }
    // Slots are kept sorted: the added ones go before any future slot.
    let at = log.partition_point(|&s| s <= now);
    for _ in 0..missing {
        log.insert(at, now);
    }
}

pub(crate) fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX / 4)
}

/// The process's budgets: the default store. Every client of the process with the same `client_id`
/// and API host draws from the same budget.
#[derive(Debug, Default)]
pub struct MemoryStore {
    budgets: Mutex<HashMap<String, Budget>>,
}

#[derive(Debug, Default)]
struct Budget {
    log: VecDeque<i64>,
    rule: Option<Rule>,
}

impl MemoryStore {
    /// The process's store.
    pub fn process() -> &'static MemoryStore {
        static STORE: OnceLock<MemoryStore> = OnceLock::new();
        STORE.get_or_init(MemoryStore::default)
    }

    fn now() -> i64 {
        static START: OnceLock<Instant> = OnceLock::new();
        ms(START.get_or_init(Instant::now).elapsed())
    }

    fn with<T>(&self, key: &str, f: impl FnOnce(&mut Budget) -> T) -> T {
        let mut budgets = self.budgets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(b) = budgets.get_mut(key) {
            return f(b);
        }
        f(budgets.entry(key.to_string()).or_default())
    }
}

impl SharedStore for MemoryStore {
    fn reserve<'a>(&'a self, key: &'a str, ask: Ask) -> StoreFuture<'a, Reservation> {
        let r = self.with(key, |b| {
            let rule = b.rule.unwrap_or(ask.rule);
            // The rule the store holds was learnt from the server.
            let known = ask.rule_known || b.rule.is_some();
            let mut r = reserve_in(
                &mut b.log,
                Self::now(),
                rule,
                Ask {
                    rule_known: known,
                    ..ask
                },
            );
            r.stored_rule = b.rule;
            r
        });
        Box::pin(async move { Ok(r) })
    }

    fn fill<'a>(&'a self, key: &'a str, rule: Rule, count: u32) -> StoreFuture<'a, ()> {
        self.with(key, |b| fill_in(&mut b.log, Self::now(), rule, count));
        Box::pin(async { Ok(()) })
    }

    fn set_rule<'a>(&'a self, key: &'a str, rule: Rule) -> StoreFuture<'a, ()> {
        self.with(key, |b| b.rule = Some(rule));
        Box::pin(async { Ok(()) })
    }
}

/// The store a configuration names: the option, else `A55_SHARED_STORE`; `""` names none.
pub(crate) fn store_for(
    config: &super::ClientConfig,
) -> Result<Option<std::sync::Arc<dyn SharedStore>>, Error> {
    let named = match &config.shared_store {
        Some(url) => Some(url.expose().to_string()),
        None => std::env::var("A55_SHARED_STORE").ok(),
    };
    let Some(url) = named.filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    open_store(url.trim())
}

#[cfg(feature = "shared-store")]
fn open_store(url: &str) -> Result<Option<std::sync::Arc<dyn SharedStore>>, Error> {
    if !(url.starts_with("redis://")
        || url.starts_with("redis+unix://")
        || url.starts_with("unix://"))
    {
        return Err(Error::new(
            ErrorKind::Configuration,
            "shared_store must be a redis:// (or unix://) URL",
        ));
    }
    let store = super::redis_store::RedisStore::open(url).map_err(|_| {
        Error::new(
            ErrorKind::Configuration,
            "shared_store is not a valid Redis URL",
        )
    })?;
    Ok(Some(std::sync::Arc::new(store)))
}

#[cfg(not(feature = "shared-store"))]
fn open_store(_url: &str) -> Result<Option<std::sync::Arc<dyn SharedStore>>, Error> {
    Err(Error::new(
        ErrorKind::Configuration,
        "shared_store needs a55-core's `shared-store` feature",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: Rule = Rule {
        limit: 3,
        window: Duration::from_secs(10),
    };

    fn ask(max_wait_ms: u64, known: bool) -> Ask {
        Ask {
            rule: RULE,
            rule_known: known,
            probe: false,
            max_wait: Duration::from_millis(max_wait_ms),
        }
    }

    #[test]
    fn slots_keep_every_window_under_the_limit() {
        let mut log = VecDeque::new();
        let m = ms(RULE.margin());
        for _ in 0..3 {
            let r = reserve_in(&mut log, 1_000, RULE, ask(0, true));
            assert!(r.taken && r.wait.is_zero());
        }
        // The fourth waits for the first to leave the window; with too short a wait it is not taken.
        let r = reserve_in(&mut log, 1_000, RULE, ask(5_000, true));
        assert!(!r.taken);
        assert_eq!(r.wait, Duration::from_millis((10_000 + m) as u64));
        assert_eq!(log.len(), 3);
        let r = reserve_in(&mut log, 1_000, RULE, ask(60_000, true));
        assert!(r.taken);
        // A guessed rule gives no future slot, and a slot free now only to the probe.
        let r = reserve_in(&mut log, 1_000, RULE, ask(60_000, false));
        assert!(!r.taken && r.wait > Duration::ZERO);
        let mut fresh = VecDeque::new();
        assert!(!reserve_in(&mut fresh, 0, RULE, ask(60_000, false)).taken);
        let probe = Ask {
            probe: true,
            ..ask(60_000, false)
        };
        assert!(reserve_in(&mut fresh, 0, RULE, probe).taken);
        // Later calls queue behind the future slot, first come first served.
        let r = reserve_in(&mut log, 2_000, RULE, ask(60_000, true));
        assert!(r.taken);
        assert_eq!(r.wait, Duration::from_millis((10_000 + m - 1_000) as u64));
        // Any 10-s window holds at most 3 slots.
        let slots: Vec<i64> = log.iter().copied().collect();
        for &s in &slots {
            assert!(slots.iter().filter(|&&t| t > s - 10_000 && t <= s).count() <= 3);
        }
        // Old slots leave.
        let r = reserve_in(&mut log, 100_000, RULE, ask(0, true));
        assert!(r.taken && r.wait.is_zero() && r.in_log == 0);
    }

    #[test]
    fn fill_adds_what_the_server_counted() {
        let mut log = VecDeque::from([500, 20_000]);
        fill_in(&mut log, 1_000, RULE, 3);
        assert_eq!(log, [500, 1_000, 1_000, 20_000]);
        fill_in(&mut log, 1_000, RULE, 2);
        assert_eq!(log.len(), 4);
    }
}
