// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** A PIX charge's payment data: the BR Code text and its QR code image. */
data class PixPayload(
    /** `qr_code_base64` */
    val qrCodeBase64: String?,
    /** `copy_paste` */
    val copyPaste: String?,
    /** `expiration` */
    val expiration: String?,
) {
    internal companion object {
        fun fromJson(o: JsonObject): PixPayload = PixPayload(
            qrCodeBase64 = o.text("qr_code_base64"),
            copyPaste = o.text("copy_paste"),
            expiration = o.text("expiration"),
        )
    }
}
