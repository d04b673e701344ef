package tech.a55.sdk

import java.time.Duration

// Every subclass of the sealed A55Exception carries the same fields; these read them through the
// base class, so `catch (e: A55Exception) { e.status }` works whatever the subclass. (On a
// subclass, its own property is used.) The `when` is exhaustive: a new kind fails to compile here.

private class Fields(
    val detail: String,
    val status: Int?,
    val codes: List<String>,
    val requestId: String?,
    val idempotencyKey: String?,
    val issues: List<Issue>,
    val reason: String?,
    val retryAfter: Duration?,
    val rawBody: String?,
)

private fun A55Exception.fields(): Fields = when (this) {
    is A55Exception.Validation -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Signature -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Authentication -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Permission -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.NotFound -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Conflict -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.RateLimit -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Server -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Api -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Connection -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Timeout -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.UnknownOutcome -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Configuration -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
    is A55Exception.Decode -> Fields(detail, status, codes, requestId, idempotencyKey, issues, reason, retryAfter, rawBody)
}

/** The sentence for people (the same as `message`). */
val A55Exception.detail: String get() = fields().detail

/** The HTTP status, when the server answered. */
val A55Exception.status: Int? get() = fields().status

/** The error codes (`AMOUNT_INVALID`, …). */
val A55Exception.codes: List<String> get() = fields().codes

/** The server's request id. */
val A55Exception.requestId: String? get() = fields().requestId

/** The call's idempotency key: repeat with it after an unknown outcome. */
val A55Exception.idempotencyKey: String? get() = fields().idempotencyKey

/** Validation issues, local or from the server. */
val A55Exception.issues: List<Issue> get() = fields().issues

/** Why a webhook did not verify. */
val A55Exception.reason: String? get() = fields().reason

/** How long the server asked to wait (429). */
val A55Exception.retryAfter: Duration? get() = fields().retryAfter

/** The body as received, when it matched no known error shape. */
val A55Exception.rawBody: String? get() = fields().rawBody
