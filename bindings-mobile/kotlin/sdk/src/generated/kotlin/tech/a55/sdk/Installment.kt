// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** One installment of a charge. */
data class Installment(
    /** `local_currency` */
    val localCurrency: java.math.BigDecimal?,
    /** `currency` */
    val currency: Currency?,
    /** `usd_currency` */
    val usdCurrency: java.math.BigDecimal?,
    /** `eur_currency` */
    val eurCurrency: java.math.BigDecimal?,
    /** `due_date` */
    val dueDate: java.time.LocalDate?,
    /** `status` */
    val status: ChargeStatus?,
    /** `installment_number` */
    val installmentNumber: Int?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): Installment = Installment(
            localCurrency = o.amount("local_currency"),
            currency = o.text("currency")?.let { Currency.of(it) },
            usdCurrency = o.amount("usd_currency"),
            eurCurrency = o.amount("eur_currency"),
            dueDate = o.date("due_date"),
            status = o.text("status")?.let { ChargeStatus.of(it) },
            installmentNumber = o.count("installment_number"),
        )
    }
}
