// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `ChargeStatus`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == ChargeStatus.ISSUED`); [value] is the wire text.
 */
class ChargeStatus private constructor(
    /** The wire text, e.g. `issued`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    /** Whether no further change is expected (a terminal status). */
    val isTerminal: Boolean get() = value in TERMINAL

    override fun equals(other: Any?): Boolean = other is ChargeStatus && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `issued` */
        @JvmField val ISSUED: ChargeStatus = ChargeStatus("issued")
        /** `pending` */
        @JvmField val PENDING: ChargeStatus = ChargeStatus("pending")
        /** `confirmed` */
        @JvmField val CONFIRMED: ChargeStatus = ChargeStatus("confirmed")
        /** `pre_captured` */
        @JvmField val PRE_CAPTURED: ChargeStatus = ChargeStatus("pre_captured")
        /** `paid` */
        @JvmField val PAID: ChargeStatus = ChargeStatus("paid")
        /** `refunded` */
        @JvmField val REFUNDED: ChargeStatus = ChargeStatus("refunded")
        /** `refund_error` */
        @JvmField val REFUND_ERROR: ChargeStatus = ChargeStatus("refund_error")
        /** `pre_chargeback_resolution` */
        @JvmField val PRE_CHARGEBACK_RESOLUTION: ChargeStatus = ChargeStatus("pre_chargeback_resolution")
        /** `chargeback_requested` */
        @JvmField val CHARGEBACK_REQUESTED: ChargeStatus = ChargeStatus("chargeback_requested")
        /** `chargeback` */
        @JvmField val CHARGEBACK: ChargeStatus = ChargeStatus("chargeback")
        /** `chargeback_reversed` */
        @JvmField val CHARGEBACK_REVERSED: ChargeStatus = ChargeStatus("chargeback_reversed")
        /** `chargeback_refunded` */
        @JvmField val CHARGEBACK_REFUNDED: ChargeStatus = ChargeStatus("chargeback_refunded")
        /** `canceled` */
        @JvmField val CANCELED: ChargeStatus = ChargeStatus("canceled")
        /** `error` */
        @JvmField val ERROR: ChargeStatus = ChargeStatus("error")
        /** `expired` */
        @JvmField val EXPIRED: ChargeStatus = ChargeStatus("expired")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<ChargeStatus> = listOf(ISSUED, PENDING, CONFIRMED, PRE_CAPTURED, PAID, REFUNDED, REFUND_ERROR, PRE_CHARGEBACK_RESOLUTION, CHARGEBACK_REQUESTED, CHARGEBACK, CHARGEBACK_REVERSED, CHARGEBACK_REFUNDED, CANCELED, ERROR, EXPIRED)

        private val TERMINAL: Set<String> = setOf("refunded", "refund_error", "chargeback", "chargeback_reversed", "chargeback_refunded", "canceled", "error", "expired")

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): ChargeStatus = KNOWN.firstOrNull { it.value == value } ?: ChargeStatus(value)
    }
}
