//! How request fields are written to and read from JSON: amounts as exact numbers (read from
//! numbers or numeric text), currencies as codes, dates as `YYYY-MM-DD`, cycles by name, and fields
//! A55 takes as text or as a number.

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::money::Currency;
use crate::schedule::{Cycle, Date};

/// Serializes a decimal as a JSON number with exactly its digits (`150.00`, never `150.0000001`).
pub(crate) fn ser_amount<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let n: serde_json::Number = d.to_string().parse().map_err(serde::ser::Error::custom)?;
    n.serialize(s)
}

pub(crate) fn ser_amount_opt<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => ser_amount(d, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn ser_currency<S: Serializer>(c: &Option<Currency>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(c.code()),
        None => s.serialize_none(),
    }
}

pub(crate) fn ser_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

pub(crate) fn ser_cycle<S: Serializer>(c: &Cycle, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.as_str())
}

/// Reads an amount from a JSON number or numeric text, exactly.
pub(crate) fn de_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let v = Value::deserialize(d)?;
    super::decimal_from_json(&v).ok_or_else(|| D::Error::custom("expected an amount"))
}

pub(crate) fn de_amount_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        v => super::decimal_from_json(&v)
            .map(Some)
            .ok_or_else(|| D::Error::custom("expected an amount")),
    }
}

pub(crate) fn de_currency<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Currency>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(code) => Currency::from_code(&code)
            .map(Some)
            .map_err(|e| D::Error::custom(e.message)),
    }
}

pub(crate) fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => crate::schedule::parse_date(&text, "date")
            .map(Some)
            .map_err(|e| D::Error::custom(e.message)),
    }
}

pub(crate) fn de_cycle<'de, D: Deserializer<'de>>(d: D) -> Result<Cycle, D::Error> {
    Cycle::parse(&String::deserialize(d)?).map_err(|e| D::Error::custom(e.message))
}

/// A field A55 takes as text or as a number (a browser's screen size, an item's amount), kept as
/// it was given.
#[derive(Clone, Debug, PartialEq)]
pub enum TextOrNumber {
    /// Given as text.
    Text(String),
    /// Given as a JSON number.
    Number(serde_json::Number),
}

impl Serialize for TextOrNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TextOrNumber::Text(t) => s.serialize_str(t),
            TextOrNumber::Number(n) => n.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for TextOrNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(t) => Ok(TextOrNumber::Text(t)),
            Value::Number(n) => Ok(TextOrNumber::Number(n)),
            _ => Err(D::Error::custom("expected text or a number")),
        }
    }
}

impl From<&str> for TextOrNumber {
    fn from(t: &str) -> Self {
        TextOrNumber::Text(t.to_string())
    }
}
