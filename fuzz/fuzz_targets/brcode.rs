//! PIX BR Code parsing: never panics; whatever parses, re-serializes (`write_pix_brcode`) to a code
//! that parses to the same fields, within the limits of docs/rules.md ("PIX BR Codes").
#![no_main]
use a55_core::pix::{BrCode, crc16_ccitt, parse_pix_brcode, write_pix_brcode};
use libfuzzer_sys::fuzz_target;

/// The oracle: a parsed code keeps the rules, and writing it back gives a code with the same fields.
fn check(code: &BrCode) {
    assert!(!code.merchant_name.is_empty() && code.merchant_name.chars().count() <= 25);
    assert!(!code.merchant_city.is_empty() && code.merchant_city.chars().count() <= 15);
    assert_eq!(code.crc.len(), 4);
    assert!(code.key.as_deref() != Some("") && code.url.as_deref() != Some(""));
    assert!(code.key.is_some() || code.url.is_some());
    if let Some(amount) = &code.amount {
        // A decimal in every language: digits, then optionally `.` and one or two digits.
        let (whole, fraction) = amount.split_once('.').unwrap_or((amount, "00"));
        assert!(
            !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()),
            "{amount:?}"
        );
        assert!((1..=2).contains(&fraction.len()) && fraction.bytes().all(|b| b.is_ascii_digit()));
    }
    let txid = code.txid.as_deref().expect("a parsed code has a txid");
    assert!(txid == "***" || txid.bytes().all(|b| b.is_ascii_alphanumeric()));
    let written = write_pix_brcode(code).expect("a parsed code writes back");
    let again = parse_pix_brcode(&written)
        .unwrap_or_else(|e| panic!("{written:?} (written back) does not parse: {e:?}"));
    assert_eq!(
        BrCode {
            crc: String::new(),
            ..again.clone()
        },
        BrCode {
            crc: String::new(),
            ..code.clone()
        },
        "{written:?}"
    );
    assert_eq!(write_pix_brcode(&again).as_deref(), Ok(written.as_str()));
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(code) = parse_pix_brcode(text) {
            check(&code);
        }
        // With a correct CRC appended, the structure checks are reached too.
        let mut body = text.to_string();
        body.push_str("6304");
        let crc = crc16_ccitt(body.as_bytes());
        body.push_str(&format!("{crc:04X}"));
        if let Ok(code) = parse_pix_brcode(&body) {
            check(&code);
        }
    }
});
