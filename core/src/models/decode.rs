//! Decoding machinery shared by the response types: exact decimals from JSON, the lenient field
//! readers named in their `deserialize_with` attributes, the one-pass reader of an answer's text,
//! the raw JSON every result keeps, and the [`Model`] trait that decodes a result.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use super::responses::ServerMessage;
use crate::schedule::{Date, parse_date};
use crate::status::ChargeStatus;

/// Reads a decimal exactly from a JSON number or numeric text.
pub fn decimal_from_json(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => decimal_from_number(n),
        Value::String(s) => decimal_from_text(s.trim()),
        _ => None,
    }
}

/// A JSON number read as an amount. A number is read through its shortest round-trip text, which
/// writes `150.00` as `150.0` and `26.90` as `26.9`: an amount with one decimal gets its second
/// back, as A55 stores two (`numeric(11,2)`). Integers stay integers (CLP and COP have none).
fn decimal_from_number(n: &serde_json::Number) -> Option<Decimal> {
    if let Some(u) = n.as_u64() {
        return Some(Decimal::from(u));
    }
    if let Some(i) = n.as_i64() {
        return Some(Decimal::from(i));
    }
    n.as_f64()
        .and_then(float_cents)
        .or_else(|| decimal_from_number_text(&n.to_string()))
}

/// [`decimal_from_number`] from the number's text.
fn decimal_from_number_text(text: &str) -> Option<Decimal> {
    let mut d = decimal_from_text(text)?;
    if d.scale() == 1 {
        d.rescale(2);
    }
    Some(d)
}

/// What [`decimal_from_number`] reads from a float whose shortest text has at most two decimals,
/// found without writing the text. If `m / 10^k` (`m` a whole float) is `f`, the text of `m` with
/// `k` decimals reads back as `f`, and the smallest such `k` is the shortest text's. Below 10^12 a
/// float's spacing is under 0.0002, so `f × 10^k` rounds to the right `m` and two texts with two
/// decimals never read as one float. Zero (whose text keeps its sign), larger magnitudes and
/// anything else go through the text.
fn float_cents(f: f64) -> Option<Decimal> {
    if f == 0.0 || f.abs() >= 1e12 || !f.is_finite() {
        return None;
    }
    let (k, m) = crate::money::POW10_F64[..3]
        .iter()
        .enumerate()
        .map(|(k, p)| (k, (f * p).round(), p))
        .find(|(_, m, p)| m / *p == f)
        .map(|(k, m, _)| (k, m))?;
    // |m| < 10^14: exact as an integer.
    let cents = (m as i64).checked_mul(10_i64.pow(2 - k as u32))?;
    Some(Decimal::new(cents, 2))
}

fn decimal_from_text(text: &str) -> Option<Decimal> {
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
}

// Two ways of reading a field, one result.
//
// `Model::from_json` reads from a `Value`: each lenient field is taken as a `Value` and interpreted
// (a field of an unexpected type reads as absent). `Model::from_slice` reads the answer's text in one
// pass: the helpers below then read the expected shapes straight from the text, and decline
// (`DECLINE`) anything else, which sends the whole answer down the `Value` path. So the one-pass
// reader is only a faster way to the same result, never a second set of rules.

thread_local! {
    static ONE_PASS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The error that hands an answer back to the `Value` path.
const DECLINE: &str = "one-pass reading declined";

fn one_pass() -> bool {
    ONE_PASS.with(std::cell::Cell::get)
}

/// Sets how this thread reads (in one pass or not) until dropped (restored on unwind too).
struct OnePass(bool);

impl OnePass {
    /// Reading in one pass.
    fn enter() -> OnePass {
        OnePass(ONE_PASS.with(|c| c.replace(true)))
    }

    /// Reading a `Value`, even inside a one-pass reading (a page's item handed back to the
    /// `Value` path).
    fn leave() -> OnePass {
        OnePass(ONE_PASS.with(|c| c.replace(false)))
    }
}

impl Drop for OnePass {
    fn drop(&mut self) {
        ONE_PASS.with(|c| c.set(self.0));
    }
}

/// A scalar read straight from JSON text.
enum Scalar {
    Text(String),
    /// A number, as serde_json read it.
    Num(serde_json::Number),
    Null,
    Bool,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON scalar")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.into()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.into()))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
        // Kept as the `Value` path keeps it (a float that is not finite is `null` there).
        Ok(match serde_json::Number::from_f64(v) {
            Some(n) => Scalar::Num(n),
            None => Scalar::Null,
        })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, _map: A) -> Result<Scalar, A::Error> {
        Err(serde::de::Error::custom(DECLINE))
    }
}

pub(super) fn de_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Num(n) => decimal_from_number(&n),
            Scalar::Text(s) => decimal_from_text(s.trim()),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(decimal_from_json))
}

