//! JSON text written by the Kotlin and Swift packages: a client's settings, a call's identifiers
//! and options, and payloads.
//!
//! A JSON number read by serde_json becomes a binary float, which would change an exact decimal
//! with many digits. So the packages write their numbers that are not plain integers as a tagged
//! text, and core's host rule (`a55_core::host`) turns it into JSON here, once for both languages:
//!
//! - `{"\u0000decimal": "10.005"}`: an exact decimal (`BigDecimal`, `BigInteger`, Swift `Decimal`),
//!   a JSON number when one carries it exactly, else its exact text;
//! - `{"\u0000float": "2.675"}`: a binary float (`Double`, `Float`) by its round-trip text, read
//!   through its shortest round-trip text (so `2.675` is exactly 2.675);
//! - `{"\u0000unsupported": "java.io.File"}`: a host value with no JSON form, named by its type,
//!   refused here like any other payload mistake.
//!
//! No key a user writes starts with a NUL character. NaN, infinities and text that is not a number
//! have no JSON form: `INVALID_TYPE` naming the field, and nothing is sent.

use a55_core::codes::{Issue, IssueCode};
use a55_core::host::{json_from_decimal_text, json_from_f64};
use a55_core::{Error, RuleError};
use serde_json::Value;

/// The key of a tagged exact decimal.
pub const DECIMAL_TAG: &str = "\u{0}decimal";
/// The key of a tagged binary float.
pub const FLOAT_TAG: &str = "\u{0}float";
/// The key of a host value that has no JSON form.
pub const UNSUPPORTED_TAG: &str = "\u{0}unsupported";

/// What a tagged object stands for.
enum Tagged<'a> {
    Decimal(&'a str),
    Float(&'a str),
    Unsupported(&'a str),
}

/// JSON text from the host, its tagged numbers resolved; `None` reads as `null`.
pub fn read(text: Option<&str>, field: &str) -> Result<Value, Error> {
    let Some(text) = text else {
        return Ok(Value::Null);
    };
    resolved(parse(text.as_bytes(), field)?)
}

/// JSON text from the host (UTF-8 bytes), read as it is (its tagged numbers still tagged: see
/// [`resolved`]).
pub fn parse(text: &[u8], field: &str) -> Result<Value, Error> {
    serde_json::from_slice(text).map_err(|e| {
        Error::from(RuleError::new(
            IssueCode::InvalidType,
            field,
            format!(
                "{field} cannot be read as JSON (line {}, column {})",
                e.line(),
                e.column()
            ),
        ))
    })
}

/// `value` with its tagged numbers resolved, each mistake an issue naming its field.
pub fn resolved(mut value: Value) -> Result<Value, Error> {
    let mut issues = Vec::new();
    resolve(&mut value, &mut Vec::new(), &mut issues);
    if issues.is_empty() {
        Ok(value)
    } else {
        Err(Error::validation(issues))
    }
}

/// A field's path written out (`payer_address.street`, `items.0`), only when an issue names it.
fn field_name(path: &[Seg<'_>]) -> String {
    if path.is_empty() {
        return "payload".to_string();
    }
    let mut name = String::new();
    for (i, seg) in path.iter().enumerate() {
        if i > 0 {
            name.push('.');
        }
        match seg {
            Seg::Key(k) => name.push_str(k),
            Seg::Index(n) => name.push_str(&n.to_string()),
        }
    }
    name
}

/// A step of a path within a host value.
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// What a tagged object stands for, or `None` when `map` is not one.
fn tagged(map: &serde_json::Map<String, Value>) -> Option<Tagged<'_>> {
    if map.len() != 1 {
        return None;
    }
    let (key, value) = map.iter().next()?;
    let text = value.as_str()?;
    match key.as_str() {
        DECIMAL_TAG => Some(Tagged::Decimal(text)),
        FLOAT_TAG => Some(Tagged::Float(text)),
        UNSUPPORTED_TAG => Some(Tagged::Unsupported(text)),
        _ => None,
    }
}

fn resolve<'a>(value: &'a mut Value, path: &mut Vec<Seg<'a>>, issues: &mut Vec<Issue>) {
    if let Some(number) = untagged(value, path, issues) {
        *value = number;
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                path.push(Seg::Key(key));
                resolve(v, path, issues);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                path.push(Seg::Index(i));
                resolve(v, path, issues);
                path.pop();
            }
        }
        _ => {}
    }
}

/// What a tagged object at `path` stands for (`null` after an issue); `None` when it is not one.
fn untagged(value: &Value, path: &[Seg<'_>], issues: &mut Vec<Issue>) -> Option<Value> {
    let tag = tagged(value.as_object()?)?;
    let name = field_name(path);
    let number = match tag {
        Tagged::Decimal(text) => json_from_decimal_text(text),
        Tagged::Float(text) => text.trim().parse::<f64>().ok().and_then(json_from_f64),
        Tagged::Unsupported(type_name) => {
            issues.push(Issue::new(
                IssueCode::InvalidType,
                &name,
                format!("{name} is a {type_name}, which has no JSON form"),
            ));
            return Some(Value::Null);
        }
    };
    Some(number.unwrap_or_else(|| {
        issues.push(Issue::new(
            IssueCode::InvalidType,
            &name,
            format!("{name} is not a finite number, so it has no JSON form"),
        ));
        Value::Null
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::json;

    use super::*;

    #[test]
    fn tagged_numbers_follow_core_host_rule() {
        let v = read(
            Some(
                r#"{"a": {"\u0000decimal": "10.004999999999999999999"}, "b": {"\u0000float": "2.675"},
                    "c": [{"\u0000decimal": "1E+2"}], "d": 3, "e": {"\u0000decimal": "x", "y": 1}}"#,
            ),
            "payload",
        )
        .unwrap();
        assert_eq!(v["a"], json!("10.004999999999999999999"));
        assert_eq!(v["b"], json!(2.675));
        assert_eq!(v["c"][0], json!(100.0));
        assert_eq!(v["d"], json!(3));
        assert_eq!(v["e"]["y"], json!(1));
        let e = read(
            Some(
                r#"{"x": {"p": {"\u0000float": "NaN"}}, "q": [{"\u0000decimal": "abc"}],
                    "r": {"\u0000unsupported": "java.io.File"}}"#,
            ),
            "payload",
        )
        .unwrap_err();
        let fields: Vec<&str> = e.issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["q.0", "r", "x.p"]);
        assert!(e.issues[1].description.contains("java.io.File"));
        assert_eq!(read(Some("{"), "args").unwrap_err().issues[0].field, "args");
        assert_eq!(read(None, "x").unwrap(), Value::Null);
    }
}
