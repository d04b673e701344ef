import A55
import A55Testing
import Foundation
import XCTest

/// No secret, card number, CVV or tax id in description of clients, results and errors.
final class ClientSecretsTests: XCTestCase {
    func assertClean(_ text: String, _ secrets: String..., line: UInt = #line) {
        for s in secrets {
            XCTAssertFalse(text.contains(s), "'\(s)' leaked into: \(text)", line: line)
        }
    }

    func testClientsConfigsResultsAndErrorsShowNoSecret() async throws {
        let emulator = try startA55Emulator()
        let url = emulator.url
        let config = ClientConfig(clientId: "id", clientSecret: "sk_live_SECRET", baseUrl: url, tokenUrl: "\(url)/oauth2/token")
        let c = try A55Client(config)
        assertClean("\(config) \(String(reflecting: config)) \(c)", "sk_live_SECRET")
        var dumped = ""
        dump(config, to: &dumped)
        assertClean(dumped, "sk_live_SECRET")
        assertClean("\(ClientConfig(accessToken: "tok_SECRET"))", "tok_SECRET")
        do {
            _ = try await c.getWallet(walletUuid: wallet)
            XCTFail("wrong credentials accepted")
        } catch {
            assertClean("\(error) \(String(reflecting: error)) \(error.localizedDescription)", "sk_live_SECRET")
        }

        let number = "4111111111111112"
        do {
            _ = try await emulator.client().createCharge(seed001(card: number, ["card_cvv": "x", "payer_tax_id": "111.222.333-44"]))
            XCTFail("a bad card accepted")
        } catch let e as A55Error {
            assertClean("\(e) \(String(reflecting: e)) \(e.issues)", number, String(number.suffix(12)), "111.222.333-44", "11122233344")
        }

        let created = try await emulator.client().createWallet([
            "entity_uuid": entity, "customer_id": "cust_secret", "currency": "BRL", "name": "Loja",
            "email": "s@loja.example.com", "create_credentials": true,
        ])
        let secret = created.data.credentials!.clientSecret!
        XCTAssertGreaterThan(secret.count, 8)
        var dumpedWallet = ""
        dump(created, to: &dumpedWallet)
        assertClean("\(created) \(String(reflecting: created)) \(created.data) \(created.meta) \(dumpedWallet)", secret)
        // The raw JSON is the answer as received: it is there, on purpose, and only there.
        XCTAssertTrue(created.meta.rawJson.contains(secret))
    }
}
