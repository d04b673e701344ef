//! Retry policy: which answers are retried, and how long to wait.
//!
//! Retried: connection failures, 429 (honouring `Retry-After` when it fits in the deadline), 500, 502,
//! 503, 504 and 409 `IDEMPOTENCY_KEY_IN_USE`. Never: other 4xx. Waits use full-jitter exponential
//! backoff: a uniform draw in [0, min(cap, base × 2^attempt)].

use std::time::Duration;

/// The backoff of one client.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Backoff {
    pub(crate) base: Duration,
    pub(crate) cap: Duration,
    pub(crate) max_retries: u32,
}

impl Backoff {
    /// The wait before retry number `attempt + 1`.
    pub(crate) fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32.checked_shl(attempt.min(20)).unwrap_or(u32::MAX))
            .min(self.cap);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// Whether an HTTP status (with its error codes) may be retried.
pub(crate) fn retryable_status(status: u16, codes: &[String]) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
        || (status == 409 && codes.iter().any(|c| c == "IDEMPOTENCY_KEY_IN_USE"))
}

/// Reads `Retry-After` (seconds, or an HTTP date is ignored).
pub(crate) fn retry_after_value(v: &reqwest::header::HeaderValue) -> Option<Duration> {
    let v = v.to_str().ok()?.trim();
    let secs: f64 = v.parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_its_ceiling() {
        let b = Backoff {
            base: Duration::from_millis(500),
            cap: Duration::from_secs(8),
            max_retries: 2,
        };
        for attempt in 0..40 {
            let ceiling = Duration::from_millis(500 * (1u64 << attempt.min(5))).min(b.cap);
            assert!(b.delay(attempt) <= ceiling);
        }
        assert!(retryable_status(503, &[]));
        assert!(!retryable_status(409, &["IDEMPOTENCY_KEY_REUSED".into()]));
        assert!(retryable_status(409, &["IDEMPOTENCY_KEY_IN_USE".into()]));
        assert!(!retryable_status(422, &[]));
    }
}
