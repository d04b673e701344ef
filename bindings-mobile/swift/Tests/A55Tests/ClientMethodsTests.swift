import A55
import A55Testing
import Foundation
import XCTest

/// Every method of A55Client against the emulator, as a user calls it (ClientMethodsTest.kt's twin).
final class ClientMethodsTests: XCTestCase {
    func testACardChargeIsTypedAndCarriesItsMetadata() async throws {
        let client = try startA55Emulator(options: ["settleDelayMs": NSNull()]).client()
        let r = try await client.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-42"))
        XCTAssertEqual(r.data.status, .confirmed)
        XCTAssertTrue(r.data.status.isKnown && !r.data.status.isTerminal)
        XCTAssertEqual(r.data.localCurrency, dec("450.00"))
        XCTAssertEqual(r.data.currency, .brl)
        XCTAssertEqual(r.data.typeCharge, .creditCard)
        XCTAssertEqual(r.data.installments[2].dueDate, "2031-02-28")
        XCTAssertEqual(r.data.installments[0].localCurrency, dec("150.00"))
        XCTAssertTrue(r.meta.requestId!.hasPrefix("req_"))
        XCTAssertEqual(r.meta.attempts, 1)
        XCTAssertFalse(r.meta.replayed)
        XCTAssertTrue(r.meta.rawJson.contains(r.data.chargeUuid!))
        let again = try await client.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-42"))
        XCTAssertEqual(again.meta.idempotencyKey, r.meta.idempotencyKey)
        XCTAssertTrue(again.meta.replayed)
        XCTAssertEqual(again.data.chargeUuid, r.data.chargeUuid)
    }

    func testEveryReadAndWriteOfAChargeByNamedIdentifiers() async throws {
        let client = try startA55Emulator(options: ["settleDelayMs": NSNull()]).client()
        let one: [String: Any] = ["capture": false, "installment_count": 1]
        let id = try await client.createCharge(seed001(one)).data.chargeUuid!
        let read = try await client.getCharge(chargeUuid: id, walletUuid: wallet)
        XCTAssertEqual(read.data.status, .confirmed)
        let captured = try await client.captureCharge(chargeUuid: id, walletUuid: wallet)
        XCTAssertEqual(captured.data.status, .paid)
        let refunded = try await client.refundCharge(
            chargeUuid: id, walletUuid: wallet, payload: ["amount": dec("50.00"), "reason": "partial"])
        XCTAssertTrue([ChargeStatus.paid, .refunded].contains(refunded.data.status))
        let other = try await client.createCharge(seed001(one)).data.chargeUuid!
        let canceled = try await client.cancelCharge(chargeUuid: other, walletUuid: wallet, reason: "r")
        XCTAssertEqual(canceled.data.status, .canceled)
        let waited = try await client.waitForCharge(chargeUuid: id, walletUuid: wallet, maxWait: 5)
        XCTAssertEqual(waited.data.chargeUuid, id)
        let page = try await client.listCharges(walletUuid: wallet, page: 1, limit: 2)
        XCTAssertEqual(page.data.data.count, 2)
        XCTAssertGreaterThanOrEqual(page.data.total!, 2)
    }

    func testAStreamWalksEveryPage() async throws {
        let client = try startA55Emulator().client()
        for _ in 0..<5 { _ = try await client.createCharge(seed001(["installment_count": 1])) }
        let total = try await client.listCharges(walletUuid: wallet, limit: 100).data.total!
        var ids: [String] = []
        for try await charge in client.listAllCharges(walletUuid: wallet, limit: 2) {
            ids.append(charge.chargeUuid!)
        }
        XCTAssertEqual(ids.count, total)
        XCTAssertEqual(Set(ids).count, ids.count)
        var seen = 0
        for try await _ in client.listAllCharges(walletUuid: wallet, limit: 2) {
            seen += 1
            if seen == 3 { break }
        }
        XCTAssertEqual(seen, 3)
        do {
            for try await _ in client.listAllCharges(walletUuid: wallet, limit: 0) {}
            XCTFail("limit 0 was accepted")
        } catch let e as A55Error {
            XCTAssertEqual(e.issues.first?.field, "limit")
        }
    }

