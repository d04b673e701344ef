package tech.a55.sdk

import java.math.BigDecimal
import java.math.BigInteger
import java.time.LocalDate

/** A JSON object as the reader gives it: text, `Long`, `BigDecimal`, `Boolean`, `null`, lists, maps. */
internal typealias JsonObject = Map<String, Any?>

/**
 * The JSON the client exchanges with the native library. Writing: a payload, identifiers and
 * options. Numbers that are not plain integers are written as the tagged text the native side
 * turns into JSON by core's rule (an exact decimal exactly, a float through its shortest round-trip
 * text), so no amount goes through a binary float here. Reading: core's answers in the host shape
 * (amounts and dates as text), which this reads as they are; no rule lives here.
 */
internal object Json {
    private const val DECIMAL_TAG = "\u0000decimal"
    private const val FLOAT_TAG = "\u0000float"
    private const val UNSUPPORTED_TAG = "\u0000unsupported"

    fun write(value: Any?): String = StringBuilder().also { write(it, value) }.toString()

    private fun write(out: StringBuilder, value: Any?) {
        when (value) {
            null -> out.append("null")
            is String -> string(out, value)
            is Boolean -> out.append(value)
            is Int, is Long, is Short, is Byte -> out.append(value)
            is BigDecimal -> tagged(out, DECIMAL_TAG, value.toString())
            is BigInteger -> tagged(out, DECIMAL_TAG, value.toString())
            is Double -> tagged(out, FLOAT_TAG, value.toString())
            is Float -> tagged(out, FLOAT_TAG, value.toString())
            is LocalDate -> string(out, value.toString())
            is Map<*, *> -> {
                out.append('{')
                var first = true
                for ((k, v) in value) {
                    if (!first) out.append(',')
                    first = false
                    string(out, k.toString())
                    out.append(':')
                    write(out, v)
                }
                out.append('}')
            }
            is Iterable<*> -> list(out, value)
            is Array<*> -> list(out, value.asIterable())
            // The open enums (ChargeStatus, Currency …) are written as their wire text.
            is ChargeStatus, is SubscriptionStatus, is CheckoutStatus, is PaymentLinkStatus,
            is Currency, is Cycle, is TypeCharge -> string(out, value.toString())
            // Refused by the native side, naming the field (INVALID_TYPE), before anything is sent.
            else -> tagged(out, UNSUPPORTED_TAG, value::class.qualifiedName ?: "value")
        }
    }

    private fun list(out: StringBuilder, items: Iterable<*>) {
        out.append('[')
        var first = true
        for (v in items) {
            if (!first) out.append(',')
            first = false
            write(out, v)
        }
        out.append(']')
    }

    private fun tagged(out: StringBuilder, tag: String, text: String) {
        out.append('{')
        string(out, tag)
        out.append(':')
        string(out, text)
        out.append('}')
    }

    private const val HEX = "0123456789abcdef"

    private fun string(out: StringBuilder, s: String) {
        out.append('"')
        // Runs that need no escape are appended whole.
        var run = 0
        for (i in s.indices) {
            val c = s[i]
            if (c != '"' && c != '\\' && c >= ' ') continue
            out.append(s, run, i)
            when {
                c == '"' -> out.append("\\\"")
                c == '\\' -> out.append("\\\\")
                else -> {
                    // A control character (the tags of exact numbers start with one): \u00XX.
                    out.append("\\u00").append(HEX[c.code shr 4]).append(HEX[c.code and 15])
                }
            }
            run = i + 1
        }
        out.append(s, run, s.length).append('"')
    }

    /** Reads JSON text written by core (always well formed). */
    fun read(text: String): Any? {
        val r = Reader(text)
        val v = r.value()
        r.end()
        return v
    }

    @Suppress("UNCHECKED_CAST")
    fun readObject(text: String): JsonObject =
        read(text) as? JsonObject ?: throw IllegalStateException("the native answer is not a JSON object")

    private class Reader(private val s: String) {
        private var i = 0

        fun end() {
            ws()
            check(i == s.length) { "trailing text in the native answer" }
        }

        private fun ws() {
            while (i < s.length && s[i].isWhitespace()) i++
        }

        fun value(): Any? {
            ws()
            check(i < s.length) { "the native answer ended early" }
            return when (val c = s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> str()
                't' -> word("true", true)
                'f' -> word("false", false)
                'n' -> word("null", null)
                else -> if (c == '-' || c.isDigit()) num() else error("unexpected '$c' in the native answer")
            }
        }

        private fun word(w: String, v: Any?): Any? {
            check(s.startsWith(w, i)) { "unexpected text in the native answer" }
            i += w.length
            return v
        }

