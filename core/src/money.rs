//! Exact money: currencies, amount parsing and normalization, minor units.
//!
//! The rule, as A55's backend applies it:
//! - BRL, MXN, USD, PEN, ARS and EUR keep 2 decimals and round **half away from zero**
//!   (PostgreSQL `numeric(11,2)` on insert): 10.005 → 10.01, 2.675 → 2.68;
//! - CLP and COP keep 0 decimals and are **truncated toward zero** before the acquirer:
//!   50000.50 → 50000;
//! - the result must be above zero and at most 999,999,999.99, else `AMOUNT_INVALID`.
//!
//! Amounts are read exactly from text of any length (`"1E+2"`, sixty decimals), from a
//! [`Decimal`], from an integer, or from a float through its shortest round-trip text, so the float
//! `2.675` is the decimal 2.675. Binary floats are never used for arithmetic.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::codes::IssueCode;
use crate::error::{RuleError, quote};

/// The largest amount A55 accepts, in major units.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_215_752_191, 23, 0, false, 2);

/// A currency the SDK knows how to round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    /// Brazilian real.
    Brl,
    /// Mexican peso.
    Mxn,
    /// Chilean peso (no decimals).
    Clp,
    /// Colombian peso (no decimals).
    Cop,
    /// Peruvian sol.
    Pen,
    /// Argentine peso.
    Ars,
    /// US dollar.
    Usd,
    /// Euro (FX figures only).
    Eur,
}

/// How a currency drops extra decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// 0.5 and above move away from zero.
    HalfAwayFromZero,
    /// Extra digits are dropped.
    TowardZero,
}

impl Currency {
    /// Every currency, in a stable order.
    pub const ALL: [Currency; 8] = [
        Currency::Brl,
        Currency::Mxn,
        Currency::Clp,
        Currency::Cop,
        Currency::Pen,
        Currency::Ars,
        Currency::Usd,
        Currency::Eur,
    ];

    /// Reads an upper-case ISO 4217 code. Anything else (including `brl`) is `CURRENCY_NOT_SUPPORTED`.
    pub fn from_code(code: &str) -> Result<Currency, RuleError> {
        Ok(match code {
            "BRL" => Currency::Brl,
            "MXN" => Currency::Mxn,
            "CLP" => Currency::Clp,
            "COP" => Currency::Cop,
            "PEN" => Currency::Pen,
            "ARS" => Currency::Ars,
            "USD" => Currency::Usd,
            "EUR" => Currency::Eur,
            other => {
                return Err(RuleError::new(
                    IssueCode::CurrencyNotSupported,
                    "currency",
                    format!(
                        "currency {} is not supported; use one of BRL, MXN, CLP, COP, PEN, ARS, USD, EUR",
                        quote(other)
                    ),
                ));
            }
        })
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Brl => "BRL",
            Currency::Mxn => "MXN",
            Currency::Clp => "CLP",
            Currency::Cop => "COP",
            Currency::Pen => "PEN",
            Currency::Ars => "ARS",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
        }
    }

    /// The number of decimals A55 keeps: 0 for CLP and COP, 2 for the others.
    pub fn exponent(self) -> u32 {
        match self {
            Currency::Clp | Currency::Cop => 0,
            _ => 2,
        }
    }

    /// How extra decimals are dropped.
    pub fn rounding(self) -> Rounding {
        match self.exponent() {
            0 => Rounding::TowardZero,
            _ => Rounding::HalfAwayFromZero,
        }
    }

    /// The smallest amount: 0.01, or 1 for CLP and COP.
    pub fn unit(self) -> Decimal {
        Decimal::new(1, self.exponent())
    }

    /// The country whose tax ids go with this currency (BRL → BR …); none for USD and EUR.
    pub fn country(self) -> Option<&'static str> {
        match self {
            Currency::Brl => Some("BR"),
            Currency::Mxn => Some("MX"),
            Currency::Clp => Some("CL"),
            Currency::Cop => Some("CO"),
            Currency::Pen => Some("PE"),
            Currency::Ars => Some("AR"),
            Currency::Usd | Currency::Eur => None,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s)
    }
}

/// The exponent of a currency code (`currency_exponent` in every language).
pub fn currency_exponent(currency: &str) -> Result<u32, RuleError> {
    Currency::from_code(currency).map(Currency::exponent)
}

/// An amount as a caller gave it, before it is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AmountArg<'a> {
    /// Decimal text: an optional sign, digits with an optional fraction, an optional exponent.
    Text(&'a str),
    /// An exact decimal.
    Decimal(Decimal),
    /// An integer.
    Integer(i128),
    /// A binary float, read through its shortest round-trip text.
    Float(f64),
}

