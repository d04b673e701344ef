//! Amount parsing and normalization: never panics; a normalized amount normalizes to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for currency in ["BRL", "CLP"] {
            if let Ok(n) = a55_core::money::normalize_amount(text, currency) {
                let again = a55_core::money::normalize_amount(n.amount, currency).expect("normalized amounts are valid");
                assert_eq!(again.amount, n.amount);
                assert!(!again.rounded);
            }
        }
        let _ = a55_core::money::to_minor_units(text, "COP");
    }
    if data.len() == 8 {
        let f = f64::from_le_bytes(data.try_into().unwrap_or([0; 8]));
        let _ = a55_core::money::normalize_amount(f, "BRL");
    }
});
