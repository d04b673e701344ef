//! JSON answers whose amounts keep their digits.
//!
//! A `serde_json::Value` holds a number as an integer or a float, which writes `450.00` as `450.0`.
//! A55 writes amounts with their two decimals, and so does the emulator: an amount is put into a
//! `Value` by [`num`] as a marked string, and every answer and webhook body is written by
//! [`to_vec`], which writes a marked string as a bare JSON number with exactly its digits.

use a55_core::Decimal;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

/// The mark of an amount inside a `Value` (a private-use character no client sends first).
const MARK: char = '\u{E000}';

/// A decimal as a JSON number with exactly its digits (`450.00`), once written by [`to_vec`].
pub fn num(d: Decimal) -> Value {
    Value::String(format!("{MARK}{d}"))
}

/// Writes a value as a marked amount-aware serializer sees it.
pub(crate) struct Exact<'a>(pub(crate) &'a Value);

impl Serialize for Exact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::String(text) => exact_str(text, s),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Exact(item))?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = s.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    out.serialize_entry(k, &Exact(v))?;
                }
                out.end()
            }
            other => other.serialize(s),
        }
    }
}

/// A string of a `Value` as [`to_vec`] writes it. Only a mark followed by a JSON number is an
/// amount; any other text (a client's own string that happens to start with the mark) is written
/// as the string it is.
pub(crate) fn exact_str<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    match text.strip_prefix(MARK) {
        Some(number) => match serde_json::from_str::<&RawValue>(number) {
            Ok(raw) if number.parse::<serde_json::Number>().is_ok() => raw.serialize(s),
            _ => s.serialize_str(text),
        },
        None => s.serialize_str(text),
    }
}

/// The JSON text of a value, amounts written with their digits.
pub fn to_vec(v: &Value) -> Vec<u8> {
    written(&Exact(v))
}

/// The JSON text of `value` in an allocation of exactly its length: the text is written into a
/// buffer this thread keeps, then copied out once. An answer's text is kept for as long as its
/// idempotency key (24 h); `serde_json::to_vec` grows its buffer by doubling and would keep up to
/// twice the text (a charge's 1,028 bytes in 2,048), and copy it at each step. `null` for a value
/// that cannot be written.
pub fn written(value: &impl Serialize) -> Vec<u8> {
    /// Larger buffers are not kept: a rare big answer does not pin its memory to the thread.
    const KEEP: usize = 64 * 1024;
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|scratch| {
        let Ok(mut buf) = scratch.try_borrow_mut() else {
            // Only if a value's own serializer writes JSON: no buffer to share, write directly.
            return serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
        };
        buf.clear();
        let text = match serde_json::to_writer(&mut *buf, value) {
            Ok(()) => buf.as_slice().to_vec(),
            Err(_) => b"null".to_vec(),
        };
        if buf.capacity() > KEEP {
            *buf = Vec::new();
        }
        text
    })
}

/// A status and a JSON body: what a handler answers, error or not.
pub type Reply = (StatusCode, Value);

/// A status and its JSON body already written (amounts with their digits): what a POST handler
/// answers under the idempotency rules, which keep the text to replay it.
pub struct Written(pub StatusCode, pub Vec<u8>);

impl From<Reply> for Written {
    fn from((status, body): Reply) -> Written {
        Written(status, to_vec(&body))
    }
}

/// The response for a [`Reply`].
pub fn reply(r: Reply) -> Response {
    (r.0, Json(r.1)).into_response()
}

/// The response for a JSON body already written (a replayed answer).
pub fn reply_written(status: StatusCode, body: axum::body::Bytes) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// A JSON answer written by [`to_vec`] (in place of axum's `Json`).
pub struct Json<T = Value>(pub T);

impl IntoResponse for Json<Value> {
    fn into_response(self) -> Response {
        let mut res = to_vec(&self.0).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_keep_their_digits() {
        let v =
            json!({"a": num(Decimal::new(45000, 2)), "b": [num(Decimal::new(50000, 0))], "c": "x"});
        assert_eq!(
            String::from_utf8(to_vec(&v)).unwrap(),
            r#"{"a":450.00,"b":[50000],"c":"x"}"#
        );
        // A client's string that starts with the mark but is no number stays a string.
        let text = format!("{MARK}true");
        assert_eq!(
            to_vec(&json!({ "d": text })),
            serde_json::to_vec(&json!({ "d": text })).unwrap()
        );
    }

    #[test]
    fn written_text_is_exact_in_length_and_content() {
        let long = "x".repeat(1_000);
        let v = json!({"a": num(Decimal::new(45000, 2)), "long": long});
        let text = to_vec(&v);
        assert_eq!(text.len(), text.capacity());
        assert_eq!(
            text,
            format!(r#"{{"a":450.00,"long":"{long}"}}"#).into_bytes()
        );
        // A text larger than the kept buffer is still written whole, and the next one too.
        let big = json!({ "big": "y".repeat(100_000) });
        assert_eq!(to_vec(&big), serde_json::to_vec(&big).unwrap());
        assert_eq!(to_vec(&json!([1])), b"[1]".to_vec());
    }
}
