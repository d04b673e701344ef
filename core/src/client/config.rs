//! Client configuration: environments, credentials, URLs, timeouts, retries.

use std::time::Duration;

use crate::codes::{Issue, IssueCode};
use crate::error::{Error, ErrorKind};
use crate::formats::{is_loopback_host, parse_http_url};
use crate::redact::Secret;
use crate::schedule::Date;

/// A55's environments (docs/client.md, "Configuration").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    /// `https://core-manager.a55.tech` with the Cognito token URL: the seeds' host (default).
    CoreManager,
    /// `https://api.a55.tech` with `https://auth.a55.tech/oauth2/token`.
    Production,
    /// `https://sandbox.api.a55.tech` with `https://auth.sandbox.a55.tech/oauth2/token`.
    Sandbox,
}

impl Environment {
    /// The API base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::CoreManager => "https://core-manager.a55.tech",
            Environment::Production => "https://api.a55.tech",
            Environment::Sandbox => "https://sandbox.api.a55.tech",
        }
    }

    /// The OAuth2 token URL.
    pub fn token_url(self) -> &'static str {
        match self {
            Environment::CoreManager => {
                "https://smart-capital.auth.us-east-1.amazoncognito.com/oauth2/token"
            }
            Environment::Production => "https://auth.a55.tech/oauth2/token",
            Environment::Sandbox => "https://auth.sandbox.a55.tech/oauth2/token",
        }
    }

    /// Reads `core-manager`, `production` or `sandbox`.
    pub fn parse(name: &str) -> Result<Environment, Error> {
        match name {
            "core-manager" | "core_manager" => Ok(Environment::CoreManager),
            "production" => Ok(Environment::Production),
            "sandbox" => Ok(Environment::Sandbox),
            other => Err(Error::new(
                ErrorKind::Configuration,
                format!("environment {other:?} is not one of core-manager, production, sandbox"),
            )),
        }
    }
}

/// How the client authenticates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// A token obtained elsewhere; never refreshed.
    AccessToken(Secret),
    /// OAuth2 client credentials: tokens are fetched, cached and refreshed automatically.
    ClientCredentials {
        /// The client id.
        client_id: String,
        /// The client secret. Keep it on servers: never ship it in an app.
        client_secret: Secret,
    },
    /// No credentials: only the public endpoints work.
    None,
}

impl Credentials {
    /// What the rate budget is counted for: the `client_id`, or a digest of a static token (A55
    /// counts per client; a token stands for one).
    pub(crate) fn budget_name(&self) -> String {
        use sha2::{Digest, Sha256};
        match self {
            Credentials::ClientCredentials { client_id, .. } => client_id.clone(),
            Credentials::AccessToken(t) => {
                format!(
                    "token:{}",
                    hex::encode(Sha256::digest(t.expose().as_bytes()))
                )
            }
            Credentials::None => "public".into(),
        }
    }

    /// Credentials from optional parts, as bindings receive them: `client_id` with `client_secret`,
    /// or `access_token` alone, or nothing (public endpoints only). Any other mix is a validation
    /// error naming `client_id` (no secret appears in it).
    pub fn from_parts(
        client_id: Option<String>,
        client_secret: Option<String>,
        access_token: Option<String>,
    ) -> Result<Credentials, Error> {
        match (client_id, client_secret, access_token) {
            (Some(client_id), Some(secret), None) => Ok(Credentials::ClientCredentials {
                client_id,
                client_secret: Secret::new(secret),
            }),
            (None, None, Some(token)) => Ok(Credentials::AccessToken(Secret::new(token))),
            (None, None, None) => Ok(Credentials::None),
            _ => Err(Error::validation(vec![Issue::new(
                IssueCode::InvalidValue,
                "client_id",
                "give client_id and client_secret together, or access_token alone",
            )])),
        }
    }
}

/// A duration given in seconds by a binding (`timeout=2.5`): finite, above 0 and at most a day, else
/// a validation error naming `field`.
pub fn seconds(value: f64, field: &str) -> Result<Duration, Error> {
    if value.is_finite() && value > 0.0 && value <= 86_400.0 {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err(Error::validation(vec![Issue::new(
            IssueCode::InvalidValue,
            field,
            format!("{field} must be a number of seconds above 0 and at most 86400"),
        )]))
    }
}

