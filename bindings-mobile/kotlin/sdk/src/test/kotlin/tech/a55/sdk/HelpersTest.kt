package tech.a55.sdk

import java.math.BigDecimal
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The typed Kotlin API: BigDecimal amounts, LocalDate dates, java.time durations and instants. */
class HelpersTest {
    @Test
    fun amountsAreBigDecimals() {
        val n = normalizeAmount(BigDecimal("10.005"), "BRL")
        assertEquals(BigDecimal("10.01"), n)
        assertEquals(2, n.scale())
        assertEquals(BigDecimal("50000"), normalizeAmount(BigDecimal("50000.50"), "CLP"))
        assertEquals(BigDecimal("100.00"), normalizeAmount(BigDecimal("1E+2"), "BRL"))
        assertEquals(BigDecimal("2.68"), normalizeAmountDouble(2.675, "BRL"))
        assertEquals(1001L, toMinorUnits(BigDecimal("10.005"), "BRL"))
        assertEquals(BigDecimal("10.01"), fromMinorUnits(1001, "BRL"))
        assertEquals(0, currencyExponent("CLP"))
        assertEquals(
            listOf("33.34", "33.33", "33.33"),
            splitInstallments(BigDecimal("100.00"), 3, "BRL").map { it.toPlainString() },
        )
    }

    @Test
    fun datesAreLocalDates() {
        assertEquals(
            listOf(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28)),
            installmentDueDates(LocalDate.of(2026, 12, 31), 3),
        )
        assertEquals(LocalDate.of(2029, 2, 28), nextChargeDate(LocalDate.of(2028, 2, 29), "yearly", null))
        assertNull(nextChargeDate(LocalDate.of(2026, 1, 31), "monthly", LocalDate.of(2026, 2, 27)))
        assertEquals(
            listOf(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31)),
            subscriptionSchedule(LocalDate.of(2026, 1, 31), "monthly", 5, LocalDate.of(2026, 4, 1)),
        )
    }

    @Test
    fun otherHelpers() {
        assertEquals("CPF", validateTaxId("123.456.789-09", "BR"))
        assertEquals("Visa", cardBrand("4111 1111 1111 1111"))
        assertEquals("unknown", cardBrand(""))
        val issues = validate("wallet", "{}", LocalDate.of(2026, 11, 21))
        assertTrue(issues.any { it.code == "REQUIRED_FIELD" && it.severity == Severity.ERROR })
    }

    @Test
    fun webhooksRoundTrip() {
        val body = """{"charge_uuid":"c1","status":"cancelled","amount":10.5}""".toByteArray()
        val signature = signWebhook(body, "whsec_test", 1_795_000_000)
        val now = Instant.ofEpochSecond(1_795_000_100)
        val event = verifyWebhook(body, signature, "1795000000", listOf("old", "whsec_test"), null, now)
        assertEquals("canceled", event.status)
        assertEquals("c1:canceled", event.dedupKey)
        assertEquals("10.5", event.amount)
        val late = assertThrows<A55Exception.Signature> {
            verifyWebhook(body, signature, "1795000000", listOf("whsec_test"), Duration.ofSeconds(99), now)
        }
        assertEquals("timestamp_too_old", late.reason)
        assertEquals(listOf("INVALID_WEBHOOK_SIGNATURE"), late.codes)
        assertEquals("signature", late.kind())
        // Sub-second tolerances and instants: the core counts whole seconds.
        verifyWebhook(body, signature, "1795000000", listOf("whsec_test"), Duration.ofMillis(100_900), now)
    }

    @Test
    fun errorsAreTypedAndCarryTheirIssues() {
        val e = assertThrows<A55Exception.Validation> { normalizeAmount(BigDecimal("0.001"), "BRL") }
        assertEquals(listOf("AMOUNT_INVALID"), e.codes)
        assertEquals("amount", e.issues.single().field)
        assertEquals(Severity.ERROR, e.issues.single().severity)
        assertEquals("validation", e.kind())
        assertEquals(e.detail, e.toString())
        assertNull(e.status)
        val c = assertThrows<A55Exception.Validation> { normalizeAmount(BigDecimal.TEN, "brl") }
        assertEquals(listOf("CURRENCY_NOT_SUPPORTED"), c.codes)
    }

    @Test
    fun theHierarchyMirrorsErrorKind() {
        val names = A55Exception::class.java.declaredClasses
            .filter { A55Exception::class.java.isAssignableFrom(it) }
            .map { it.simpleName }.toSet()
        assertEquals(
            setOf(
                "Validation", "Signature", "Authentication", "Permission", "NotFound", "Conflict",
                "RateLimit", "Server", "Api", "Connection", "Timeout", "UnknownOutcome",
                "Configuration", "Decode",
            ),
            names,
        )
        // The client (part 2) raises these; every one carries the same fields.
        val e: A55Exception = A55Exception.RateLimit(
            "slow down", 429, listOf("RATE_LIMIT_EXCEEDED"), "req_1", "key_1", emptyList(), null,
            Duration.ofSeconds(3), null,
        )
        assertEquals("rate_limit", e.kind())
        assertEquals(Duration.ofSeconds(3), (e as A55Exception.RateLimit).retryAfter)
        assertEquals("slow down", e.toString())
        val u = A55Exception.UnknownOutcome("no answer", null, emptyList(), null, "key_2", emptyList(), null, null, null)
        assertEquals("key_2", u.idempotencyKey)
        assertEquals("unknown_outcome", u.kind())
    }
}
