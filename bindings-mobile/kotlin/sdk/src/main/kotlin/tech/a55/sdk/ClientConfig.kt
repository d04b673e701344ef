package tech.a55.sdk

import java.time.LocalDate
import kotlin.time.Duration
import kotlin.time.DurationUnit

/** Where the client talks to: A55's environments. */
enum class Environment(
    /** The name core reads (`core-manager`, `production`, `sandbox`). */
    val wireName: String,
) {
    /** `https://core-manager.a55.tech` (the default). */
    CORE_MANAGER("core-manager"),
    /** `https://api.a55.tech`. */
    PRODUCTION("production"),
    /** `https://sandbox.api.a55.tech`. */
    SANDBOX("sandbox"),
}

/**
 * A client's settings. Give `clientId` + `clientSecret` (tokens fetched and refreshed for you) or an
 * `accessToken`; or none, for the public endpoints only (`getPublicCharge`, `payPublicCharge`: what
 * an app may call). [fromEnv] reads them from the environment instead. Every value is checked by
 * the SDK's core when the client is made: a mistake is an [A55Exception] naming the setting.
 *
 * `toString()` never shows the secret or the token.
 */
data class ClientConfig(
    val clientId: String? = null,
    val clientSecret: String? = null,
    val accessToken: String? = null,
    val environment: Environment = Environment.CORE_MANAGER,
    /** Overrides the environment's API URL (an emulator's `http://127.0.0.1:PORT`). */
    val baseUrl: String? = null,
    /** Overrides the environment's OAuth2 token URL. */
    val tokenUrl: String? = null,
    /** Per attempt (30 s). */
    val timeout: Duration? = null,
    /** For the whole call, retries included (60 s). */
    val deadline: Duration? = null,
    /** Retries after the first attempt (2). */
    val maxRetries: Int? = null,
    /** Validate requests locally before sending them (true). */
    val validate: Boolean? = null,
    /** "Today" for validation (default: the date at UTC−12). */
    val today: LocalDate? = null,
    /** Plain http to a host that is not loopback (an emulator in a container). */
    val allowInsecureHttp: Boolean = false,
    /** Read the credentials (and URL overrides) from the environment, see [fromEnv]. */
    val fromEnv: Boolean = false,
    /** Wait for the rate budget (A55: 100 requests a minute per client) instead of drawing a 429 (true). */
    val pacing: Boolean? = null,
    /**
     * Share the rate budget and the access token with every process naming the same store:
     * `redis://host:port/db` (else `A55_SHARED_STORE`; `""` for none). See docs/fleet.md.
     */
    val sharedStore: String? = null,
) {
    override fun toString(): String =
        "ClientConfig(clientId=$clientId, clientSecret=${mask(clientSecret)}, " +
            "accessToken=${mask(accessToken)}, environment=$environment, baseUrl=$baseUrl, " +
            "tokenUrl=$tokenUrl, timeout=$timeout, deadline=$deadline, maxRetries=$maxRetries, " +
            "validate=$validate, today=$today, allowInsecureHttp=$allowInsecureHttp, fromEnv=$fromEnv, " +
            "pacing=$pacing, sharedStore=${sharedStore?.let { "[set]" }})"

    /** The settings in core's names. */
    internal fun toJson(): String {
        val m = linkedMapOf<String, Any?>(
            "environment" to environment.wireName,
            "user_agent_suffix" to "kotlin/$SDK_VERSION",
        )
        clientId?.let { m["client_id"] = it }
        clientSecret?.let { m["client_secret"] = it }
        accessToken?.let { m["access_token"] = it }
        baseUrl?.let { m["base_url"] = it }
        tokenUrl?.let { m["token_url"] = it }
        timeout?.let { m["timeout_ms"] = millis(it) }
        deadline?.let { m["deadline_ms"] = millis(it) }
        maxRetries?.let { m["max_retries"] = it }
        validate?.let { m["validate"] = it }
        today?.let { m["today"] = it.toString() }
        if (allowInsecureHttp) m["allow_insecure_http"] = true
        if (fromEnv) m["from_env"] = true
        pacing?.let { m["pacing"] = it }
        sharedStore?.let { m["shared_store"] = it }
        return Json.write(m)
    }

    companion object {
        /**
         * Settings from the environment variables: `A55_CLIENT_ID` + `A55_CLIENT_SECRET`, or
         * `A55_ACCESS_TOKEN` (alias `A55_API_TOKEN`); `A55_API_URL` and `A55_AUTH_URL` override
         * the environment's URLs.
         */
        @JvmStatic
        @JvmOverloads
        fun fromEnv(environment: Environment = Environment.CORE_MANAGER): ClientConfig =
            ClientConfig(environment = environment, fromEnv = true)
    }
}

/** The package's version, sent in the user agent. */
internal const val SDK_VERSION = "0.1.0"

private fun mask(secret: String?): String = if (secret == null) "null" else "***"

/**
 * A duration as core's milliseconds: written as a float so that a fraction of a millisecond, a
 * negative or an infinite duration reaches core, which refuses it naming the option.
 */
internal fun millis(d: Duration): Double = when {
    d.isInfinite() -> if (d.isPositive()) Double.POSITIVE_INFINITY else Double.NEGATIVE_INFINITY
    else -> d.toDouble(DurationUnit.MILLISECONDS)
}
