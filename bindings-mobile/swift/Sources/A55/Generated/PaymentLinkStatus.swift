// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `PaymentLinkStatus`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .active`); `rawValue` is the wire text.
public struct PaymentLinkStatus: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `active`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// Whether no further change is expected (a terminal status).
    public var isTerminal: Bool { ["inactive", "paid", "expired", "canceled"].contains(rawValue) }

    /// `active`
    public static let active = PaymentLinkStatus(rawValue: "active")
    /// `inactive`
    public static let inactive = PaymentLinkStatus(rawValue: "inactive")
    /// `paid`
    public static let paid = PaymentLinkStatus(rawValue: "paid")
    /// `expired`
    public static let expired = PaymentLinkStatus(rawValue: "expired")
    /// `canceled`
    public static let canceled = PaymentLinkStatus(rawValue: "canceled")

    /// Every value this version knows.
    public static let known: [PaymentLinkStatus] = [.active, .inactive, .paid, .expired, .canceled]
}
