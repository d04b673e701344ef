package tech.a55.sdk

import java.time.LocalDate
import kotlin.time.Duration
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/**
 * The A55 client: `suspend` calls running on the SDK's native core (authentication, validation,
 * retries, idempotency, decoding: every rule is the core's, the same in every language). Make one
 * per process and share it: it pools connections and shares one token. An idle client wakes
 * nothing (no timers run while no call is under way).
 *
 * Identifiers are named arguments — pass them by name, `getCharge(chargeUuid = …, walletUuid = …)`;
 * payloads are A55's JSON as a `Map` (`BigDecimal` amounts, `LocalDate` dates, nested maps and
 * lists); every result is an [A55Result] of a typed model; every failure an [A55Exception].
 *
 * Cancelling the coroutine ends the call at once. A cancelled write that may have been sent throws
 * [A55CancellationException] carrying its idempotency key; one cancelled before anything was sent
 * throws the coroutine's own cancellation, like a read.
 */
class A55Client(config: ClientConfig) : AutoCloseable {
    init {
        NativeThreads.keepAttached
    }

    private val native: NativeClient = NativeClient(config.toJson())

    /** The same client for [NativeDirect]'s calls. */
    private val direct: Long = NativeDirect.handle(this, native)

    /** The client's settings, secrets hidden. */
    private val shown = config.toString()

    override fun toString(): String = "A55Client($shown)"

    /**
     * Closes the client: later calls throw [A55Exception.Configuration]; calls under way finish.
     * The native client is freed once the object is no longer reachable.
     */
    override fun close() = native.closeClient()

    /** Starts a call by core's method name and decodes its answer with [decode]. */
    private suspend fun <T> call(
        method: String,
        args: Map<String, Any?>?,
        payload: Map<String, *>?,
        options: RequestOptions,
        maxWait: Duration? = null,
        decode: (JsonObject) -> T,
    ): A55Result<T> {
        // One JSON text for the whole call, in core's names.
        val callJson = StringBuilder(512).apply {
            append("{\"method\":").append(Json.write(method))
            append(",\"args\":").append(args?.filterValues { it != null }?.let { Json.write(it) } ?: "null")
            append(",\"payload\":").append(payload?.let { Json.write(it) } ?: "null")
            append(",\"options\":").append(options.toJson(maxWait)).append('}')
        }.toString()
        val answer = NativeDirect.call(direct, native, callJson, options.idempotencyKey)
        val o = Json.readObject(answer.text)
        return A55Result(decode(o.requiredObj("data")), ResponseMeta.fromJson(o.requiredObj("meta"), answer.rawJson))
    }