pub(super) fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Text(s) => Some(s),
            Scalar::Num(n) => Some(n.to_string()),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

pub(super) fn de_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Num(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            Scalar::Text(s) => s.trim().parse().ok(),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

pub(super) fn de_lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    if one_pass() {
        // Strict here: anything `T` cannot read sends the answer down the `Value` path.
        return Option::<T>::deserialize(d);
    }
    Ok(Option::<Value>::deserialize(d)?.and_then(|v| serde_json::from_value(v).ok()))
}

/// A date written `YYYY-MM-DD` (see `schedule::parse_date`); anything else reads as absent (the
/// text stays in the raw JSON).
pub(super) fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Text(s) => parse_date(&s, "date").ok(),
            Scalar::Num(_) | Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => parse_date(&s, "date").ok(),
        _ => None,
    })
}

/// A page's items: each object decoded by `T`'s own rules, keeping its own raw JSON. An item that is
/// not an object, or that `T` cannot read, is skipped (it stays in the page's raw JSON); `data`
/// that is not an array reads as no items.
pub(super) fn de_items<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Model,
{
    if one_pass() {
        // Only serde_json's own reader runs in one pass, so each item's text can be taken as it is
        // and read by `T::from_slice`, which gives what `T::from_json` gives for its value.
        let items = Option::<Vec<Box<RawValue>>>::deserialize(d)?.unwrap_or_default();
        return Ok(items
            .iter()
            .map(|item| item.get())
            .filter(|text| text.trim_start().starts_with('{'))
            .filter_map(|text| T::from_slice(text.as_bytes()).ok())
            .collect());
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter(Value::is_object)
            .filter_map(|v| T::from_json(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

pub(super) fn de_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    if one_pass() {
        return Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default());
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// Reads `message` in any of its documented forms: an array of messages, null, `{}` or a string.
pub(super) fn de_messages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ServerMessage>, D::Error> {
    if one_pass() {
        return d.deserialize_any(MessagesVisitor);
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        Some(Value::String(s)) if !s.is_empty() => vec![ServerMessage {
            description: Some(s),
            ..ServerMessage::default()
        }],
        _ => Vec::new(),
    })
}

struct MessagesVisitor;

impl<'de> serde::de::Visitor<'de> for MessagesVisitor {
    type Value = Vec<ServerMessage>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("messages")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(if v.is_empty() {
            Vec::new()
        } else {
            vec![ServerMessage {
                description: Some(v.to_owned()),
                ..ServerMessage::default()
            }]
        })
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(m) = seq.next_element::<ServerMessage>()? {
            out.push(m);
        }
        Ok(out)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // `{}` (or any object, or a number) carries no message.
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Vec::new())
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

pub(super) fn unknown_status() -> ChargeStatus {
    ChargeStatus::Unknown(String::new())
}

pub(super) fn de_status<'de, D: Deserializer<'de>>(d: D) -> Result<ChargeStatus, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Text(s) => ChargeStatus::parse(&s),
            Scalar::Num(_) | Scalar::Null | Scalar::Bool => unknown_status(),
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => ChargeStatus::parse(&s),
        _ => unknown_status(),
    })
}

/// The raw JSON of a result. Reads like a `serde_json::Value` (it derefs to one); its `Debug` masks
/// personal and secret fields (a wallet's `client_secret`, card data, tax ids), so printing a result
/// never leaks them.
///
/// Cheap to clone (shared). A result decoded from an answer keeps the answer's bytes and turns them
/// into a `Value` only when the raw JSON is first read, so a call that never looks at it never pays
/// for it.
#[derive(Clone, Default)]
pub struct RawJson(std::sync::Arc<RawInner>);

#[derive(Default)]
struct RawInner {
    /// The JSON text as received, when the value has not been built yet.
    text: Option<Box<[u8]>>,
    value: std::sync::OnceLock<Value>,
}

impl RawJson {
    /// Raw JSON from text already known to be JSON (it is read on first use; text that is not
    /// JSON reads as `null`).
    pub fn from_bytes(text: &[u8]) -> RawJson {
        RawJson(std::sync::Arc::new(RawInner {
            text: Some(text.into()),
            value: std::sync::OnceLock::new(),
        }))
    }

    /// Raw JSON from its text and the value already read from it.
    fn from_text_and_value(text: &[u8], value: Value) -> RawJson {
        let cell = std::sync::OnceLock::new();
        let _ = cell.set(value);
        RawJson(std::sync::Arc::new(RawInner {
            text: Some(text.into()),
            value: cell,
        }))
    }

    /// The JSON value.
    pub fn value(&self) -> &Value {
        self.0.value.get_or_init(|| {
            self.0
                .text
                .as_deref()
                .and_then(|t| serde_json::from_slice(t).ok())
                .unwrap_or(Value::Null)
        })
    }

