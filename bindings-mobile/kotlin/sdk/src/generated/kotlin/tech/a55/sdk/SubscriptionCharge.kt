// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A charge made by a subscription. */
data class SubscriptionCharge(
    /** `charge_uuid` */
    val chargeUuid: String?,
    /** `amount` */
    val amount: java.math.BigDecimal?,
    /** `status` */
    val status: ChargeStatus?,
    /** `created_at` */
    val createdAt: String?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): SubscriptionCharge = SubscriptionCharge(
            chargeUuid = o.text("charge_uuid"),
            amount = o.amount("amount"),
            status = o.text("status")?.let { ChargeStatus.of(it) },
            createdAt = o.text("created_at"),
        )
    }
}
