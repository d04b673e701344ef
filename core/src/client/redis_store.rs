//! The fleet's store in Redis: one budget and one token for every process that names it.
//!
//! Each call costs one round trip: a Lua script that prunes the log, finds the slot (the rule of
//! [`reserve_in`](super::store::reserve_in), on Redis's own clock) and records it, atomically.
//! Keys are derived names (`a55:{…}:log`, `:rule`, `:token`, `:lock`); the token is sealed by the
//! caller. The connection is made on first use and re-made after a failure; every command has a
//! short timeout, so a store that hangs costs a call at most that long.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncCommands, Script};
use tokio::sync::OnceCell;

use super::store::{Ask, Reservation, Rule, SealedToken, SharedStore, StoreError, StoreFuture, ms};

/// How long a store command may take (Redis on a network answers in a millisecond or two; this
/// only bounds a store that hangs).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(1);
/// How long the first connection (with its first command) may take: a busy host can be slow to
/// accept it, and a fleet whose processes give up on it too soon fetch tokens of their own.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

const RESERVE: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local known = ARGV[3] == '1'
local stored = redis.call('HMGET', KEYS[2], 'limit', 'window')
local slimit, swindow = tonumber(stored[1]), tonumber(stored[2])
if slimit and swindow then
  limit, window, known = slimit, swindow, true
end
if limit == 0 then return {1, 0, 0, slimit or -1, swindow or -1} end
local margin = 150 + math.floor(window / 200)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window - margin)
local n = redis.call('ZCARD', KEYS[1])
local past = redis.call('ZCOUNT', KEYS[1], '-inf', now)
local slot = now
if n > 0 then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  slot = math.max(slot, tonumber(last[2]))
end
if n >= limit then
  local e = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  slot = math.max(slot, tonumber(e[2]) + window + margin)
end
local wait = slot - now
local taken = 0
if wait <= tonumber(ARGV[4]) and (known or (ARGV[6] == '1' and wait == 0)) then
  redis.call('ZADD', KEYS[1], slot, slot .. ':' .. ARGV[5])
  redis.call('PEXPIRE', KEYS[1], wait + 2 * (window + margin))
  taken = 1
end
return {taken, wait, past, slimit or -1, swindow or -1}
"#;

const FILL: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window, count = tonumber(ARGV[1]), tonumber(ARGV[2])
local margin = 150 + math.floor(window / 200)
local seen = redis.call('ZCOUNT', KEYS[1], '(' .. (now - window - margin), now)
for i = 1, count - seen do
  redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3] .. ':' .. i)
end
local keep = 2 * (window + margin)
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return count - seen
"#;

// Stored only by the lock's holder, or where no token is kept (a holder whose lock lapsed must
// not replace a newer token).
const PUT_TOKEN: &str = r#"
local mine = redis.call('GET', KEYS[2]) == ARGV[3]
if mine or redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
if mine then redis.call('DEL', KEYS[2]) end
return 1
"#;

const UNLOCK: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"#;

/// A Redis store (`redis://host:port/db`, `rediss://` for TLS is not built in).
pub struct RedisStore {
    client: redis::Client,
    /// Where the URL points, without its password, for messages.
    shown: String,
    conn: OnceCell<ConnectionManager>,
    reserve: Script,
    fill: Script,
    put_token: Script,
    unlock: Script,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RedisStore({})", self.shown)
    }
}

fn store_error(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError(format!("redis {what}: {e}"))
}

impl RedisStore {
    /// A store for `url`; nothing is connected until the first call.
    pub fn open(url: &str) -> Result<RedisStore, StoreError> {
        let client = redis::Client::open(url).map_err(|e| store_error("URL", e))?;
        let info = client.get_connection_info();
        let shown = format!("{:?}", info.addr());
        Ok(RedisStore {
            client,
            shown,
            conn: OnceCell::new(),
            reserve: Script::new(RESERVE),
            fill: Script::new(FILL),
            put_token: Script::new(PUT_TOKEN),
            unlock: Script::new(UNLOCK),
        })
    }

    async fn conn(&self) -> Result<ConnectionManager, StoreError> {
        let conn = self
            .conn
            .get_or_try_init(|| async {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(CONNECT_TIMEOUT))
                    .set_response_timeout(Some(COMMAND_TIMEOUT))
                    .set_number_of_retries(1)
                    .set_max_delay(Duration::from_millis(500));
                ConnectionManager::new_with_config(self.client.clone(), config)
                    .await
                    .map_err(|e| store_error("connect", e))
            })
            .await?;
        Ok(conn.clone())
    }

    /// Connects if needed and runs one command, all within [`COMMAND_TIMEOUT`] (or
    /// [`CONNECT_TIMEOUT`] while there is no connection yet).
    async fn run<T, F, Fut>(&self, what: &str, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: std::future::Future<Output = redis::RedisResult<T>>,
    {
        let limit = if self.conn.initialized() {
            COMMAND_TIMEOUT
        } else {
            CONNECT_TIMEOUT
        };
        tokio::time::timeout(limit, async {
            let conn = self.conn().await?;
            f(conn).await.map_err(|e| store_error(what, e))
        })
        .await
        .map_err(|_| store_error(what, "timed out"))?
    }
}

