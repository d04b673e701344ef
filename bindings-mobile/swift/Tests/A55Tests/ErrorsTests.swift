import A55
import A55Testing
import Foundation
import XCTest

/// Each error of the contract, raised for real where the emulator can (ErrorsTest.kt's twin).
final class ErrorsTests: XCTestCase {
    /// The error `call` throws, checked to be readable: `description` is the core's sentence.
    func failure(_ call: () async throws -> Void) async -> A55Error? {
        do {
            try await call()
            XCTFail("no error")
            return nil
        } catch let e as A55Error {
            XCTAssertEqual(e.description, e.detail)
            XCTAssertEqual(e.localizedDescription, e.detail)
            XCTAssertFalse(e.detail.hasPrefix("detail"))
            return e
        } catch {
            XCTFail("not an A55Error: \(error)")
            return nil
        }
    }

    func testSharedStoreReachesCoreAndAStoreThatIsDownFailsNoCall() async throws {
        let emu = try startA55Emulator()
        do {
            _ = try emu.client(ClientConfig(sharedStore: "memcached://x"))
            XCTFail("accepted")
        } catch let e as A55Error {
            XCTAssertEqual(e.kind(), "configuration")
            XCTAssertTrue(e.detail.contains("shared_store"))
        }
        // Nothing listens on port 1: the call goes on with the process's own budget.
        let fleet = try emu.client(ClientConfig(pacing: true, sharedStore: "redis://127.0.0.1:1/0"))
        let res = try await fleet.getWallet(walletUuid: wallet)
        XCTAssertEqual(res.data.walletUuid, wallet)
    }

    func testValidationIsLocalNamesTheFieldAndSendsNothing() async throws {
        let client = try startA55Emulator().client()
        let e = await failure { _ = try await client.createCharge(seed001(["installment_count": 13])) }
        XCTAssertEqual(e?.kind(), "validation")
        XCTAssertTrue(e?.issues.contains { $0.field == "installment_count" } ?? false)
        XCTAssertNil(e?.status)
        let opt = await failure {
            _ = try await client.getCharge(chargeUuid: wallet, walletUuid: wallet, options: RequestOptions(idempotencyKey: "k"))
        }
        XCTAssertEqual(opt?.issues.first?.field, "idempotency_key")
        let neg = await failure { _ = try await client.getWallet(walletUuid: wallet, options: RequestOptions(timeout: -1)) }
        XCTAssertEqual(neg?.issues.first?.field, "timeout_ms")
        let odd = await failure {
            _ = try await client.createCharge(seed001(["metadata": ["file": FileManager.default] as [String: Any]]))
        }
        XCTAssertEqual(odd?.issues.first?.field, "metadata.file")
        let nan = await failure { _ = try await client.createCharge(seed001(["installment_value": Double.nan])) }
        XCTAssertEqual(nan?.issues.first?.field, "installment_value")
        XCTAssertThrowsError(try A55Client(ClientConfig(clientId: "only-id")))
    }

    func testHttpStatusesBecomeTheirErrors() async throws {
        let emulator = try startA55Emulator()
        let client = try emulator.client()
        let missing = await failure {
            _ = try await client.getCharge(chargeUuid: "00000000-0000-4000-8000-000000000000", walletUuid: wallet)
        }
        guard case .NotFound = missing else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(missing?.status, 404)
        XCTAssertTrue(missing?.requestId?.hasPrefix("req_") ?? false)

        let url = emulator.url
        let wrong = try A55Client(ClientConfig(clientId: "nobody", clientSecret: "wrong", baseUrl: url, tokenUrl: "\(url)/oauth2/token"))
        let auth = await failure { _ = try await wrong.getWallet(walletUuid: wallet) }
        guard case .Authentication = auth else { return XCTFail("\(String(describing: auth))") }

        // A wallet's own credentials may not create wallets (the platform's do).
        let creds = try await client.createWallet([
            "entity_uuid": entity, "customer_id": "cust_403", "currency": "BRL", "name": "Loja 403",
            "email": "l403@loja.example.com", "create_credentials": true,
        ]).data.credentials!
        let merchantClient = try A55Client(ClientConfig(clientId: creds.clientId, clientSecret: creds.clientSecret,
                                                        baseUrl: url, tokenUrl: "\(url)/oauth2/token"))
        let denied = await failure {
            _ = try await merchantClient.createWallet([
                "entity_uuid": entity, "customer_id": "cust_404", "currency": "BRL", "name": "Loja",
                "email": "x@loja.example.com", "create_credentials": false,
            ])
        }
        guard case .Permission = denied else { return XCTFail("\(String(describing: denied))") }
        XCTAssertEqual(denied?.status, 403)

        _ = try await client.createCharge(seed001(), options: RequestOptions(idempotencyKey: "reuse-swift"))
        let conflict = await failure {
            _ = try await client.createCharge(seed001(["installment_count": 2]), options: RequestOptions(idempotencyKey: "reuse-swift"))
        }
        guard case .Conflict = conflict else { return XCTFail("\(String(describing: conflict))") }
        XCTAssertEqual(conflict?.idempotencyKey, "reuse-swift")

        _ = try await client.getWallet(walletUuid: wallet) // the token is fetched already
        try queueFaults(emulator, "429")
        let slow = await failure { _ = try await client.getWallet(walletUuid: wallet, options: RequestOptions(maxRetries: 0)) }
        guard case .RateLimit = slow else { return XCTFail("\(String(describing: slow))") }
        XCTAssertEqual(slow?.retryAfter, 1)
        try queueFaults(emulator, "500")
        let server = await failure { _ = try await client.getWallet(walletUuid: wallet, options: RequestOptions(maxRetries: 0)) }
        guard case .Server = server else { return XCTFail("\(String(describing: server))") }

        let declined = try await client.createCharge(seed001(card: "4000000000000002", ["installment_count": 1]))
        XCTAssertEqual(declined.data.status, .error)
        XCTAssertFalse(declined.data.message.isEmpty)
    }

