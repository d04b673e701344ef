// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `Cycle`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .weekly`); `rawValue` is the wire text.
public struct Cycle: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `weekly`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// `weekly`
    public static let weekly = Cycle(rawValue: "weekly")
    /// `biweekly`
    public static let biweekly = Cycle(rawValue: "biweekly")
    /// `monthly`
    public static let monthly = Cycle(rawValue: "monthly")
    /// `quarterly`
    public static let quarterly = Cycle(rawValue: "quarterly")
    /// `semiannually`
    public static let semiannually = Cycle(rawValue: "semiannually")
    /// `yearly`
    public static let yearly = Cycle(rawValue: "yearly")

    /// Every value this version knows.
    public static let known: [Cycle] = [.weekly, .biweekly, .monthly, .quarterly, .semiannually, .yearly]
}
