import Foundation
import XCTest
@testable import A55

/// No card number, CVV, tax id or secret in the description of models and errors.
final class SecretsTests: XCTestCase {
    let card = "4111111111111112" // fails Luhn: a warning about the card number
    let cvv = "9876"              // 4 digits on a Visa: INVALID_CVC
    let taxId = "111.222.333-44"  // wrong check digits: INVALID_TAX_ID
    let secret = "whsec_do_not_print_me"

    func assertClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for s in [card, String(card.suffix(12)), cvv, taxId, "11122233344", secret] {
            XCTAssertFalse(text.contains(s), "'\(s)' leaked into: \(text)", file: file, line: line)
        }
    }

    func testValidationIssuesDoNotRepeatCardDataOrTaxIds() throws {
        let payload = """
            {"wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
             "merchant_id": "11111111-1111-1111-1111-111111111111",
             "payer_name": "Ana", "payer_email": "ana@example.com", "payer_tax_id": "\(taxId)",
             "payer_cell_phone": "+5511999999999", "installment_value": 150.00, "installment_count": 1,
             "currency": "BRL", "due_date": "2026-12-31", "description": "x", "type_charge": "credit_card",
             "card_number": "\(card)", "card_name": "Ana", "card_expiry_month": "01",
             "card_expiry_year": "2020", "card_cvv": "\(cvv)",
             "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "",
               "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
               "postal_code": "01310-100", "country": "BR"}}
            """
        let issues = try validate(kind: "charge", payloadJson: payload, today: "2026-11-21")
        let codes = Set(issues.map(\.code))
        XCTAssertTrue(codes.isSuperset(of: ["CARD_NUMBER_CHECKSUM", "INVALID_CVC", "EXPIRED_CARD", "INVALID_TAX_ID"]),
                      "\(codes)")
        for issue in issues {
            assertClean("\(issue)")
            assertClean(String(reflecting: issue))
        }
    }

    func testErrorsDoNotRepeatTaxIdsOrSecrets() throws {
        XCTAssertThrowsError(try validateTaxId(value: taxId, country: "BR")) { error in
            assertClean("\(error)")
            assertClean(String(reflecting: error))
            assertClean(error.localizedDescription)
        }
        let body = Data(#"{"charge_uuid":"c1","status":"paid"}"#.utf8)
        let sig = signWebhook(rawBody: body, secret: "another secret", timestamp: 1_795_000_000)
        XCTAssertThrowsError(try verifyWebhook(rawBody: body, signature: sig, timestamp: "1795000000",
                                               secrets: [secret], tolerance: 300,
                                               now: Date(timeIntervalSince1970: 1_795_000_000))) { error in
            assertClean("\(error)")
            assertClean(String(reflecting: error))
            assertClean(error.localizedDescription)
            var dumped = ""
            dump(error, to: &dumped)
            assertClean(dumped)
        }
    }
}
