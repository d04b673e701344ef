// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `CheckoutStatus`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == CheckoutStatus.ACTIVE`); [value] is the wire text.
 */
class CheckoutStatus private constructor(
    /** The wire text, e.g. `active`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    /** Whether no further change is expected (a terminal status). */
    val isTerminal: Boolean get() = value in TERMINAL

    override fun equals(other: Any?): Boolean = other is CheckoutStatus && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `active` */
        @JvmField val ACTIVE: CheckoutStatus = CheckoutStatus("active")
        /** `completed` */
        @JvmField val COMPLETED: CheckoutStatus = CheckoutStatus("completed")
        /** `paid` */
        @JvmField val PAID: CheckoutStatus = CheckoutStatus("paid")
        /** `expired` */
        @JvmField val EXPIRED: CheckoutStatus = CheckoutStatus("expired")
        /** `canceled` */
        @JvmField val CANCELED: CheckoutStatus = CheckoutStatus("canceled")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<CheckoutStatus> = listOf(ACTIVE, COMPLETED, PAID, EXPIRED, CANCELED)

        private val TERMINAL: Set<String> = setOf("completed", "paid", "expired", "canceled")

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): CheckoutStatus = KNOWN.firstOrNull { it.value == value } ?: CheckoutStatus(value)
    }
}
