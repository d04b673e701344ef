package tech.a55.sdk.testing

import java.math.BigDecimal
import java.time.LocalDate
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.flow.count
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import tech.a55.sdk.A55Client
import tech.a55.sdk.A55Exception
import tech.a55.sdk.ChargeStatus
import tech.a55.sdk.CheckoutStatus
import tech.a55.sdk.ClientConfig
import tech.a55.sdk.Currency
import tech.a55.sdk.Cycle
import tech.a55.sdk.RequestOptions
import tech.a55.sdk.SubscriptionStatus
import tech.a55.sdk.TypeCharge
import tech.a55.sdk.parsePixBrCode

/** Every method of A55Client against the emulator, as a user calls it. */
class ClientMethodsTest {
    companion object {
        @JvmField
        @RegisterExtension
        val kit = A55EmulatorExtension(mapOf("settleDelayMs" to null))
    }

    private val client: A55Client by lazy { kit.emulator.client() }

    @Test
    fun aCardChargeIsTypedAndCarriesItsMetadata() = runBlocking<Unit> {
        val r = client.createCharge(seed001(), RequestOptions(idempotencyFrom = "ORDER-42"))
        assertEquals(ChargeStatus.CONFIRMED, r.data.status)
        assertTrue(r.data.status.isKnown && !r.data.status.isTerminal)
        assertEquals(BigDecimal("450.00"), r.data.localCurrency)
        assertEquals(Currency.BRL, r.data.currency)
        assertEquals(TypeCharge.CREDIT_CARD, r.data.typeCharge)
        assertEquals(LocalDate.of(2031, 2, 28), r.data.installments[2].dueDate)
        assertEquals(BigDecimal("150.00"), r.data.installments[0].localCurrency)
        assertTrue(r.meta.requestId!!.startsWith("req_"))
        assertEquals(1, r.meta.attempts)
        assertFalse(r.meta.replayed)
        assertTrue(r.meta.rawJson.contains(r.data.chargeUuid!!))
        // The raw JSON is the body as received: one object, its text (not re-escaped) in UTF-8.
        val raw = r.meta.rawJson.trim()
        assertTrue(raw.startsWith("{") && raw.endsWith("}"), raw)
        assertEquals("订单 #42——3 期分期", r.data.description)
        assertTrue(raw.contains("\"订单 #42——3 期分期\""), raw)
        // The same order id derives the same key: the server replays the first answer.
        val again = client.createCharge(seed001(), RequestOptions(idempotencyFrom = "ORDER-42"))
        assertEquals(r.meta.idempotencyKey, again.meta.idempotencyKey)
        assertTrue(again.meta.replayed)
        assertEquals(r.data.chargeUuid, again.data.chargeUuid)
    }

    @Test
    fun everyReadAndWriteOfAChargeByNamedIdentifiers() = runBlocking<Unit> {
        val one = mapOf("capture" to false, "installment_count" to 1)
        val created = client.createCharge(seed001(extra = one))
        val id = created.data.chargeUuid!!
        assertEquals(ChargeStatus.CONFIRMED, client.getCharge(chargeUuid = id, walletUuid = WALLET).data.status)
        val captured = client.captureCharge(chargeUuid = id, walletUuid = WALLET)
        assertEquals(ChargeStatus.PAID, captured.data.status)
        val refunded = client.refundCharge(
            chargeUuid = id, walletUuid = WALLET,
            payload = mapOf("amount" to BigDecimal("50.00"), "reason" to "partial"),
        )
        assertTrue(refunded.data.status in listOf(ChargeStatus.PAID, ChargeStatus.REFUNDED))
        val other = client.createCharge(seed001(extra = one))
        val canceled = client.cancelCharge(chargeUuid = other.data.chargeUuid!!, walletUuid = WALLET, reason = "r")
        assertEquals(ChargeStatus.CANCELED, canceled.data.status)
        val waited = client.waitForCharge(chargeUuid = id, walletUuid = WALLET, maxWait = 5.seconds)
        assertEquals(id, waited.data.chargeUuid)
        val page = client.listCharges(walletUuid = WALLET, page = 1, limit = 2)
        assertEquals(2, page.data.data.size)
        assertTrue(page.data.total!! >= 2)
    }

