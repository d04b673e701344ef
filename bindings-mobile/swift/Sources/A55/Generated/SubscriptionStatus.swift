// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `SubscriptionStatus`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .pending`); `rawValue` is the wire text.
public struct SubscriptionStatus: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `pending`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// Whether no further change is expected (a terminal status).
    public var isTerminal: Bool { ["cancelled", "expired"].contains(rawValue) }

    /// `pending`
    public static let pending = SubscriptionStatus(rawValue: "pending")
    /// `active`
    public static let active = SubscriptionStatus(rawValue: "active")
    /// `error`
    public static let error = SubscriptionStatus(rawValue: "error")
    /// `cancelled`
    public static let cancelled = SubscriptionStatus(rawValue: "cancelled")
    /// `expired`
    public static let expired = SubscriptionStatus(rawValue: "expired")

    /// Every value this version knows.
    public static let known: [SubscriptionStatus] = [.pending, .active, .error, .cancelled, .expired]
}
