package tech.a55.sdk.testing

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import tech.a55.sdk.A55Client
import tech.a55.sdk.A55Exception
import tech.a55.sdk.ClientConfig

/** No secret, card number, CVV or tax id in toString() or message of clients, results and errors. */
class ClientSecretsTest {
    companion object {
        @JvmField
        @RegisterExtension
        val kit = A55EmulatorExtension()
    }

    private fun assertClean(text: String, vararg secrets: String) {
        for (s in secrets) assertFalse(text.contains(s), "'$s' leaked into: $text")
    }

    @Test
    fun clientsConfigsResultsAndErrorsShowNoSecret() = runBlocking<Unit> {
        val url = kit.emulator.url
        val config = ClientConfig(clientId = "id", clientSecret = "sk_live_SECRET", baseUrl = url, tokenUrl = "$url/oauth2/token")
        val c = A55Client(config)
        assertClean(config.toString(), "sk_live_SECRET")
        assertClean(c.toString(), "sk_live_SECRET")
        assertClean(ClientConfig(accessToken = "tok_SECRET").toString(), "tok_SECRET")
        val auth = assertThrows<A55Exception.Authentication> { runBlocking { c.getWallet(walletUuid = WALLET) } }
        assertClean(auth.toString() + auth.message + auth.stackTraceToString(), "sk_live_SECRET")

        val card = "4111111111111112"
        val bad = assertThrows<A55Exception.Validation> {
            runBlocking { kit.emulator.client().createCharge(seed001(card, mapOf("card_cvv" to "x", "payer_tax_id" to "111.222.333-44"))) }
        }
        assertClean(bad.toString() + bad.message + bad.issues.toString(), card, card.takeLast(12), "111.222.333-44", "11122233344")

        // A wallet's client secret is shown once, in the data, never in toString().
        val wallet = kit.emulator.client().createWallet(
            mapOf("entity_uuid" to ENTITY, "customer_id" to "cust_secret", "currency" to "BRL",
                "name" to "Loja", "email" to "s@loja.example.com", "create_credentials" to true),
        )
        val secret = wallet.data.credentials!!.clientSecret!!
        assertTrue(secret.length > 8)
        assertClean(wallet.toString(), secret)
        assertClean(wallet.data.toString() + wallet.data.credentials.toString() + wallet.meta.toString(), secret)
        // The raw JSON is the answer as received: it is there, on purpose, and only there.
        assertTrue(wallet.meta.rawJson.contains(secret))
    }
}
