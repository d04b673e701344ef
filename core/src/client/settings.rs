//! A client's settings and a call's options as a host language hands them over: one JSON object
//! each, read here once for every package that passes JSON (Node, Kotlin, Swift).
//!
//! Durations are whole or fractional milliseconds (`timeout_ms`), checked by [`millis`]: finite,
//! above 0 and at most a day. A name the reader does not know is refused, naming it, so a misspelt
//! option never goes unnoticed.
//!
//! | settings key | meaning |
//! |---|---|
//! | `client_id`, `client_secret` / `access_token` | credentials ([`Credentials::from_parts`]) |
//! | `environment` | `core-manager` (default), `production`, `sandbox` |
//! | `base_url`, `token_url` | override the environment's URLs |
//! | `timeout_ms`, `deadline_ms`, `max_retries` | per attempt, per call, retries |
//! | `validate`, `today` | local validation and its "today" (`YYYY-MM-DD`) |
//! | `allow_insecure_http` | plain http to a non-loopback host |
//! | `user_agent_suffix` | the package and its version |
//! | `pacing` | wait for the rate budget instead of drawing a 429 (true) |
//! | `shared_store` | a fleet's store, `redis://…` (else `A55_SHARED_STORE`; `""`: none) |
//! | `from_env` | start from the environment variables ([`ClientConfig::from_env`]) |
//!
//! Call options: `idempotency_key`, `idempotency_from`, `timeout_ms`, `deadline_ms`,
//! `max_retries`, `skip_validation`, and `max_wait_ms` (`wait_for_charge` only).

use std::time::Duration;

use serde_json::{Map, Value};

use crate::codes::{Issue, IssueCode};
use crate::error::{Error, ErrorKind};
use crate::schedule::parse_date;

use super::{ClientConfig, Credentials, Environment, RequestOptions};

/// A duration given in milliseconds by a binding (`timeoutMs: 2500`): finite, above 0 and at most
/// a day, else a validation error naming `field`.
pub fn millis(value: f64, field: &str) -> Result<Duration, Error> {
    if value.is_finite() && value > 0.0 && value <= 86_400_000.0 {
        Ok(Duration::from_secs_f64(value / 1000.0))
    } else {
        Err(Error::validation(vec![Issue::new(
            IssueCode::InvalidValue,
            field,
            format!("{field} must be a number of milliseconds above 0 and at most 86400000"),
        )]))
    }
}

/// Reads the keys of one JSON object, collecting every problem.
struct Reader<'a> {
    map: &'a Map<String, Value>,
    issues: Vec<Issue>,
}

impl<'a> Reader<'a> {
    fn new(value: &'a Value, what: &str, known: &[&str]) -> Result<Reader<'a>, Error> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let map = match value {
            Value::Object(m) => m,
            Value::Null => EMPTY.get_or_init(Map::new),
            _ => {
                return Err(Error::validation(vec![Issue::new(
                    IssueCode::InvalidType,
                    what,
                    format!("{what} must be an object"),
                )]));
            }
        };
        let issues = map
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .map(|k| {
                Issue::new(
                    IssueCode::InvalidValue,
                    k.as_str(),
                    format!("{k} is not one of the {what}"),
                )
            })
            .collect();
        Ok(Reader { map, issues })
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn wrong(&mut self, key: &str, what: &str) {
        self.issues.push(Issue::new(
            IssueCode::InvalidType,
            key,
            format!("{key} must be {what}"),
        ));
    }

    fn text(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong(key, "a string");
                None
            }
        }
    }

    fn flag(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong(key, "a boolean");
                None
            }
        }
    }

    fn duration(&mut self, key: &str) -> Option<Duration> {
        match self.get(key)?.as_f64() {
            Some(ms) => match millis(ms, key) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.issues.extend(e.issues);
                    None
                }
            },
            None => {
                self.wrong(key, "a number of milliseconds");
                None
            }
        }
    }

    fn retries(&mut self, key: &str) -> Option<u32> {
        let v = self.get(key)?;
        match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.issues.push(Issue::new(
                    IssueCode::InvalidValue,
                    key,
                    format!("{key} must be a whole number, 0 or more"),
                ));
                None
            }
        }
    }

    fn done(self) -> Result<(), Error> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(self.issues))
        }
    }
}

const SETTINGS: &[&str] = &[
    "client_id",
    "client_secret",
    "access_token",
    "environment",
    "base_url",
    "token_url",
    "timeout_ms",
    "deadline_ms",
    "max_retries",
    "validate",
    "today",
    "allow_insecure_http",
    "user_agent_suffix",
    "from_env",
    "pacing",
    "shared_store",
];

const OPTIONS: &[&str] = &[
    "idempotency_key",
    "idempotency_from",
    "timeout_ms",
    "deadline_ms",
    "max_retries",
    "skip_validation",
    "max_wait_ms",
];

