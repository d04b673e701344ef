// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/**
 * A `TypeCharge`: one of the values this version knows (the constants) or a value it does not,
 * kept as received. Compare with the constants (`x == TypeCharge.CREDIT_CARD`); [value] is the wire text.
 */
class TypeCharge private constructor(
    /** The wire text, e.g. `credit_card`. */
    val value: String,
) {
    /** Whether this version of the SDK knows the value. */
    val isKnown: Boolean get() = KNOWN.any { it.value == value }

    override fun equals(other: Any?): Boolean = other is TypeCharge && other.value == value

    override fun hashCode(): Int = value.hashCode()

    /** The wire text. */
    override fun toString(): String = value

    companion object {
        /** `credit_card` */
        @JvmField val CREDIT_CARD: TypeCharge = TypeCharge("credit_card")
        /** `debit_card` */
        @JvmField val DEBIT_CARD: TypeCharge = TypeCharge("debit_card")
        /** `boleto` */
        @JvmField val BOLETO: TypeCharge = TypeCharge("boleto")
        /** `pix` */
        @JvmField val PIX: TypeCharge = TypeCharge("pix")
        /** `spei` */
        @JvmField val SPEI: TypeCharge = TypeCharge("spei")
        /** `oxxo` */
        @JvmField val OXXO: TypeCharge = TypeCharge("oxxo")
        /** `e_wallet` */
        @JvmField val E_WALLET: TypeCharge = TypeCharge("e_wallet")
        /** `qra` */
        @JvmField val QRA: TypeCharge = TypeCharge("qra")
        /** `pfc` */
        @JvmField val PFC: TypeCharge = TypeCharge("pfc")
        /** `applepay` */
        @JvmField val APPLEPAY: TypeCharge = TypeCharge("applepay")
        /** `googlepay` */
        @JvmField val GOOGLEPAY: TypeCharge = TypeCharge("googlepay")

        /** Every value this version knows. */
        @JvmField val KNOWN: List<TypeCharge> = listOf(CREDIT_CARD, DEBIT_CARD, BOLETO, PIX, SPEI, OXXO, E_WALLET, QRA, PFC, APPLEPAY, GOOGLEPAY)

        /** The value for a wire text: a known constant, or a new value kept as it is. */
        @JvmStatic fun of(value: String): TypeCharge = KNOWN.firstOrNull { it.value == value } ?: TypeCharge(value)
    }
}