    func testTransportFailuresAndTheUnknownOutcome() async throws {
        let nowhere = try A55Client(ClientConfig(accessToken: "t", baseUrl: "http://127.0.0.1:1"))
        let refused = await failure { _ = try await nowhere.getWallet(walletUuid: wallet, options: RequestOptions(maxRetries: 0)) }
        guard case .Connection = refused else { return XCTFail("\(String(describing: refused))") }

        let slow = try startA55Emulator(options: ["faults": "delay=1:2000"]).client()
        let late = await failure {
            _ = try await slow.getWallet(walletUuid: wallet, options: RequestOptions(timeout: 0.2, maxRetries: 0))
        }
        guard case .Timeout = late else { return XCTFail("\(String(describing: late))") }

        let emulator = try startA55Emulator()
        let client = try emulator.client()
        _ = try await client.getWallet(walletUuid: wallet)
        try queueFaults(emulator, "reset_after")
        let lost = await failure {
            _ = try await client.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-LOST", maxRetries: 0))
        }
        guard case .UnknownOutcome = lost, let key = lost?.idempotencyKey else { return XCTFail("\(String(describing: lost))") }
        let again = try await client.createCharge(seed001(), options: RequestOptions(idempotencyKey: key))
        XCTAssertTrue(again.meta.replayed)
    }

    func testConfigurationSignatureAndTheRest() async throws {
        let e = await failure { _ = try A55Client(ClientConfig(baseUrl: "http://example.com")) }
        guard case .Configuration = e else { return XCTFail("\(String(describing: e))") }
        let emulator = try startA55Emulator()
        let closed = try emulator.client()
        closed.close()
        let shut = await failure { _ = try await closed.getWallet(walletUuid: wallet) }
        guard case .Configuration = shut else { return XCTFail("\(String(describing: shut))") }

        let body = Data(#"{"charge_uuid":"c1","status":"paid"}"#.utf8)
        let sig = signWebhook(rawBody: body, secret: "another secret", timestamp: 1_795_000_000)
        let bad = await failure {
            _ = try verifyWebhook(rawBody: body, signature: sig, timestamp: "1795000000", secrets: [emulator.webhookSecret],
                                  tolerance: 300, now: Date(timeIntervalSince1970: 1_795_000_000))
        }
        guard case .Signature = bad else { return XCTFail("\(String(describing: bad))") }
        XCTAssertEqual(bad?.reason, "signature_mismatch")

        // The statuses the emulator never answers (another 4xx, a 2xx that is not JSON): the same shape.
        let api = A55Error.Api(detail: "HTTP 418", status: 418, codes: [], requestId: nil, idempotencyKey: nil,
                               issues: [], reason: nil, retryAfter: nil, rawBody: "<teapot/>")
        let decode = A55Error.Decode(detail: "the answer could not be read", status: 200, codes: [], requestId: nil,
                                     idempotencyKey: nil, issues: [], reason: nil, retryAfter: nil, rawBody: nil)
        XCTAssertEqual(api.kind(), "api")
        XCTAssertEqual(decode.kind(), "decode")
        XCTAssertEqual(api.description, "HTTP 418")
    }
}