    @Test
    fun aFlowWalksEveryPage() = runBlocking<Unit> {
        repeat(5) { client.createCharge(seed001(extra = mapOf("installment_count" to 1))) }
        val total = client.listCharges(walletUuid = WALLET, limit = 100).data.total!!
        val all = client.listAllCharges(walletUuid = WALLET, limit = 2).toList()
        assertEquals(total, all.size)
        assertEquals(all.size, all.map { it.chargeUuid }.toSet().size)
        // Collecting part of it stops the requests.
        assertEquals(3, client.listAllCharges(walletUuid = WALLET, limit = 2).take(3).count())
        val e = assertThrows<A55Exception.Validation> {
            runBlocking { client.listAllCharges(walletUuid = WALLET, limit = 0).toList() }
        }
        assertEquals("limit", e.issues[0].field)
    }

    @Test
    fun pixSubscriptionCheckoutPaymentLinkAndWallets() = runBlocking<Unit> {
        val pix = client.createPixCharge(pixPayload())
        assertEquals(ChargeStatus.ISSUED, pix.data.status)
        assertEquals("149.90", parsePixBrCode(pix.data.pixPayload!!.copyPaste!!).amount)

        val sub = client.createSubscription(
            seed001(extra = mapOf("installment_count" to 1, "subscription" to mapOf("cycle" to Cycle.MONTHLY))),
        )
        val subUuid = sub.data.subscription!!.subscriptionUuid!!
        assertEquals(Cycle.MONTHLY, sub.data.subscription!!.cycle)
        val read = client.getSubscription(subscriptionUuid = subUuid, walletUuid = WALLET)
        assertEquals(SubscriptionStatus.ACTIVE, read.data.status)
        val gone = client.cancelSubscription(subscriptionUuid = subUuid, walletUuid = WALLET)
        assertTrue(gone.data.status!!.isTerminal)

        val checkout = client.createCheckout(
            mapOf(
                "wallet_uuid" to WALLET, "merchant_id" to MERCHANT, "amount" to BigDecimal("250.00"),
                "currency" to "BRL", "description" to "Premium plan", "redirect_url" to "https://your-app.com/ok",
                "cancel_url" to "https://your-app.com/cancel", "due_date" to DUE,
                "payer_email" to "zhangwei@example.com", "allowed_methods" to listOf("credit_card", "pix"),
                "max_installments" to 6,
            ),
        )
        assertEquals(CheckoutStatus.ACTIVE, checkout.data.status)
        assertEquals(BigDecimal("250.00"), checkout.data.amount)

        val link = client.createPaymentLink(
            mapOf("wallet_uuid" to WALLET, "merchant_id" to MERCHANT, "value" to 99.9, "currency" to "BRL",
                "description" to "Link"),
        )
        assertNotNull(link.data.paymentLinkUuid)

        assertEquals(WALLET, client.getWallet(walletUuid = WALLET).data.walletUuid)
        val wallet = client.createWallet(
            mapOf("entity_uuid" to ENTITY, "customer_id" to "cust_kotlin", "currency" to "BRL",
                "name" to "Loja Kotlin", "email" to "kotlin@loja.example.com", "create_credentials" to true),
        )
        assertNotNull(wallet.data.credentials?.clientSecret)
        assertEquals(wallet.data.walletUuid, client.getWallet(customerId = "cust_kotlin").data.walletUuid)
    }

    @Test
    fun anAppPaysAPublicChargeWithoutAToken() = runBlocking<Unit> {
        // Server side: a charge without card data.
        val issued = client.createCharge(seed001(extra = mapOf("installment_count" to 1)) - cardFields)
        val id = issued.data.chargeUuid!!
        // The app: no credentials at all, only the charge's uuid.
        val app = A55Client(ClientConfig(baseUrl = kit.emulator.url))
        assertEquals(ChargeStatus.ISSUED, app.getPublicCharge(chargeUuid = id).data.status)
        val card = mapOf("card_number" to CARD, "card_name" to "A", "card_expiry_month" to "12",
            "card_expiry_year" to "2030", "card_cvv" to "123")
        assertEquals(ChargeStatus.CONFIRMED, app.payPublicCharge(chargeUuid = id, payload = card).data.status)
        assertThrows<A55Exception.Conflict> { runBlocking { app.payPublicCharge(chargeUuid = id, payload = card) } }
        // The private endpoints need credentials the app does not have.
        assertThrows<A55Exception.Configuration> { runBlocking { app.getCharge(chargeUuid = id, walletUuid = WALLET) } }
    }
}
