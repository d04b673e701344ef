// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `Cycle`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == Cycle.WEEKLY`); [value] is the wire text.
 */
class Cycle private constructor(
    /** The wire text, e.g. `weekly`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    override fun equals(other: Any?): Boolean = other is Cycle && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `weekly` */
        @JvmField val WEEKLY: Cycle = Cycle("weekly")
        /** `biweekly` */
        @JvmField val BIWEEKLY: Cycle = Cycle("biweekly")
        /** `monthly` */
        @JvmField val MONTHLY: Cycle = Cycle("monthly")
        /** `quarterly` */
        @JvmField val QUARTERLY: Cycle = Cycle("quarterly")
        /** `semiannually` */
        @JvmField val SEMIANNUALLY: Cycle = Cycle("semiannually")
        /** `yearly` */
        @JvmField val YEARLY: Cycle = Cycle("yearly")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<Cycle> = listOf(WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY, SEMIANNUALLY, YEARLY)

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): Cycle = KNOWN.firstOrNull { it.value == value } ?: Cycle(value)
    }
}
