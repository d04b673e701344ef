// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A subscription. */
data class Subscription(
    /** `subscription_uuid` */
    val subscriptionUuid: String?,
    /** `cycle` */
    val cycle: Cycle?,
    /** `end_date` */
    val endDate: java.time.LocalDate?,
    /** `status` */
    val status: SubscriptionStatus?,
    /** `description` */
    val description: String?,
    /** `next_due_date` */
    val nextDueDate: java.time.LocalDate?,
    /** `cancelled_at` */
    val cancelledAt: String?,
    /** `charges` */
    val charges: List<SubscriptionCharge>,
) {
    internal companion object {
        fun fromJson(o: JsonObject): Subscription = Subscription(
            subscriptionUuid = o.text("subscription_uuid"),
            cycle = o.text("cycle")?.let { Cycle.of(it) },
            endDate = o.date("end_date"),
            status = o.text("status")?.let { SubscriptionStatus.of(it) },
            description = o.text("description"),
            nextDueDate = o.date("next_due_date"),
            cancelledAt = o.text("cancelled_at"),
            charges = o.objects("charges").map { SubscriptionCharge.fromJson(it) },
        )
    }
}
