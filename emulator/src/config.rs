//! The emulator's settings: credentials, clock, limits, webhooks and faults.

use std::time::Duration;

use a55_core::schedule::Date;

/// How webhook deliveries are spaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookSchedule {
    /// A55's: immediately, +1 min, +5 min, +30 min, +2 h, +6 h, +24 h (7 attempts over ~32.5 h).
    A55,
    /// The same 7 attempts compressed into seconds: 0, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2 s.
    Fast,
}

impl WebhookSchedule {
    /// The delay before each attempt (the first is 0).
    pub fn delays(self) -> [Duration; 7] {
        match self {
            WebhookSchedule::A55 => [0, 60, 300, 1800, 7200, 21600, 86400].map(Duration::from_secs),
            WebhookSchedule::Fast => [0, 100, 200, 400, 800, 1600, 3200].map(Duration::from_millis),
        }
    }

    /// How long one attempt may take.
    pub fn attempt_timeout(self) -> Duration {
        match self {
            WebhookSchedule::A55 => Duration::from_secs(30),
            WebhookSchedule::Fast => Duration::from_secs(5),
        }
    }
}

/// A share of requests that gets one fault.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fault {
    /// Answered 500 before processing.
    Status500,
    /// Answered 503 before processing.
    Status503,
    /// Answered 429 (with Retry-After: 1) before processing.
    Status429,
    /// Processed after a delay.
    Delay(Duration),
    /// The connection is reset before the request is processed: nothing happened.
    ResetBefore,
    /// The request is processed, then the connection is reset before the answer: it happened, and
    /// the caller does not know.
    ResetAfter,
}

impl Fault {
    /// Reads one fault name: `500`, `503`, `429`, `delay` (with `ms`), `reset_before`, `reset_after`.
    pub fn parse(name: &str, delay_ms: u64) -> Option<Fault> {
        Some(match name {
            "500" => Fault::Status500,
            "503" => Fault::Status503,
            "429" => Fault::Status429,
            "delay" => Fault::Delay(Duration::from_millis(delay_ms)),
            "reset_before" => Fault::ResetBefore,
            "reset_after" => Fault::ResetAfter,
            _ => return None,
        })
    }

    /// The name used in flags, headers and statistics.
    pub fn name(self) -> &'static str {
        match self {
            Fault::Status500 => "500",
            Fault::Status503 => "503",
            Fault::Status429 => "429",
            Fault::Delay(_) => "delay",
            Fault::ResetBefore => "reset_before",
            Fault::ResetAfter => "reset_after",
        }
    }
}

/// Faults for all requests: each entry is a share (0–1) of requests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultPlan {
    /// (fault, share) pairs, tried in order against one uniform draw.
    pub shares: Vec<(Fault, f64)>,
}

impl FaultPlan {
    /// Parses `500=0.05,503=0.05,429=0.05,delay=0.05:200,reset_before=0.05,reset_after=0.05`
    /// (a delay's milliseconds after a colon, 100 by default). An empty text is no faults.
    pub fn parse(text: &str) -> Result<FaultPlan, String> {
        let mut shares = Vec::new();
        let mut total = 0.0;
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, rest) = part
                .split_once('=')
                .ok_or_else(|| format!("fault {part:?} needs NAME=SHARE"))?;
            let (share, delay) = match rest.split_once(':') {
                Some((s, d)) => (
                    s,
                    d.parse::<u64>()
                        .map_err(|_| format!("bad delay in {part:?}"))?,
                ),
                None => (rest, 100),
            };
            let share: f64 = share
                .parse()
                .map_err(|_| format!("bad share in {part:?}"))?;
            if !(0.0..=1.0).contains(&share) {
                return Err(format!("share in {part:?} must be between 0 and 1"));
            }
            let fault = Fault::parse(name, delay).ok_or_else(|| {
                format!(
                    "unknown fault {name:?}: use 500, 503, 429, delay, reset_before, reset_after"
                )
            })?;
            total += share;
            shares.push((fault, share));
        }
        if total > 1.0 + 1e-9 {
            return Err("fault shares add up to more than 1".into());
        }
        Ok(FaultPlan { shares })
    }

    /// The fault for a uniform draw in [0, 1), if any.
    pub fn pick(&self, draw: f64) -> Option<Fault> {
        let mut acc = 0.0;
        for (fault, share) in &self.shares {
            acc += share;
            if draw < acc {
                return Some(*fault);
            }
        }
        None
    }
}

