// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `SubscriptionStatus`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == SubscriptionStatus.PENDING`); [value] is the wire text.
 */
class SubscriptionStatus private constructor(
    /** The wire text, e.g. `pending`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    /** Whether no further change is expected (a terminal status). */
    val isTerminal: Boolean get() = value in TERMINAL

    override fun equals(other: Any?): Boolean = other is SubscriptionStatus && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `pending` */
        @JvmField val PENDING: SubscriptionStatus = SubscriptionStatus("pending")
        /** `active` */
        @JvmField val ACTIVE: SubscriptionStatus = SubscriptionStatus("active")
        /** `error` */
        @JvmField val ERROR: SubscriptionStatus = SubscriptionStatus("error")
        /** `cancelled` */
        @JvmField val CANCELLED: SubscriptionStatus = SubscriptionStatus("cancelled")
        /** `expired` */
        @JvmField val EXPIRED: SubscriptionStatus = SubscriptionStatus("expired")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<SubscriptionStatus> = listOf(PENDING, ACTIVE, ERROR, CANCELLED, EXPIRED)

        private val TERMINAL: Set<String> = setOf("cancelled", "expired")

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): SubscriptionStatus = KNOWN.firstOrNull { it.value == value } ?: SubscriptionStatus(value)
    }
}
