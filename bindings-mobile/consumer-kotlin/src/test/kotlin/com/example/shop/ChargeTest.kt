package com.example.shop

import java.math.BigDecimal
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ExtendWith
import tech.a55.sdk.ChargeStatus
import tech.a55.sdk.RequestOptions
import tech.a55.sdk.testing.A55Emulator
import tech.a55.sdk.testing.A55EmulatorExtension

/** What a user of the SDK writes: a card charge in 3 installments against the test kit's emulator. */
@ExtendWith(A55EmulatorExtension::class)
class ChargeTest {
    @Test
    fun chargesACardInThreeInstallments(emulator: A55Emulator) = runBlocking<Unit> {
        // Nothing tells JNA where the library is: it comes from the a55-sdk jar.
        assertNull(System.getProperty("jna.library.path"))
        val client = emulator.client()
        val charge = client.createCharge(
            mapOf(
                "wallet_uuid" to "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id" to "11111111-1111-1111-1111-111111111111",
                "payer_name" to "Zhang Wei", "payer_email" to "zhangwei@example.com",
                "payer_tax_id" to "123.456.789-09", "payer_cell_phone" to "+5511999999999",
                "installment_value" to BigDecimal("150.00"), "installment_count" to 3, "currency" to "BRL",
                "due_date" to "2030-12-31", "description" to "Order #42", "type_charge" to "credit_card",
                "card_number" to "4024007153763191", "card_name" to "Zhang Wei", "card_expiry_month" to "12",
                "card_expiry_year" to "2030", "card_cvv" to "123",
                "payer_address" to mapOf(
                    "street" to "Av. Paulista", "address_number" to "1000", "complement" to "",
                    "neighborhood" to "Bela Vista", "city" to "São Paulo", "state" to "SP",
                    "postal_code" to "01310-100", "country" to "BR",
                ),
            ),
            RequestOptions(idempotencyFrom = "ORDER-42"),
        )
        assertEquals(ChargeStatus.CONFIRMED, charge.data.status)
        assertEquals(BigDecimal("450.00"), charge.data.localCurrency)
        assertEquals(3, charge.data.installments.size)
    }
}
