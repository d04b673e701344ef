//! Response decoding: any bytes A55 (or a proxy) might send never panic the models or the validator,
//! and decoding the text in one pass gives what decoding its parsed value gives.
#![no_main]
use a55_core::models::{
    Charge, CheckoutSession, Model, Page, PaymentLink, PublicCharge, Subscription, Wallet,
};
use libfuzzer_sys::fuzz_target;

fn same<T: Model + PartialEq + std::fmt::Debug>(data: &[u8], value: Option<&serde_json::Value>) {
    let one_pass = T::from_slice(data);
    if let Some(value) = value {
        let from_value = T::from_json(value.clone());
        assert_eq!(one_pass.is_ok(), from_value.is_ok());
        if let (Ok(a), Ok(b)) = (one_pass, from_value) {
            assert_eq!(a, b);
        }
    } else if let Ok(model) = one_pass {
        // Text a `Value` cannot hold (nesting over 128, bad UTF-8 or a lone surrogate in a string
        // the model does not read) may still decode; its raw JSON then reads as null.
        assert!(model.raw().value().is_null());
    }
}

fuzz_target!(|data: &[u8]| {
    let value = serde_json::from_slice::<serde_json::Value>(data).ok();
    same::<Charge>(data, value.as_ref());
    same::<Wallet>(data, value.as_ref());
    same::<CheckoutSession>(data, value.as_ref());
    same::<Subscription>(data, value.as_ref());
    same::<PublicCharge>(data, value.as_ref());
    same::<PaymentLink>(data, value.as_ref());
    same::<Page<Charge>>(data, value.as_ref());
    same::<Page<Subscription>>(data, value.as_ref());
    if let Some(value) = value {
        for kind in a55_core::validate::RequestKind::ALL {
            let _ = a55_core::validate::validate(kind, &value, None);
        }
    }
});
