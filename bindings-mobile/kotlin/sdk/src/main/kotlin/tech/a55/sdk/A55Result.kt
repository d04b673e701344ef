package tech.a55.sdk

import kotlinx.coroutines.CancellationException

/** A call's typed result and what came with it. */
data class A55Result<T>(
    /** The model: a [Charge], a [Wallet] … */
    val data: T,
    /** Request id, idempotency key, attempts, rate limit, warnings, raw JSON. */
    val meta: ResponseMeta,
)

/** The rate-limit headers of an answer. */
data class RateLimit(
    /** `X-RateLimit-Limit`. */
    val limit: Long?,
    /** `X-RateLimit-Remaining`. */
    val remaining: Long?,
    /** `X-RateLimit-Reset`, Unix seconds. */
    val reset: Long?,
)

/**
 * What came with a result besides its data. `toString()` leaves out the raw JSON (it holds
 * whatever the server sent, a wallet's client secret included).
 */
class ResponseMeta internal constructor(
    /** The HTTP status. */
    val status: Int,
    /** The server's request id (`X-Request-Id`). */
    val requestId: String?,
    /** The idempotency key sent (writes). */
    val idempotencyKey: String?,
    /** Whether the server replayed an earlier answer for this key. */
    val replayed: Boolean,
    /** Attempts made (1 + retries). */
    val attempts: Int,
    /** The rate-limit headers. */
    val rateLimit: RateLimit,
    /** Local validation warnings (`AMOUNT_ROUNDED`, `CARD_NUMBER_CHECKSUM`, `UNKNOWN_FIELD`). */
    val warnings: List<Issue>,
    private val raw: Lazy<String>,
) {
    /** Metadata as the client builds it (for stand-ins in your own tests). */
    constructor(
        status: Int,
        requestId: String?,
        idempotencyKey: String?,
        replayed: Boolean,
        attempts: Int,
        rateLimit: RateLimit,
        warnings: List<Issue>,
        rawJson: String,
    ) : this(status, requestId, idempotencyKey, replayed, attempts, rateLimit, warnings, lazyOf(rawJson))

    /** The answer's body exactly as received, unknown fields included (decoded when first read). */
    val rawJson: String get() = raw.value

    override fun toString(): String =
        "ResponseMeta(status=$status, requestId=$requestId, idempotencyKey=$idempotencyKey, " +
            "replayed=$replayed, attempts=$attempts, rateLimit=$rateLimit, warnings=$warnings, " +
            "rawJson=<${rawJson.length} chars>)"

    internal companion object {
        /** The metadata of a call's answer; [raw] is the raw JSON when it came apart from [o]. */
        fun fromJson(o: JsonObject, raw: Lazy<String> = lazyOf(o.text("raw_json") ?: "")): ResponseMeta {
            val rate = o.obj("rate_limit") ?: emptyMap()
            return ResponseMeta(
                status = o.count("status") ?: 0,
                requestId = o.text("request_id"),
                idempotencyKey = o.text("idempotency_key"),
                replayed = o["replayed"] == true,
                attempts = o.count("attempts") ?: 0,
                rateLimit = RateLimit(
                    limit = (rate["limit"] as? Number)?.toLong(),
                    remaining = (rate["remaining"] as? Number)?.toLong(),
                    reset = (rate["reset"] as? Number)?.toLong(),
                ),
                warnings = o.objects("warnings").map {
                    Issue(
                        code = it.requiredText("code"),
                        severity = if (it.text("severity") == "warning") Severity.WARNING else Severity.ERROR,
                        field = it.requiredText("field"),
                        description = it.requiredText("description"),
                    )
                },
                raw = raw,
            )
        }
    }
}

/**
 * Thrown when the coroutine running a **write** is cancelled (a `withTimeout`, a cancelled scope,
 * a closed screen) before its answer arrived: the request may have been sent, so the outcome is
 * unknown. It is a [CancellationException], so structured concurrency works as usual; catch it to
 * learn [idempotencyKey] and repeat the call with it later (the server then returns the original
 * result if it had acted). [cause] is the matching [A55Exception.UnknownOutcome]. A cancelled read,
 * and a write cancelled before its request had begun (nothing was sent), throw the coroutine's own
 * cancellation.
 */
class A55CancellationException internal constructor(
    /** The unknown outcome, carrying the key. */
    val outcome: A55Exception.UnknownOutcome,
) : CancellationException(outcome.detail) {
    init {
        initCause(outcome)
    }

    /** The key the write was sent with. */
    val idempotencyKey: String? get() = outcome.idempotencyKey
}