        private fun obj(): JsonObject {
            i++
            val m = LinkedHashMap<String, Any?>()
            ws()
            if (s[i] == '}') { i++; return m }
            while (true) {
                ws()
                val k = str()
                ws()
                check(s[i] == ':') { "expected ':' in the native answer" }
                i++
                m[k] = value()
                ws()
                when (s[i++]) {
                    ',' -> continue
                    '}' -> return m
                    else -> error("expected ',' or '}' in the native answer")
                }
            }
        }

        private fun arr(): List<Any?> {
            i++
            val l = ArrayList<Any?>()
            ws()
            if (s[i] == ']') { i++; return l }
            while (true) {
                l.add(value())
                ws()
                when (s[i++]) {
                    ',' -> continue
                    ']' -> return l
                    else -> error("expected ',' or ']' in the native answer")
                }
            }
        }

        /** The next backslash at or after `i` (-1: none left), found once and kept until passed. */
        private var backslash = -2

        private fun nextBackslash(from: Int): Int {
            if (backslash != -1 && backslash < from) backslash = s.indexOf('\\', from)
            return backslash
        }

        /** Where the string's next run ends: its closing quote or its next escape. */
        private fun runEnd(from: Int): Int {
            val quote = s.indexOf('"', from)
            check(quote >= 0) { "a string of the native answer is not closed" }
            val escape = nextBackslash(from)
            return if (escape in from until quote) escape else quote
        }

        private fun str(): String {
            check(s[i] == '"') { "expected a string in the native answer" }
            i++
            // Runs without escapes are copied whole (most strings have none: one substring), found
            // with String.indexOf, which the JVM scans a word at a time.
            var run = runEnd(i)
            if (s[run] == '"') {
                val t = s.substring(i, run)
                i = run + 1
                return t
            }
            val b = StringBuilder(run - i + 16)
            while (true) {
                b.append(s, i, run)
                i = run
                if (s[i++] == '"') return b.toString()
                when (val e = s[i++]) {
                    'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                    'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                    'u' -> { b.append(s.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                    else -> b.append(e)
                }
                run = runEnd(i)
            }
        }

        private fun num(): Any {
            val start = i
            if (s[i] == '-') i++
            while (i < s.length && (s[i].isDigit() || s[i] in ".eE+-")) i++
            val t = s.substring(start, i)
            return t.toLongOrNull() ?: BigDecimal(t)
        }
    }
}

// Field readers of the generated models (`fromJson`). Core writes every field of the host shape
// with its kind, so these only convert.

internal fun JsonObject.text(name: String): String? = this[name] as? String

internal fun JsonObject.requiredText(name: String): String =
    text(name) ?: throw IllegalStateException("the native answer has no $name")

internal fun JsonObject.amount(name: String): BigDecimal? = text(name)?.let { BigDecimal(it) }

internal fun JsonObject.date(name: String): LocalDate? = text(name)?.let(::isoDate)

/** Core's dates are `YYYY-MM-DD`: read by their digits (`LocalDate.parse` goes through a general
 *  formatter, a few percent of a call's time on the JVM); any other text by `LocalDate.parse`. */
internal fun isoDate(t: String): LocalDate {
    fun digits(from: Int, to: Int): Int {
        var n = 0
        for (k in from until to) {
            val d = t[k] - '0'
            if (d !in 0..9) return -1
            n = n * 10 + d
        }
        return n
    }
    if (t.length == 10 && t[4] == '-' && t[7] == '-') {
        val (y, m, d) = Triple(digits(0, 4), digits(5, 7), digits(8, 10))
        if (y >= 0 && m >= 0 && d >= 0) {
            try {
                return LocalDate.of(y, m, d)
            } catch (e: java.time.DateTimeException) {
                // Not a real date (2026-02-30): LocalDate.parse refuses it with its own exception.
            }
        }
    }
    return LocalDate.parse(t)
}

internal fun JsonObject.count(name: String): Int? = (this[name] as? Number)?.toInt()

@Suppress("UNCHECKED_CAST")
internal fun JsonObject.obj(name: String): JsonObject? = this[name] as? JsonObject

internal fun JsonObject.requiredObj(name: String): JsonObject =
    obj(name) ?: throw IllegalStateException("the native answer has no $name")

@Suppress("UNCHECKED_CAST")
internal fun JsonObject.objects(name: String): List<JsonObject> =
    (this[name] as? List<*>)?.mapNotNull { it as? JsonObject } ?: emptyList()

internal fun JsonObject.texts(name: String): List<String> =
    (this[name] as? List<*>)?.mapNotNull { it as? String } ?: emptyList()
