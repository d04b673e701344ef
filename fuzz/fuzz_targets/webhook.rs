//! Webhook verification and parsing: never panics, and a body signed here always verifies.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(80));
    let text = String::from_utf8_lossy(head);
    let mut parts = text.splitn(3, '|');
    let (sig, ts, secret) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or("s"));
    let _ = a55_core::webhook::verify_webhook(body, sig, ts, &[secret], 300, 1_795_000_000);
    let _ = a55_core::webhook::parse_webhook_event(body);
    let good = a55_core::webhook::sign_webhook(body, secret, 1_795_000_000);
    let verified = a55_core::webhook::verify_webhook(body, &good, "1795000000", &[secret], 300, 1_795_000_000);
    if let Err(e) = &verified {
        assert_ne!(e.reason, Some("signature_mismatch"), "a correctly signed body must verify");
    }
});
