// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A subscription.
public struct Subscription: Sendable, Hashable {
    /// `subscription_uuid`
    public let subscriptionUuid: String?
    /// `cycle`
    public let cycle: Cycle?
    /// `end_date`
    public let endDate: A55Date?
    /// `status`
    public let status: SubscriptionStatus?
    /// `description`
    public let description: String?
    /// `next_due_date`
    public let nextDueDate: A55Date?
    /// `cancelled_at`
    public let cancelledAt: String?
    /// `charges`
    public let charges: [SubscriptionCharge]
}

extension Subscription {
    init(json o: JSONObject) throws {
        subscriptionUuid = o.text("subscription_uuid")
        cycle = o.text("cycle").map { Cycle(rawValue: $0) }
        endDate = o.date("end_date")
        status = o.text("status").map { SubscriptionStatus(rawValue: $0) }
        description = o.text("description")
        nextDueDate = o.date("next_due_date")
        cancelledAt = o.text("cancelled_at")
        charges = try o.objects("charges").map { try SubscriptionCharge(json: $0) }
    }
}
