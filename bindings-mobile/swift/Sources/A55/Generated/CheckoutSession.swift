// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A hosted checkout session: send the payer to `checkout_url`.
public struct CheckoutSession: Sendable, Hashable {
    /// `checkout_uuid`
    public let checkoutUuid: String?
    /// `checkout_url`
    public let checkoutUrl: String?
    /// `status`
    public let status: CheckoutStatus?
    /// `amount`
    public let amount: Decimal?
    /// `currency`
    public let currency: Currency?
    /// `expires_at`
    public let expiresAt: String?
    /// `charge_uuid`
    public let chargeUuid: String?
}

extension CheckoutSession {
    init(json o: JSONObject) throws {
        checkoutUuid = o.text("checkout_uuid")
        checkoutUrl = o.text("checkout_url")
        status = o.text("status").map { CheckoutStatus(rawValue: $0) }
        amount = o.amount("amount")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        expiresAt = o.text("expires_at")
        chargeUuid = o.text("charge_uuid")
    }
}
