//! The PIX payload of a charge: the BR Code (copy-paste text) pointing at the emulator's `/pix/v2/`
//! location, and its QR image.

use a55_core::Decimal;
use a55_core::pix::{BrCodeSpec, build_pix_brcode};
use base64::Engine;
use serde_json::{Value, json};

use crate::app::Shared;

/// The `pix_payload` of a PIX charge: its BR Code, the QR image of it, and when it expires.
pub fn pix_payload(
    app: &Shared,
    charge_uuid: &str,
    amount: Decimal,
    merchant: &str,
    expires: &str,
) -> Value {
    let host = app
        .base_url()
        .trim_start_matches("http://")
        .trim_start_matches("https://");
    let txid = crate::state::pix_txid(charge_uuid);
    let url = format!("{host}/pix/v2/{txid}");
    let amount_text = amount.to_string();
    let code = build_pix_brcode(&BrCodeSpec {
        url: &url,
        amount: Some(&amount_text),
        merchant_name: merchant,
        merchant_city: "SAO PAULO",
        txid: Some(&txid),
    })
    .unwrap_or_default();
    let png = crate::qr::qr_png(&code).unwrap_or_default();
    json!({
        "qr_code_base64": base64::engine::general_purpose::STANDARD.encode(png),
        "copy_paste": code,
        "expiration": expires,
    })
}
