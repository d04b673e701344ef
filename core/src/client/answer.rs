//! What the client reads of an answer before its body, and the error of a 2xx that is not JSON.

use std::time::Duration;

use crate::error::{Error, ErrorKind};

use super::retry::retry_after_value;
use super::{RateLimit, ResponseMeta};

/// A 2xx answer whose body is not JSON.
pub(crate) fn not_json(meta: &ResponseMeta, body: &[u8]) -> Error {
    let mut e = Error::new(ErrorKind::Decode, "the answer is not JSON");
    e.status = Some(meta.status);
    e.request_id = meta.request_id.clone();
    e.idempotency_key = meta.idempotency_key.clone();
    e.raw_body = Some(crate::redact::mask_raw_body(body));
    e
}

/// The headers of an answer the client reads, taken before its body.
pub(crate) struct AnswerHeaders {
    pub(crate) request_id: Option<String>,
    pub(crate) replayed: bool,
    pub(crate) rate_limit: RateLimit,
    /// `X-RateLimit-Window`, seconds (the emulator's; A55 documents 60).
    pub(crate) window: Option<u64>,
    pub(crate) retry_after: Option<Duration>,
}

impl AnswerHeaders {
    /// One pass over the answer's headers (the first value of a repeated one counts).
    pub(crate) fn read(h: &reqwest::header::HeaderMap) -> AnswerHeaders {
        fn number<N: std::str::FromStr>(v: &reqwest::header::HeaderValue) -> Option<N> {
            v.to_str().ok()?.trim().parse().ok()
        }
        fn first<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        let mut a = AnswerHeaders {
            request_id: None,
            replayed: false,
            rate_limit: RateLimit::default(),
            window: None,
            retry_after: None,
        };
        let mut replayed = None;
        for (name, v) in h {
            match name.as_str() {
                "x-request-id" => first(&mut a.request_id, v.to_str().ok().map(str::to_string)),
                "idempotent-replayed" => first(&mut replayed, Some(v.as_bytes() == b"true")),
                "x-ratelimit-limit" => first(&mut a.rate_limit.limit, number(v)),
                "x-ratelimit-remaining" => first(&mut a.rate_limit.remaining, number(v)),
                "x-ratelimit-reset" => first(&mut a.rate_limit.reset, number(v)),
                "x-ratelimit-window" => first(&mut a.window, number(v)),
                "retry-after" => first(&mut a.retry_after, retry_after_value(v)),
                _ => {}
            }
        }
        a.replayed = replayed.unwrap_or(false);
        a
    }
}
