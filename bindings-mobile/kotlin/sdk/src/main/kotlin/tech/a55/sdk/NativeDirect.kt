package tech.a55.sdk

import com.sun.jna.Callback
import com.sun.jna.CallbackThreadInitializer
import com.sun.jna.Native
import com.sun.jna.Pointer
import java.nio.ByteBuffer
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.suspendCancellableCoroutine

/**
 * The client's calls into the native library by its direct path (bindings-mobile/src/direct.rs;
 * bindings-mobile/README.md, "How a Kotlin call crosses"): a call goes down once with its JSON text and comes back once with its answer,
 * through JNA's direct mapping and plain bytes. uniffi's generated glue, which allocates a
 * registered JNA structure for every call status and buffer, serves everything else; its own
 * converter reads the errors, so they are the same [A55Exception]s.
 */
internal object NativeDirect {
    private const val ANSWER = 0
    private const val NOT_STARTED = -2
    /** What cancelling answers when the cancellation is plain (core's rule: a read, or nothing sent). */
    private const val PLAIN = 0

    /** Room for a key the core makes (a UUID); a caller's own key gets its own room on top. */
    private const val KEY_ROOM = 64

    /** The function the native library calls when a call ends. */
    internal interface DoneCallback : Callback {
        fun invoke(token: Long, kind: Int, data: Pointer, len: Int)
    }

    private val waiting = ConcurrentHashMap<Long, CancellableContinuation<Ended>>()
    private val tokens = AtomicLong()

    private class Ended(val kind: Int, val bytes: ByteArray)

    /**
     * A call's answer: the `{data, meta}` JSON text, and the raw JSON as received (kept as bytes and
     * decoded when first read: most callers never read it).
     */
    class Answer(val text: String, val rawJson: Lazy<String>)

    /** Runs on the native runtime's threads, kept attached to the JVM (no attach per call). */
    private object Done : DoneCallback {
        override fun invoke(token: Long, kind: Int, data: Pointer, len: Int) {
            // Resuming a cancelled call does nothing: its end is dropped.
            waiting.remove(token)?.resume(Ended(kind, data.getByteArray(0, len)))
        }
    }

    init {
        // Loaded as uniffi loads it (the same library instance, its version checks run first).
        uniffiEnsureInitialized()
        Native.register(
            NativeDirect::class.java,
            System.getProperty("uniffi.component.a55_mobile.libraryOverride") ?: "a55_mobile",
        )
        Native.setCallbackThreadInitializer(Done, CallbackThreadInitializer(true, false, "a55-sdk"))
    }

    private external fun a55_mobile_direct_open(native: Long, done: DoneCallback): Long
    private external fun a55_mobile_direct_call(
        client: Long, token: Long, call: ByteArray, len: Int, key: ByteArray, keyCap: Int,
    ): Int
    private external fun a55_mobile_direct_cancel(client: Long, token: Long): Int
    private external fun a55_mobile_direct_release(client: Long)

    private class Release(private val handle: Long) : Runnable {
        override fun run() = a55_mobile_direct_release(handle)
    }

    /**
     * A handle on [native] for this path, its calls' ends sent to this class's callback (so each
     * class loader's copy of the SDK gets its own), released once [owner] is no longer reachable.
     */
    fun handle(owner: Any, native: NativeClient): Long {
        val handle = a55_mobile_direct_open(native.directHandle().toLong(), Done)
        check(handle != 0L) { "the SDK's native client could not be opened" }
        UniffiLib.CLEANER.register(owner, Release(handle))
        return handle
    }

    /**
     * Runs the call [callJson] (`{"method", "args", "payload", "options"}`) on [client]: its
     * [Answer], or the call's [A55Exception]. A cancelled coroutine ends the call; a write whose
     * request had begun, which may have been sent, then throws [A55CancellationException] with the
     * key the core gave it before sending ([callerKey]: the caller's own key, if any, to size its
     * room). A call cancelled before its native task began sent nothing: its cancellation is the
     * coroutine's own.
     */
    suspend fun call(client: Long, native: NativeClient, callJson: String, callerKey: String?): Answer {
        val request = callJson.toByteArray(Charsets.UTF_8)
        val key = ByteArray(KEY_ROOM + 3 * (callerKey?.length ?: 0))
        var keyLen = -1
        // Set when core says the cancellation is plain: it came before the native task began
        // (which then never will), so nothing was sent.
        val plain = AtomicBoolean()
        val ended = try {
            suspendCancellableCoroutine<Ended> { cont ->
                val token = tokens.incrementAndGet()
                waiting[token] = cont
                cont.invokeOnCancellation {
                    waiting.remove(token)
                    if (a55_mobile_direct_cancel(client, token) == PLAIN) plain.set(true)
                }
                keyLen = a55_mobile_direct_call(client, token, request, request.size, key, key.size)
                if (keyLen == NOT_STARTED) {
                    waiting.remove(token)
                    cont.resumeWithException(InternalException("the SDK's native call did not start"))
                } else if (cont.isCancelled) {
                    // Cancelled while it was being started: end it now.
                    if (a55_mobile_direct_cancel(client, token) == PLAIN) plain.set(true)
                }
            }
        } catch (e: CancellationException) {
            if (keyLen in 0..key.size && !plain.get()) {
                val lost = native.abandonedCall(String(key, 0, keyLen, Charsets.UTF_8))
                if (lost is A55Exception.UnknownOutcome) throw A55CancellationException(lost)
            }
            throw e
        }
        val bytes = ended.bytes
        if (ended.kind != ANSWER) throw FfiConverterTypeA55Error.read(ByteBuffer.wrap(bytes))
        // The text's length (4 bytes, big-endian), the text, then the raw JSON.
        val n = ByteBuffer.wrap(bytes).int
        val rawAt = 4 + n
        return Answer(
            String(bytes, 4, n, Charsets.UTF_8),
            lazy { String(bytes, rawAt, bytes.size - rawAt, Charsets.UTF_8) },
        )
    }
}
