//! The async HTTP client: auth, retries, idempotency, deadlines, typed errors.
//!
//! ```no_run
//! use a55_core::client::{Client, ClientConfig, Credentials, Environment, RequestOptions};
//! use a55_core::redact::Secret;
//! use serde_json::json;
//!
//! # async fn run() -> Result<(), a55_core::Error> {
//! let client = Client::new(ClientConfig::for_environment(
//!     Environment::Sandbox,
//!     Credentials::ClientCredentials { client_id: "id".into(), client_secret: Secret::new("secret") },
//! ))?;
//! let opts = RequestOptions { idempotency_from: Some("order-42".into()), ..Default::default() };
//! let charge = client.create_charge(json!({ /* A55's fields, as in the docs */ }), &opts).await?;
//! // A payload you keep can be lent instead: `client.create_charge(&payload, &opts)`.
//! println!("{} is {}", charge.data.charge_uuid.unwrap_or_default(), charge.data.status);
//! # Ok(()) }
//! ```
//!
//! Every POST carries an `Idempotency-Key` (a fresh UUID v4, or derived from the caller's key), the
//! same on every retry. A call fails with a *definite* error (the server answered, or the request was
//! never written) or with [`ErrorKind::UnknownOutcome`] (the request may have been processed): repeat
//! the call with the error's `idempotency_key` to get the original result.

mod answer;
mod auth;
pub mod blocking;
pub mod calls;
pub mod config;
mod errors;
pub mod facade;
pub mod pacing;
mod pending;
#[cfg(feature = "shared-store")]
pub mod redis_store;
mod resources;
mod retry;
pub mod settings;
mod shared_token;
pub mod store;
pub mod transport;

use std::borrow::Cow;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue, USER_AGENT};
use serde_json::Value;

use crate::codes::Issue;
use crate::error::{Error, ErrorKind};
use crate::idempotency;
use crate::logging::mask_body;
use crate::models::Model;
use crate::validate::{RequestKind, prepare_borrowed};

pub use config::{ClientConfig, Credentials, Environment, TlsRoots, seconds};
pub use resources::{
    ChargePager, ChargeRef, DEFAULT_MAX_WAIT, ListChargesParams, SubscriptionRef, WalletQuery,
};
pub use settings::millis;
pub use transport::TlsSource;

use answer::{AnswerHeaders, not_json};
use auth::TokenManager;
use pacing::Pacer;
use retry::{Backoff, retryable_status};
use transport::NoAnswer;

/// Per-call options. Anything left `None` takes the client's setting.
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    /// Use exactly this idempotency key.
    pub idempotency_key: Option<String>,
    /// Derive the key from your own key (UUID v5 of `"{operation}:{key}"`).
    pub idempotency_from: Option<String>,
    /// Per-attempt timeout.
    pub timeout: Option<Duration>,
    /// Deadline for the whole call.
    pub deadline: Option<Duration>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Skip local validation for this call (the server still validates).
    pub skip_validation: bool,
}

impl RequestOptions {
    /// The idempotency key a POST of `operation` on `resource` sends: the one given, or derived
    /// from `idempotency_from`, or a fresh one. Fixed before the call starts, so a cancelled call
    /// can still report it.
    pub fn idempotency_key_for(&self, operation: &str, resource: Option<&str>) -> String {
        self.idempotency_key
            .clone()
            .unwrap_or_else(|| match &self.idempotency_from {
                Some(k) => idempotency::derive_key_for(operation, resource, k),
                None => idempotency::new_key(),
            })
    }
}

/// Rate-limit headers of an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`, Unix seconds.
    pub reset: Option<i64>,
}

