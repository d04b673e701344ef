//! Money helpers: `normalizeAmount`, `currencyExponent`, `toMinorUnits`, `fromMinorUnits`.
//!
//! An amount comes in as a string (decimal text, read exactly) or a number (a binary float, read
//! by core through its shortest round-trip text, the digits of `String(n)`), and goes out as a
//! string with the currency's number of decimals (`"10.00"`, `"50000"`).

use a55_core::money::{self, AmountArg};
use napi::Either;
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// An amount as JavaScript passes it: decimal text or a number.
pub type Amount = Either<String, f64>;

/// The core argument for a JavaScript amount.
pub(crate) fn amount_arg(amount: &Amount) -> AmountArg<'_> {
    match amount {
        Either::A(text) => AmountArg::Text(text),
        Either::B(float) => AmountArg::Float(*float),
    }
}

/// The amount normalized for the currency: 2 decimals rounded half away from zero (BRL, MXN, USD,
/// PEN, ARS, EUR) or 0 decimals truncated (CLP, COP); it must then be above 0 and at most
/// 999999999.99. Throws `AMOUNT_INVALID` or `CURRENCY_NOT_SUPPORTED`.
#[napi(catch_unwind)]
pub fn normalize_amount(amount: Either<String, f64>, currency: String) -> Result<String, JsError> {
    money::normalize_amount(amount_arg(&amount), &currency)
        .map(|n| n.amount.to_string())
        .map_err(to_js)
}

/// The number of decimals A55 keeps for a currency: 2, or 0 for CLP and COP.
#[napi(catch_unwind)]
pub fn currency_exponent(currency: String) -> Result<u32, JsError> {
    money::currency_exponent(&currency).map_err(to_js)
}

/// The amount in minor units after normalization (BRL `"10.005"` → 1001).
#[napi(catch_unwind)]
pub fn to_minor_units(amount: Either<String, f64>, currency: String) -> Result<i64, JsError> {
    money::to_minor_units(amount_arg(&amount), &currency).map_err(to_js)
}

/// The amount of a whole number of minor units (BRL 1001 → `"10.01"`), within the same bounds.
#[napi(catch_unwind)]
pub fn from_minor_units(minor: f64, currency: String) -> Result<String, JsError> {
    money::from_minor_units(crate::saturating_i64(minor), &currency)
        .map(|d| d.to_string())
        .map_err(to_js)
}
