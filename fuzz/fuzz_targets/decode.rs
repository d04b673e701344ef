//! Response decoding: any bytes A55 (or a proxy) might send never panic the models or the validator.
#![no_main]
use a55_core::models::{Charge, CheckoutSession, Model, Page, PublicCharge, Subscription, Wallet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = Charge::from_json(value.clone());
        let _ = Wallet::from_json(value.clone());
        let _ = CheckoutSession::from_json(value.clone());
        let _ = Subscription::from_json(value.clone());
        let _ = PublicCharge::from_json(value.clone());
        if let Ok(page) = Page::<Charge>::from_json(value.clone()) {
            let _ = page.items();
        }
        for kind in a55_core::validate::RequestKind::ALL {
            let _ = a55_core::validate::validate(kind, &value, None);
        }
    }
});
