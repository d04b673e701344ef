package tech.a55.sdk

import com.fasterxml.jackson.core.JsonToken
import com.fasterxml.jackson.databind.DeserializationFeature
import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.json.JsonMapper
import java.io.File
import java.math.BigDecimal
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.atomic.AtomicInteger
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * Runs every case of every file in tests/vectors/ through the Kotlin API, one JUnit test per case
 * (the Kotlin twin of core/tests/vectors.rs; the format is in tests/vectors/README.md).
 *
 * - A JSON string amount is decimal text: it goes through the `…Text` function, and, when the text is
 *   plain ASCII that `BigDecimal` reads, also through the `BigDecimal` function; both must give the
 *   expected answer. A JSON integer is `BigDecimal`; any other JSON number is a `Double` a user passed
 *   (`…Double`).
 * - A date is text through the `…Text` function, and also through the `LocalDate` function when
 *   `LocalDate` reads it back to the same text.
 * - `validate` gets the payload's exact JSON text, cut from the file.
 */
class VectorsTest {
    companion object {
        private val mapper: ObjectMapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build()
        private val cases = AtomicInteger()
        private val typedRuns = AtomicInteger()

        @JvmStatic
        @AfterAll
        fun summary() {
            println("${cases.get()} vectors run through the Kotlin API " +
                "(${typedRuns.get()} of them also through the BigDecimal/LocalDate functions)")
        }
    }

    private val vectorsDir = File(System.getProperty("a55.vectors.dir") ?: "../../tests/vectors")