    func testPixSubscriptionCheckoutPaymentLinkAndWallets() async throws {
        let client = try startA55Emulator().client()
        let pix = try await client.createPixCharge(pixPayload())
        XCTAssertEqual(pix.data.status, .issued)
        XCTAssertEqual(try parsePixBrCode(text: pix.data.pixPayload!.copyPaste!).amount, "149.90")

        let sub = try await client.createSubscription(
            seed001(["installment_count": 1, "subscription": ["cycle": Cycle.monthly] as [String: Any]]))
        let subUuid = sub.data.subscription!.subscriptionUuid!
        XCTAssertEqual(sub.data.subscription!.cycle, .monthly)
        let read = try await client.getSubscription(subscriptionUuid: subUuid, walletUuid: wallet)
        XCTAssertEqual(read.data.status, .active)
        let gone = try await client.cancelSubscription(subscriptionUuid: subUuid, walletUuid: wallet)
        XCTAssertTrue(gone.data.status!.isTerminal)

        let checkout = try await client.createCheckout([
            "wallet_uuid": wallet, "merchant_id": merchant, "amount": dec("250.00"), "currency": "BRL",
            "description": "Premium plan", "redirect_url": "https://your-app.com/ok",
            "cancel_url": "https://your-app.com/cancel", "due_date": due,
            "payer_email": "zhangwei@example.com", "allowed_methods": ["credit_card", "pix"], "max_installments": 6,
        ])
        XCTAssertEqual(checkout.data.status, .active)
        XCTAssertEqual(checkout.data.amount, dec("250.00"))

        let link = try await client.createPaymentLink([
            "wallet_uuid": wallet, "merchant_id": merchant, "value": 99.9, "currency": "BRL", "description": "Link",
        ])
        XCTAssertNotNil(link.data.paymentLinkUuid)

        let fixture = try await client.getWallet(walletUuid: wallet)
        XCTAssertEqual(fixture.data.walletUuid, wallet)
        let created = try await client.createWallet([
            "entity_uuid": entity, "customer_id": "cust_swift", "currency": "BRL", "name": "Loja Swift",
            "email": "swift@loja.example.com", "create_credentials": true,
        ])
        XCTAssertNotNil(created.data.credentials?.clientSecret)
        let found = try await client.getWallet(customerId: "cust_swift")
        XCTAssertEqual(found.data.walletUuid, created.data.walletUuid)
    }

    func testAnAppPaysAPublicChargeWithoutAToken() async throws {
        let emulator = try startA55Emulator()
        let server = try emulator.client()
        var unpaid = seed001(["installment_count": 1])
        for key in cardFields { unpaid[key] = nil }
        let id = try await server.createCharge(unpaid).data.chargeUuid!
        // The app: no credentials at all, only the charge's uuid.
        let app = try A55Client(ClientConfig(baseUrl: emulator.url))
        let view = try await app.getPublicCharge(chargeUuid: id)
        XCTAssertEqual(view.data.status, .issued)
        let pay: [String: Any] = ["card_number": card, "card_name": "A", "card_expiry_month": "12",
                                  "card_expiry_year": "2030", "card_cvv": "123"]
        let paid = try await app.payPublicCharge(chargeUuid: id, payload: pay)
        XCTAssertEqual(paid.data.status, .confirmed)
        do {
            _ = try await app.payPublicCharge(chargeUuid: id, payload: pay)
            XCTFail("paid twice")
        } catch A55Error.Conflict {}
        do {
            _ = try await app.getCharge(chargeUuid: id, walletUuid: wallet)
            XCTFail("a private endpoint without credentials")
        } catch A55Error.Configuration {}
    }
}
