package tech.a55.sdk.testing

import tech.a55.sdk.A55Client
import tech.a55.sdk.ClientConfig
import tech.a55.sdk.NativeEmulator

/**
 * The A55 emulator, running inside this JVM on a loopback port: a real HTTP server that keeps
 * state and can fail on purpose (docs/emulator.md). It is linked into the SDK's native library,
 * so nothing else is installed or started.
 *
 * Options use the test kit's names and defaults: `faults` (`"500=0.1,delay=1:2000"`), `seed`,
 * `settleDelayMs` (`null`: a captured charge never settles by itself), `rateLimit` (0: off),
 * `today`, `tokenTtlSecs`, `fastWebhooks`, `clientId`, `clientSecret`, `webhookSecret`, `port`.
 * An unknown option is refused, naming it.
 */
class A55Emulator private constructor(private val native: NativeEmulator) : AutoCloseable {
    /** `http://127.0.0.1:PORT`. */
    val url: String = native.url()

    /** The platform client id. */
    val clientId: String = native.clientId()

    /** The platform client secret. */
    val clientSecret: String get() = native.clientSecret()

    /** The secret webhooks are signed with. */
    val webhookSecret: String get() = native.webhookSecret()

    /** A client configured for this emulator (its platform credentials), with [config]'s other settings. */
    @JvmOverloads
    fun client(config: ClientConfig = ClientConfig()): A55Client = A55Client(
        config.copy(
            clientId = clientId,
            clientSecret = clientSecret,
            baseUrl = url,
            tokenUrl = "$url/oauth2/token",
        ),
    )

    /** Stops it (again: nothing). */
    override fun close() = native.stop()

    override fun toString(): String = "A55Emulator($url)"

    companion object {
        /** Starts an emulator with the kit's [options] (see the class). */
        @JvmStatic
        @JvmOverloads
        fun start(options: Map<String, Any?> = emptyMap()): A55Emulator {
            val snake = options.mapKeys { (k, _) -> snakeCase(k) }
            return A55Emulator(NativeEmulator.start(optionsJson(snake)))
        }

        private fun snakeCase(name: String): String =
            name.replace(Regex("([a-z0-9])([A-Z])"), "$1_$2").lowercase()

        /** The options as JSON text: text, numbers, booleans and `null`. */
        private fun optionsJson(options: Map<String, Any?>): String = options.entries.joinToString(
            prefix = "{", postfix = "}", separator = ",",
        ) { (k, v) ->
            val value = when (v) {
                null -> "null"
                is Number, is Boolean -> v.toString()
                else -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
            }
            "\"$k\":$value"
        }
    }
}