    /** Creates a wallet (A55's fields; the answer carries its credentials once). */
    suspend fun createWallet(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<Wallet> =
        call("create_wallet", null, payload, options) { Wallet.fromJson(it) }

    /** Reads a wallet by one of [walletUuid], [email] or [customerId] (and [currency]). */
    suspend fun getWallet(
        walletUuid: String? = null,
        email: String? = null,
        customerId: String? = null,
        currency: String? = null,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Wallet> = call(
        "get_wallet",
        mapOf("wallet_uuid" to walletUuid, "email" to email, "customer_id" to customerId, "currency" to currency),
        null, options,
    ) { Wallet.fromJson(it) }

    /** Creates a card, boleto or other charge. A declined card is a result (status `error`). */
    suspend fun createCharge(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<Charge> =
        call("create_charge", null, payload, options) { Charge.fromJson(it) }

    /** Creates a PIX charge (`data.pixPayload` holds the BR Code). */
    suspend fun createPixCharge(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<Charge> =
        call("create_pix_charge", null, payload, options) { Charge.fromJson(it) }

    /** Creates a subscription; the answer is its first charge. */
    suspend fun createSubscription(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<Charge> =
        call("create_subscription", null, payload, options) { Charge.fromJson(it) }

    /** Reads a charge. */
    suspend fun getCharge(
        chargeUuid: String,
        walletUuid: String,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> =
        call("get_charge", ids(chargeUuid, walletUuid), null, options) { Charge.fromJson(it) }

    /** One page of a wallet's charges, filtered by [status] and dates. */
    suspend fun listCharges(
        walletUuid: String,
        page: Int? = null,
        limit: Int? = null,
        status: ChargeStatus? = null,
        dateStart: LocalDate? = null,
        dateEnd: LocalDate? = null,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<ChargePage> = call(
        "list_charges", listArgs(walletUuid, page, limit, status, dateStart, dateEnd), null, options,
    ) { ChargePage.fromJson(it) }

    /**
     * Every charge of a wallet, one page request at a time as the flow is collected (starting at
     * [page], [limit] per page). Stopping the collection stops the requests.
     */
    fun listAllCharges(
        walletUuid: String,
        page: Int? = null,
        limit: Int? = null,
        status: ChargeStatus? = null,
        dateStart: LocalDate? = null,
        dateEnd: LocalDate? = null,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): Flow<Charge> = flow {
        val args = listArgs(walletUuid, page, limit, status, dateStart, dateEnd).filterValues { it != null }
        native.pager(Json.write(args), options.toJson()).use { pager ->
            while (true) {
                val text = pager.next() ?: break
                emit(Charge.fromJson(Json.readObject(text)))
            }
        }
    }

    /** Refunds a charge: `{"amount": …, "reason": …}`, or an empty map for a full refund. */
    suspend fun refundCharge(
        chargeUuid: String,
        walletUuid: String,
        payload: Map<String, *> = emptyMap<String, Any?>(),
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> =
        call("refund_charge", ids(chargeUuid, walletUuid), payload, options) { Charge.fromJson(it) }

    /** Cancels a charge, with an optional [reason]. */
    suspend fun cancelCharge(
        chargeUuid: String,
        walletUuid: String,
        reason: String? = null,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> = call(
        "cancel_charge", ids(chargeUuid, walletUuid) + ("reason" to reason), null, options,
    ) { Charge.fromJson(it) }

    /** Captures a pre-authorized charge: `{"amount": …}`, or an empty map for the whole amount. */
    suspend fun captureCharge(
        chargeUuid: String,
        walletUuid: String,
        payload: Map<String, *> = emptyMap<String, Any?>(),
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> =
        call("capture_charge", ids(chargeUuid, walletUuid), payload, options) { Charge.fromJson(it) }

    /** Polls a charge until its status is terminal, for at most [maxWait] (60 s). */
    suspend fun waitForCharge(
        chargeUuid: String,
        walletUuid: String,
        maxWait: Duration? = null,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> =
        call("wait_for_charge", ids(chargeUuid, walletUuid), null, options, maxWait) { Charge.fromJson(it) }

    /** Reads a subscription. */
    suspend fun getSubscription(
        subscriptionUuid: String,
        walletUuid: String,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Subscription> = call(
        "get_subscription", mapOf("subscription_uuid" to subscriptionUuid, "wallet_uuid" to walletUuid), null, options,
    ) { Subscription.fromJson(it) }

    /** Cancels a subscription. */
    suspend fun cancelSubscription(
        subscriptionUuid: String,
        walletUuid: String,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Subscription> = call(
        "cancel_subscription", mapOf("subscription_uuid" to subscriptionUuid, "wallet_uuid" to walletUuid), null, options,
    ) { Subscription.fromJson(it) }

    /** Creates a hosted checkout session: send the payer to `data.checkoutUrl`. */
    suspend fun createCheckout(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<CheckoutSession> =
        call("create_checkout", null, payload, options) { CheckoutSession.fromJson(it) }

    /** Creates a payment link. */
    suspend fun createPaymentLink(payload: Map<String, *>, options: RequestOptions = RequestOptions.DEFAULT): A55Result<PaymentLink> =
        call("create_payment_link", null, payload, options) { PaymentLink.fromJson(it) }

    /** Reads a charge through the public endpoint: no token needed (an app may call it). */
    suspend fun getPublicCharge(chargeUuid: String, options: RequestOptions = RequestOptions.DEFAULT): A55Result<PublicCharge> =
        call("get_public_charge", mapOf("charge_uuid" to chargeUuid), null, options) { PublicCharge.fromJson(it) }

    /** Pays a charge through the public endpoint with a card: no token needed (an app may call it). */
    suspend fun payPublicCharge(
        chargeUuid: String,
        payload: Map<String, *>,
        options: RequestOptions = RequestOptions.DEFAULT,
    ): A55Result<Charge> =
        call("pay_public_charge", mapOf("charge_uuid" to chargeUuid), payload, options) { Charge.fromJson(it) }

    private fun ids(chargeUuid: String, walletUuid: String): Map<String, Any?> =
        mapOf("charge_uuid" to chargeUuid, "wallet_uuid" to walletUuid)

    private fun listArgs(
        walletUuid: String,
        page: Int?,
        limit: Int?,
        status: ChargeStatus?,
        dateStart: LocalDate?,
        dateEnd: LocalDate?,
    ): Map<String, Any?> = mapOf(
        "wallet_uuid" to walletUuid, "page" to page, "limit" to limit, "status" to status?.value,
        "date_start" to dateStart?.toString(), "date_end" to dateEnd?.toString(),
    )

    companion object {
        /** A client whose credentials and URLs come from the environment ([ClientConfig.fromEnv]). */
        @JvmStatic
        @JvmOverloads
        fun fromEnv(environment: Environment = Environment.CORE_MANAGER): A55Client =
            A55Client(ClientConfig.fromEnv(environment))
    }
}

/**
 * A call's end is signalled by the native runtime's threads calling back into the JVM. JNA would
 * attach such a thread to the JVM for each callback and detach it after (a new `Thread` object each
 * time); kept attached (as daemons), each call's end costs a plain upcall.
 */
internal object NativeThreads {
    val keepAttached: Unit = com.sun.jna.Native.setCallbackThreadInitializer(
        uniffiRustFutureContinuationCallbackImpl,
        com.sun.jna.CallbackThreadInitializer(true, false, "a55-sdk"),
    )
}