    /// The JSON text: byte for byte as received when the result was read from an answer (numbers
    /// keep their digits: `450.00` stays `450.00`), else the value written out.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match &self.0.text {
            Some(t) => String::from_utf8_lossy(t),
            None => std::borrow::Cow::Owned(self.value().to_string()),
        }
    }

    /// The JSON value, owned (copied when the raw JSON is shared).
    pub fn into_value(self) -> Value {
        self.value();
        match std::sync::Arc::try_unwrap(self.0) {
            Ok(inner) => inner.value.into_inner().unwrap_or(Value::Null),
            Err(shared) => shared.value.get().cloned().unwrap_or(Value::Null),
        }
    }
}

impl std::ops::Deref for RawJson {
    type Target = Value;
    fn deref(&self) -> &Value {
        self.value()
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &RawJson) -> bool {
        self.value() == other.value()
    }
}

impl std::fmt::Debug for RawJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::logging::mask_body(self.value()))
    }
}

impl From<Value> for RawJson {
    fn from(v: Value) -> Self {
        let value = std::sync::OnceLock::new();
        let _ = value.set(v);
        RawJson(std::sync::Arc::new(RawInner { text: None, value }))
    }
}

/// A result type that keeps its raw JSON.
pub trait Model: DeserializeOwned {
    /// Stores the raw JSON after decoding.
    fn set_raw(&mut self, raw: RawJson);

    /// The raw JSON stored by [`Model::set_raw`].
    fn raw(&self) -> &RawJson;

    /// Decodes a JSON value, keeping it whole in `raw`.
    fn from_json(raw: Value) -> Result<Self, serde_json::Error> {
        let mut model = read_value::<Self>(&raw)?;
        model.set_raw(RawJson::from(raw));
        Ok(model)
    }

    /// Decodes JSON text in one pass, keeping the text as `raw` (read into a `Value` only if asked
    /// for). For any text that parses as a `Value`, the result is the one [`Model::from_json`]
    /// gives. Text a `Value` cannot hold (nesting deeper than 128, invalid UTF-8 or a lone surrogate
    /// inside a string the model does not read) may still decode; its `raw` then reads as `null`.
    fn from_slice(text: &[u8]) -> Result<Self, serde_json::Error> {
        let one_pass = {
            let _mode = OnePass::enter();
            serde_json::from_slice::<Self>(text)
        };
        match one_pass {
            Ok(mut model) => {
                model.set_raw(RawJson::from_bytes(text));
                Ok(model)
            }
            // Anything the one-pass reader declines (an unexpected shape, a key given twice where
            // a `Value` keeps the last) is read as a `Value`, exactly as `from_json` reads it; the
            // raw JSON still keeps the text as received.
            Err(_) => {
                let value: Value = serde_json::from_slice(text)?;
                let mut model = read_value::<Self>(&value)?;
                model.set_raw(RawJson::from_text_and_value(text, value));
                Ok(model)
            }
        }
    }
}

/// Reads a model from a `Value` by the `Value` path's rules, even inside a one-pass reading (a
/// page's item handed back to the `Value` path). Read from a reference: the raw JSON is kept whole,
/// not copied first.
fn read_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    let _mode = OnePass::leave();
    T::deserialize(value)
}

#[cfg(test)]
mod tests {
    use super::{decimal_from_number, decimal_from_number_text};
    use serde_json::Number;

    /// Reading a float's amount without its text gives what its text gives, digits and scale
    /// (compared as text: `150.0` and `150.00` are equal decimals).
    fn same(f: f64) {
        let Some(n) = Number::from_f64(f) else {
            return;
        };
        let by_text = decimal_from_number_text(&n.to_string()).map(|d| d.to_string());
        let direct = decimal_from_number(&n).map(|d| d.to_string());
        assert_eq!(direct, by_text, "{f:e} ({n})");
    }

    #[test]
    fn a_float_reads_as_its_text_reads() {
        for f in [
            0.0,
            -0.0,
            0.01,
            0.1,
            0.29,
            0.3,
            1.0,
            26.9,
            150.0,
            150.5,
            2.675,
            0.1 + 0.2,
            1e-7,
            999_999_999.99,
            1e12,
            -1e12,
            999_999_999_999.99,
            1e13,
            5e15,
            1e16,
            1e300,
            -26.9,
            f64::MIN_POSITIVE,
            f64::MAX,
        ] {
            same(f);
        }
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..100_000 {
            let r = next();
            // Whole cents, tenths and units across the range, thousandths and beyond (which go
            // through the text), and arbitrary floats.
            let m = (r >> 8) % 10u64.pow(1 + (r % 15) as u32);
            let sign = if r & 0x80 == 0 { 1.0 } else { -1.0 };
            for p in [1.0, 10.0, 100.0, 1_000.0, 1e6] {
                same(sign * m as f64 / p);
            }
            same(f64::from_bits(next()));
        }
    }
}
