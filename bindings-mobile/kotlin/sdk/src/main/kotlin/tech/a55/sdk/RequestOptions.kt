package tech.a55.sdk

import kotlin.time.Duration

/**
 * Per-call options. Writes take all of them; reads (and `cancelSubscription`, a DELETE) take
 * `timeout`, `deadline` and `maxRetries` only: an option a method would ignore is refused with
 * [A55Exception.Validation] naming it, and nothing is sent.
 */
data class RequestOptions(
    /** The exact `Idempotency-Key` to send (repeat a call after [A55Exception.UnknownOutcome]). */
    val idempotencyKey: String? = null,
    /**
     * Your own id for this operation (an order id): the key is derived from it, so a re-run of your
     * job cannot charge twice.
     */
    val idempotencyFrom: String? = null,
    /** Per attempt (the client's, 30 s by default). */
    val timeout: Duration? = null,
    /** For the whole call, retries included (the client's, 60 s by default). */
    val deadline: Duration? = null,
    /** Retries after the first attempt (the client's, 2 by default). */
    val maxRetries: Int? = null,
    /** Send without local validation (the server still validates). */
    val skipValidation: Boolean = false,
) {
    /** The options in core's names, with `max_wait_ms` for `waitForCharge`. */
    internal fun toJson(maxWait: Duration? = null): String {
        val m = linkedMapOf<String, Any?>()
        idempotencyKey?.let { m["idempotency_key"] = it }
        idempotencyFrom?.let { m["idempotency_from"] = it }
        timeout?.let { m["timeout_ms"] = millis(it) }
        deadline?.let { m["deadline_ms"] = millis(it) }
        maxRetries?.let { m["max_retries"] = it }
        if (skipValidation) m["skip_validation"] = true
        maxWait?.let { m["max_wait_ms"] = millis(it) }
        return Json.write(m)
    }

    companion object {
        /** No options: the client's defaults. */
        @JvmField val DEFAULT = RequestOptions()
    }
}
