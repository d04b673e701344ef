import Foundation
import XCTest
@testable import A55

/// The typed Swift API: Decimal amounts, A55Date dates, TimeInterval tolerances and Date instants.
final class HelpersTests: XCTestCase {
    func dec(_ s: String) -> Decimal { Decimal(string: s)! }

    func testAmountsAreDecimals() throws {
        XCTAssertEqual(try normalizeAmount(amount: dec("10.005"), currency: "BRL"), dec("10.01"))
        XCTAssertEqual(try normalizeAmount(amount: dec("50000.50"), currency: "CLP"), dec("50000"))
        XCTAssertEqual(try normalizeAmountDouble(amount: 2.675, currency: "BRL"), dec("2.68"))
        XCTAssertEqual(try normalizeAmountText(amount: "1E+2", currency: "BRL"), dec("100"))
        XCTAssertEqual(try toMinorUnits(amount: dec("10.005"), currency: "BRL"), 1001)
        XCTAssertEqual(try fromMinorUnits(minor: 1001, currency: "BRL"), dec("10.01"))
        XCTAssertEqual(try currencyExponent(currency: "CLP"), 0)
        XCTAssertEqual(try splitInstallments(total: dec("100.00"), count: 3, currency: "BRL"),
                       [dec("33.34"), dec("33.33"), dec("33.33")])
    }

    func testDatesAreA55Dates() throws {
        XCTAssertEqual(A55Date(year: 2026, month: 1, day: 5).rawValue, "2026-01-05")
        XCTAssertEqual(try installmentDueDates(firstDueDate: A55Date(year: 2026, month: 12, day: 31), count: 3),
                       ["2026-12-31", "2027-01-31", "2027-02-28"])
        XCTAssertEqual(try nextChargeDate(dueDate: "2028-02-29", cycle: "yearly", endDate: nil), "2029-02-28")
        XCTAssertNil(try nextChargeDate(dueDate: "2026-01-31", cycle: "monthly", endDate: "2026-02-27"))
        XCTAssertEqual(try subscriptionSchedule(dueDate: "2026-01-31", cycle: "monthly", count: 5, endDate: "2026-04-01"),
                       ["2026-02-28", "2026-03-31"])
        XCTAssertLessThan(A55Date("2026-01-31"), A55Date("2026-02-01"))
        let json = try JSONEncoder().encode([A55Date("2026-12-31")])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), #"["2026-12-31"]"#)
        XCTAssertEqual(try JSONDecoder().decode([A55Date].self, from: json), ["2026-12-31"])
    }

    func testOtherHelpers() throws {
        XCTAssertEqual(try validateTaxId(value: "123.456.789-09", country: "BR"), "CPF")
        XCTAssertEqual(cardBrand(cardNumber: "4111 1111 1111 1111"), "Visa")
        let issues = try validate(kind: "wallet", payloadJson: "{}", today: "2026-11-21")
        XCTAssertTrue(issues.contains { $0.code == "REQUIRED_FIELD" && $0.severity == .error })
    }

    func testWebhooksRoundTrip() throws {
        let body = Data(#"{"charge_uuid":"c1","status":"cancelled","amount":10.5}"#.utf8)
        let signature = signWebhook(rawBody: body, secret: "whsec_test", timestamp: 1_795_000_000)
        let now = Date(timeIntervalSince1970: 1_795_000_100)
        let event = try verifyWebhook(rawBody: body, signature: signature, timestamp: "1795000000",
                                      secrets: ["old", "whsec_test"], tolerance: nil, now: now)
        XCTAssertEqual(event.status, "canceled")
        XCTAssertEqual(event.dedupKey, "c1:canceled")
        XCTAssertEqual(event.amount, "10.5")
        XCTAssertThrowsError(try verifyWebhook(rawBody: body, signature: signature, timestamp: "1795000000",
                                               secrets: ["whsec_test"], tolerance: 99, now: now)) { error in
            guard case A55Error.Signature = error else { return XCTFail("not a signature error: \(error)") }
            XCTAssertEqual((error as? A55Error)?.reason, "timestamp_too_old")
            XCTAssertEqual((error as? A55Error)?.codes, ["INVALID_WEBHOOK_SIGNATURE"])
            XCTAssertEqual((error as? A55Error)?.kind(), "signature")
        }
        // Sub-second tolerances and instants: the core counts whole seconds.
        _ = try verifyWebhook(rawBody: body, signature: signature, timestamp: "1795000000",
                              secrets: ["whsec_test"], tolerance: 100.9, now: now.addingTimeInterval(0.5))
    }

    func testErrorsAreTypedAndCarryTheirIssues() throws {
        XCTAssertThrowsError(try normalizeAmount(amount: dec("0.001"), currency: "BRL")) { error in
            guard let e = error as? A55Error, case .Validation = e else { return XCTFail("\(error)") }
            XCTAssertEqual(e.codes, ["AMOUNT_INVALID"])
            XCTAssertEqual(e.issues.first?.field, "amount")
            XCTAssertEqual(e.issues.first?.severity, .error)
            XCTAssertEqual(e.kind(), "validation")
            XCTAssertEqual(e.description, e.detail)
            XCTAssertEqual(e.localizedDescription, e.detail)
            XCTAssertNil(e.status)
        }
    }

    func testEveryErrorKindCarriesTheSameFields() {
        // The client (part 2) raises these.
        let e = A55Error.RateLimit(detail: "slow down", status: 429, codes: ["RATE_LIMIT_EXCEEDED"],
                                   requestId: "req_1", idempotencyKey: "key_1", issues: [], reason: nil,
                                   retryAfter: 3, rawBody: nil)
        XCTAssertEqual(e.kind(), "rate_limit")
        XCTAssertEqual(e.retryAfter, 3)
        XCTAssertEqual(e.status, 429)
        XCTAssertEqual("\(e)", "slow down")
        let u = A55Error.UnknownOutcome(detail: "no answer", status: nil, codes: [], requestId: nil,
                                        idempotencyKey: "key_2", issues: [], reason: nil, retryAfter: nil,
                                        rawBody: nil)
        XCTAssertEqual(u.idempotencyKey, "key_2")
        XCTAssertEqual(u.kind(), "unknown_outcome")
        typealias Make = (String, Int32?, [String], String?, String?, [Issue], String?, TimeInterval?, String?) -> A55Error
        let makers: [Make] = [
            A55Error.Validation, A55Error.Signature, A55Error.Authentication, A55Error.Permission,
            A55Error.NotFound, A55Error.Conflict, A55Error.RateLimit, A55Error.Server, A55Error.Api,
            A55Error.Connection, A55Error.Timeout, A55Error.UnknownOutcome, A55Error.Configuration,
            A55Error.Decode,
        ]
        let kinds = makers.map { $0("d", nil, [], nil, nil, [], nil, nil, nil).kind() }
        XCTAssertEqual(kinds, ["validation", "signature", "authentication", "permission", "not_found", "conflict",
                               "rate_limit", "server", "api", "connection", "timeout", "unknown_outcome",
                               "configuration", "decode"])
    }
}
