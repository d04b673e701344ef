//! The token manager: client-credentials tokens cached, refreshed before they expire, fetched by one
//! request at a time however many calls wait, and replaced once when the API answers 401.
//!
//! A token is refreshed `refresh_margin` (60 s by default) before it expires, or halfway through its
//! life when that life is shorter than two margins: a 30-second token is reused for 15 seconds, not
//! fetched again on every call. Waiting for another call's token request, and the token request
//! itself, are bounded by the waiting call's deadline.

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, InvalidHeaderValue};
use tokio::sync::Mutex;

use crate::error::{Error, ErrorKind};
use crate::models::{Model, TokenResponse};
use crate::redact::Secret;

use super::config::Credentials;
use super::pacing::Pacer;
use super::retry::Backoff;
use super::shared_token::{LOCK_POLL, LOCK_TTL, Sealer};
use super::store::SharedStore;

/// A bearer token and its `Authorization` header value (marked sensitive).
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub(crate) secret: Secret,
    pub(crate) header: HeaderValue,
}

/// The `Authorization` value of a token; fails when the token cannot be sent in a header.
pub(crate) fn bearer(token: &Secret) -> Result<HeaderValue, InvalidHeaderValue> {
    let mut v = HeaderValue::from_str(&format!("Bearer {}", token.expose()))?;
    v.set_sensitive(true);
    Ok(v)
}

/// When a token that lives `ttl` should be replaced, counted from when it arrived.
pub(crate) fn refresh_after(ttl: Duration, margin: Duration) -> Duration {
    ttl.saturating_sub(margin).max(ttl / 2)
}

#[derive(Clone, Debug)]
struct Cached {
    token: Token,
    refresh_at: Instant,
}

/// Hands out bearer tokens.
#[derive(Debug)]
pub(crate) struct TokenManager {
    credentials: Credentials,
    /// The static token's header, built once.
    fixed: Option<Token>,
    token_url: String,
    margin: Duration,
    cached: RwLock<Option<Cached>>,
    refresh: Mutex<()>,
    requests: AtomicU64,
    /// Seals the token a fleet shares (client credentials with a shared store).
    sealer: Option<Sealer>,
    /// The token last refused with a 401, which a fleet's store may still hold.
    stale: RwLock<Option<Secret>>,
}

fn deadline_error(what: &str) -> Error {
    Error::new(
        ErrorKind::Timeout,
        format!("the call's deadline ran out {what}"),
    )
}

impl TokenManager {
    pub(crate) fn new(
        credentials: Credentials,
        token_url: String,
        margin: Duration,
        fleet_key: Option<&str>,
    ) -> TokenManager {
        let fixed = match &credentials {
            Credentials::AccessToken(t) => bearer(t).ok().map(|header| Token {
                secret: t.clone(),
                header,
            }),
            _ => None,
        };
        let sealer = match (&credentials, fleet_key) {
            (Credentials::ClientCredentials { client_secret, .. }, Some(key)) => {
                Some(Sealer::new(client_secret, key))
            }
            _ => None,
        };
        TokenManager {
            credentials,
            fixed,
            token_url,
            margin,
            cached: RwLock::new(None),
            refresh: Mutex::new(()),
            requests: AtomicU64::new(0),
            sealer,
            stale: RwLock::new(None),
        }
    }

    /// How many token requests this manager has made.
    pub(crate) fn token_requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Whether a 401 can be answered by fetching a new token.
    pub(crate) fn can_refresh(&self) -> bool {
        matches!(self.credentials, Credentials::ClientCredentials { .. })
    }

    fn fresh(&self) -> Option<Token> {
        let guard = self.cached.read().unwrap_or_else(|p| p.into_inner());
        guard
            .as_ref()
            .filter(|c| c.refresh_at > Instant::now())
            .map(|c| c.token.clone())
    }

    /// A valid token, fetching one if needed (one fetch at a time, and one for the fleet when
    /// `pacer` has a shared store), within `deadline`.
    pub(crate) async fn token(
        &self,
        http: &reqwest::Client,
        deadline: Instant,
        backoff: &Backoff,
        user_agent: &HeaderValue,
        pacer: &Pacer,
    ) -> Result<Token, Error> {
        let (client_id, client_secret) = match &self.credentials {
            Credentials::AccessToken(_) => {
                return self.fixed.clone().ok_or_else(|| {
                    Error::new(
                        ErrorKind::Configuration,
                        "the access token cannot be sent in an HTTP header",
                    )
                });
            }
            Credentials::None => {
                return Err(Error::new(
                    ErrorKind::Configuration,
                    "no credentials: give an access token or client_id and client_secret \
                     (A55_ACCESS_TOKEN, or A55_CLIENT_ID and A55_CLIENT_SECRET)",
                ));
            }
            Credentials::ClientCredentials {
                client_id,
                client_secret,
            } => (client_id, client_secret),
        };
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        // Boxed: a fetch (its request, the fleet's lock) is large, and every call's future would
        // otherwise carry its size although nearly every call finds the token fresh.
        Box::pin(self.refresh(
            http,
            (client_id, client_secret),
            deadline,
            backoff,
            user_agent,
            pacer,
        ))
        .await
    }

