//! The token manager: client-credentials tokens cached, refreshed a margin before expiry, fetched by
//! one request at a time however many calls wait, and replaced once when the API answers 401.

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use crate::error::{Error, ErrorKind};
use crate::models::{Model, TokenResponse};
use crate::redact::Secret;

use super::config::Credentials;
use super::retry::Backoff;

#[derive(Clone, Debug)]
struct Cached {
    token: Secret,
    expires_at: Instant,
}

/// Hands out bearer tokens.
#[derive(Debug)]
pub(crate) struct TokenManager {
    credentials: Credentials,
    token_url: String,
    margin: Duration,
    cached: RwLock<Option<Cached>>,
    refresh: Mutex<()>,
    requests: AtomicU64,
}

impl TokenManager {
    pub(crate) fn new(
        credentials: Credentials,
        token_url: String,
        margin: Duration,
    ) -> TokenManager {
        TokenManager {
            credentials,
            token_url,
            margin,
            cached: RwLock::new(None),
            refresh: Mutex::new(()),
            requests: AtomicU64::new(0),
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

    fn fresh(&self) -> Option<Secret> {
        let guard = self.cached.read().unwrap_or_else(|p| p.into_inner());
        guard
            .as_ref()
            .filter(|c| c.expires_at > Instant::now() + self.margin)
            .map(|c| c.token.clone())
    }

    /// A valid token, fetching one if needed (one fetch at a time).
    pub(crate) async fn token(
        &self,
        http: &reqwest::Client,
        deadline: Instant,
        backoff: &Backoff,
        user_agent: &reqwest::header::HeaderValue,
    ) -> Result<Secret, Error> {
        let (client_id, client_secret) = match &self.credentials {
            Credentials::AccessToken(t) => return Ok(t.clone()),
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
        let _single_flight = self.refresh.lock().await;
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let fetched = self
            .fetch(
                http,
                client_id,
                client_secret,
                deadline,
                backoff,
                user_agent,
            )
            .await?;
        let token = fetched.token.clone();
        *self.cached.write().unwrap_or_else(|p| p.into_inner()) = Some(fetched);
        Ok(token)
    }

    /// Forgets `stale` (after a 401), unless another call already replaced it.
    pub(crate) fn invalidate(&self, stale: &Secret) {
        let mut guard = self.cached.write().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_some_and(|c| &c.token == stale) {
            *guard = None;
        }
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        client_id: &str,
        client_secret: &Secret,
        deadline: Instant,
        backoff: &Backoff,
        user_agent: &reqwest::header::HeaderValue,
    ) -> Result<Cached, Error> {
        let mut attempt = 0;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    "the deadline ran out while fetching an access token",
                ));
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
                        let value: serde_json::Value =
                            serde_json::from_slice(&body).unwrap_or_default();
                        let parsed = TokenResponse::from_json(value).map_err(|_| {
                            Error::new(ErrorKind::Decode, "the token response is not JSON")
                        })?;
                        if parsed.access_token.is_empty() {
                            return Err(Error::new(
                                ErrorKind::Decode,
                                "the token response has no access_token",
                            ));
                        }
                        let ttl = u64::from(parsed.expires_in.unwrap_or(3600));
                        return Ok(Cached {
                            token: parsed.access_token,
                            expires_at: Instant::now() + Duration::from_secs(ttl),
                        });
                    }
                    if status == 429 || status >= 500 {
                        true
                    } else {
                        let reason: serde_json::Value =
                            serde_json::from_slice(&body).unwrap_or_default();
                        let code = reason["error"].as_str().unwrap_or("token request refused");
                        let mut e = Error::new(
                            ErrorKind::Authentication,
                            format!("the token endpoint refused the client credentials ({code})"),
                        );
                        e.status = Some(status);
                        e.codes = vec![code.to_string()];
                        return Err(e);
                    }
                }
                Err(_) => true,
            };
            if retryable && attempt < backoff.max_retries {
                let pause = backoff.delay(attempt);
                if Instant::now() + pause < deadline {
                    tokio::time::sleep(pause).await;
                    attempt += 1;
                    continue;
                }
            }
            return Err(Error::new(
                ErrorKind::Connection,
                "could not get an access token from the token endpoint",
            ));
        }
    }
}
