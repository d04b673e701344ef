package tech.a55.sdk.testing

import java.io.File
import java.time.Duration as JavaDuration
import java.time.Instant
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import tech.a55.sdk.A55Client
import tech.a55.sdk.A55Exception
import tech.a55.sdk.ChargeStatus
import tech.a55.sdk.ClientConfig
import tech.a55.sdk.detail
import tech.a55.sdk.RequestOptions
import tech.a55.sdk.signWebhook
import tech.a55.sdk.verifyWebhook

/** Each exception of the contract, raised for real where the emulator can, with its fields. */
class ErrorsTest {
    companion object {
        @JvmField
        @RegisterExtension
        val kit = A55EmulatorExtension()
    }

    private val client: A55Client by lazy { kit.emulator.client() }

    /** The message is the readable sentence, the same as `detail` and `toString()`. */
    private fun readable(e: A55Exception) {
        assertEquals(e.detail, e.message)
        assertEquals(e.detail, e.toString())
        assertFalse(e.message!!.startsWith("detail="), e.message)
    }

    private inline fun <reified E : A55Exception> fails(noinline call: suspend () -> Unit): E {
        val e = assertThrows<E> { runBlocking { call() } }
        readable(e)
        return e
    }

    @Test
    fun sharedStoreReachesCoreAndAStoreThatIsDownFailsNoCall() = runBlocking<Unit> {
        val bad = assertThrows<A55Exception.Configuration> {
            kit.emulator.client(ClientConfig(sharedStore = "memcached://x"))
        }
        assertTrue(bad.message!!.contains("shared_store"), bad.message)
        val port = java.net.ServerSocket(0).use { it.localPort }
        val fleet = kit.emulator.client(ClientConfig(sharedStore = "redis://127.0.0.1:$port/0", pacing = true))
        assertEquals(WALLET, fleet.getWallet(walletUuid = WALLET).data.walletUuid)
        assertFalse(ClientConfig(sharedStore = "redis://:hunter2@h/0").toString().contains("hunter2"))
    }

    @Test
    fun validationIsLocalNamesTheFieldAndSendsNothing() {
        val e = fails<A55Exception.Validation> {
            client.createCharge(seed001(extra = mapOf("installment_count" to 13)))
        }
        assertEquals("validation", e.kind())
        assertTrue(e.issues.any { it.field == "installment_count" })
        assertNull(e.status) // refused locally: nothing was sent
        // An option the method does not honour, a bad duration, a value with no JSON form.
        val opt = fails<A55Exception.Validation> {
            client.getCharge(chargeUuid = WALLET, walletUuid = WALLET, options = RequestOptions(idempotencyKey = "k"))
        }
        assertEquals("idempotency_key", opt.issues[0].field)
        val neg = fails<A55Exception.Validation> {
            client.getWallet(walletUuid = WALLET, options = RequestOptions(timeout = (-1).seconds))
        }
        assertEquals("timeout_ms", neg.issues[0].field)
        val file = fails<A55Exception.Validation> {
            client.createCharge(seed001(extra = mapOf("metadata" to mapOf("file" to File("x")))))
        }
        assertEquals("metadata.file", file.issues[0].field)
        val nan = fails<A55Exception.Validation> {
            client.createCharge(seed001(extra = mapOf("installment_value" to Double.NaN)))
        }
        assertEquals("installment_value", nan.issues[0].field)
        assertThrows<A55Exception.Validation> { ClientConfig(clientId = "only-id").let { A55Client(it) } }
    }