    /// [`TokenManager::token`] when the cached token is missing or due: one fetch at a time.
    async fn refresh(
        &self,
        http: &reqwest::Client,
        (client_id, client_secret): (&String, &Secret),
        deadline: Instant,
        backoff: &Backoff,
        user_agent: &HeaderValue,
        pacer: &Pacer,
    ) -> Result<Token, Error> {
        let until = tokio::time::Instant::from_std(deadline);
        let _single_flight = tokio::time::timeout_at(until, self.refresh.lock())
            .await
            .map_err(|_| deadline_error("while another call was fetching an access token"))?;
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let fetch = self.fetch(
            http,
            client_id,
            client_secret,
            deadline,
            backoff,
            user_agent,
        );
        let store = pacer.shared_store().filter(|s| s.shares_tokens());
        let fetched = match (&self.sealer, store) {
            (Some(sealer), Some(store)) => {
                tokio::time::timeout_at(until, self.fleet_token(store, sealer, pacer, fetch)).await
            }
            _ => tokio::time::timeout_at(until, fetch).await,
        }
        .map_err(|_| deadline_error("while fetching an access token"))??;
        let token = fetched.token.clone();
        *self.cached.write().unwrap_or_else(|p| p.into_inner()) = Some(fetched);
        Ok(token)
    }

    /// The fleet's token from the store, or fetched by this process under the store's lock and
    /// kept there until it should be replaced. A store that fails is left for this call.
    async fn fleet_token(
        &self,
        store: &dyn SharedStore,
        sealer: &Sealer,
        pacer: &Pacer,
        fetch: impl std::future::Future<Output = Result<Cached, Error>>,
    ) -> Result<Cached, Error> {
        let key = pacer.key();
        let lock_id = uuid::Uuid::new_v4().simple().to_string();
        let mut locked = false;
        loop {
            let kept = match store.token(key).await {
                Ok(kept) => kept,
                Err(e) => {
                    pacer.store_failed(&e);
                    return fetch.await;
                }
            };
            let stale = self.stale.read().unwrap_or_else(|p| p.into_inner()).clone();
            // The store's own count of the time left (not this host's clock) sets the refresh.
            if let Some((kept, left)) = kept
                && let Some(secret) = sealer.open(&kept)
                && stale.as_ref() != Some(&secret)
                && let Ok(header) = bearer(&secret)
            {
                if locked {
                    let _ = store.unlock(key, &lock_id).await;
                }
                return Ok(Cached {
                    token: Token { secret, header },
                    refresh_at: Instant::now() + left,
                });
            }
            if locked {
                break;
            }
            match store.lock(key, &lock_id, LOCK_TTL).await {
                Err(e) => {
                    pacer.store_failed(&e);
                    return fetch.await;
                }
                // The previous holder may have stored its token between the read above and the
                // lock: read once more before fetching.
                Ok(true) => locked = true,
                Ok(false) => tokio::time::sleep(LOCK_POLL).await,
            }
        }
        // Released however this ends: stored with the token, or let go if the call is dropped
        // (its deadline) or the fetch fails, so that the fleet does not wait for the lock to lapse.
        let mut held = HeldLock {
            store: pacer.shared_store_arc(),
            key: key.to_string(),
            lock_id: lock_id.clone(),
        };
        let fetched = fetch.await;
        if let Ok(c) = &fetched {
            let left = c.refresh_at.saturating_duration_since(Instant::now());
            if let Some(sealed) = sealer.seal(&c.token.secret) {
                match store.put_token(key, sealed, left, &lock_id).await {
                    Ok(()) => held.store = None,
                    Err(e) => pacer.store_failed(&e),
                }
            }
        }
        drop(held);
        fetched
    }

    /// Forgets `stale` (after a 401), unless another call already replaced it.
    pub(crate) fn invalidate(&self, stale: &Secret) {
        if self.sealer.is_some() {
            *self.stale.write().unwrap_or_else(|p| p.into_inner()) = Some(stale.clone());
        }
        let mut guard = self.cached.write().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_some_and(|c| &c.token.secret == stale) {
            *guard = None;
        }
    }

