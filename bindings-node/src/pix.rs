//! PIX BR Codes.

use a55_core::pix;
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// The fields of a PIX BR Code, with the EMV names (snake_case, as every language returns them).
/// Absent fields are `null`.
#[napi(object, use_nullable = true)]
pub struct BrCode {
    /// Field 00, always `"01"`.
    #[napi(js_name = "payload_format_indicator")]
    pub payload_format_indicator: String,
    /// Field 01: `"11"` (reusable) or `"12"` (single use).
    #[napi(js_name = "point_of_initiation_method")]
    pub point_of_initiation_method: Option<String>,
    /// The merchant account template's GUI (`br.gov.bcb.pix`).
    pub gui: String,
    /// The PIX key of a static code.
    pub key: Option<String>,
    /// The location URL of a dynamic code (without scheme, as written in the code).
    pub url: Option<String>,
    /// Free text for the payer.
    pub description: Option<String>,
    /// Field 52.
    #[napi(js_name = "merchant_category_code")]
    pub merchant_category_code: String,
    /// Field 53, `"986"` for BRL.
    #[napi(js_name = "transaction_currency")]
    pub transaction_currency: String,
    /// Field 54, the amount text as written.
    pub amount: Option<String>,
    /// Field 58, `"BR"`.
    #[napi(js_name = "country_code")]
    pub country_code: String,
    /// Field 59.
    #[napi(js_name = "merchant_name")]
    pub merchant_name: String,
    /// Field 60.
    #[napi(js_name = "merchant_city")]
    pub merchant_city: String,
    /// Field 61.
    #[napi(js_name = "postal_code")]
    pub postal_code: Option<String>,
    /// Field 62, sub-field 05: the transaction id.
    pub txid: Option<String>,
    /// Field 63, the CRC16 in upper-case hex.
    pub crc: String,
}

impl From<pix::BrCode> for BrCode {
    fn from(c: pix::BrCode) -> BrCode {
        BrCode {
            payload_format_indicator: c.payload_format_indicator,
            point_of_initiation_method: c.point_of_initiation_method,
            gui: c.gui,
            key: c.key,
            url: c.url,
            description: c.description,
            merchant_category_code: c.merchant_category_code,
            transaction_currency: c.transaction_currency,
            amount: c.amount,
            country_code: c.country_code,
            merchant_name: c.merchant_name,
            merchant_city: c.merchant_city,
            postal_code: c.postal_code,
            txid: c.txid,
            crc: c.crc,
        }
    }
}

/// Parses and checks a PIX BR Code ("copia e cola" text): structure, required fields, the PIX
/// template and the CRC. Throws `INVALID_BR_CODE`.
#[napi(js_name = "parsePixBrCode", catch_unwind)]
pub fn parse_pix_brcode(text: String) -> Result<BrCode, JsError> {
    pix::parse_pix_brcode(&text)
        .map(BrCode::from)
        .map_err(to_js)
}
