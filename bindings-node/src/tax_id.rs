//! Tax ids and card brands.

use a55_core::{card, tax_id};
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// Checks a tax id for a country (ISO 3166-1 alpha-2) and returns its kind: `CPF`, `CNPJ`, `RUT`,
/// `CUIT`, `DNI`, `RFC`, `CURP`, `CC`, `NIT`, `RUC`, or `OTHER` for countries without specific
/// rules. Throws `INVALID_TAX_ID` or `INVALID_COUNTRY`; the message never repeats the id.
#[napi(catch_unwind)]
pub fn validate_tax_id(value: String, country: String) -> Result<String, JsError> {
    tax_id::validate_tax_id(&value, &country)
        .map(|kind| kind.as_str().to_string())
        .map_err(to_js)
}

/// The brand of a card number: `Visa`, `Mastercard`, `Amex`, `Elo`, `Hipercard`, `Diners`,
/// `Discover`, `JCB` or `unknown`. Never throws for a string.
#[napi(catch_unwind)]
pub fn card_brand(card_number: String) -> String {
    card::card_brand(&card_number).as_str().to_string()
}
