// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
package tech.a55.sdk

/** One page of a wallet's charges. */
data class ChargePage(
    /** `page` */
    val page: Int?,
    /** `limit` */
    val limit: Int?,
    /** `total` */
    val total: Int?,
    /** `pages` */
    val pages: Int?,
    /** `data` */
    val data: List<Charge>,
) {
    internal companion object {
        fun fromJson(o: JsonObject): ChargePage = ChargePage(
            page = o.count("page"),
            limit = o.count("limit"),
            total = o.count("total"),
            pages = o.count("pages"),
            data = o.objects("data").map { Charge.fromJson(it) },
        )
    }
}