impl<'a> From<&'a str> for AmountArg<'a> {
    fn from(v: &'a str) -> Self {
        AmountArg::Text(v)
    }
}
impl<'a> From<&'a String> for AmountArg<'a> {
    fn from(v: &'a String) -> Self {
        AmountArg::Text(v)
    }
}
impl From<Decimal> for AmountArg<'_> {
    fn from(v: Decimal) -> Self {
        AmountArg::Decimal(v)
    }
}
impl From<i64> for AmountArg<'_> {
    fn from(v: i64) -> Self {
        AmountArg::Integer(v.into())
    }
}
impl From<f64> for AmountArg<'_> {
    fn from(v: f64) -> Self {
        AmountArg::Float(v)
    }
}

/// An exact decimal of any size: `digits × 10^exponent`, with a sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExactDecimal {
    negative: bool,
    /// Decimal digits without leading zeros (empty for zero), as ASCII values.
    digits: Vec<u8>,
    exponent: i64,
}

/// What normalization produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalized {
    /// The amount at the currency's number of decimals (`10.00`, `50000`).
    pub amount: Decimal,
    /// Whether the value changed (the `AMOUNT_ROUNDED` warning).
    pub rounded: bool,
}

/// 10^0 to 10^4 as floats (exact): the powers a normalized amount or a decoded cent amount divides by.
pub(crate) const POW10_F64: [f64; 5] = [1.0, 10.0, 100.0, 1_000.0, 10_000.0];

impl Normalized {
    /// The JSON number the amount is sent as: what serde_json reads from the amount's text
    /// (`150.00` a float, `50000` an integer), built without writing and reading that text. A
    /// normalized amount has at most 14 digits, so its float is the one nearest the decimal value:
    /// the digits and the power of ten are exact floats and one division rounds once.
    /// An amount outside that fast path (none that normalization makes today) is read from its
    /// text, so the answer is the same either way.
    pub fn wire_number(&self) -> Option<serde_json::Number> {
        self.wire_number_from_digits()
            .or_else(|| self.amount.to_string().parse().ok())
    }

    fn wire_number_from_digits(&self) -> Option<serde_json::Number> {
        let scale = usize::try_from(self.amount.scale()).ok()?;
        let mantissa = self.amount.mantissa();
        if scale == 0 {
            return u64::try_from(mantissa).ok().map(serde_json::Number::from);
        }
        let digits = u64::try_from(mantissa).ok().filter(|m| *m < 1 << 53)?;
        serde_json::Number::from_f64(digits as f64 / POW10_F64.get(scale)?)
    }
}

fn amount_error(field: &str, message: impl Into<String>) -> RuleError {
    RuleError::new(IssueCode::AmountInvalid, field, message)
}

