//! The test kit every package ships (Python `a55.testing`, Node `@a55/sdk/testing`): an emulator
//! started inside the user's test process, on a loopback port, configured from one JSON object so
//! that every language has the same options, names and defaults.
//!
//! | key | default in the kit | meaning |
//! |---|---|---|
//! | `client_id`, `client_secret` | `emulator-client`, `emulator-secret` | the platform credentials |
//! | `webhook_secret` | `whsec_emulator` | what webhooks are signed with |
//! | `rate_limit` | `0` (off) | requests per client id within the rolling window (A55 allows 100) |
//! | `rate_window_secs` | `60` | the rate limit's rolling window, in whole seconds, 1 or more (A55's is 60) |
//! | `token_ttl_secs` | `3600` | token lifetime |
//! | `today` | the clock | the emulator's "today", `YYYY-MM-DD` |
//! | `faults` | none | e.g. `"500=0.1,reset_after=0.05"` (docs/emulator.md) |
//! | `seed` | `55` | every random choice |
//! | `fast_webhooks` | `true` | webhook retries spaced in fractions of a second |
//! | `settle_delay_ms` | `5000` | a captured charge becomes `paid` after this (`null`: never by itself) |
//! | `port` | `0` (any free port) | where it listens, on 127.0.0.1 |
//!
//! The rate limit is off by default because a user's suite tests behaviour, not A55's quota: with
//! it on, a suite of more than 100 calls a minute fails for a reason that has nothing to do with
//! the code under test. `rate_limit: 100` turns A55's limit on; `rate_window_secs: 1` with it
//! compresses A55's minute into a second, so a test of a client's pacing runs fast.

use std::time::Duration;

use a55_core::schedule::parse_date;
use serde_json::{Map, Value};

use crate::config::{EmulatorConfig, FaultPlan, WebhookSchedule};

const KEYS: &[&str] = &[
    "client_id",
    "client_secret",
    "webhook_secret",
    "rate_limit",
    "rate_window_secs",
    "token_ttl_secs",
    "today",
    "faults",
    "seed",
    "fast_webhooks",
    "settle_delay_ms",
    "port",
];

/// The kit's configuration: [`EmulatorConfig::default`] with the kit's defaults (see the table).
pub fn kit_defaults() -> EmulatorConfig {
    EmulatorConfig {
        rate_limit: 0,
        webhook_schedule: WebhookSchedule::Fast,
        ..EmulatorConfig::default()
    }
}

/// A configuration from the kit's options object; an unknown key or a value of the wrong kind is
/// an error naming the key.
pub fn config_from_options(options: &Value) -> Result<EmulatorConfig, String> {
    let empty = Map::new();
    let map = match options {
        Value::Object(m) => m,
        Value::Null => &empty,
        _ => return Err("the emulator options must be an object".into()),
    };
    let mut c = kit_defaults();
    for (key, value) in map {
        if value.is_null() && key != "settle_delay_ms" {
            continue;
        }
        let text = || {
            value
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{key} must be a string"))
        };
        let whole = || {
            value
                .as_u64()
                .ok_or_else(|| format!("{key} must be a whole number, 0 or more"))
        };
        match key.as_str() {
            "client_id" => c.client_id = text()?,
            "client_secret" => c.client_secret = text()?,
            "webhook_secret" => c.webhook_secret = text()?,
            "rate_limit" => {
                c.rate_limit =
                    u32::try_from(whole()?).map_err(|_| format!("{key} is too large"))?;
            }
            "rate_window_secs" => match whole()? {
                0 => return Err(format!("{key} must be 1 or more")),
                secs => c.rate_window = Duration::from_secs(secs),
            },
            "token_ttl_secs" => c.token_ttl = Duration::from_secs(whole()?.max(1)),
            "today" => c.today = Some(parse_date(&text()?, "today").map_err(|e| e.message)?),
            "faults" => c.faults = FaultPlan::parse(&text()?)?,
            "seed" => c.seed = whole()?,
            "fast_webhooks" => {
                let fast = value
                    .as_bool()
                    .ok_or_else(|| format!("{key} must be a boolean"))?;
                c.webhook_schedule = if fast {
                    WebhookSchedule::Fast
                } else {
                    WebhookSchedule::A55
                };
            }
            "settle_delay_ms" => {
                c.settle_delay = match value {
                    Value::Null => None,
                    _ => Some(Duration::from_millis(whole()?)),
                }
            }
            "port" => {
                c.port = u16::try_from(whole()?).map_err(|_| format!("{key} is too large"))?
            }
            other if !KEYS.contains(&other) => {
                return Err(format!(
                    "{other} is not an emulator option (known: {})",
                    KEYS.join(", ")
                ));
            }
            _ => {}
        }
    }
    c.host = "127.0.0.1".into();
    Ok(c)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::json;

    use super::*;

    #[test]
    fn options_are_read_with_the_kit_defaults() {
        let c = config_from_options(&Value::Null).unwrap();
        assert_eq!(c.rate_limit, 0);
        assert_eq!(c.rate_window, Duration::from_secs(60));
        assert_eq!(c.webhook_schedule, WebhookSchedule::Fast);
        let c = config_from_options(&json!({
            "rate_limit": 100, "rate_window_secs": 2, "today": "2026-11-21", "faults": "500=0.5",
            "settle_delay_ms": null, "client_id": "me",
        }))
        .unwrap();
        assert_eq!(c.rate_limit, 100);
        assert_eq!(c.rate_window, Duration::from_secs(2));
        assert_eq!(c.settle_delay, None);
        assert_eq!(c.client_id, "me");
        for bad in [
            json!({"rateLimit": 1}),
            json!({"rate_limit": -1}),
            json!({"rate_window_secs": 0}),
            json!({"rate_window_secs": 1.5}),
            json!({"rateWindowSecs": 1}),
            json!({"today": "2026-02-30"}),
            json!({"faults": "nope=1"}),
            json!([]),
        ] {
            assert!(config_from_options(&bad).is_err(), "{bad} accepted");
        }
    }
}
