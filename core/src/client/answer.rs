//! What the client reads of an answer before its body, and the error of a 2xx that is not JSON.

use std::time::Duration;

use crate::error::{Error, ErrorKind};

use super::retry::retry_after;
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
    pub(crate) fn read(h: &reqwest::header::HeaderMap) -> AnswerHeaders {
        fn number<N: std::str::FromStr>(h: &reqwest::header::HeaderMap, name: &str) -> Option<N> {
            h.get(name)?.to_str().ok()?.trim().parse().ok()
        }
        AnswerHeaders {
            request_id: header(h, "x-request-id"),
            replayed: h
                .get("idempotent-replayed")
                .is_some_and(|v| v.as_bytes() == b"true"),
            rate_limit: RateLimit {
                limit: number(h, "x-ratelimit-limit"),
                remaining: number(h, "x-ratelimit-remaining"),
                reset: number(h, "x-ratelimit-reset"),
            },
            window: number(h, "x-ratelimit-window"),
            retry_after: retry_after(h),
        }
    }
}

fn header(h: &reqwest::header::HeaderMap, name: &str) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}