    /// Reads a 2xx token answer.
    fn read_token(&self, body: &[u8]) -> Result<Cached, Error> {
        let value: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
        let parsed = TokenResponse::from_json(value)
            .map_err(|_| Error::new(ErrorKind::Decode, "the token response is not JSON"))?;
        if parsed.access_token.is_empty() {
            return Err(Error::new(
                ErrorKind::Decode,
                "the token response has no access_token",
            ));
        }
        let header = bearer(&parsed.access_token).map_err(|_| {
            Error::new(
                ErrorKind::Decode,
                "the token endpoint returned an access token that cannot be sent in an HTTP header",
            )
        })?;
        let ttl = Duration::from_secs(u64::from(parsed.expires_in.unwrap_or(3600)));
        Ok(Cached {
            token: Token {
                secret: parsed.access_token,
                header,
            },
            refresh_at: Instant::now() + refresh_after(ttl, self.margin),
        })
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        client_id: &str,
        client_secret: &Secret,
        deadline: Instant,
        backoff: &Backoff,
        user_agent: &HeaderValue,
    ) -> Result<Cached, Error> {
        let mut attempt = 0;
        let mut last: Option<reqwest::Error> = None;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(deadline_error("while fetching an access token"));
            }
            self.requests.fetch_add(1, Ordering::Relaxed);
            let sent = http
                .post(&self.token_url)
                .timeout(remaining)
                .header(reqwest::header::USER_AGENT, user_agent.clone())
                .form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", client_id),
                    ("client_secret", client_secret.expose()),
                ])
                .send()
                .await;
            let retryable = match sent {
                Ok(res) => {
                    let status = res.status().as_u16();
                    let body = res.bytes().await.unwrap_or_default();
                    if (200..300).contains(&status) {
                        return self.read_token(&body);
                    }
                    if status == 429 || status >= 500 {
                        true
                    } else {
                        let reason: serde_json::Value =
                            serde_json::from_slice(&body).unwrap_or_default();
                        let code = reason["error"]
                            .as_str()
                            .filter(|c| c.len() <= 64 && c.bytes().all(|b| b.is_ascii_graphic()))
                            .unwrap_or("token request refused");
                        let mut e = Error::new(
                            ErrorKind::Authentication,
                            format!("the token endpoint refused the client credentials ({code})"),
                        );
                        e.status = Some(status);
                        e.codes = vec![code.to_string()];
                        return Err(e);
                    }
                }
                Err(e) => {
                    last = Some(e);
                    true
                }
            };
            if retryable && attempt < backoff.max_retries {
                let pause = backoff.delay(attempt);
                if Instant::now() + pause < deadline {
                    tokio::time::sleep(pause).await;
                    attempt += 1;
                    continue;
                }
            }
            let timed_out = last.as_ref().is_some_and(reqwest::Error::is_timeout);
            let mut e = if timed_out || Instant::now() >= deadline {
                deadline_error("while fetching an access token")
            } else {
                Error::new(
                    ErrorKind::Connection,
                    "could not get an access token from the token endpoint",
                )
            };
            e.source = last.map(|l| std::sync::Arc::new(l) as crate::error::Cause);
            return Err(e);
        }
    }
}

/// The fleet's fetch lock while this process holds it; dropping it releases the lock, off the
/// call's path.
struct HeldLock {
    store: Option<std::sync::Arc<dyn SharedStore>>,
    key: String,
    lock_id: String,
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        let (Some(store), Ok(runtime)) = (self.store.take(), tokio::runtime::Handle::try_current())
        else {
            return;
        };
        let (key, lock_id) = (
            std::mem::take(&mut self.key),
            std::mem::take(&mut self.lock_id),
        );
        runtime.spawn(async move {
            let _ = store.unlock(&key, &lock_id).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tokens_are_reused_for_half_their_life() {
        let m = Duration::from_secs(60);
        assert_eq!(
            refresh_after(Duration::from_secs(3600), m),
            Duration::from_secs(3540)
        );
        assert_eq!(
            refresh_after(Duration::from_secs(30), m),
            Duration::from_secs(15)
        );
        assert_eq!(
            refresh_after(Duration::from_secs(100), m),
            Duration::from_secs(50)
        );
        assert_eq!(refresh_after(Duration::ZERO, m), Duration::ZERO);
    }

    #[test]
    fn bearer_refuses_what_a_header_cannot_carry() {
        assert!(bearer(&Secret::new("abc\n")).is_err());
        assert!(bearer(&Secret::new("abc")).unwrap().is_sensitive());
    }
}
