// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A charge, as create, get, list, refund, cancel and capture describe it. */
data class Charge(
    /** `charge_uuid` */
    val chargeUuid: String?,
    /** `status` */
    val status: ChargeStatus,
    /** `local_currency` */
    val localCurrency: java.math.BigDecimal?,
    /** `currency` */
    val currency: Currency?,
    /** `usd_currency` */
    val usdCurrency: java.math.BigDecimal?,
    /** `eur_currency` */
    val eurCurrency: java.math.BigDecimal?,
    /** `type_charge` */
    val typeCharge: TypeCharge?,
    /** `date` */
    val date: String?,
    /** `description` */
    val description: String?,
    /** `due_date` */
    val dueDate: java.time.LocalDate?,
    /** `installment_count` */
    val installmentCount: Int?,
    /** `installments` */
    val installments: List<Installment>,
    /** `charge_payment_url` */
    val chargePaymentUrl: String?,
    /** `url_3ds` */
    val url3ds: String?,
    /** `message` */
    val message: List<ServerMessage>,
    /** `subscription` */
    val subscription: SubscriptionInfo?,
    /** `pix_payload` */
    val pixPayload: PixPayload?,
    /** `boleto_url` */
    val boletoUrl: String?,
    /** `barcode` */
    val barcode: String?,
    /** `wallet_uuid` */
    val walletUuid: String?,
    /** `refunded_amount` */
    val refundedAmount: java.math.BigDecimal?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): Charge = Charge(
            chargeUuid = o.text("charge_uuid"),
            status = ChargeStatus.of(o.requiredText("status")),
            localCurrency = o.amount("local_currency"),
            currency = o.text("currency")?.let { Currency.of(it) },
            usdCurrency = o.amount("usd_currency"),
            eurCurrency = o.amount("eur_currency"),
            typeCharge = o.text("type_charge")?.let { TypeCharge.of(it) },
            date = o.text("date"),
            description = o.text("description"),
            dueDate = o.date("due_date"),
            installmentCount = o.count("installment_count"),
            installments = o.objects("installments").map { Installment.fromJson(it) },
            chargePaymentUrl = o.text("charge_payment_url"),
            url3ds = o.text("url_3ds"),
            message = o.objects("message").map { ServerMessage.fromJson(it) },
            subscription = o.obj("subscription")?.let { SubscriptionInfo.fromJson(it) },
            pixPayload = o.obj("pix_payload")?.let { PixPayload.fromJson(it) },
            boletoUrl = o.text("boleto_url"),
            barcode = o.text("barcode"),
            walletUuid = o.text("wallet_uuid"),
            refundedAmount = o.amount("refunded_amount"),
        )
    }
}
