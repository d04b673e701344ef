import A55
import Foundation
import XCTest

/// The A55 emulator, running inside the test process on a loopback port: a real HTTP server that
/// keeps state and can fail on purpose (docs/emulator.md). It is linked into the SDK's native
/// library, so nothing else is installed or started.
///
/// Options use the test kit's names and defaults: `faults` (`"500=0.1,delay=1:2000"`), `seed`,
/// `settleDelayMs` (`NSNull()`: a captured charge never settles by itself), `rateLimit` (0: off),
/// `today`, `tokenTtlSecs`, `fastWebhooks`, `clientId`, `clientSecret`, `webhookSecret`, `port`.
/// An unknown option is refused, naming it.
public final class A55Emulator: Sendable, CustomStringConvertible {
    private let native: NativeEmulator
    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The platform client id.
    public let clientId: String

    /// Starts an emulator with the kit's `options` (see the class).
    public init(options: [String: Any] = [:]) throws {
        var snake: [String: Any] = [:]
        for (key, value) in options {
            snake[A55Emulator.snakeCase(key)] = value
        }
        native = try NativeEmulator.start(optionsJson: try A55Emulator.json(snake))
        url = native.url()
        clientId = native.clientId()
    }

    /// The platform client secret.
    public var clientSecret: String { native.clientSecret() }

    /// The secret webhooks are signed with.
    public var webhookSecret: String { native.webhookSecret() }

    public var description: String { "A55Emulator(\(url))" }

    /// A client configured for this emulator (its platform credentials), with `config`'s other settings.
    public func client(_ config: ClientConfig = ClientConfig()) throws -> A55Client {
        var c = config
        c.clientId = clientId
        c.clientSecret = clientSecret
        c.baseUrl = url
        c.tokenUrl = "\(url)/oauth2/token"
        return try A55Client(c)
    }

    /// Stops it (again: nothing).
    public func stop() {
        try? native.stop()
    }

    private static func snakeCase(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase {
                out += "_" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }

    private static func json(_ options: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: options, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension XCTestCase {
    /// Starts an `A55Emulator` for this test and stops it when the test ends:
    ///
    /// ```swift
    /// func testCheckout() async throws {
    ///     let emulator = try startA55Emulator()
    ///     let client = try emulator.client()
    ///     …
    /// }
    /// ```
    public func startA55Emulator(options: [String: Any] = [:]) throws -> A55Emulator {
        let emulator = try A55Emulator(options: options)
        addTeardownBlock { emulator.stop() }
        return emulator
    }
}