/// Reads a browser origin for `cors_origins`: `http` or `https`, a host, an optional port, nothing
/// after it (a trailing `/` is dropped), as a browser writes its `Origin` header.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let origin = text.trim().strip_suffix('/').unwrap_or(text.trim());
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .ok_or_else(|| format!("origin {text:?} must start with http:// or https://"))?;
    let (host, port) = match rest.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((h, "")) => (h, None),
            Some((h, p)) => (h, Some(p.strip_prefix(':').unwrap_or("x"))),
            None => ("", None),
        },
        None => match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        },
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
    if !host_ok || !port_ok {
        return Err(format!(
            "origin {text:?} must be scheme://host[:port], with no path (e.g. http://localhost:3000)"
        ));
    }
    Ok(origin.to_ascii_lowercase())
}

/// Everything the emulator can be told at start (the `a55 emulator` flags, cli/src/args.rs).
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    /// The platform client id (entity 550e8400-…).
    pub client_id: String,
    /// The platform client secret.
    pub client_secret: String,
    /// Token lifetime.
    pub token_ttl: Duration,
    /// The emulator's "today" at start; None follows the clock (UTC).
    pub today: Option<Date>,
    /// Requests per client (per client id, across all endpoints) within `rate_window`; 0 disables
    /// the limit. A55 allows 100 a minute.
    pub rate_limit: u32,
    /// The rate limit's rolling window: A55's is 60 s; tests compress it.
    pub rate_window: Duration,
    /// The secret webhooks are signed with.
    pub webhook_secret: String,
    /// Delivery spacing.
    pub webhook_schedule: WebhookSchedule,
    /// Deliver to non-loopback hosts too.
    pub allow_external_webhooks: bool,
    /// Faults applied to every API request.
    pub faults: FaultPlan,
    /// Seed of every random choice (faults, card digit 9).
    pub seed: u64,
    /// Delay before a captured `confirmed` charge becomes `paid` by itself; None: only by control call.
    pub settle_delay: Option<Duration>,
    /// The address to listen on.
    pub host: String,
    /// The port (0: any free port).
    pub port: u16,
    /// The browser origins (`http://localhost:3000`) allowed to call the public endpoints; empty:
    /// any origin (`Access-Control-Allow-Origin: *`). The private endpoints never answer CORS.
    pub cors_origins: Vec<String>,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            client_id: "emulator-client".into(),
            client_secret: "emulator-secret".into(),
            token_ttl: Duration::from_secs(3600),
            today: None,
            rate_limit: 100,
            rate_window: Duration::from_secs(60),
            webhook_secret: "whsec_emulator".into(),
            webhook_schedule: WebhookSchedule::A55,
            allow_external_webhooks: false,
            faults: FaultPlan::default(),
            seed: 55,
            settle_delay: Some(Duration::from_secs(5)),
            host: "127.0.0.1".into(),
            port: 0,
            cors_origins: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_origin;

    #[test]
    fn origins_are_read_as_a_browser_writes_them() {
        for (text, origin) in [
            ("http://localhost:3000", "http://localhost:3000"),
            ("https://Shop.Example/", "https://shop.example"),
            ("http://127.0.0.1:8494", "http://127.0.0.1:8494"),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ] {
            assert_eq!(parse_origin(text).as_deref(), Ok(origin), "{text}");
        }
        for bad in [
            "localhost:3000",
            "ftp://localhost",
            "http://",
            "http://localhost:3000/checkout",
            "http://localhost/checkout",
            "http://localhost:0",
            "http://localhost:99999",
            "http://[::1",
            "*",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad} accepted");
        }
    }
}
