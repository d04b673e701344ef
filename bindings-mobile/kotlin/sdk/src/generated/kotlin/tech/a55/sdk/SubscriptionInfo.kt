// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** The subscription created with a charge. */
data class SubscriptionInfo(
    /** `subscription_uuid` */
    val subscriptionUuid: String?,
    /** `cycle` */
    val cycle: Cycle?,
    /** `status` */
    val status: SubscriptionStatus?,
    /** `next_charge_date` */
    val nextChargeDate: java.time.LocalDate?,
    /** `end_date` */
    val endDate: java.time.LocalDate?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): SubscriptionInfo = SubscriptionInfo(
            subscriptionUuid = o.text("subscription_uuid"),
            cycle = o.text("cycle")?.let { Cycle.of(it) },
            status = o.text("status")?.let { SubscriptionStatus.of(it) },
            nextChargeDate = o.date("next_charge_date"),
            endDate = o.date("end_date"),
        )
    }
}
