// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A charge made by a subscription.
public struct SubscriptionCharge: Sendable, Hashable {
    /// `charge_uuid`
    public let chargeUuid: String?
    /// `amount`
    public let amount: Decimal?
    /// `status`
    public let status: ChargeStatus?
    /// `created_at`
    public let createdAt: String?
}

extension SubscriptionCharge {
    init(json o: JSONObject) throws {
        chargeUuid = o.text("charge_uuid")
        amount = o.amount("amount")
        status = o.text("status").map { ChargeStatus(rawValue: $0) }
        createdAt = o.text("created_at")
    }
}
