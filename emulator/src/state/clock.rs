//! Time and chance: the emulator's clock (moved by `/_emulator/clock/advance`), its seeded random
//! draws, and the ids and timestamps made from them.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use a55_core::schedule::Date;

/// How far `/_emulator/clock/advance` may move the clock in all: 1,000 years, past any schedule the
/// API accepts and well inside what dates and Unix seconds hold, so no date or time overflows.
pub const MAX_CLOCK_ADVANCE_SECS: i64 = 1_000 * 366 * 86_400;

/// The emulator's clock: the real clock plus an offset moved by `/_emulator/clock/advance`.
#[derive(Debug)]
pub struct Clock {
    offset_secs: AtomicI64,
    base_today: Option<Date>,
}

impl Clock {
    /// A clock starting at `today` (or the real date).
    pub fn new(base_today: Option<Date>) -> Clock {
        Clock {
            offset_secs: AtomicI64::new(0),
            base_today,
        }
    }

    /// Unix seconds now.
    pub fn now(&self) -> i64 {
        real_now().saturating_add(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Today's date: `--today` plus the days advanced, or the clock's UTC date.
    pub fn today(&self) -> Date {
        let offset_days = self.offset_secs.load(Ordering::Relaxed).div_euclid(86_400);
        match self.base_today {
            Some(d) => chrono::TimeDelta::try_days(offset_days)
                .and_then(|days| d.checked_add_signed(days))
                .unwrap_or(d),
            None => chrono::DateTime::from_timestamp(self.now(), 0)
                .map(|t| t.date_naive())
                .unwrap_or_default(),
        }
    }

    /// Moves the clock forward by `secs` (positive); refused, the clock unmoved, when that would take
    /// it past [`MAX_CLOCK_ADVANCE_SECS`] in all.
    pub fn advance(&self, secs: i64) -> Result<(), String> {
        self.offset_secs
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |offset| {
                offset
                    .checked_add(secs)
                    .filter(|moved| secs > 0 && (0..=MAX_CLOCK_ADVANCE_SECS).contains(moved))
            })
            .map(|_| ())
            .map_err(|_| {
                format!("the clock moves forward, at most {MAX_CLOCK_ADVANCE_SECS} seconds in all")
            })
    }
}

/// Seeded, repeatable draws: the n-th draw is a hash of (seed, n).
#[derive(Debug)]
pub struct Rng {
    seed: u64,
    counter: AtomicU64,
}

impl Rng {
    /// A generator.
    pub fn new(seed: u64) -> Rng {
        Rng {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&self) -> u64 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        splitmix(self.seed ^ splitmix(n))
    }

    /// A uniform draw in [0, 1).
    pub fn unit(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Unix seconds on the real clock.
pub fn real_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// ISO 8601 UTC text of Unix seconds.
pub fn iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// A random UUID v4 from the seeded generator.
pub fn uuid_from(rng: &Rng) -> String {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    let bytes: [u8; 16] = {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&hi.to_be_bytes());
        b[8..].copy_from_slice(&lo.to_be_bytes());
        b
    };
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_is_the_utc_second_with_a_z() {
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso(1_900_000_000), "2030-03-17T17:46:40Z");
        // The whole span the clock can be moved through keeps the same shape.
        let far = real_now() + MAX_CLOCK_ADVANCE_SECS;
        for secs in [far, far - 1, 4_102_444_799, 253_402_300_799] {
            let strftime = chrono::DateTime::from_timestamp(secs, 0)
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap();
            assert_eq!(iso(secs), strftime, "{secs}");
        }
    }
}