/// Where the client finds trusted TLS roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TlsRoots {
    /// The system's verifier, falling back to the bundled Mozilla roots when the system has no
    /// certificates (distroless and scratch containers).
    #[default]
    Auto,
    /// Always the bundled Mozilla roots.
    Bundled,
}

/// Everything a [`crate::client::Client`] needs.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Scheme and host (and port); a trailing `/api/v1` is accepted and removed.
    pub base_url: String,
    /// The OAuth2 token URL.
    pub token_url: String,
    /// How to authenticate.
    pub credentials: Credentials,
    /// Per attempt (30 s).
    pub timeout: Duration,
    /// For the whole call, retries included (60 s).
    pub deadline: Duration,
    /// Retries after the first attempt (2).
    pub max_retries: u32,
    /// Backoff starts here (0.5 s) and doubles, with full jitter…
    pub backoff_base: Duration,
    /// …up to this (8 s).
    pub backoff_cap: Duration,
    /// A token is refreshed this long before it expires (60 s).
    pub refresh_margin: Duration,
    /// The first pause of [`super::Client::wait_for_charge`] (2 s, as A55 advises; it grows by half
    /// each poll up to 10 s).
    pub poll_interval: Duration,
    /// Appended to the user agent: the binding and its version (`python/0.1.0`).
    pub user_agent_suffix: Option<String>,
    /// Allow plain http to a non-loopback host (an emulator in a container). Loudly named on purpose.
    pub allow_insecure_http: bool,
    /// Validate requests locally before sending (true).
    pub validate: bool,
    /// "Today" for validation; None is the date at UTC−12.
    pub today: Option<Date>,
    /// TLS roots.
    pub tls_roots: TlsRoots,
    /// Whether the client's first call starts its timer heartbeat (true): one idle task that ticks
    /// once a second while the client lives, so that per-attempt timeouts never wake tokio's timer
    /// thread (see `Client::keep_timer_awake`). A server saves a thread wake-up per call; an app
    /// on a battery turns it off, and an idle client then wakes nothing.
    pub timer_heartbeat: bool,
    /// Wait for the `client_id`'s rate budget before each attempt instead of drawing a 429 (true;
    /// see [`super::pacing`]).
    pub pacing: bool,
    /// Share the rate budget and the access token with every process that names the same store:
    /// `redis://host:port/db` (`A55_SHARED_STORE`). None: the process's own budget. A secret: the
    /// URL may carry Redis's password, so it is never shown.
    pub shared_store: Option<Secret>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig::for_environment(Environment::CoreManager, Credentials::None)
    }
}

impl ClientConfig {
    /// A configuration for an environment with the contract's defaults.
    pub fn for_environment(env: Environment, credentials: Credentials) -> ClientConfig {
        ClientConfig {
            base_url: env.base_url().into(),
            token_url: env.token_url().into(),
            credentials,
            timeout: Duration::from_secs(30),
            deadline: Duration::from_secs(60),
            max_retries: 2,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(8),
            refresh_margin: Duration::from_secs(60),
            poll_interval: Duration::from_secs(2),
            user_agent_suffix: None,
            allow_insecure_http: false,
            validate: true,
            today: None,
            tls_roots: TlsRoots::Auto,
            timer_heartbeat: true,
            pacing: true,
            shared_store: None,
        }
    }

