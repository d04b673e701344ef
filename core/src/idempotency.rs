//! Idempotency keys.
//!
//! Every POST carries an `Idempotency-Key`. By default it is a fresh UUID v4 per call, reused on
//! every retry of that call. A caller can instead derive it from its own key (an order id): a UUID v5
//! over [`NAMESPACE`] of `"{operation}:{caller key}"`, or `"{operation}:{resource}:{caller key}"` for
//! an operation on an existing resource (a refund, capture or cancel names its wallet and charge).
//! The operation and resource are part of the name, so a charge and its refund never share a key,
//! refunds of two charges of one order do not collide, and a crashed and re-run caller that derives
//! the same key cannot charge twice: the server replays the first result.

use uuid::Uuid;

/// The SDK's fixed namespace for derived keys. Changing it would change every derived key.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x9b1d_e2b6_55a5_4c4e_8f0b_a55c_11e4_7001);

/// A fresh random key (UUID v4).
pub fn new_key() -> String {
    Uuid::new_v4().to_string()
}

/// The key derived from a caller's own key for one operation (UUID v5).
pub fn derive_key(operation: &str, caller_key: &str) -> String {
    derive_key_for(operation, None, caller_key)
}

/// The key derived from a caller's own key for one operation on one resource (UUID v5).
pub fn derive_key_for(operation: &str, resource: Option<&str>, caller_key: &str) -> String {
    let name = match resource {
        Some(r) => format!("{operation}:{r}:{caller_key}"),
        None => format!("{operation}:{caller_key}"),
    };
    Uuid::new_v5(&NAMESPACE, name.as_bytes()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_are_stable_and_per_operation() {
        let a = derive_key("charge.create", "order-42");
        assert_eq!(a, derive_key("charge.create", "order-42"));
        assert_ne!(a, derive_key("charge.refund", "order-42"));
        // Refunds of two charges of one order get two keys.
        let first = derive_key_for("charge.refund", Some("w/c1"), "order-42");
        assert_ne!(
            first,
            derive_key_for("charge.refund", Some("w/c2"), "order-42")
        );
        assert_eq!(
            first,
            derive_key_for("charge.refund", Some("w/c1"), "order-42")
        );
        assert_eq!(Uuid::parse_str(&a).unwrap().get_version_num(), 5);
        assert_eq!(Uuid::parse_str(&new_key()).unwrap().get_version_num(), 4);
    }
}
