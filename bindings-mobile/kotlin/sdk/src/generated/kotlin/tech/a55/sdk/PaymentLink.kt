// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A payment link (a reusable hosted page). */
data class PaymentLink(
    /** `payment_link_uuid` */
    val paymentLinkUuid: String?,
    /** `status` */
    val status: PaymentLinkStatus?,
    /** `url` */
    val url: String?,
    /** `local_currency` */
    val localCurrency: java.math.BigDecimal?,
    /** `currency` */
    val currency: Currency?,
    /** `usd_currency` */
    val usdCurrency: java.math.BigDecimal?,
    /** `eur_currency` */
    val eurCurrency: java.math.BigDecimal?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): PaymentLink = PaymentLink(
            paymentLinkUuid = o.text("payment_link_uuid"),
            status = o.text("status")?.let { PaymentLinkStatus.of(it) },
            url = o.text("url"),
            localCurrency = o.amount("local_currency"),
            currency = o.text("currency")?.let { Currency.of(it) },
            usdCurrency = o.amount("usd_currency"),
            eurCurrency = o.amount("eur_currency"),
        )
    }
}
