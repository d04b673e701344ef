//! PIX BR Codes.

use a55_core::pix;
use napi_derive::napi;

use crate::error::{JsError, json_text, to_js};

/// Parses and checks a PIX BR Code ("copia e cola" text): structure, required fields, the PIX
/// template and the CRC; its fields as JSON text in core's host shape. Throws `INVALID_BR_CODE`.
#[napi(js_name = "parsePixBrCode", catch_unwind)]
pub fn parse_pix_brcode(text: String) -> Result<String, JsError> {
    pix::parse_pix_brcode(&text)
        .map(|code| json_text(&code))
        .map_err(to_js)
}
