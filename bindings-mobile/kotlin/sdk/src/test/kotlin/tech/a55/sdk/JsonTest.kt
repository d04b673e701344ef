package tech.a55.sdk

import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The reader of core's answers: strings with and without escapes, numbers, nesting. */
class JsonTest {
    @Test
    fun stringsReadWithEveryEscapeCoreWrites() {
        val text = """{"plain":"abc","empty":"","quote":"x\"y","slash":"a\\b\/c","controls":"\n\t\r\b\f",""" +
            """"unicode":"\u00e9\u0001 订单","pair":"\ud83d\ude00","mixed":"{\"k\":\"v\\\"\"}"}"""
        val o = Json.readObject(text)
        assertEquals("abc", o["plain"])
        assertEquals("", o["empty"])
        assertEquals("x\"y", o["quote"])
        assertEquals("a\\b/c", o["slash"])
        assertEquals("\n\t\r\b\u000c", o["controls"])
        assertEquals("\u00e9\u0001 订单", o["unicode"])
        assertEquals("\ud83d\ude00", o["pair"])
        assertEquals("{\"k\":\"v\\\"\"}", o["mixed"])
    }

    @Test
    fun numbersKeepTheirDigits() {
        val o = Json.readObject("""{"n":[12,-3,450.00,1e2]}""")
        assertEquals(listOf(12L, -3L, BigDecimal("450.00"), BigDecimal("1e2")), o["n"])
    }

    @Test
    fun whatIsWrittenReadsBack() {
        val value = mapOf(
            "text" to "line\nquote\" tab\t back\\ é 😀",
            "list" to listOf(1L, -7L, "", null, true, false),
            "nested" to mapOf("a" to mapOf("b" to emptyList<Any?>())),
        )
        assertEquals(value, Json.readObject(Json.write(value)))
        // Control characters as \u00XX (lower-case hex), as JSON and core's reader expect.
        assertEquals("\"\\u0000float\\u001f\\u000a\"", Json.write("\u0000float\u001f\n"))
    }

    @Test
    fun datesReadAsLocalDateParseReadsThem() {
        var day = java.time.LocalDate.of(1899, 12, 25)
        while (day.year < 2101) {
            assertEquals(day, isoDate(day.toString()))
            day = day.plusDays(3)
        }
        // Not core's shape: read by LocalDate.parse, which takes or refuses it.
        assertEquals(java.time.LocalDate.of(12345, 1, 2), isoDate("+12345-01-02"))
        for (bad in listOf("2026-02-30", "2026-1a-01", "2026/01/01")) {
            org.junit.jupiter.api.Assertions.assertThrows(java.time.format.DateTimeParseException::class.java) { isoDate(bad) }
        }
    }
}