/// What came with a result besides its data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseMeta {
    /// HTTP status.
    pub status: u16,
    /// The server's request id.
    pub request_id: Option<String>,
    /// The idempotency key sent (POST).
    pub idempotency_key: Option<String>,
    /// Whether the server replayed an earlier answer for this key.
    pub replayed: bool,
    /// Rate-limit headers.
    pub rate_limit: RateLimit,
    /// Attempts made (1 + retries).
    pub attempts: u32,
    /// Local validation warnings (`AMOUNT_ROUNDED`, `CARD_NUMBER_CHECKSUM`, `UNKNOWN_FIELD`).
    pub warnings: Vec<Issue>,
    /// The body as received (its `Debug` masks personal and secret fields).
    pub raw: crate::models::RawJson,
}

/// A result and its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Response<T> {
    /// The decoded result.
    pub data: T,
    /// Request id, idempotency key, rate limits, raw JSON, warnings.
    pub meta: ResponseMeta,
}

/// The A55 client. Cheap to clone; share one per process.
#[derive(Clone, Debug)]
pub struct Client {
    inner: std::sync::Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: ClientConfig,
    base_url: reqwest::Url,
    http: reqwest::Client,
    tls: TlsSource,
    auth: TokenManager,
    /// The `client_id`'s rate budget.
    pacer: Pacer,
    /// `a55-sdk/{version} rust` and the configured suffix, checked once.
    user_agent: HeaderValue,
    /// Whether the timer heartbeat has been started (see [`Client::keep_timer_awake`]).
    heartbeat: std::sync::atomic::AtomicBool,
}

/// The time a paced attempt keeps before the deadline to be sent and answered: a slot later than
/// that fails the call unsent instead (or the attempt's timeout, when shorter).
const PACING_HEADROOM: Duration = Duration::from_secs(1);

/// How often the timer heartbeat ticks.
const HEARTBEAT: Duration = Duration::from_secs(1);

/// A request before it is sent.
pub(crate) struct Call<'a> {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) body: Option<Cow<'a, Value>>,
    pub(crate) auth: bool,
    pub(crate) operation: &'static str,
    /// The resource a derived idempotency key is scoped to (a charge's ids for a refund).
    pub(crate) resource: Option<String>,
    pub(crate) opts: &'a RequestOptions,
}

