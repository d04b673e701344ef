// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// The subscription created with a charge.
public struct SubscriptionInfo: Sendable, Hashable {
    /// `subscription_uuid`
    public let subscriptionUuid: String?
    /// `cycle`
    public let cycle: Cycle?
    /// `status`
    public let status: SubscriptionStatus?
    /// `next_charge_date`
    public let nextChargeDate: A55Date?
    /// `end_date`
    public let endDate: A55Date?
}

extension SubscriptionInfo {
    init(json o: JSONObject) throws {
        subscriptionUuid = o.text("subscription_uuid")
        cycle = o.text("cycle").map { Cycle(rawValue: $0) }
        status = o.text("status").map { SubscriptionStatus(rawValue: $0) }
        nextChargeDate = o.date("next_charge_date")
        endDate = o.date("end_date")
    }
}
