// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** OAuth credentials issued with a wallet: shown once, store the secret. */
data class WalletCredentials(
    /** `client_id` */
    val clientId: String?,
    /** `client_secret` */
    val clientSecret: String?,
    /** `grant_type` */
    val grantType: String?,
    /** `scopes` */
    val scopes: List<String>,
) {
    /** The fields, with the secret shown as `***`. */
    override fun toString(): String =
        "WalletCredentials(clientId=$clientId, clientSecret=${if (clientSecret == null) "null" else "***"}, grantType=$grantType, scopes=$scopes)"

    internal companion object {
        fun fromJson(o: JsonObject): WalletCredentials = WalletCredentials(
            clientId = o.text("client_id"),
            clientSecret = o.text("client_secret"),
            grantType = o.text("grant_type"),
            scopes = o.texts("scopes"),
        )
    }
}