impl Client {
    /// A client; fails on a bad URL or when no TLS roots can be found.
    pub fn new(config: ClientConfig) -> Result<Client, Error> {
        let base_url = config.checked_base_url()?;
        let token_url = config.checked_token_url()?;
        let (http, tls) = transport::build(config.tls_roots)?;
        let mut user_agent = format!("a55-sdk/{} rust", env!("CARGO_PKG_VERSION"));
        if let Some(suffix) = &config.user_agent_suffix {
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }
        let user_agent = HeaderValue::from_str(&user_agent).map_err(|_| {
            Error::new(
                ErrorKind::Configuration,
                "user_agent_suffix must be printable ASCII (it is sent as a header)",
            )
        })?;
        if let Credentials::AccessToken(t) = &config.credentials {
            auth::bearer(t).map_err(|_| {
                Error::new(
                    ErrorKind::Configuration,
                    "the access token has characters that cannot be sent in an HTTP header \
                     (a trailing newline or space?)",
                )
            })?;
        }
        let key = pacing::store_key(&base_url, &config.credentials.budget_name());
        let store = store::store_for(&config)?;
        let fleet_key = store.as_ref().map(|_| key.as_str());
        let auth = TokenManager::new(
            config.credentials.clone(),
            token_url,
            config.refresh_margin,
            fleet_key,
        );
        let pacer = Pacer::new(config.pacing, key, store);
        Ok(Client {
            inner: std::sync::Arc::new(Inner {
                config,
                base_url: transport::base_url(&base_url)?,
                http,
                tls,
                auth,
                pacer,
                user_agent,
                heartbeat: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Where the TLS roots came from.
    pub fn tls_source(&self) -> TlsSource {
        self.inner.tls
    }

    /// How many token requests this client has made.
    pub fn token_requests(&self) -> u64 {
        self.inner.auth.token_requests()
    }

    /// Validates a payload with the client's "today"; errors stop the call. The payload is copied
    /// only when a normalization applies to it.
    pub(crate) fn validated<'p>(
        &self,
        kind: RequestKind,
        payload: &'p Value,
        opts: &RequestOptions,
    ) -> Result<(Cow<'p, Value>, Vec<Issue>), Error> {
        if !self.inner.config.validate || opts.skip_validation {
            return Ok((Cow::Borrowed(payload), Vec::new()));
        }
        let (checked, issues) = prepare_borrowed(kind, payload, self.inner.config.today);
        if issues.iter().any(Issue::is_error) {
            return Err(Error::validation(issues));
        }
        let warnings = issues.into_iter().filter(|i| !i.is_error()).collect();
        Ok((checked, warnings))
    }

    /// Every attempt carries a timeout, which is a timer in the runtime. Tokio wakes its parked
    /// timer thread whenever a new timer is due before anything already scheduled, so with no other
    /// timer pending, each call would cost the process an extra thread wake-up. The client's first
    /// call therefore starts one idle task, in that call's runtime, that ticks every second for as
    /// long as the client lives: new timeouts there (due later than its next tick) then never wake
    /// the timer thread.
    fn keep_timer_awake(&self) {
        use std::sync::atomic::Ordering;
        if !self.inner.config.timer_heartbeat
            || self.inner.heartbeat.load(Ordering::Relaxed)
            || self.inner.heartbeat.swap(true, Ordering::Relaxed)
        {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let client = std::sync::Arc::downgrade(&self.inner);
        runtime.spawn(async move {
            let mut tick = tokio::time::interval(HEARTBEAT);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if client.strong_count() == 0 {
                    break;
                }
            }
        });
    }

    fn backoff(&self, opts: &RequestOptions) -> Backoff {
        Backoff {
            base: self.inner.config.backoff_base,
            cap: self.inner.config.backoff_cap,
            max_retries: opts.max_retries.unwrap_or(self.inner.config.max_retries),
        }
    }

    /// Sends a call with retries and decodes the result in one pass over the answer's bytes.
    pub(crate) async fn send<T: Model>(
        &self,
        call: Call<'_>,
        warnings: Vec<Issue>,
    ) -> Result<Response<T>, Error> {
        let (bytes, mut meta) = Box::pin(self.execute_bytes(call)).await?;
        meta.warnings = warnings;
        // A 2xx without a body (204) is a success: its data is an empty object.
        let decoded = if bytes.iter().all(u8::is_ascii_whitespace) {
            T::from_slice(b"{}")
        } else {
            T::from_slice(&bytes)
        };
        let data = decoded.map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                not_json(&meta, &bytes)
            } else {
                let mut err = Error::new(
                    ErrorKind::Decode,
                    format!("the answer could not be read: {e}"),
                );
                err.status = Some(meta.status);
                err.request_id = meta.request_id.clone();
                err.idempotency_key = meta.idempotency_key.clone();
                err
            }
        })?;
        meta.raw = data.raw().clone();
        Ok(Response { data, meta })
    }

    /// The retry loop. Returns the body of a 2xx answer with its metadata.
    pub(crate) async fn execute_bytes(
        &self,
        call: Call<'_>,
    ) -> Result<(bytes::Bytes, ResponseMeta), Error> {
        self.keep_timer_awake();
        let inner = &*self.inner;
        let opts = call.opts;
        let started = Instant::now();
        let deadline = started
            .checked_add(opts.deadline.unwrap_or(inner.config.deadline))
            .unwrap_or(started + Duration::from_secs(86_400));
        let per_attempt = opts.timeout.unwrap_or(inner.config.timeout);
        let backoff = self.backoff(opts);
        let is_post = call.method == Method::POST;
        let key =
            is_post.then(|| opts.idempotency_key_for(call.operation, call.resource.as_deref()));
        // Every header value is checked before anything is sent: a value that cannot be written
        // must not count as an attempt that may have reached the server.
        let key_header = match &key {
            Some(k) => Some(HeaderValue::from_str(k).map_err(|_| {
                Error::validation(vec![Issue::new(
                    crate::codes::IssueCode::InvalidValue,
                    "idempotency_key",
                    "idempotency_key must be printable ASCII without control characters (it is \
                     sent as a header)",
                )])
            })?),
            None => None,
        };
        let log_path = crate::logging::RedactedPath(&call.path);
        let url = transport::call_url(&inner.base_url, &call.path);
        let body_bytes = call
            .body
            .as_ref()
            .map(|b| bytes::Bytes::from(serde_json::to_vec(&**b).unwrap_or_default()));
        if tracing::enabled!(tracing::Level::TRACE)
            && let Some(b) = &call.body
        {
            tracing::trace!(target: "a55", method = %call.method, path = %log_path, body = %mask_body(b), "request body (masked)");
        }
        let mut attempt: u32 = 0;
        // Retries spent: a 401 answered by a token refresh does not spend one.
        let mut retries: u32 = 0;
        let mut refreshed = false;
        let mut maybe_written = false;
        // What a retry answers if the rate budget has no slot for it within the deadline.
        let mut last_failure: Option<Error> = None;
        let with_key = |mut e: Error| {
            e.idempotency_key = key.clone();
            e
        };
        loop {
            let now = Instant::now();
            let remaining = deadline.saturating_duration_since(now);
            if remaining.is_zero() {
                return Err(with_key(self.deadline_error(maybe_written && is_post)));
            }
            // Every attempt, retries included, takes a slot of the rate budget first.
            if let Err(paced) = inner
                .pacer
                .acquire(deadline, per_attempt.min(PACING_HEADROOM))
                .await
            {
                return Err(with_key(match last_failure.take() {
                    None => paced,
                    Some(_) if maybe_written && is_post => self.unknown_outcome(None),
                    Some(last) => last,
                }));
            }
            let token = if call.auth {
                match inner
                    .auth
                    .token(
                        &inner.http,
                        deadline,
                        &backoff,
                        &inner.user_agent,
                        &inner.pacer,
                    )
                    .await
                {
                    Ok(t) => Some(t),
                    // An earlier attempt of this call may have reached the server: whatever kept
                    // the token from coming, the call's outcome is unknown, not failed.
                    Err(e) if maybe_written && is_post => {
                        let mut unknown = self.unknown_outcome(None);
                        unknown.message = format!("{} ({})", unknown.message, e.message);
                        unknown.source = Some(std::sync::Arc::new(e));
                        return Err(with_key(unknown));
                    }
                    Err(e) => return Err(with_key(e)),
                }
            } else {
                None
            };
            let remaining = deadline.saturating_duration_since(Instant::now());
            let mut req = inner
                .http
                .request(call.method.clone(), url.clone())
                .header(USER_AGENT, inner.user_agent.clone())
                .header(ACCEPT, HeaderValue::from_static("application/json"));
            if let Some(t) = &token {
                req = req.header(reqwest::header::AUTHORIZATION, t.header.clone());
            }
            if let Some(k) = &key_header {
                req = req.header("idempotency-key", k.clone());
            }
            if let Some(b) = &body_bytes {
                req = req
                    .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                    .body(b.clone());
            }
            let exchange = async {
                let res = req.send().await?;
                let headers = AnswerHeaders::read(res.headers());
                Ok((res.status().as_u16(), headers, res.bytes().await?))
            };
            let limit = per_attempt.min(remaining).max(Duration::from_millis(1));
            let outcome = match tokio::time::timeout(limit, exchange).await {
                Ok(answer) => answer.map_err(NoAnswer::Transport),
                Err(elapsed) => Err(NoAnswer::TimedOut(elapsed)),
            };
            attempt += 1;
            match outcome {
                Ok((status, headers, bytes)) => {
                    let AnswerHeaders {
                        request_id,
                        replayed,
                        rate_limit,
                        window,
                        retry_after,
                    } = headers;
                    inner.pacer.observe(status, &rate_limit, window).await;
                    tracing::debug!(target: "a55", method = %call.method, path = %log_path, status, attempt, request_id = request_id.as_deref().unwrap_or(""), "answer");
                    if (200..300).contains(&status) {
                        let meta = ResponseMeta {
                            status,
                            request_id,
                            idempotency_key: key.clone(),
                            replayed,
                            rate_limit,
                            attempts: attempt,
                            warnings: Vec::new(),
                            raw: crate::models::RawJson::default(),
                        };
                        return Ok((bytes, meta));
                    }
                    let mut err = errors::from_response(status, &bytes, request_id);
                    if status == 401 && inner.auth.can_refresh() && !refreshed {
                        refreshed = true;
                        if let Some(t) = &token {
                            inner.auth.invalidate(&t.secret);
                        }
                        continue;
                    }
                    // A refreshed token that is refused again is a definite 401.
                    let retryable = retryable_status(status, &err.codes);
                    if status == 429 {
                        err.retry_after = retry_after;
                    }
                    if retryable && retries < backoff.max_retries {
                        let pause = match (status, retry_after) {
                            (429, Some(ra)) => ra,
                            _ => backoff.delay(retries),
                        };
                        if Instant::now() + pause < deadline {
                            retries += 1;
                            last_failure = Some(err);
                            tokio::time::sleep(pause).await;
                            continue;
                        }
                    }
                    // A definite answer after an attempt whose fate is unknown: with the same key, a
                    // processed request would have been replayed, unless this answer came before
                    // the server looked at the key (5xx, 429).
                    if maybe_written && is_post && retryable {
                        return Err(with_key(self.unknown_outcome(Some(&err))));
                    }
                    return Err(with_key(err));
                }
                Err(e) => {
                    inner.pacer.no_answer();
                    // A request that could not be built or connected was never written.
                    let written = !(e.is_connect() || e.is_builder());
                    maybe_written |= written;
                    tracing::debug!(target: "a55", method = %call.method, path = %log_path, attempt, connect = e.is_connect(), timeout = e.is_timeout(), "transport error");
                    if !e.is_builder() && retries < backoff.max_retries {
                        let pause = backoff.delay(retries);
                        if Instant::now() + pause < deadline {
                            retries += 1;
                            last_failure = Some(Error::new(
                                ErrorKind::Connection,
                                format!(
                                    "the connection to A55 failed after {attempt} attempt(s), and \
                                     the rate budget had no slot for another within the deadline"
                                ),
                            ));
                            tokio::time::sleep(pause).await;
                            continue;
                        }
                    }
                    if maybe_written && is_post {
                        let mut unknown = self.unknown_outcome(None);
                        unknown.source = Some(e.into_cause());
                        return Err(with_key(unknown));
                    }
                    let kind = if e.is_timeout() {
                        ErrorKind::Timeout
                    } else {
                        ErrorKind::Connection
                    };
                    let what = if e.is_timeout() {
                        "timed out"
                    } else {
                        "failed"
                    };
                    let mut err = Error::new(
                        kind,
                        format!("the connection to A55 {what} after {attempt} attempt(s)"),
                    );
                    err.source = Some(e.into_cause());
                    return Err(with_key(err));
                }
            }
        }
    }

    #[cold]
    fn deadline_error(&self, unknown: bool) -> Error {
        if unknown {
            self.unknown_outcome(None)
        } else {
            Error::new(
                ErrorKind::Timeout,
                "the call's deadline ran out before an answer",
            )
        }
    }

    #[cold]
    fn unknown_outcome(&self, last: Option<&Error>) -> Error {
        let mut e = Error::new(
            ErrorKind::UnknownOutcome,
            "the request may have been processed, but no answer arrived: repeat the call with the \
             same idempotency_key to get the original result",
        );
        if let Some(last) = last {
            e.status = last.status;
            e.codes = last.codes.clone();
            e.request_id = last.request_id.clone();
        }
        e
    }
}