    @TestFactory
    fun vectors(): List<DynamicTest> {
        val files = vectorsDir.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }
            ?: error("no vectors in ${vectorsDir.absolutePath}")
        assertTrue(files.isNotEmpty(), "no vector files")
        return files.flatMap { file ->
            val text = file.readText()
            val doc = mapper.readTree(text)
            val function = doc["function"].asText()
            val payloads = rawPayloads(text)
            doc["cases"].mapIndexed { index, case ->
                val name = "${file.name}: ${case["name"].asText()}"
                DynamicTest.dynamicTest(name) {
                    cases.incrementAndGet()
                    try {
                        runCase(function, case, payloads[index])
                    } catch (e: AssertionError) {
                        throw AssertionError("$name: ${e.message}", e)
                    }
                }
            }
        }
    }

    /** The exact source text of `cases[i].args.payload`, by case index. */
    private fun rawPayloads(text: String): Map<Int, String> {
        val out = HashMap<Int, String>()
        val pattern = Regex("/cases/(\\d+)/args/payload")
        mapper.factory.createParser(text).use { p ->
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME) continue
                val match = pattern.matchEntire(p.parsingContext.pathAsPointer().toString()) ?: continue
                p.nextToken()
                val start = p.currentTokenLocation().charOffset.toInt()
                p.skipChildren()
                p.finishToken()
                val end = p.currentLocation().charOffset.toInt()
                out[match.groupValues[1].toInt()] = text.substring(start, end)
            }
        }
        return out
    }

    /** One case: the call's outcome must be the expected value or the expected error. */
    private fun runCase(function: String, case: JsonNode, payload: String?) {
        val args = case["args"]
        if (payload != null) assertEquals(args["payload"], mapper.readTree(payload), "payload text cut from the file")
        val outcomes = calls(function, args, payload).map { call ->
            try {
                Result.success(call())
            } catch (e: A55Exception) {
                Result.failure(e)
            }
        }
        if (outcomes.size > 1) typedRuns.incrementAndGet()
        for (outcome in outcomes) check(function, case, outcome)
    }

    private fun check(function: String, case: JsonNode, outcome: Result<Any?>) {
        val error = case["error"]
        if (error != null) {
            val e = outcome.exceptionOrNull()
            assertTrue(e is A55Exception, "want error ${error.asText()}, got ${outcome.getOrNull()}")
            val (codes, reason) = codesAndReason(e as A55Exception)
            assertEquals(error.asText(), codes.firstOrNull(), "error code ($e)")
            case["reason"]?.let { assertEquals(it.asText(), reason, "error reason") }
            return
        }
        val got = outcome.getOrElse { throw AssertionError("want ${case["ok"]}, got $it", it) }
        val want = case["ok"]
        when {
            function == "validate" -> assertEquals(issueSet(want), (got as List<*>).map {
                val i = it as Issue
                Triple(i.code, i.severity.name.lowercase(), i.field)
            }.toSet())
            want.isObject -> {
                @Suppress("UNCHECKED_CAST") val map = got as Map<String, Any?>
                for ((key, value) in want.properties()) {
                    assertEquals(if (value.isNull) null else value.asText(), map[key], "key $key")
                }
            }
            else -> assertEquals(plain(want), plain(got))
        }
    }

    private fun codesAndReason(e: A55Exception): Pair<List<String>, String?> = when (e) {
        is A55Exception.Validation -> e.codes to e.reason
        is A55Exception.Signature -> e.codes to e.reason
        else -> throw AssertionError("unexpected exception kind ${e.kind()}: $e")
    }

    private fun issueSet(v: JsonNode): Set<Triple<String, String, String>> = v.map {
        Triple(it["code"].asText(), it["severity"].asText(), it["field"]?.asText() ?: "")
    }.toSet()

    /** Expected and actual values as comparable text: amounts plain, dates ISO, lists element-wise. */
    private fun plain(v: Any?): Any? = when (v) {
        null -> null
        is JsonNode -> when {
            v.isNull -> null
            v.isArray -> v.map { plain(it) }
            v.isIntegralNumber -> v.bigIntegerValue().toString()
            else -> v.asText()
        }
        is BigDecimal -> v.toPlainString()
        is List<*> -> v.map { plain(it) }
        else -> v.toString()
    }

    /** The calls that run one case: the text form first, then the typed form when it exists. */
    private fun calls(function: String, a: JsonNode, payload: String?): List<() -> Any?> {
        fun s(key: String) = a[key].asText()
        fun int(key: String) = a[key].bigIntegerValue().toInt()
        fun optText(key: String): String? = a[key]?.takeUnless { it.isNull }?.asText()
        return when (function) {
            "normalize_amount" -> amountCalls(a["amount"],
                { t -> normalizeAmountText(t, s("currency")) },
                { d -> normalizeAmount(d, s("currency")) },
                { f -> normalizeAmountDouble(f, s("currency")) })
            "to_minor_units" -> amountCalls(a["amount"],
                { t -> toMinorUnitsText(t, s("currency")) },
                { d -> toMinorUnits(d, s("currency")) },
                { f -> toMinorUnitsDouble(f, s("currency")) })
            "split_installments" -> amountCalls(a["total"],
                { t -> splitInstallmentsText(t, int("count"), s("currency")) },
                { d -> splitInstallments(d, int("count"), s("currency")) },
                { f -> splitInstallmentsDouble(f, int("count"), s("currency")) })
            "currency_exponent" -> listOf { currencyExponent(s("currency")) }
            "from_minor_units" -> listOf { fromMinorUnits(a["minor"].longValue(), s("currency")) }
            "installment_due_dates" -> dateCalls(listOf(s("first_due_date")),
                { installmentDueDatesText(s("first_due_date"), int("count")) },
                { d -> installmentDueDates(d[0]!!, int("count")) })
            "next_charge_date" -> dateCalls(listOf(s("due_date"), optText("end_date")),
                { nextChargeDateText(s("due_date"), s("cycle"), optText("end_date")) },
                { d -> nextChargeDate(d[0]!!, s("cycle"), d[1]) })
            "subscription_schedule" -> dateCalls(listOf(s("due_date"), optText("end_date")),
                { subscriptionScheduleText(s("due_date"), s("cycle"), int("count"), optText("end_date")) },
                { d -> subscriptionSchedule(d[0]!!, s("cycle"), int("count"), d[1]) })
            "validate_tax_id" -> listOf { validateTaxId(s("value"), s("country")) }
            "card_brand" -> listOf { cardBrand(s("card_number")) }
            "parse_pix_brcode" -> listOf { brCodeMap(parsePixBrCode(s("text"))) }
            "sign_webhook" -> listOf {
                signWebhook(s("raw_body").toByteArray(), s("secret"), a["timestamp"].longValue())
            }
            "verify_webhook" -> listOf {
                val event = verifyWebhook(
                    s("raw_body").toByteArray(),
                    s("signature"),
                    s("timestamp"),
                    a["secrets"].map { it.asText() },
                    a["tolerance_s"]?.takeUnless { it.isNull }?.let { Duration.ofSeconds(it.longValue()) },
                    Instant.ofEpochSecond(a["now"].longValue()),
                )
                eventMap(event)
            }
            "validate" -> listOf {
                validate(s("kind"), payload ?: error("no payload text"), optText("today")?.let(LocalDate::parse))
            }
            else -> throw AssertionError("no runner for function $function")
        }
    }

    private fun <T> amountCalls(
        v: JsonNode,
        text: (String) -> T,
        decimal: (BigDecimal) -> T,
        double: (Double) -> T,
    ): List<() -> Any?> = when {
        v.isTextual -> {
            val t = v.asText()
            val typed = t.takeIf { it.all { c -> c.code in 0x21..0x7e } }
                ?.let { runCatching { BigDecimal(it) }.getOrNull() }
            listOfNotNull({ text(t) }, typed?.let { d -> { decimal(d) } })
        }
        v.isIntegralNumber -> listOf { decimal(BigDecimal(v.bigIntegerValue())) }
        v.isNumber -> listOf { double(v.asText().toDouble()) }
        else -> throw AssertionError("not an amount: $v")
    }

    /** The text call, plus the typed call when every date text is a `LocalDate` written the same way. */
    private fun dateCalls(
        texts: List<String?>,
        text: () -> Any?,
        typed: (List<LocalDate?>) -> Any?,
    ): List<() -> Any?> {
        val dates = texts.map { t -> t?.let { runCatching { LocalDate.parse(it) }.getOrNull() } }
        val exact = texts.indices.all { i -> texts[i] == null || dates[i]?.toString() == texts[i] }
        return if (exact) listOf(text, { typed(dates) }) else listOf(text)
    }

    private fun brCodeMap(c: BrCode): Map<String, Any?> = mapOf(
        "payload_format_indicator" to c.payloadFormatIndicator,
        "point_of_initiation_method" to c.pointOfInitiationMethod,
        "gui" to c.gui, "key" to c.key, "url" to c.url, "description" to c.description,
        "merchant_category_code" to c.merchantCategoryCode,
        "transaction_currency" to c.transactionCurrency, "amount" to c.amount,
        "country_code" to c.countryCode, "merchant_name" to c.merchantName,
        "merchant_city" to c.merchantCity, "postal_code" to c.postalCode,
        "txid" to c.txid, "crc" to c.crc,
    )

    private fun eventMap(e: WebhookEvent): Map<String, Any?> = mapOf(
        "charge_uuid" to e.chargeUuid, "status" to e.status,
        "transaction_reference" to e.transactionReference,
        "subscription_uuid" to e.subscriptionUuid, "payment_link_uuid" to e.paymentLinkUuid,
        "amount" to e.amount, "currency" to e.currency, "error_code" to e.errorCode,
        "error_message" to e.errorMessage, "refund_amount" to e.refundAmount,
        "chargeback_reason" to e.chargebackReason, "created_at" to e.createdAt,
        "updated_at" to e.updatedAt, "dedup_key" to e.dedupKey,
    )
}