fn nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl SharedStore for RedisStore {
    fn reserve<'a>(&'a self, key: &'a str, ask: Ask) -> StoreFuture<'a, Reservation> {
        Box::pin(async move {
            let mut inv = self.reserve.key(format!("{key}:log"));
            inv.key(format!("{key}:rule"))
                .arg(ask.rule.limit)
                .arg(ms(ask.rule.window))
                .arg(if ask.rule_known { "1" } else { "0" })
                .arg(ms(ask.max_wait))
                .arg(nonce())
                .arg(if ask.probe { "1" } else { "0" });
            let (taken, wait, past, limit, window): (i64, i64, i64, i64, i64) = self
                .run(
                    "reserve",
                    |mut c| async move { inv.invoke_async(&mut c).await },
                )
                .await?;
            let stored_rule = (limit >= 0 && window > 0).then(|| Rule {
                limit: u32::try_from(limit).unwrap_or(u32::MAX),
                window: Duration::from_millis(window as u64),
            });
            Ok(Reservation {
                taken: taken == 1,
                wait: Duration::from_millis(wait.max(0) as u64),
                in_log: u32::try_from(past).unwrap_or(u32::MAX),
                stored_rule,
            })
        })
    }

    fn fill<'a>(&'a self, key: &'a str, rule: Rule, count: u32) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut inv = self.fill.key(format!("{key}:log"));
            inv.arg(ms(rule.window)).arg(count).arg(nonce());
            let _: i64 = self
                .run(
                    "fill",
                    |mut c| async move { inv.invoke_async(&mut c).await },
                )
                .await?;
            Ok(())
        })
    }

    fn set_rule<'a>(&'a self, key: &'a str, rule: Rule) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let rule_key = format!("{key}:rule");
            let mut pipe = redis::pipe();
            pipe.atomic()
                .hset_multiple(
                    &rule_key,
                    &[
                        ("limit", i64::from(rule.limit)),
                        ("window", ms(rule.window)),
                    ],
                )
                .ignore()
                .pexpire(&rule_key, 86_400_000)
                .ignore();
            let _: () = self
                .run(
                    "set_rule",
                    |mut c| async move { pipe.query_async(&mut c).await },
                )
                .await?;
            Ok(())
        })
    }

    fn shares_tokens(&self) -> bool {
        true
    }

    fn token<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<(SealedToken, Duration)>> {
        Box::pin(async move {
            let token_key = format!("{key}:token");
            let mut pipe = redis::pipe();
            pipe.get(&token_key).pttl(&token_key);
            let (blob, ttl): (Option<Vec<u8>>, i64) = self
                .run(
                    "token",
                    |mut c| async move { pipe.query_async(&mut c).await },
                )
                .await?;
            Ok(blob
                .filter(|_| ttl > 0)
                .map(|b| (SealedToken(b), Duration::from_millis(ttl as u64))))
        })
    }

    fn put_token<'a>(
        &'a self,
        key: &'a str,
        token: SealedToken,
        ttl: Duration,
        lock_id: &'a str,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut inv = self.put_token.key(format!("{key}:token"));
            inv.key(format!("{key}:lock"))
                .arg(token.0)
                .arg(ms(ttl).max(1))
                .arg(lock_id);
            let _: i64 = self
                .run("put_token", |mut c| async move {
                    inv.invoke_async(&mut c).await
                })
                .await?;
            Ok(())
        })
    }

    fn lock<'a>(&'a self, key: &'a str, lock_id: &'a str, ttl: Duration) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let opts = redis::SetOptions::default()
                .conditional_set(redis::ExistenceCheck::NX)
                .with_expiration(redis::SetExpiry::PX(ms(ttl).max(1) as u64));
            let lock_key = format!("{key}:lock");
            let set: Option<String> = self
                .run("lock", |mut c| async move {
                    c.set_options(lock_key, lock_id, opts).await
                })
                .await?;
            Ok(set.is_some())
        })
    }

    fn unlock<'a>(&'a self, key: &'a str, lock_id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut inv = self.unlock.key(format!("{key}:lock"));
            inv.arg(lock_id);
            let _: i64 = self
                .run(
                    "unlock",
                    |mut c| async move { inv.invoke_async(&mut c).await },
                )
                .await?;
            Ok(())
        })
    }
}
