package tech.a55.sdk.testing

import java.io.File
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * An idle client wakes nothing: after its calls end, the native runtime's threads (named
 * `a55-sdk`) stay asleep. Counted from Linux's per-thread context switches, which grow each time a
 * thread wakes; a client that ticked once a second would show several in the pause below.
 */
class IdleTest {
    companion object {
        @JvmField
        @RegisterExtension
        val kit = A55EmulatorExtension(mapOf("settleDelayMs" to null))
    }

    /** The context switches of every thread of the SDK's runtime, by thread id. */
    private fun switches(): Map<String, Long> {
        val tasks = File("/proc/self/task").listFiles() ?: return emptyMap()
        return tasks.filter { File(it, "comm").readText().trim() == "a55-sdk" }.associate { task ->
            val status = File(task, "status").readLines()
            task.name to status.filter { it.contains("ctxt_switches") }
                .sumOf { it.substringAfter(':').trim().toLong() }
        }
    }

    @Test
    fun anIdleClientWakesNothing() = runBlocking<Unit> {
        val client = kit.emulator.client()
        client.getWallet(walletUuid = WALLET)
        client.createCharge(seed001(extra = mapOf("installment_count" to 1)))
        // Let the server and the connection pool settle after the last answer.
        Thread.sleep(500)
        val before = switches()
        assertTrue(before.isNotEmpty(), "no a55-sdk threads found")
        Thread.sleep(3000)
        val after = switches()
        val woke = before.keys.sumOf { (after[it] ?: before.getValue(it)) - before.getValue(it) }
        assertEquals(0L, woke, "wake-ups of an idle client in 3 s: $before → $after")
        // The client still works.
        assertEquals(WALLET, client.getWallet(walletUuid = WALLET).data.walletUuid)
    }
}
