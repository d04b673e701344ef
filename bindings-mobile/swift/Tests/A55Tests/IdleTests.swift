import A55
import A55Testing
import Foundation
import XCTest

/// An idle client wakes nothing: after its calls end, the native runtime's threads (`a55-sdk`)
/// stay asleep, counted from Linux's per-thread context switches (IdleTest.kt's twin).
final class IdleTests: XCTestCase {
    /// The context switches of every `a55-sdk` thread, by thread id.
    func switches() -> [String: Int] {
        var out: [String: Int] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        for task in tasks {
            let comm = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
            guard comm.trimmingCharacters(in: .whitespacesAndNewlines) == "a55-sdk" else { continue }
            let status = (try? String(contentsOfFile: "/proc/self/task/\(task)/status", encoding: .utf8)) ?? ""
            out[task] = status.split(separator: "\n").filter { $0.contains("ctxt_switches") }
                .compactMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
                .reduce(0, +)
        }
        return out
    }

    func testAnIdleClientWakesNothing() async throws {
        #if os(Linux)
        // Alone in its emulator: no settle timers, no other test's calls.
        let client = try startA55Emulator(options: ["settleDelayMs": NSNull()]).client()
        _ = try await client.getWallet(walletUuid: wallet)
        _ = try await client.createCharge(seed001(["installment_count": 1]))
        try await Task.sleep(nanoseconds: 500_000_000)
        let before = switches()
        XCTAssertFalse(before.isEmpty, "no a55-sdk threads found")
        try await Task.sleep(nanoseconds: 3_000_000_000)
        let after = switches()
        let woke = before.reduce(0) { $0 + (after[$1.key] ?? $1.value) - $1.value }
        XCTAssertEqual(woke, 0, "wake-ups of an idle client in 3 s: \(before) → \(after)")
        let again = try await client.getWallet(walletUuid: wallet)
        XCTAssertEqual(again.data.walletUuid, wallet)
        #endif
    }
}
