// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A hosted checkout session: send the payer to `checkout_url`. */
data class CheckoutSession(
    /** `checkout_uuid` */
    val checkoutUuid: String?,
    /** `checkout_url` */
    val checkoutUrl: String?,
    /** `status` */
    val status: CheckoutStatus?,
    /** `amount` */
    val amount: java.math.BigDecimal?,
    /** `currency` */
    val currency: Currency?,
    /** `expires_at` */
    val expiresAt: String?,
    /** `charge_uuid` */
    val chargeUuid: String?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): CheckoutSession = CheckoutSession(
            checkoutUuid = o.text("checkout_uuid"),
            checkoutUrl = o.text("checkout_url"),
            status = o.text("status")?.let { CheckoutStatus.of(it) },
            amount = o.amount("amount"),
            currency = o.text("currency")?.let { Currency.of(it) },
            expiresAt = o.text("expires_at"),
            chargeUuid = o.text("charge_uuid"),
        )
    }
}