impl ExactDecimal {
    /// Reads decimal text exactly: `[+-] digits [. digits] [(e|E) [+-] digits]`, where either side of
    /// the point may be empty but not both. No spaces, separators, `NaN` or `Infinity`. Leading or
    /// trailing whitespace is refused too, with a message that says so (docs/rules.md, "Money").
    pub fn parse(text: &str, field: &str) -> Result<ExactDecimal, RuleError> {
        if !text.is_empty() && text.trim() != text {
            return Err(amount_error(
                field,
                format!(
                    "{field} {} is not a decimal number: it has leading or trailing whitespace \
                     (remove it before passing the amount)",
                    quote(text)
                ),
            ));
        }
        let bad = || {
            amount_error(
                field,
                format!("{field} {} is not a decimal number", quote(text)),
            )
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut negative = false;
        if let Some(&c) = bytes.first()
            && (c == b'+' || c == b'-')
        {
            negative = c == b'-';
            i = 1;
        }
        let int_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let int_part = &bytes[int_start..i];
        let mut frac_part: &[u8] = &[];
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            let frac_start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            frac_part = &bytes[frac_start..i];
        }
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(bad());
        }
        let mut exponent: i64 = 0;
        if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
            i += 1;
            let mut exp_negative = false;
            if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
                exp_negative = bytes[i] == b'-';
                i += 1;
            }
            let exp_start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                // Saturate: anything past a billion is far outside every bound anyway.
                exponent = (exponent * 10 + i64::from(bytes[i] - b'0')).min(1_000_000_000);
                i += 1;
            }
            if i == exp_start {
                return Err(bad());
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        if i != bytes.len() {
            return Err(bad());
        }
        let frac_len = i64::try_from(frac_part.len()).map_err(|_| bad())?;
        let mut digits: Vec<u8> = int_part.iter().chain(frac_part).copied().collect();
        let leading_zeros = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading_zeros);
        Ok(ExactDecimal {
            negative,
            digits,
            exponent: exponent - frac_len,
        })
    }

    /// `±magnitude × 10^exponent`: the digits written out, without leading zeros.
    fn from_integer(negative: bool, mut magnitude: u128, exponent: i64) -> ExactDecimal {
        let mut digits = Vec::with_capacity(40);
        while magnitude > 0 {
            digits.push(b'0' + (magnitude % 10) as u8);
            magnitude /= 10;
        }
        digits.reverse();
        ExactDecimal {
            negative,
            digits,
            exponent,
        }
    }

    /// Reads any [`AmountArg`].
    pub fn from_arg(arg: AmountArg<'_>, field: &str) -> Result<ExactDecimal, RuleError> {
        match arg {
            AmountArg::Text(t) => ExactDecimal::parse(t, field),
            // The digits and exponent the text of `d` or `n` would be read as, without the text.
            AmountArg::Decimal(d) => Ok(ExactDecimal::from_integer(
                d.is_sign_negative() && !d.is_zero(),
                d.mantissa().unsigned_abs(),
                -i64::from(d.scale()),
            )),
            AmountArg::Integer(n) => Ok(ExactDecimal::from_integer(n < 0, n.unsigned_abs(), 0)),
            AmountArg::Float(f) => {
                if !f.is_finite() {
                    return Err(amount_error(
                        field,
                        format!("{field} must be a finite number, not {f}"),
                    ));
                }
                // Rust's `{}` for f64 is the shortest text that reads back as the same float, the
                // same digits as Python's repr() and JavaScript's String(n).
                ExactDecimal::parse(&format!("{f}"), field)
            }
        }
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Rounds to `scale` decimals and checks the bounds.
    pub fn normalize(&self, currency: Currency, field: &str) -> Result<Normalized, RuleError> {
        let scale = currency.exponent();
        if self.negative && !self.is_zero() {
            return Err(amount_error(
                field,
                format!("{field} must be greater than zero"),
            ));
        }
        if self.is_zero() {
            // Before any digit arithmetic: "0e999999999" must not loop a billion times.
            return Err(amount_error(
                field,
                format!("{field} must be greater than zero"),
            ));
        }
        let len = i64::try_from(self.digits.len()).unwrap_or(i64::MAX);
        // Digits before the decimal point; more than 12 means at least 10^12, far above the maximum.
        if !self.is_zero() && len.saturating_add(self.exponent) > 12 {
            return Err(amount_error(
                field,
                format!("{field} must be at most 999999999.99"),
            ));
        }
        // value × 10^scale = digits × 10^shift
        let shift = self.exponent.saturating_add(i64::from(scale));
        let (kept, next_digit, dropped_nonzero) = if shift >= 0 {
            let mut v: u64 = 0;
            for &d in &self.digits {
                v = v * 10 + u64::from(d - b'0');
            }
            for _ in 0..shift {
                v *= 10;
            }
            (v, 0u8, false)
        } else {
            let cut = usize::try_from(-shift).unwrap_or(usize::MAX);
            let keep = self.digits.len().saturating_sub(cut);
            let mut v: u64 = 0;
            for &d in &self.digits[..keep] {
                v = v * 10 + u64::from(d - b'0');
            }
            let dropped = &self.digits[keep..];
            let next = if cut <= self.digits.len() {
                dropped.first().map_or(0, |d| d - b'0')
            } else {
                0
            };
            (v, next, dropped.iter().any(|&d| d != b'0'))
        };
        let value = match currency.rounding() {
            Rounding::HalfAwayFromZero if next_digit >= 5 => kept + 1,
            _ => kept,
        };
        let max_minor: u64 = if scale == 0 {
            999_999_999
        } else {
            99_999_999_999
        };
        if value == 0 {
            return Err(amount_error(
                field,
                format!(
                    "{field} must be greater than zero after rounding to {} decimals",
                    scale
                ),
            ));
        }
        if value > max_minor {
            return Err(amount_error(
                field,
                format!("{field} must be at most 999999999.99"),
            ));
        }
        let minor = i64::try_from(value).map_err(|_| amount_error(field, "amount out of range"))?;
        Ok(Normalized {
            amount: Decimal::new(minor, scale),
            rounded: dropped_nonzero,
        })
    }
}

/// Normalizes an amount for a currency (`normalize_amount` in every language). The currency is
/// checked first, then the amount.
pub fn normalize_amount<'a>(
    amount: impl Into<AmountArg<'a>>,
    currency: &str,
) -> Result<Normalized, RuleError> {
    let currency = Currency::from_code(currency)?;
    normalize_in(amount.into(), currency, "amount")
}

/// Normalizes an amount for a known currency, naming `field` in errors.
pub fn normalize_in(
    amount: AmountArg<'_>,
    currency: Currency,
    field: &str,
) -> Result<Normalized, RuleError> {
    ExactDecimal::from_arg(amount, field)?.normalize(currency, field)
}

