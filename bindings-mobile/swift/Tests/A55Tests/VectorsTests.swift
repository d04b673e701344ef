import Foundation
import XCTest
@testable import A55

/// Runs every case of every file in tests/vectors/ through the Swift API (the Swift twin of
/// core/tests/vectors.rs; the format is in tests/vectors/README.md).
///
/// - A JSON string amount is decimal text of any length: it goes through the `…Text` function
///   (Decimal holds 38 digits, the vectors have 60-digit amounts), and, when it is short plain decimal
///   text that `Decimal` holds exactly, also through the `Decimal` function. A JSON integer is a
///   `Decimal`; any other JSON number is a `Double` a user passed (`…Double`).
/// - A date is `A55Date` text through the typed function and the `…Text` function.
/// - Results: amounts compare by numeric value, everything else by text.
final class VectorsTests: XCTestCase {
    static var vectorsDir: URL {
        if let dir = ProcessInfo.processInfo.environment["A55_VECTORS_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let copied = package.appendingPathComponent("vectors")
        if FileManager.default.fileExists(atPath: copied.path) { return copied }
        return package.appendingPathComponent("../../tests/vectors").standardized
    }

    /// What a call gave: a value (as comparable text or numbers) or an error.
    enum Outcome {
        case value(Any?)
        case error(A55Error)
    }

    func testEveryVector() throws {
        let dir = Self.vectorsDir
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "no vector files in \(dir.path)")
        var run = 0, typed = 0, failures: [String] = []
        for file in files {
            let doc = try JSONValue.parse(Data(contentsOf: dir.appendingPathComponent(file)))
            let function = try XCTUnwrap(doc["function"]?.string)
            for c in try XCTUnwrap(doc["cases"]?.array) {
                run += 1
                let name = "\(file): \(c["name"]?.string ?? "?")"
                let calls = self.calls(function, try XCTUnwrap(c["args"]))
                if calls.count > 1 { typed += 1 }
                for call in calls {
                    let outcome: Outcome
                    do { outcome = .value(try call()) } catch let e as A55Error { outcome = .error(e) }
                    if let problem = check(function, c, outcome) { failures.append("\(name): \(problem)") }
                }
            }
        }
        print("\(run) vectors run through the Swift API (\(typed) of them also through a second entry point)")
        XCTAssertGreaterThan(run, 0)
        XCTAssertTrue(failures.isEmpty, "\(failures.count) vector failures:\n" + failures.joined(separator: "\n"))
    }

    /// nil when the outcome is the expected one, else what went wrong.
    func check(_ function: String, _ c: JSONValue, _ outcome: Outcome) -> String? {
        if let want = c["error"]?.string {
            guard case let .error(e) = outcome else { return "want error \(want), got \(outcome)" }
            guard e.codes.first == want else { return "want error \(want), got \(e.kind()) \(e.codes): \(e)" }
            if let reason = c["reason"]?.string, reason != e.reason {
                return "want reason \(reason), got \(e.reason ?? "nil")"
            }
            return nil
        }
        guard case let .value(got) = outcome else { return "want \(c["ok"]?.raw ?? "?"), got \(outcome)" }
        guard let want = c["ok"] else { return "case has neither ok nor error" }
        if function == "validate" {
            let wantSet = Set((want.array ?? []).map {
                "\($0["code"]?.string ?? "")|\($0["severity"]?.string ?? "")|\($0["field"]?.string ?? "")"
            })
            let gotSet = Set((got as? [Issue] ?? []).map { "\($0.code)|\($0.severity == .error ? "error" : "warning")|\($0.field)" })
            return wantSet == gotSet ? nil : "want issues \(wantSet.sorted()), got \(gotSet.sorted())"
        }
        if let members = want.members {
            let map = got as? [String: String?] ?? [:]
            for (key, value) in members where (map[key] ?? nil) != value.string {
                return "key \(key): want \(value.raw), got \(String(describing: map[key] ?? nil))"
            }
            return nil
        }
        return same(want, got) ? nil : "want \(want.raw), got \(String(describing: got))"
    }

    /// Expected JSON against a result: amounts by value, dates and text by text, lists element-wise.
    func same(_ want: JSONValue, _ got: Any?) -> Bool {
        switch (want.kind, got) {
        case (.null, nil): return true
        case let (.array(items), list as [Any]):
            return items.count == list.count && zip(items, list).allSatisfy { same($0, $1) }
        case let (.string(text), amount as Decimal): return Decimal(string: text) == amount
        case let (.string(text), date as A55Date): return text == date.rawValue
        case let (.string(text), s as String): return text == s
        case let (.number(text), n as Int64): return Int64(text) == n
        case let (.number(text), n as Int32): return Int32(text) == n
        default: return false
        }
    }

