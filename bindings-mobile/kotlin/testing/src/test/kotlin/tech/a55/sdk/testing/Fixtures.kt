package tech.a55.sdk.testing

import java.math.BigDecimal
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** The emulator's fixture wallet and merchant. */
const val WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
const val MERCHANT = "11111111-1111-1111-1111-111111111111"
const val ENTITY = "550e8400-e29b-41d4-a716-446655440000"
const val DUE = "2030-12-31"
/** A test card the emulator approves. */
const val CARD = "4024007153763191"

/** The card fields of a payload. */
val cardFields = listOf("card_number", "card_name", "card_expiry_month", "card_expiry_year", "card_cvv")

/** Seed 001's charge (three installments of 150.00) with a test card, [extra] fields on top. */
fun seed001(card: String = CARD, extra: Map<String, Any?> = emptyMap()): Map<String, Any?> = mapOf(
    "wallet_uuid" to WALLET, "merchant_id" to MERCHANT, "payer_name" to "张伟",
    "payer_email" to "zhangwei@example.com", "payer_tax_id" to "123.456.789-09",
    "payer_cell_phone" to "+5511999999999", "installment_value" to BigDecimal("150.00"),
    "installment_count" to 3, "currency" to "BRL", "due_date" to DUE,
    "description" to "订单 #42——3 期分期", "type_charge" to "credit_card", "card_number" to card,
    "card_name" to "张伟", "card_expiry_month" to "12", "card_expiry_year" to "2030", "card_cvv" to "123",
    "capture" to true,
    "payer_address" to mapOf(
        "street" to "Av. Paulista", "address_number" to "1000", "complement" to "Sala 101",
        "neighborhood" to "Bela Vista", "city" to "São Paulo", "state" to "SP",
        "postal_code" to "01310-100", "country" to "BR",
    ),
) + extra

/** A PIX charge of 149.90. */
fun pixPayload(): Map<String, Any?> = mapOf(
    "wallet_uuid" to WALLET, "merchant_id" to MERCHANT, "payer_name" to "Wang Fang",
    "payer_email" to "wangfang@example.com", "payer_tax_id" to "123.456.789-09",
    "payer_cell_phone" to "+5521977777777", "amount" to 149.9, "currency" to "BRL",
    "due_date" to java.time.LocalDate.parse(DUE), "description" to "Order #100 — PIX",
    "payer_address" to mapOf(
        "street" to "Av. Rio Branco", "address_number" to "200", "complement" to "Sala 301",
        "neighborhood" to "Centro", "city" to "Rio de Janeiro", "state" to "RJ",
        "postal_code" to "20040-002", "country" to "BR",
    ),
)

/** Queues faults for the emulator's next API requests (`["503", "reset_after"]`). */
fun queueFaults(emulator: A55Emulator, vararg faults: String) {
    val body = faults.joinToString(",", prefix = "{\"faults\":[", postfix = "]}") { "\"$it\"" }
    val request = HttpRequest.newBuilder(URI.create("${emulator.url}/_emulator/faults"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build()
    val answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
    check(answer.statusCode() in 200..299) { "queueing faults: ${answer.statusCode()}" }
}
