package tech.a55.sdk

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** No card number, CVV, tax id or secret in toString() or message of models and exceptions. */
class SecretsTest {
    private val card = "4111111111111112" // fails Luhn: a warning about the card number
    private val cvv = "9876"              // 4 digits on a Visa: INVALID_CVC
    private val taxId = "111.222.333-44"  // wrong check digits: INVALID_TAX_ID
    private val secret = "whsec_do_not_print_me"

    private fun assertClean(text: String) {
        for (s in listOf(card, card.takeLast(12), cvv, taxId, "11122233344", secret)) {
            assertFalse(text.contains(s), "'$s' leaked into: $text")
        }
    }

    @Test
    fun validationIssuesDoNotRepeatCardDataOrTaxIds() {
        val payload = """
            {"wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
             "merchant_id": "11111111-1111-1111-1111-111111111111",
             "payer_name": "Ana", "payer_email": "ana@example.com", "payer_tax_id": "$taxId",
             "payer_cell_phone": "+5511999999999", "installment_value": 150.00, "installment_count": 1,
             "currency": "BRL", "due_date": "2026-12-31", "description": "x", "type_charge": "credit_card",
             "card_number": "$card", "card_name": "Ana", "card_expiry_month": "01",
             "card_expiry_year": "2020", "card_cvv": "$cvv",
             "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "",
               "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
               "postal_code": "01310-100", "country": "BR"}}
        """.trimIndent()
        val issues = validate("charge", payload, LocalDate.of(2026, 11, 21))
        val codes = issues.map { it.code }.toSet()
        assertTrue(codes.containsAll(listOf("CARD_NUMBER_CHECKSUM", "INVALID_CVC", "EXPIRED_CARD", "INVALID_TAX_ID")),
            "issues: $codes")
        for (issue in issues) assertClean(issue.toString())
        assertClean(issues.toString())
    }

    @Test
    fun exceptionsDoNotRepeatTaxIdsOrSecrets() {
        val tax = assertThrows<A55Exception.Validation> { validateTaxId(taxId, "BR") }
        assertClean(tax.toString())
        assertClean(tax.message)
        assertClean(tax.issues.toString())
        val body = """{"charge_uuid":"c1","status":"paid"}""".toByteArray()
        val sig = signWebhook(body, "another secret", 1_795_000_000)
        val e = assertThrows<A55Exception.Signature> {
            verifyWebhook(body, sig, "1795000000", listOf(secret), Duration.ofSeconds(300),
                Instant.ofEpochSecond(1_795_000_000))
        }
        assertClean(e.toString())
        assertClean(e.message)
        assertClean(e.stackTraceToString())
    }
}