    /// Short plain decimal text that `Decimal` holds exactly.
    func exactDecimal(_ text: String) -> Decimal? {
        guard text.range(of: #"\A-?[0-9]{1,20}(\.[0-9]{1,12})?\z"#, options: .regularExpression) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    func amountCalls<T>(
        _ v: JSONValue,
        text: @escaping (String) throws -> T,
        decimal: @escaping (Decimal) throws -> T,
        double: @escaping (Double) throws -> T
    ) -> [() throws -> Any?] {
        if let t = v.string {
            var calls: [() throws -> Any?] = [{ try text(t) }]
            if let d = exactDecimal(t) { calls.append({ try decimal(d) }) }
            return calls
        }
        let raw = v.numberText ?? "nan"
        if v.isInteger, let d = Decimal(string: raw) { return [{ try decimal(d) }] }
        return [{ try double(Double(raw) ?? .nan) }]
    }

    func calls(_ function: String, _ a: JSONValue) -> [() throws -> Any?] {
        let s = { (key: String) in a[key]?.string ?? "" }
        let count = { (key: String) in Int32(clamping: a[key]?.int64 ?? 0) }
        let date = { (key: String) in A55Date(rawValue: s(key)) }
        let optText = { (key: String) in a[key]?.present?.string }
        let optDate = { (key: String) in optText(key).map(A55Date.init(rawValue:)) }
        switch function {
        case "normalize_amount":
            return amountCalls(a["amount"]!,
                text: { try normalizeAmountText(amount: $0, currency: s("currency")) },
                decimal: { try normalizeAmount(amount: $0, currency: s("currency")) },
                double: { try normalizeAmountDouble(amount: $0, currency: s("currency")) })
        case "to_minor_units":
            return amountCalls(a["amount"]!,
                text: { try toMinorUnitsText(amount: $0, currency: s("currency")) },
                decimal: { try toMinorUnits(amount: $0, currency: s("currency")) },
                double: { try toMinorUnitsDouble(amount: $0, currency: s("currency")) })
        case "split_installments":
            return amountCalls(a["total"]!,
                text: { try splitInstallmentsText(total: $0, count: count("count"), currency: s("currency")) },
                decimal: { try splitInstallments(total: $0, count: count("count"), currency: s("currency")) },
                double: { try splitInstallmentsDouble(total: $0, count: count("count"), currency: s("currency")) })
        case "currency_exponent":
            return [{ try currencyExponent(currency: s("currency")) }]
        case "from_minor_units":
            return [{ try fromMinorUnits(minor: a["minor"]?.int64 ?? 0, currency: s("currency")) }]
        case "installment_due_dates":
            return [
                { try installmentDueDates(firstDueDate: date("first_due_date"), count: count("count")) },
                { try installmentDueDatesText(firstDueDate: s("first_due_date"), count: count("count")) },
            ]
        case "next_charge_date":
            return [
                { try nextChargeDate(dueDate: date("due_date"), cycle: s("cycle"), endDate: optDate("end_date")) },
                { try nextChargeDateText(dueDate: s("due_date"), cycle: s("cycle"), endDate: optText("end_date")) },
            ]
        case "subscription_schedule":
            return [
                { try subscriptionSchedule(dueDate: date("due_date"), cycle: s("cycle"), count: count("count"),
                                           endDate: optDate("end_date")) },
                { try subscriptionScheduleText(dueDate: s("due_date"), cycle: s("cycle"), count: count("count"),
                                               endDate: optText("end_date")) },
            ]
        case "validate_tax_id":
            return [{ try validateTaxId(value: s("value"), country: s("country")) }]
        case "card_brand":
            return [{ cardBrand(cardNumber: s("card_number")) }]
        case "parse_pix_brcode":
            return [{
                let c = try parsePixBrCode(text: s("text"))
                return [
                    "payload_format_indicator": c.payloadFormatIndicator,
                    "point_of_initiation_method": c.pointOfInitiationMethod,
                    "gui": c.gui, "key": c.key, "url": c.url, "description": c.description,
                    "merchant_category_code": c.merchantCategoryCode,
                    "transaction_currency": c.transactionCurrency, "amount": c.amount,
                    "country_code": c.countryCode, "merchant_name": c.merchantName,
                    "merchant_city": c.merchantCity, "postal_code": c.postalCode,
                    "txid": c.txid, "crc": c.crc,
                ] as [String: String?]
            }]
        case "sign_webhook":
            return [{ signWebhook(rawBody: Data(s("raw_body").utf8), secret: s("secret"),
                                  timestamp: a["timestamp"]?.int64 ?? 0) }]
        case "verify_webhook":
            return [{
                let e = try verifyWebhook(
                    rawBody: Data(s("raw_body").utf8),
                    signature: s("signature"),
                    timestamp: s("timestamp"),
                    secrets: (a["secrets"]?.array ?? []).compactMap(\.string),
                    tolerance: a["tolerance_s"]?.present?.int64.map { TimeInterval($0) },
                    now: Date(timeIntervalSince1970: TimeInterval(a["now"]?.int64 ?? 0))
                )
                return [
                    "charge_uuid": e.chargeUuid, "status": e.status,
                    "transaction_reference": e.transactionReference,
                    "subscription_uuid": e.subscriptionUuid, "payment_link_uuid": e.paymentLinkUuid,
                    "amount": e.amount, "currency": e.currency, "error_code": e.errorCode,
                    "error_message": e.errorMessage, "refund_amount": e.refundAmount,
                    "chargeback_reason": e.chargebackReason, "created_at": e.createdAt,
                    "updated_at": e.updatedAt, "dedup_key": e.dedupKey,
                ] as [String: String?]
            }]
        case "validate":
            return [{ try validate(kind: s("kind"), payloadJson: a["payload"]?.raw ?? "", today: optDate("today")) }]
        default:
            XCTFail("no runner for function \(function)")
            return []
        }
    }
}
