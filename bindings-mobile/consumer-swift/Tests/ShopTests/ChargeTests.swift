import A55
import A55Testing
import Foundation
import XCTest

/// What a user of the SDK writes: a card charge in 3 installments against the test kit's emulator.
final class ChargeTests: XCTestCase {
    func testChargesACardInThreeInstallments() async throws {
        let emulator = try startA55Emulator()
        let client = try emulator.client()
        let charge = try await client.createCharge([
            "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "merchant_id": "11111111-1111-1111-1111-111111111111",
            "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com",
            "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
            "installment_value": Decimal(string: "150.00")!, "installment_count": 3, "currency": "BRL",
            "due_date": A55Date("2030-12-31"), "description": "Order #42", "type_charge": "credit_card",
            "card_number": "4024007153763191", "card_name": "Zhang Wei", "card_expiry_month": "12",
            "card_expiry_year": "2030", "card_cvv": "123",
            "payer_address": [
                "street": "Av. Paulista", "address_number": "1000", "complement": "",
                "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
                "postal_code": "01310-100", "country": "BR",
            ],
        ], options: RequestOptions(idempotencyFrom: "ORDER-42"))
        XCTAssertEqual(charge.data.status, .confirmed)
        XCTAssertEqual(charge.data.localCurrency, Decimal(string: "450.00"))
        XCTAssertEqual(charge.data.installments.count, 3)
    }
}
