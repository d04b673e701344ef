// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A wallet. */
data class Wallet(
    /** `wallet_uuid` */
    val walletUuid: String?,
    /** `entity_uuid` */
    val entityUuid: String?,
    /** `merchant_uuid` */
    val merchantUuid: String?,
    /** `customer_id` */
    val customerId: String?,
    /** `currency` */
    val currency: Currency?,
    /** `name` */
    val name: String?,
    /** `email` */
    val email: String?,
    /** `credentials` */
    val credentials: WalletCredentials?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): Wallet = Wallet(
            walletUuid = o.text("wallet_uuid"),
            entityUuid = o.text("entity_uuid"),
            merchantUuid = o.text("merchant_uuid"),
            customerId = o.text("customer_id"),
            currency = o.text("currency")?.let { Currency.of(it) },
            name = o.text("name"),
            email = o.text("email"),
            credentials = o.obj("credentials")?.let { WalletCredentials.fromJson(it) },
        )
    }
}
