//! PIX BR Codes: the EMV QR Code text behind "pix copia e cola".
//!
//! A BR Code is a list of TLV fields (2-digit id, 2-digit length, value) ending in field `63`, a
//! CRC16-CCITT (polynomial 0x1021, initial value 0xFFFF) over all the text before it, `6304`
//! included. Lengths count characters. [`parse_pix_brcode`] checks the structure, the CRC and the
//! limits of docs/rules.md ("PIX BR Codes") and returns the fields; [`write_pix_brcode`] writes a
//! parsed code back; [`build_pix_brcode`] writes a dynamic code the way the emulator serves them.
//!
//! `tlv.rs` splits TLV text, `parse.rs` holds the reader and its rules, `build.rs` the writers.

use crate::codes::IssueCode;
use crate::error::RuleError;

mod build;
mod parse;
mod tlv;

pub use build::{BrCodeSpec, build_pix_brcode, emv_text, write_pix_brcode};
pub use parse::parse_pix_brcode;

/// The GUI that marks a PIX merchant account template.
pub const PIX_GUI: &str = "br.gov.bcb.pix";

/// The longest BR Code, in characters (EMV MPM's maximum payload).
pub const MAX_BRCODE_CHARS: usize = 512;

/// The fields of a BR Code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrCode {
    /// Field 00, always `01`.
    pub payload_format_indicator: String,
    /// Field 01: `11` (reusable) or `12` (single use), when present.
    pub point_of_initiation_method: Option<String>,
    /// The merchant account template's GUI (`br.gov.bcb.pix`), as written.
    pub gui: String,
    /// The PIX key of a static code (never empty).
    pub key: Option<String>,
    /// The location URL of a dynamic code (without scheme, as written in the code; never empty).
    pub url: Option<String>,
    /// Free text for the payer.
    pub description: Option<String>,
    /// Field 52: 4 digits.
    pub merchant_category_code: String,
    /// Field 53, `986` for BRL.
    pub transaction_currency: String,
    /// Field 54, the amount text as written (digits, optionally `.` and one or two decimals).
    pub amount: Option<String>,
    /// Field 58, `BR`.
    pub country_code: String,
    /// Field 59, at most 25 characters.
    pub merchant_name: String,
    /// Field 60, at most 15 characters.
    pub merchant_city: String,
    /// Field 61.
    pub postal_code: Option<String>,
    /// Field 62, sub-field 05: the transaction id (`***` or 1–25 letters and digits).
    pub txid: Option<String>,
    /// Field 63, upper-case hex.
    pub crc: String,
}

/// CRC16-CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor).
pub fn crc16_ccitt(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

fn bad(message: impl Into<String>) -> RuleError {
    RuleError::new(IssueCode::InvalidBrCode, "text", message)
}
