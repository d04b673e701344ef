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
use crate::field_lists::declare_struct;

mod build;
mod parse;
mod tlv;

pub use build::{BrCodeSpec, build_pix_brcode, emv_text, write_pix_brcode};
pub use parse::parse_pix_brcode;

/// The GUI that marks a PIX merchant account template.
pub const PIX_GUI: &str = "br.gov.bcb.pix";

/// The longest BR Code, in characters (EMV MPM's maximum payload).
pub const MAX_BRCODE_CHARS: usize = 512;

crate::a55_br_code_fields!(declare_struct! {
    {
        /// The fields of a BR Code.
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct BrCode
    }
    {}
    {}
});

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
