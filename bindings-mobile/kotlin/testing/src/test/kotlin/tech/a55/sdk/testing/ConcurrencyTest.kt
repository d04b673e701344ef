package tech.a55.sdk.testing

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.TimeoutCancellationException
import kotlin.time.Duration.Companion.milliseconds
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import tech.a55.sdk.A55CancellationException
import tech.a55.sdk.A55Exception
import tech.a55.sdk.RequestOptions

/** Many calls at once, and cancelled coroutines. */
class ConcurrencyTest {
    companion object {
        @JvmField
        @RegisterExtension
        val kit = A55EmulatorExtension()
    }

    @Test
    fun twoHundredConcurrentCoroutines() = runBlocking<Unit> {
        val client = kit.emulator.client()
        // 200 coroutines on one thread (runBlocking's): the calls run on the native runtime and
        // resume here as they end.
        val reads = (1..100).map { async { client.getWallet(walletUuid = WALLET) } }
        val writes = (1..100).map { i ->
            async { client.createCharge(seed001(extra = mapOf("installment_count" to 1)), RequestOptions(idempotencyFrom = "C-$i")) }
        }
        val wallets = reads.awaitAll()
        val charges = writes.awaitAll()
        assertTrue(wallets.all { it.data.walletUuid == WALLET })
        assertEquals(100, charges.map { it.data.chargeUuid }.toSet().size)
        assertEquals(100, charges.map { it.meta.idempotencyKey }.toSet().size)
        // And from many threads.
        val pooled = coroutineScope {
            (1..200).map { async(Dispatchers.Default) { client.getWallet(walletUuid = WALLET).data.walletUuid } }.awaitAll()
        }
        assertEquals(List(200) { WALLET }, pooled)
    }

    @Test
    fun callsCancelledAtAnyMomentEndCleanly() = runBlocking<Unit> {
        val client = kit.emulator.client()
        // Timeouts from 1 to 196 ms land before, during and after the native calls. Every call ends,
        // answered or cancelled; a cancelled read is never reported as a write; a write cancelled
        // without its key (its native task had not begun) reached nothing: sent again with the same
        // order id, it is new to the server, not replayed.
        val plain = java.util.concurrent.ConcurrentLinkedQueue<String>()
        val outcomes = (1..240).map { i ->
            async(Dispatchers.Default) {
                val write = i % 2 == 0
                val order = "STORM-$i"
                var reported: A55CancellationException? = null
                // A block that got its answer can still end in withTimeout's cancellation.
                var returned = false
                try {
                    withTimeout((1 + 5 * (i % 40)).milliseconds) {
                        try {
                            if (write) {
                                client.createCharge(
                                    seed001(extra = mapOf("installment_count" to 1)),
                                    RequestOptions(idempotencyFrom = order),
                                )
                            } else {
                                client.getWallet(walletUuid = WALLET)
                            }
                            returned = true
                        } catch (e: A55CancellationException) {
                            reported = e
                            throw e
                        }
                    }
                    "answered"
                } catch (e: CancellationException) {
                    // withTimeout's own, or the write's report when it was cancelled as it started.
                    assertTrue(e is TimeoutCancellationException || e === reported, "$e")
                    if (!write) {
                        assertNull(reported, "a cancelled read reported as a write")
                    } else if (reported != null) {
                        assertNotNull(reported?.idempotencyKey, "a cancelled write without its key")
                    } else if (!returned) {
                        plain += order
                    }
                    "cancelled"
                }
            }
        }.awaitAll()
        assertEquals(240, outcomes.size)
        assertTrue("cancelled" in outcomes, "no call was cancelled: the storm tested nothing")
        System.err.println("storm: ${outcomes.count { it == "answered" }} answered, ${plain.size} writes never sent")
        for (order in plain) {
            val again = client.createCharge(
                seed001(extra = mapOf("installment_count" to 1)), RequestOptions(idempotencyFrom = order),
            )
            assertFalse(again.meta.replayed, "$order was cancelled as never sent, yet the server had it")
        }
        // The client works on after them.
        assertEquals(WALLET, client.getWallet(walletUuid = WALLET).data.walletUuid)
    }

    @Test
    fun cancellingMidCallEndsItAndAWriteReportsItsKey() = runBlocking<Unit> {
        // Every API request of this emulator takes 60 s: only cancellation ends these calls.
        A55Emulator.start(mapOf("faults" to "delay=1:60000")).use { slow ->
            val client = slow.client()
            // A write, cancelled from outside while under way.
            val seen = CompletableDeferred<A55CancellationException>()
            val write = launch {
                try {
                    client.createCharge(seed001(), RequestOptions(idempotencyFrom = "ORDER-CANCEL"))
                } catch (e: A55CancellationException) {
                    seen.complete(e)
                    throw e
                }
            }
            kotlinx.coroutines.delay(200.milliseconds)
            write.cancel()
            write.join()
            val e = seen.await()
            assertTrue(e is CancellationException)
            assertTrue(e.cause is A55Exception.UnknownOutcome)
            assertNotNull(e.idempotencyKey)
            assertEquals(e.idempotencyKey, e.outcome.idempotencyKey)
            assertEquals("unknown_outcome", e.outcome.kind())

            // withTimeout around a write: the same exception inside the block.
            var inside: A55CancellationException? = null
            assertThrows<TimeoutCancellationException> {
                runBlocking {
                    withTimeout(200.milliseconds) {
                        try {
                            client.createPixCharge(pixPayload())
                        } catch (x: A55CancellationException) {
                            inside = x
                            throw x
                        }
                    }
                }
            }
            assertNotNull(inside?.idempotencyKey)

            // A cancelled read changed nothing: the coroutine's own cancellation.
            var readError: Throwable? = null
            val read = launch {
                try {
                    client.getWallet(walletUuid = WALLET)
                } catch (x: Throwable) {
                    readError = x
                    throw x
                }
            }
            kotlinx.coroutines.delay(200.milliseconds)
            read.cancel()
            read.join()
            assertTrue(readError is CancellationException)
            assertTrue(readError !is A55CancellationException)
        }
        // The client still works after cancelled calls.
        assertNull(kit.emulator.client().getWallet(walletUuid = WALLET).meta.idempotencyKey)
    }
}
