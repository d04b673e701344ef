//! The rate limit's record of one client: a sliding log of the arrival times of its admitted
//! requests within the window (A55's rolling window), and its counters.
//!
//! Time here is real, monotonic time ([`Instant`]), not the emulator's clock: a test that moves
//! the clock forward does not free a client's budget.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// One client's rolling window and counters.
#[derive(Debug, Default, Clone)]
pub struct RateRec {
    /// When each admitted request still in the window arrived, oldest first; never more than the
    /// limit.
    log: VecDeque<Instant>,
    /// Requests the limiter counted: admitted and rejected.
    pub requests: u64,
    /// Requests it answered 429.
    pub rate_limited: u64,
    /// The most admitted requests seen inside one window.
    pub max_in_window: u64,
}

/// What the limiter decided for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Whether the request goes on.
    pub allowed: bool,
    /// How many more requests the window admits now (this one counted if it was admitted).
    pub remaining: u32,
    /// How long until the oldest request in the window leaves it, which is when one more request
    /// will be admitted (the whole window when it is empty).
    pub frees_in: Duration,
}

impl RateRec {
    /// Counts a request that arrived at `now` against `limit` requests per `window`: admitted
    /// when fewer than `limit` admitted requests arrived in the last `window`. A rejected request
    /// does not enter the log (a 429 does not consume budget). `limit` 0 is no limit: the request
    /// is counted and admitted, and no log is kept.
    pub fn admit(&mut self, now: Instant, limit: u32, window: Duration) -> Decision {
        self.requests += 1;
        if limit == 0 {
            self.log.clear();
            return Decision {
                allowed: true,
                remaining: 0,
                frees_in: window,
            };
        }
        while let Some(oldest) = self.log.front()
            && now.saturating_duration_since(*oldest) >= window
        {
            self.log.pop_front();
        }
        // A limit lowered between requests (never, with one configuration) still bounds the log.
        let cap = usize::try_from(limit).unwrap_or(usize::MAX);
        while self.log.len() > cap {
            self.log.pop_front();
        }
        let allowed = self.log.len() < cap;
        if allowed {
            self.log.push_back(now);
            self.max_in_window = self.max_in_window.max(self.log.len() as u64);
        } else {
            self.rate_limited += 1;
        }
        let in_window = u32::try_from(self.log.len()).unwrap_or(u32::MAX);
        let frees_in = self.log.front().map_or(window, |oldest| {
            (*oldest + window).saturating_duration_since(now)
        });
        Decision {
            allowed,
            remaining: limit.saturating_sub(in_window),
            frees_in,
        }
    }

    /// How many admitted requests are in the log (the window as of the last request).
    pub fn logged(&self) -> usize {
        self.log.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn the_window_rolls_and_a_429_consumes_nothing() {
        let (start, window) = (Instant::now(), Duration::from_secs(1));
        let mut rec = RateRec::default();
        for (i, remaining) in [(0, 2), (100, 1), (200, 0)] {
            let d = rec.admit(start + i * MS, 3, window);
            assert!(d.allowed);
            assert_eq!(d.remaining, remaining);
            assert_eq!(d.frees_in, window - i * MS);
        }
        // Full: rejected until the first leaves at 1000 ms, however often it is asked.
        for at in [300, 500, 999] {
            let d = rec.admit(start + at * MS, 3, window);
            assert_eq!((d.allowed, d.remaining), (false, 0));
            assert_eq!(d.frees_in, (1000 - at) * MS);
        }
        let d = rec.admit(start + 1000 * MS, 3, window);
        assert_eq!((d.allowed, d.remaining), (true, 0));
        assert_eq!(d.frees_in, 100 * MS, "the second request is now the oldest");
        assert!(!rec.admit(start + 1050 * MS, 3, window).allowed);
        assert!(rec.admit(start + 1100 * MS, 3, window).allowed);
        assert_eq!(rec.logged(), 3);
        assert_eq!(
            (rec.requests, rec.rate_limited, rec.max_in_window),
            (9, 4, 3)
        );
        // A quiet window empties the log.
        let d = rec.admit(start + 5000 * MS, 3, window);
        assert_eq!((d.allowed, d.remaining, d.frees_in), (true, 2, window));
        assert_eq!(rec.logged(), 1);
    }

    #[test]
    fn the_log_never_holds_more_than_the_limit() {
        let (start, window) = (Instant::now(), Duration::from_secs(60));
        let mut rec = RateRec::default();
        for i in 0..1_000 {
            rec.admit(start + i * MS, 100, window);
            assert!(rec.logged() <= 100);
        }
        assert_eq!((rec.rate_limited, rec.max_in_window), (900, 100));
    }

    #[test]
    fn no_limit_counts_without_a_log() {
        let mut rec = RateRec::default();
        for _ in 0..500 {
            let d = rec.admit(Instant::now(), 0, Duration::from_secs(60));
            assert!(d.allowed);
        }
        assert_eq!((rec.requests, rec.rate_limited, rec.logged()), (500, 0, 0));
    }
}