/// The amount in minor units (cents), after normalization: BRL 10.005 → 1001.
pub fn to_minor_units<'a>(
    amount: impl Into<AmountArg<'a>>,
    currency: &str,
) -> Result<i64, RuleError> {
    let normalized = normalize_amount(amount, currency)?;
    Ok(normalized.amount.mantissa() as i64)
}

/// The amount of a number of minor units: BRL 1001 → 10.01. The same bounds apply.
pub fn from_minor_units(minor: i64, currency: &str) -> Result<Decimal, RuleError> {
    let currency = Currency::from_code(currency)?;
    let amount = Decimal::new(minor, currency.exponent());
    if minor <= 0 || amount > MAX_AMOUNT {
        return Err(amount_error(
            "minor",
            format!(
                "minor must be between 1 and {} for {currency}",
                (MAX_AMOUNT * Decimal::new(10_i64.pow(currency.exponent()), 0)).trunc()
            ),
        ));
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(a: &str, c: &str) -> Result<String, IssueCode> {
        normalize_amount(a, c)
            .map(|n| n.amount.to_string())
            .map_err(|e| e.code)
    }

    #[test]
    fn whitespace_is_refused_and_named() {
        for text in [" 10", "10 ", "\t10.00", "10\n"] {
            let e = normalize_amount(text, "BRL").unwrap_err();
            assert_eq!(e.code, IssueCode::AmountInvalid, "{text:?}");
            assert!(e.message.contains("whitespace"), "{}", e.message);
        }
        let e = normalize_amount("1 0", "BRL").unwrap_err();
        assert!(!e.message.contains("whitespace"));
    }

    #[test]
    fn contract_examples() {
        assert_eq!(norm("10.005", "BRL").unwrap(), "10.01");
        assert_eq!(norm("2.675", "BRL").unwrap(), "2.68");
        assert_eq!(norm("50000.50", "CLP").unwrap(), "50000");
        assert_eq!(norm("0.9", "CLP"), Err(IssueCode::AmountInvalid));
        assert_eq!(norm("1E+2", "BRL").unwrap(), "100.00");
        assert_eq!(norm("999999999.99", "BRL").unwrap(), "999999999.99");
        assert_eq!(norm("999999999.995", "BRL"), Err(IssueCode::AmountInvalid));
        assert_eq!(norm("10", "brl"), Err(IssueCode::CurrencyNotSupported));
        let f = normalize_amount(2.675_f64, "BRL").unwrap();
        assert_eq!(f.amount.to_string(), "2.68");
        assert!(f.rounded);
        assert!(!normalize_amount("10.10", "BRL").unwrap().rounded);
        assert!(normalize_amount(f64::NAN, "BRL").is_err());
    }

    /// `wire_number` is what serde_json reads from the amount's text, for every currency's
    /// scale and amounts across the whole range (a fixed pseudo-random walk).
    #[test]
    fn wire_numbers_are_what_the_text_reads_as() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..20_000u64 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let digits = 1 + (seed >> 11) % 10u64.pow(1 + (i % 11) as u32);
            for currency in ["BRL", "CLP", "USD"] {
                let scale = Currency::from_code(currency).unwrap().exponent();
                let text = Decimal::new(digits as i64, scale).to_string();
                let Ok(n) = normalize_amount(text.as_str(), currency) else {
                    continue;
                };
                let read: serde_json::Number = n.amount.to_string().parse().unwrap();
                assert_eq!(n.wire_number(), Some(read), "{text} {currency}");
            }
        }
        let n = normalize_amount("150.00", "BRL").unwrap();
        assert_eq!(n.wire_number().unwrap().to_string(), "150.0");
        let n = normalize_amount("50000", "CLP").unwrap();
        assert_eq!(n.wire_number().unwrap().to_string(), "50000");
        // Outside the fast path (more decimals than any currency has), the text's reading.
        let odd = Normalized {
            amount: Decimal::new(1_234_567, 6),
            rounded: false,
        };
        assert_eq!(odd.wire_number(), "1.234567".parse().ok());
    }

    #[test]
    fn minor_units() {
        assert_eq!(to_minor_units("10.005", "BRL").unwrap(), 1001);
        assert_eq!(to_minor_units("50000.9", "CLP").unwrap(), 50000);
        assert_eq!(from_minor_units(1001, "BRL").unwrap().to_string(), "10.01");
        assert!(from_minor_units(0, "BRL").is_err());
        assert!(from_minor_units(100_000_000_000, "BRL").is_err());
        assert!(from_minor_units(1_000_000_000, "CLP").is_err());
    }
}
