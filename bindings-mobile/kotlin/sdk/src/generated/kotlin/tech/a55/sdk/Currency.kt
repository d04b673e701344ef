// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `Currency`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == Currency.BRL`); [value] is the wire text.
 */
class Currency private constructor(
    /** The wire text, e.g. `BRL`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    override fun equals(other: Any?): Boolean = other is Currency && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `BRL` */
        @JvmField val BRL: Currency = Currency("BRL")
        /** `MXN` */
        @JvmField val MXN: Currency = Currency("MXN")
        /** `CLP` */
        @JvmField val CLP: Currency = Currency("CLP")
        /** `COP` */
        @JvmField val COP: Currency = Currency("COP")
        /** `PEN` */
        @JvmField val PEN: Currency = Currency("PEN")
        /** `ARS` */
        @JvmField val ARS: Currency = Currency("ARS")
        /** `USD` */
        @JvmField val USD: Currency = Currency("USD")
        /** `EUR` */
        @JvmField val EUR: Currency = Currency("EUR")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<Currency> = listOf(BRL, MXN, CLP, COP, PEN, ARS, USD, EUR)

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): Currency = KNOWN.firstOrNull { it.value == value } ?: Currency(value)
    }
}