    /// A configuration from the environment: `A55_ACCESS_TOKEN` (or `A55_API_TOKEN`), or
    /// `A55_CLIENT_ID` + `A55_CLIENT_SECRET`; `A55_API_URL`, `A55_AUTH_URL` override the URLs of
    /// `env`; `A55_SHARED_STORE` names a fleet's store.
    pub fn from_env(env: Environment) -> ClientConfig {
        ClientConfig::from_lookup(env, |k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    /// [`ClientConfig::from_env`] with a custom variable lookup (for tests and embedders).
    pub fn from_lookup(env: Environment, get: impl Fn(&str) -> Option<String>) -> ClientConfig {
        let credentials = match (get("A55_CLIENT_ID"), get("A55_CLIENT_SECRET")) {
            (Some(client_id), Some(secret)) => Credentials::ClientCredentials {
                client_id,
                client_secret: Secret::new(secret),
            },
            _ => match get("A55_ACCESS_TOKEN").or_else(|| get("A55_API_TOKEN")) {
                Some(t) => Credentials::AccessToken(Secret::new(t)),
                None => Credentials::None,
            },
        };
        let mut c = ClientConfig::for_environment(env, credentials);
        if let Some(url) = get("A55_API_URL") {
            c.base_url = url;
        }
        if let Some(url) = get("A55_AUTH_URL") {
            c.token_url = url;
        }
        c.shared_store = get("A55_SHARED_STORE").map(Secret::new);
        c
    }

    /// Checks the URLs and returns the normalized base URL.
    pub(crate) fn checked_base_url(&self) -> Result<String, Error> {
        let mut base = self.base_url.trim().trim_end_matches('/').to_string();
        if let Some(stripped) = base.strip_suffix("/api/v1") {
            base = stripped.to_string();
        }
        check_url(&base, "base_url", self.allow_insecure_http)?;
        if let Some(u) = parse_http_url(&base)
            && !u.rest.is_empty()
        {
            return Err(Error::new(
                ErrorKind::Configuration,
                format!("base_url must be scheme and host (and port) only, not {base:?}"),
            ));
        }
        Ok(base)
    }

    /// Checks the token URL.
    pub(crate) fn checked_token_url(&self) -> Result<String, Error> {
        let url = self.token_url.trim().to_string();
        check_url(&url, "token_url", self.allow_insecure_http)?;
        Ok(url)
    }
}

/// HTTPS is required except for loopback hosts and the explicit insecure opt-in.
fn check_url(url: &str, name: &str, allow_insecure: bool) -> Result<(), Error> {
    let Some(parts) = parse_http_url(url) else {
        return Err(Error::new(
            ErrorKind::Configuration,
            format!("{name} {url:?} is not an http(s) URL"),
        ));
    };
    if parts.scheme == "http" && !is_loopback_host(parts.host) && !allow_insecure {
        return Err(Error::new(
            ErrorKind::Configuration,
            format!(
                "{name} must use https (plain http is allowed only for loopback hosts, or with allow_insecure_http)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_env() {
        let mut c = ClientConfig {
            base_url: "https://api.a55.tech/api/v1/".into(),
            ..ClientConfig::default()
        };
        assert_eq!(c.checked_base_url().unwrap(), "https://api.a55.tech");
        c.base_url = "http://api.a55.tech".into();
        assert_eq!(
            c.checked_base_url().unwrap_err().kind,
            ErrorKind::Configuration
        );
        c.base_url = "http://127.0.0.1:8080".into();
        assert!(c.checked_base_url().is_ok());
        c.base_url = "http://emulator:8080".into();
        c.allow_insecure_http = true;
        assert!(c.checked_base_url().is_ok());
        let env = ClientConfig::from_lookup(Environment::Sandbox, |k| match k {
            "A55_API_TOKEN" => Some("tok".into()),
            _ => None,
        });
        assert_eq!(
            env.credentials,
            Credentials::AccessToken(Secret::new("tok"))
        );
        assert_eq!(env.base_url, "https://sandbox.api.a55.tech");
        assert!(!format!("{env:?}").contains("tok\""));
    }

    #[test]
    fn binding_parts_are_checked_here() {
        assert!(matches!(
            Credentials::from_parts(Some("id".into()), Some("s".into()), None),
            Ok(Credentials::ClientCredentials { .. })
        ));
        assert!(matches!(
            Credentials::from_parts(None, None, Some("t".into())),
            Ok(Credentials::AccessToken(_))
        ));
        assert_eq!(
            Credentials::from_parts(None, None, None).unwrap(),
            Credentials::None
        );
        for (id, secret, token) in [
            (Some("id"), None, None),
            (None, Some("s"), None),
            (Some("id"), Some("s"), Some("t")),
            (Some("id"), None, Some("t")),
        ] {
            let e = Credentials::from_parts(
                id.map(Into::into),
                secret.map(Into::into),
                token.map(Into::into),
            )
            .unwrap_err();
            assert_eq!(e.kind, ErrorKind::Validation);
            assert_eq!(e.issues[0].field, "client_id");
            assert!(!e.to_string().contains("\"s\"") && !format!("{e:?}").contains("\"t\""));
        }
        assert_eq!(
            seconds(2.5, "timeout").unwrap(),
            Duration::from_millis(2500)
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 86_400.5] {
            assert_eq!(
                seconds(bad, "timeout").unwrap_err().issues[0].field,
                "timeout"
            );
        }
    }
}
