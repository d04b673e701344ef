// Create-charge throughput against the emulator on loopback (its own process, rate limit off),
// side by side in one run: the A55 Kotlin client vs java.net.http.HttpClient (HTTP/1.1) posting
// the same JSON with a bearer token and a fresh idempotency key, with 1 and 64 calls in flight.
// Medians of several rounds, the two sides alternating; the ratio is printed. Not a test.
//
//   scripts/bench-kotlin.sh [--seconds 5] [--rounds 7]

import java.math.BigDecimal
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.UUID
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicLong
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import tech.a55.sdk.A55Client
import tech.a55.sdk.ChargeStatus
import tech.a55.sdk.ClientConfig

const val WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"

val payload: Map<String, Any?> = mapOf(
    "wallet_uuid" to WALLET, "merchant_id" to "11111111-1111-1111-1111-111111111111",
    "payer_name" to "Zhang Wei", "payer_email" to "zhangwei@example.com", "payer_tax_id" to "123.456.789-09",
    "payer_cell_phone" to "+5511999999999", "installment_value" to BigDecimal("150.00"), "installment_count" to 3,
    "currency" to "BRL", "due_date" to "2030-12-31", "description" to "Order #42", "type_charge" to "credit_card",
    "card_number" to "4024007153763191", "card_name" to "ZHANG WEI", "card_expiry_month" to "12",
    "card_expiry_year" to "2030", "card_cvv" to "123", "capture" to true,
    "payer_address" to mapOf(
        "street" to "Av. Paulista", "address_number" to "1000", "complement" to "Sala 101",
        "neighborhood" to "Bela Vista", "city" to "São Paulo", "state" to "SP", "postal_code" to "01310-100",
        "country" to "BR",
    ),
)

/** The same payload as JSON text, written once (what a user of java.net.http would post). */
const val BODY = """{"wallet_uuid":"f47ac10b-58cc-4372-a567-0e02b2c3d479","merchant_id":"11111111-1111-1111-1111-111111111111","payer_name":"Zhang Wei","payer_email":"zhangwei@example.com","payer_tax_id":"123.456.789-09","payer_cell_phone":"+5511999999999","installment_value":150.00,"installment_count":3,"currency":"BRL","due_date":"2030-12-31","description":"Order #42","type_charge":"credit_card","card_number":"4024007153763191","card_name":"ZHANG WEI","card_expiry_month":"12","card_expiry_year":"2030","card_cvv":"123","capture":true,"payer_address":{"street":"Av. Paulista","address_number":"1000","complement":"Sala 101","neighborhood":"Bela Vista","city":"São Paulo","state":"SP","postal_code":"01310-100","country":"BR"}}"""

fun arg(args: Array<String>, name: String, default: Int): Int {
    val i = args.indexOf("--$name")
    return if (i >= 0 && i + 1 < args.size) args[i + 1].toInt() else default
}

fun main(args: Array<String>) = runBlocking(Dispatchers.Default) {
    val seconds = arg(args, "seconds", 5)
    val rounds = arg(args, "rounds", 7)
    val url = System.getenv("A55_EMULATOR_URL") ?: error("A55_EMULATOR_URL is not set")
    val client = A55Client(
        ClientConfig(clientId = "emulator-client", clientSecret = "emulator-secret", baseUrl = url,
            tokenUrl = "$url/oauth2/token"),
    )
    val http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
    val tokenAnswer = http.send(
        HttpRequest.newBuilder(URI.create("$url/oauth2/token"))
            .header("content-type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret"))
            .build(),
        HttpResponse.BodyHandlers.ofString(),
    ).body()
    val token = Regex("\"access_token\"\\s*:\\s*\"([^\"]+)\"").find(tokenAnswer)!!.groupValues[1]
    val chargeUri = URI.create("$url/api/v1/bank/wallet/charge/")

    suspend fun sdk() {
        val r = client.createCharge(payload)
        check(r.data.status == ChargeStatus.CONFIRMED) { "sdk: ${r.data.status}" }
    }

    suspend fun raw() {
        val request = HttpRequest.newBuilder(chargeUri)
            .header("authorization", "Bearer $token")
            .header("content-type", "application/json")
            .header("idempotency-key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build()
        val future: CompletableFuture<HttpResponse<String>> = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        val r = future.await()
        check(r.statusCode() == 200 && r.body().contains("\"confirmed\"")) { "raw: ${r.statusCode()}" }
    }

    suspend fun rate(inFlight: Int, call: suspend () -> Unit): Double {
        val done = AtomicLong()
        val end = System.nanoTime() + seconds * 1_000_000_000L
        (1..inFlight).map {
            async {
                while (System.nanoTime() < end) {
                    call()
                    done.incrementAndGet()
                }
            }
        }.awaitAll()
        return done.get().toDouble() / seconds
    }

    fun median(xs: List<Double>) = xs.sorted()[xs.size / 2]

    println("emulator: separate process at $url; ${Runtime.getRuntime().availableProcessors()} cores")
    // One side alone (for a profiler): A55_BENCH_ONLY=sdk|raw, A55_BENCH_IN_FLIGHT (default 64).
    System.getenv("A55_BENCH_ONLY")?.let { only ->
        val inFlight = System.getenv("A55_BENCH_IN_FLIGHT")?.toInt() ?: 64
        val side: suspend () -> Unit = if (only == "raw") ::raw else ::sdk
        rate(inFlight, side) // warm up
        println("%s alone, %d in flight: %.0f/s".format(only, inFlight, rate(inFlight, side)))
        return@runBlocking
    }
    for (inFlight in listOf(1, 64)) {
        rate(inFlight, ::sdk)
        rate(inFlight, ::raw) // warm up
        val sdkRates = mutableListOf<Double>()
        val rawRates = mutableListOf<Double>()
        val ratios = mutableListOf<Double>()
        for (round in 0 until rounds) {
            // The order alternates each round; each round's two sides run back to back.
            val (s, r) = if (round % 2 == 0) {
                val s = rate(inFlight, ::sdk); s to rate(inFlight, ::raw)
            } else {
                val r = rate(inFlight, ::raw); rate(inFlight, ::sdk) to r
            }
            sdkRates += s
            rawRates += r
            ratios += s / r
        }
        println(
            "%d in flight: sdk %.0f/s, java.net.http %.0f/s -> sdk/java.net.http %.2fx (median of %d rounds of %d s; rounds %s)".format(
                inFlight, median(sdkRates), median(rawRates), median(ratios), rounds, seconds,
                ratios.sorted().joinToString(", ") { "%.2f".format(it) },
            ),
        )
        // Each round's rates in the order run, to see a drift over the run.
        println("  sdk by round: %s".format(sdkRates.joinToString(", ") { "%.0f".format(it) }))
        println("  java.net.http by round: %s".format(rawRates.joinToString(", ") { "%.0f".format(it) }))
    }
}
