// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** One entry of a charge's `message` list: why A55 declined or refused it. */
data class ServerMessage(
    /** `code` */
    val code: String?,
    /** `source` */
    val source: String?,
    /** `description` */
    val description: String?,
    /** `field` */
    val field: String?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): ServerMessage = ServerMessage(
            code = o.text("code"),
            source = o.text("source"),
            description = o.text("description"),
            field = o.text("field"),
        )
    }
}
