import Foundation
import XCTest
@testable import A55

/// Bad input is a thrown A55Error naming the argument, never a crash of the process.
final class HostileInputTests: XCTestCase {
    func code(_ call: () throws -> Any?, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            let v = try call()
            XCTFail("no error, got \(String(describing: v))", file: file, line: line)
            return nil
        } catch let e as A55Error {
            guard case .Validation = e else { XCTFail("not a validation error: \(e)", file: file, line: line); return nil }
            return e.codes.first
        } catch {
            XCTFail("not an A55Error: \(error)", file: file, line: line)
            return nil
        }
    }

    func testMalformedDecimalText() {
        for text in ["", " ", "abc", "1,5", "1.2.3", "NaN", "Infinity", "0x10", "1e", "--1", "١٢٣", "1\u{0}",
                     String(repeating: "9", count: 100_000)] {
            XCTAssertEqual(code { try normalizeAmountText(amount: text, currency: "BRL") }, "AMOUNT_INVALID")
            XCTAssertEqual(code { try toMinorUnitsText(amount: text, currency: "BRL") }, "AMOUNT_INVALID")
            XCTAssertEqual(code { try splitInstallmentsText(total: text, count: 2, currency: "BRL") }, "AMOUNT_INVALID")
        }
    }

    func testOutOfRangeValues() {
        for d in [Decimal.nan, Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude, -Decimal(1),
                  Decimal(string: "1000000000.00")!] {
            XCTAssertEqual(code { try normalizeAmount(amount: d, currency: "BRL") }, "AMOUNT_INVALID", "\(d)")
        }
        for d in [Double.nan, .infinity, -.infinity, -0.0, .greatestFiniteMagnitude, .leastNonzeroMagnitude] {
            XCTAssertEqual(code { try normalizeAmountDouble(amount: d, currency: "BRL") }, "AMOUNT_INVALID", "\(d)")
        }
        XCTAssertEqual(code { try fromMinorUnits(minor: .min, currency: "BRL") }, "AMOUNT_INVALID")
        XCTAssertEqual(code { try fromMinorUnits(minor: .max, currency: "BRL") }, "AMOUNT_INVALID")
        for n: Int32 in [.min, -1, 0, 13, .max] {
            XCTAssertEqual(code { try splitInstallments(total: 10, count: n, currency: "BRL") }, "INVALID_INSTALLMENT_COUNT")
            XCTAssertEqual(code { try installmentDueDates(firstDueDate: "2026-01-01", count: n) }, "INVALID_INSTALLMENT_COUNT")
        }
        XCTAssertEqual(code { try subscriptionSchedule(dueDate: "2026-01-01", cycle: "weekly", count: .max, endDate: nil) },
                       "INVALID_SUBSCRIPTION")
        for bad in [A55Date(year: 10000, month: 1, day: 1), A55Date(year: 0, month: 1, day: 1),
                    A55Date(year: -1, month: 1, day: 1), A55Date(year: 2026, month: 2, day: 30), A55Date(""),
                    A55Date("2026-1-1"), A55Date("２０２６-01-01")] {
            XCTAssertEqual(code { try installmentDueDates(firstDueDate: bad, count: 1) }, "INVALID_DATE", "\(bad)")
        }
        XCTAssertEqual(code { try installmentDueDates(firstDueDate: "9999-12-31", count: 2) }, "INVALID_DATE")
        XCTAssertEqual(code { try nextChargeDate(dueDate: "9999-12-31", cycle: "yearly", endDate: nil) }, "INVALID_DATE")
    }

    func testEmptyAndStrangeStrings() {
        XCTAssertEqual(code { try normalizeAmountText(amount: "1", currency: "") }, "CURRENCY_NOT_SUPPORTED")
        XCTAssertEqual(code { try currencyExponent(currency: "\u{0}") }, "CURRENCY_NOT_SUPPORTED")
        XCTAssertEqual(code { try installmentDueDatesText(firstDueDate: "", count: 1) }, "INVALID_DATE")
        XCTAssertEqual(code { try nextChargeDateText(dueDate: "2026-01-01", cycle: "", endDate: nil) },
                       "INVALID_SUBSCRIPTION_CYCLE")
        XCTAssertEqual(code { try validateTaxId(value: "", country: "") }, "INVALID_COUNTRY")
        XCTAssertEqual(code { try validateTaxId(value: "", country: "BR") }, "INVALID_TAX_ID")
        XCTAssertEqual(code { try parsePixBrCode(text: "") }, "INVALID_BR_CODE")
        XCTAssertEqual(code { try parsePixBrCode(text: "0002" + String(repeating: "😀", count: 10_000)) }, "INVALID_BR_CODE")
        XCTAssertEqual(cardBrand(cardNumber: "\u{0}\u{FFFF}"), "unknown")
        XCTAssertEqual(code { try validate(kind: "", payloadJson: "{}", today: nil) }, "INVALID_VALUE")
    }

    func testValidateRefusesOnlyArgumentsNotPayloads() throws {
        XCTAssertEqual(code { try validate(kind: "charge", payloadJson: "", today: nil) }, "INVALID_TYPE")
        XCTAssertEqual(code { try validate(kind: "charge", payloadJson: #"{"a":"#, today: nil) }, "INVALID_TYPE")
        XCTAssertEqual(code { try validate(kind: "charge", payloadJson: String(repeating: "[", count: 100_000), today: nil) },
                       "INVALID_TYPE")
        XCTAssertEqual(code { try validate(kind: "charge", payloadJson: "{}", today: "2026-13-01") }, "INVALID_DATE")
        let issues = try validate(kind: "charge", payloadJson: #""text""#, today: "2026-11-21")
        XCTAssertEqual(issues.map(\.code), ["INVALID_TYPE"])
    }

    func testWebhookArguments() {
        let body = Data("{}".utf8)
        let sig = String(repeating: "0", count: 64)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        for tolerance: TimeInterval in [-1, .nan, .infinity, -.infinity] {
            XCTAssertEqual(code { try verifyWebhook(rawBody: body, signature: sig, timestamp: "1795000000",
                                                    secrets: ["s"], tolerance: tolerance, now: now) },
                           "INVALID_VALUE", "\(tolerance)")
        }
        for instant in [Date(timeIntervalSince1970: .nan), Date(timeIntervalSince1970: .infinity)] {
            XCTAssertEqual(code { try verifyWebhook(rawBody: body, signature: sig, timestamp: "1795000000",
                                                    secrets: ["s"], tolerance: nil, now: instant) }, "INVALID_VALUE")
        }
        func reason(_ call: () throws -> Any?) -> String? {
            do { _ = try call(); return nil } catch let e as A55Error { return e.reason } catch { return "\(error)" }
        }
        XCTAssertEqual(reason { try verifyWebhook(rawBody: Data(), signature: "", timestamp: "", secrets: [],
                                                  tolerance: nil, now: nil) }, "no_secrets")
        XCTAssertEqual(reason { try verifyWebhook(rawBody: body, signature: sig, timestamp: "\u{0}", secrets: [""],
                                                  tolerance: .greatestFiniteMagnitude, now: .distantPast) },
                       "malformed_timestamp")
        XCTAssertEqual(reason { try verifyWebhook(rawBody: Data(repeating: 0xff, count: 1_000_000), signature: sig,
                                                  timestamp: "1", secrets: ["s"], tolerance: nil, now: .distantFuture) },
                       "signature_mismatch")
        XCTAssertFalse(signWebhook(rawBody: Data(), secret: "", timestamp: .min).isEmpty)
    }
}
