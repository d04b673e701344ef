import A55
import A55Testing
import Foundation
import XCTest

/// Many calls at once, and cancelled tasks (ConcurrencyTest.kt's twin).
final class ConcurrencyTests: XCTestCase {
    func testTwoHundredConcurrentTasks() async throws {
        let client = try startA55Emulator().client()
        let (wallets, keys) = try await withThrowingTaskGroup(of: (String?, String?).self) { group in
            for i in 0..<200 {
                group.addTask {
                    if i % 2 == 0 {
                        return (try await client.getWallet(walletUuid: wallet).data.walletUuid, nil)
                    }
                    let r = try await client.createCharge(seed001(["installment_count": 1]),
                                                          options: RequestOptions(idempotencyFrom: "C-\(i)"))
                    return (nil, r.meta.idempotencyKey)
                }
            }
            var wallets: [String] = []
            var keys: Set<String> = []
            for try await (w, k) in group {
                if let w { wallets.append(w) }
                if let k { keys.insert(k) }
            }
            return (wallets, keys)
        }
        XCTAssertEqual(wallets, Array(repeating: wallet, count: 100))
        XCTAssertEqual(keys.count, 100)
    }

    func testCancellingMidCallEndsItAndAWriteReportsItsKey() async throws {
        // Every API request of this emulator takes 60 s: only cancellation ends these calls.
        let client = try startA55Emulator(options: ["faults": "delay=1:60000"]).client()
        let write = Task { try await client.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-CANCEL")) }
        try await Task.sleep(nanoseconds: 200_000_000)
        write.cancel()
        do {
            _ = try await write.value
            XCTFail("the cancelled write finished")
        } catch let e as A55Error {
            guard case .UnknownOutcome = e else { return XCTFail("\(e)") }
            XCTAssertNotNil(e.idempotencyKey)
        }

        let read = Task { try await client.getWallet(walletUuid: wallet) }
        try await Task.sleep(nanoseconds: 200_000_000)
        read.cancel()
        do {
            _ = try await read.value
            XCTFail("the cancelled read finished")
        } catch is CancellationError {}

        // Cancelled before it starts: ends at once too.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.getWallet(walletUuid: wallet)
        }
        do {
            _ = try await early.value
            XCTFail("the cancelled read finished")
        } catch is CancellationError {}

        // A write cancelled before it starts sent nothing: a plain CancellationError, and the same
        // order sent again is new to the server.
        let quick = try startA55Emulator().client()
        let earlyWrite = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await quick.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-EARLY"))
        }
        do {
            _ = try await earlyWrite.value
            XCTFail("the cancelled write finished")
        } catch is CancellationError {}
        let again = try await quick.createCharge(seed001(), options: RequestOptions(idempotencyFrom: "ORDER-EARLY"))
        XCTAssertFalse(again.meta.replayed)
    }
}