impl ClientConfig {
    /// A configuration from a host's settings object (see the module's table).
    pub fn from_host(settings: &Value) -> Result<ClientConfig, Error> {
        let mut r = Reader::new(settings, "client settings", SETTINGS)?;
        let env = match r.text("environment") {
            Some(name) => Environment::parse(&name)?,
            None => Environment::CoreManager,
        };
        let client_id = r.text("client_id");
        let client_secret = r.text("client_secret");
        let access_token = r.text("access_token");
        let mut config = if r.flag("from_env") == Some(true) {
            if client_id.is_some() || client_secret.is_some() || access_token.is_some() {
                return Err(Error::new(
                    ErrorKind::Configuration,
                    "from_env reads the credentials from the environment: give none with it",
                ));
            }
            ClientConfig::from_env(env)
        } else {
            ClientConfig::for_environment(
                env,
                Credentials::from_parts(client_id, client_secret, access_token)?,
            )
        };
        if let Some(url) = r.text("base_url") {
            config.base_url = url;
        }
        if let Some(url) = r.text("token_url") {
            config.token_url = url;
        }
        if let Some(t) = r.duration("timeout_ms") {
            config.timeout = t;
        }
        if let Some(d) = r.duration("deadline_ms") {
            config.deadline = d;
        }
        if let Some(n) = r.retries("max_retries") {
            config.max_retries = n;
        }
        if let Some(v) = r.flag("validate") {
            config.validate = v;
        }
        if let Some(v) = r.flag("allow_insecure_http") {
            config.allow_insecure_http = v;
        }
        if let Some(s) = r.text("user_agent_suffix") {
            config.user_agent_suffix = Some(s);
        }
        if let Some(v) = r.flag("pacing") {
            config.pacing = v;
        }
        if let Some(s) = r.text("shared_store") {
            config.shared_store = Some(crate::redact::Secret::new(s));
        }
        if let Some(t) = r.text("today") {
            match parse_date(&t, "today") {
                Ok(d) => config.today = Some(d),
                Err(e) => r.issues.push(e.into_issue()),
            }
        }
        r.done()?;
        Ok(config)
    }
}

impl RequestOptions {
    /// A call's options from a host's options object, and `max_wait_ms` (for `wait_for_charge`)
    /// apart. Whether the method honours each is checked when the call starts.
    pub fn from_host(options: &Value) -> Result<(RequestOptions, Option<Duration>), Error> {
        let mut r = Reader::new(options, "call options", OPTIONS)?;
        let opts = RequestOptions {
            idempotency_key: r.text("idempotency_key"),
            idempotency_from: r.text("idempotency_from"),
            timeout: r.duration("timeout_ms"),
            deadline: r.duration("deadline_ms"),
            max_retries: r.retries("max_retries"),
            skip_validation: r.flag("skip_validation").unwrap_or(false),
        };
        let max_wait = r.duration("max_wait_ms");
        r.done()?;
        Ok((opts, max_wait))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::json;

    use super::*;

    fn fields(e: Error) -> Vec<String> {
        e.issues.into_iter().map(|i| i.field).collect()
    }

    #[test]
    fn settings_are_read_and_every_mistake_named() {
        let c = ClientConfig::from_host(&json!({
            "client_id": "id", "client_secret": "s", "environment": "sandbox",
            "timeout_ms": 2500, "max_retries": 0, "today": "2026-01-02", "validate": false,
        }))
        .unwrap();
        assert_eq!(c.timeout, Duration::from_millis(2500));
        assert_eq!(c.max_retries, 0);
        assert!(!c.validate);
        assert!(matches!(
            c.credentials,
            Credentials::ClientCredentials { .. }
        ));
        let e = ClientConfig::from_host(&json!({
            "timeoutMs": 1, "deadline_ms": -1, "max_retries": -1, "today": "2026-02-30",
            "validate": "yes",
        }))
        .unwrap_err();
        assert_eq!(
            fields(e),
            [
                "timeoutMs",
                "deadline_ms",
                "max_retries",
                "validate",
                "today"
            ]
        );
        assert!(ClientConfig::from_host(&json!({"client_id": "only"})).is_err());
        assert!(ClientConfig::from_host(&json!([1])).is_err());
    }

    #[test]
    fn call_options_are_read_with_max_wait_apart() {
        let (o, wait) = RequestOptions::from_host(&json!({
            "idempotency_key": "k", "deadline_ms": 1000, "max_wait_ms": 5000,
        }))
        .unwrap();
        assert_eq!(o.idempotency_key.as_deref(), Some("k"));
        assert_eq!(o.deadline, Some(Duration::from_secs(1)));
        assert_eq!(wait, Some(Duration::from_secs(5)));
        let e = RequestOptions::from_host(&json!({"signal": {}, "timeout_ms": "1"})).unwrap_err();
        assert_eq!(fields(e), ["signal", "timeout_ms"]);
        assert!(millis(f64::NAN, "x").is_err() && millis(0.0, "x").is_err());
    }
}
