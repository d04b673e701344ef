// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** What the public (no token) charge endpoint says about a charge. */
data class PublicCharge(
    /** `charge_uuid` */
    val chargeUuid: String?,
    /** `status` */
    val status: ChargeStatus,
    /** `redirect_url` */
    val redirectUrl: String?,
    /** `value` */
    val value: java.math.BigDecimal?,
    /** `currency` */
    val currency: Currency?,
    /** `type_charge` */
    val typeCharge: TypeCharge?,
    /** `installment_count` */
    val installmentCount: Int?,
    /** `message` */
    val message: List<ServerMessage>,
) {
    internal companion object {
        fun fromJson(o: JsonObject): PublicCharge = PublicCharge(
            chargeUuid = o.text("charge_uuid"),
            status = ChargeStatus.of(o.requiredText("status")),
            redirectUrl = o.text("redirect_url"),
            value = o.amount("value"),
            currency = o.text("currency")?.let { Currency.of(it) },
            typeCharge = o.text("type_charge")?.let { TypeCharge.of(it) },
            installmentCount = o.count("installment_count"),
            message = o.objects("message").map { ServerMessage.fromJson(it) },
        )
    }
}