    @Test
    fun httpStatusesBecomeTheirExceptions() = runBlocking<Unit> {
        val missing = fails<A55Exception.NotFound> {
            client.getCharge(chargeUuid = "00000000-0000-4000-8000-000000000000", walletUuid = WALLET)
        }
        assertEquals(404, missing.status)
        assertTrue(missing.requestId!!.startsWith("req_"))

        val url = kit.emulator.url
        val wrong = A55Client(ClientConfig(clientId = "nobody", clientSecret = "wrong", baseUrl = url, tokenUrl = "$url/oauth2/token"))
        assertEquals(401, fails<A55Exception.Authentication> { wrong.getWallet(walletUuid = WALLET) }.status)

        // A wallet's own credentials may not create wallets (the platform's do).
        val wallet = client.createWallet(
            mapOf("entity_uuid" to ENTITY, "customer_id" to "cust_403", "currency" to "BRL",
                "name" to "Loja 403", "email" to "l403@loja.example.com", "create_credentials" to true),
        )
        val creds = wallet.data.credentials!!
        val merchant = A55Client(ClientConfig(clientId = creds.clientId, clientSecret = creds.clientSecret,
            baseUrl = url, tokenUrl = "$url/oauth2/token"))
        val denied = fails<A55Exception.Permission> {
            merchant.createWallet(mapOf("entity_uuid" to ENTITY, "customer_id" to "cust_404", "currency" to "BRL",
                "name" to "Loja", "email" to "x@loja.example.com", "create_credentials" to false))
        }
        assertEquals(403, denied.status)

        client.createCharge(seed001(), RequestOptions(idempotencyKey = "reuse-kotlin"))
        val conflict = fails<A55Exception.Conflict> {
            client.createCharge(seed001(extra = mapOf("installment_count" to 2)), RequestOptions(idempotencyKey = "reuse-kotlin"))
        }
        assertEquals(409, conflict.status)
        assertEquals("reuse-kotlin", conflict.idempotencyKey)

        client.getWallet(walletUuid = WALLET) // the token is fetched already
        queueFaults(kit.emulator, "429")
        val slow = fails<A55Exception.RateLimit> {
            client.getWallet(walletUuid = WALLET, options = RequestOptions(maxRetries = 0))
        }
        assertEquals(JavaDuration.ofSeconds(1), slow.retryAfter)
        queueFaults(kit.emulator, "500")
        assertEquals(500, fails<A55Exception.Server> {
            client.getWallet(walletUuid = WALLET, options = RequestOptions(maxRetries = 0))
        }.status)

        // A declined card is a result, not an exception.
        val declined = client.createCharge(seed001("4000000000000002", mapOf("installment_count" to 1)))
        assertEquals(ChargeStatus.ERROR, declined.data.status)
        assertTrue(declined.data.message.isNotEmpty())
    }

    @Test
    fun transportFailuresAndTheUnknownOutcome() = runBlocking<Unit> {
        val nowhere = A55Client(ClientConfig(accessToken = "t", baseUrl = "http://127.0.0.1:1"))
        fails<A55Exception.Connection> { nowhere.getWallet(walletUuid = WALLET, options = RequestOptions(maxRetries = 0)) }

        A55Emulator.start(mapOf("faults" to "delay=1:2000")).use { slow ->
            val c = slow.client()
            fails<A55Exception.Timeout> {
                c.getWallet(walletUuid = WALLET, options = RequestOptions(timeout = 200.milliseconds, maxRetries = 0))
            }
        }

        // The next API request is processed, then its connection reset before the answer.
        client.getWallet(walletUuid = WALLET)
        queueFaults(kit.emulator, "reset_after")
        val lost = fails<A55Exception.UnknownOutcome> {
            client.createCharge(seed001(), RequestOptions(idempotencyFrom = "ORDER-LOST", maxRetries = 0))
        }
        val key = lost.idempotencyKey!!
        // Repeating with the key gets the answer of the charge that was made.
        assertTrue(client.createCharge(seed001(), RequestOptions(idempotencyKey = key)).meta.replayed)
    }

    @Test
    fun configurationSignatureAndTheRest() {
        fails<A55Exception.Configuration> { A55Client(ClientConfig(baseUrl = "http://example.com")).getWallet(walletUuid = WALLET) }
            .also { assertEquals("configuration", it.kind()) }
        val closed = kit.emulator.client()
        closed.close()
        fails<A55Exception.Configuration> { closed.getWallet(walletUuid = WALLET) }

        val body = """{"charge_uuid":"c1","status":"paid"}""".toByteArray()
        val sig = signWebhook(body, "another secret", 1_795_000_000)
        val e = assertThrows<A55Exception.Signature> {
            verifyWebhook(body, sig, "1795000000", listOf(kit.emulator.webhookSecret), JavaDuration.ofSeconds(300),
                Instant.ofEpochSecond(1_795_000_000))
        }
        readable(e)
        assertEquals("signature_mismatch", e.reason)

        // The statuses the emulator never answers (another 4xx, a 2xx that is not JSON): the same shape.
        val api = A55Exception.Api("HTTP 418 (request req_1)", 418, emptyList(), "req_1", null, emptyList(), null, null, "<teapot/>")
        val decode = A55Exception.Decode("the answer could not be read", 200, emptyList(), null, null, emptyList(), null, null, null)
        for ((x, kind) in listOf(api to "api", decode to "decode")) {
            readable(x)
            assertEquals(kind, x.kind())
        }
    }
}
