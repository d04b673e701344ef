//! How a host language's numbers become JSON numbers for core, one rule for every binding.
//!
//! A float a user gives (the seeds' examples pass `250.00`) is read through its shortest
//! round-trip text (Python's `repr`, JavaScript's `String(n)`), so `2.675` is exactly 2.675. An
//! exact decimal (Python's `Decimal`, Kotlin's `BigDecimal`, Swift's `Decimal`) keeps its exact
//! value: it becomes a JSON number when a JSON number can carry it exactly (every amount A55 can
//! store can), and otherwise its text, a numeric string, which every amount field reads exactly.
//! NaN and infinities have no JSON form.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Number, Value};

/// The JSON value of a decimal written as text (`"10.005"`, `"1E+2"`, `"-0"`, a 40-digit integer),
/// or `None` when the text is not a finite number.
///
/// ```
/// use a55_core::host::json_from_decimal_text;
/// use serde_json::json;
/// assert_eq!(json_from_decimal_text("10.005"), Some(json!(10.005)));
/// assert_eq!(json_from_decimal_text("3"), Some(json!(3)));
/// // More digits than a JSON number holds exactly: kept as exact text.
/// assert_eq!(
///     json_from_decimal_text("10.004999999999999999999"),
///     Some(json!("10.004999999999999999999"))
/// );
/// assert_eq!(json_from_decimal_text("NaN"), None);
/// ```
pub fn json_from_decimal_text(text: &str) -> Option<Value> {
    let text = text.trim();
    let plain = text.strip_prefix('+').unwrap_or(text);
    if let Ok(i) = plain.parse::<i64>() {
        return Some(Value::Number(i.into()));
    }
    if let Ok(u) = plain.parse::<u64>() {
        return Some(Value::Number(u.into()));
    }
    let exact = exact_decimal(plain);
    let is_numeric = exact.is_some() || is_decimal_syntax(plain);
    if !is_numeric {
        return None;
    }
    let float = plain.parse::<f64>().ok().filter(|f| f.is_finite());
    if let (Some(exact), Some(f)) = (exact, float)
        && let Some(n) = Number::from_f64(f)
        && exact_decimal(&n.to_string()) == Some(exact)
    {
        // A JSON number written back from this float reads as exactly the same decimal.
        return Some(Value::Number(n));
    }
    Some(Value::String(plain.to_string()))
}

/// The JSON value of a float, read through its shortest round-trip text; `None` for NaN and
/// infinities.
pub fn json_from_f64(value: f64) -> Option<Value> {
    if !value.is_finite() {
        return None;
    }
    // Rust's `{}` writes the shortest text that reads back as the same float (Python's repr).
    json_from_decimal_text(&format!("{value}"))
}

fn exact_decimal(text: &str) -> Option<Decimal> {
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
        .map(|d| d.normalize())
}

/// `-?digits(.digits)?([eE][+-]?digits)?`: a finite number too large or too precise for
/// `Decimal`, still kept as text.
fn is_decimal_syntax(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exp_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    (digits(int) || (int.is_empty() && frac.is_some_and(digits)))
        && frac.is_none_or(digits)
        && exp_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn floats_are_read_through_their_shortest_text() {
        assert_eq!(json_from_f64(2.675).unwrap().to_string(), "2.675");
        // 250.0 is written `250`: the same value.
        assert_eq!(json_from_f64(250.0).unwrap(), json!(250));
        assert_eq!(json_from_f64(0.1).unwrap().to_string(), "0.1");
        assert_eq!(json_from_f64(f64::NAN), None);
        assert_eq!(json_from_f64(f64::INFINITY), None);
    }

    #[test]
    fn decimals_stay_exact() {
        assert_eq!(
            json_from_decimal_text("150.00").unwrap().to_string(),
            "150.0"
        );
        assert_eq!(json_from_decimal_text("1E+2"), Some(json!(100.0)));
        assert_eq!(json_from_decimal_text("-0"), Some(json!(0)));
        let big = "123456789012345678901234567890";
        assert_eq!(json_from_decimal_text(big), Some(json!(big)));
        assert_eq!(json_from_decimal_text("1e400"), Some(json!("1e400")));
        assert_eq!(
            json_from_decimal_text("0.1000000000000000055511151231257827"),
            Some(json!("0.1000000000000000055511151231257827"))
        );
        for bad in ["", "abc", "1.2.3", "inf", "NaN", "-", "1e", "0x10"] {
            assert_eq!(json_from_decimal_text(bad), None, "{bad}");
        }
    }
}
