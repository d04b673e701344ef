package tech.a55.sdk

import java.math.BigDecimal
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Bad input is a typed A55Exception naming the argument, never a crash of the JVM. */
class HostileInputTest {
    private fun codeOf(block: () -> Any?): String {
        val e = assertThrows<A55Exception.Validation> { block() }
        return e.codes.single()
    }

    @Test
    fun malformedDecimalText() {
        for (text in listOf("", " ", "abc", "1,5", "1.2.3", "NaN", "Infinity", "0x10", "1e", "--1", "١٢٣",
            "1\u0000", "9".repeat(100_000))) {
            assertEquals("AMOUNT_INVALID", codeOf { normalizeAmountText(text, "BRL") }, "text ${text.take(20)}")
            assertEquals("AMOUNT_INVALID", codeOf { toMinorUnitsText(text, "BRL") })
            assertEquals("AMOUNT_INVALID", codeOf { splitInstallmentsText(text, 2, "BRL") })
        }
    }

    @Test
    fun outOfRangeValues() {
        // A huge exponent is refused without expanding it (toString keeps the exponent).
        assertEquals("AMOUNT_INVALID", codeOf { normalizeAmount(BigDecimal("1E+999999999"), "BRL") })
        assertEquals("AMOUNT_INVALID", codeOf { normalizeAmount(BigDecimal("1E-999999999"), "BRL") })
        assertEquals("AMOUNT_INVALID", codeOf { normalizeAmount(BigDecimal("-0.01"), "BRL") })
        assertEquals("AMOUNT_INVALID", codeOf { normalizeAmount(BigDecimal("1000000000.00"), "BRL") })
        for (d in listOf(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE,
            Double.MIN_VALUE)) {
            assertEquals("AMOUNT_INVALID", codeOf { normalizeAmountDouble(d, "BRL") }, "double $d")
        }
        assertEquals("AMOUNT_INVALID", codeOf { fromMinorUnits(Long.MIN_VALUE, "BRL") })
        assertEquals("AMOUNT_INVALID", codeOf { fromMinorUnits(Long.MAX_VALUE, "BRL") })
        for (n in listOf(Int.MIN_VALUE, -1, 0, 13, Int.MAX_VALUE)) {
            assertEquals("INVALID_INSTALLMENT_COUNT", codeOf { splitInstallments(BigDecimal.TEN, n, "BRL") })
            assertEquals("INVALID_INSTALLMENT_COUNT", codeOf { installmentDueDates(LocalDate.of(2026, 1, 1), n) })
        }
        assertEquals("INVALID_SUBSCRIPTION",
            codeOf { subscriptionSchedule(LocalDate.of(2026, 1, 1), "weekly", Int.MAX_VALUE, null) })
        // Dates LocalDate can hold but the core cannot: years beyond 9999 or before 1.
        assertEquals("INVALID_DATE", codeOf { installmentDueDates(LocalDate.MAX, 1) })
        assertEquals("INVALID_DATE", codeOf { installmentDueDates(LocalDate.MIN, 1) })
        assertEquals("INVALID_DATE", codeOf { installmentDueDates(LocalDate.of(0, 1, 1), 1) })
        assertEquals("INVALID_DATE", codeOf { installmentDueDates(LocalDate.of(9999, 12, 31), 2) })
        assertEquals("INVALID_DATE", codeOf { nextChargeDate(LocalDate.of(9999, 12, 31), "yearly", null) })
    }

    @Test
    fun invalidUtf16IsRefusedBeforeTheCall() {
        // A lone surrogate is not text: uniffi's string encoder refuses it on the JVM side.
        assertThrows<java.nio.charset.CharacterCodingException> { normalizeAmountText("\uD800", "BRL") }
        assertThrows<java.nio.charset.CharacterCodingException> { cardBrand("4111\uDC00") }
    }

    @Test
    fun emptyAndStrangeStrings() {
        assertEquals("CURRENCY_NOT_SUPPORTED", codeOf { normalizeAmountText("1", "") })
        assertEquals("CURRENCY_NOT_SUPPORTED", codeOf { currencyExponent("\u0000") })
        assertEquals("INVALID_DATE", codeOf { installmentDueDatesText("", 1) })
        assertEquals("INVALID_DATE", codeOf { installmentDueDatesText("2026-02-30", 1) })
        assertEquals("INVALID_SUBSCRIPTION_CYCLE", codeOf { nextChargeDateText("2026-01-01", "", null) })
        assertEquals("INVALID_COUNTRY", codeOf { validateTaxId("", "") })
        assertEquals("INVALID_TAX_ID", codeOf { validateTaxId("", "BR") })
        assertEquals("INVALID_BR_CODE", codeOf { parsePixBrCode("") })
        assertEquals("INVALID_BR_CODE", codeOf { parsePixBrCode("0002" + "\uD83D\uDE00".repeat(10_000)) })
        assertEquals("unknown", cardBrand("\u0000\uFFFF"))
        assertEquals("INVALID_VALUE", codeOf { validate("", "{}", null) })
    }

    @Test
    fun validateRefusesOnlyArgumentsNotPayloads() {
        assertEquals("INVALID_TYPE", codeOf { validate("charge", "", null) })
        assertEquals("INVALID_TYPE", codeOf { validate("charge", "{\"a\":", null) })
        // Nesting deeper than the JSON reader allows is an error, not a stack overflow.
        assertEquals("INVALID_TYPE", codeOf { validate("charge", "[".repeat(100_000), null) })
        // A payload that is JSON but not an object is a payload problem: issues, no exception.
        val issues = validate("charge", "\"text\"", LocalDate.of(2026, 11, 21))
        assertEquals(listOf("INVALID_TYPE"), issues.map { it.code })
        assertTrue(validate("refund", "null", null).isNotEmpty())
    }

    @Test
    fun webhookArguments() {
        val body = "{}".toByteArray()
        val sig = "0".repeat(64)
        val now = Instant.ofEpochSecond(1_795_000_000)
        assertEquals("INVALID_VALUE", codeOf {
            verifyWebhook(body, sig, "1795000000", listOf("s"), Duration.ofSeconds(-1), now)
        })
        val empty = assertThrows<A55Exception.Signature> {
            verifyWebhook(ByteArray(0), "", "", emptyList(), null, null)
        }
        assertEquals("no_secrets", empty.reason)
        val ts = assertThrows<A55Exception.Signature> {
            verifyWebhook(body, sig, "\u0000", listOf(""), Duration.ofSeconds(Long.MAX_VALUE), Instant.MIN)
        }
        assertEquals("malformed_timestamp", ts.reason)
        val bad = assertThrows<A55Exception.Signature> {
            verifyWebhook(ByteArray(1_000_000) { 0xff.toByte() }, sig, "1", listOf("s"), null, Instant.MAX)
        }
        assertEquals("signature_mismatch", bad.reason)
        assertFalse(signWebhook(ByteArray(0), "", Long.MIN_VALUE).isEmpty())
    }
}
