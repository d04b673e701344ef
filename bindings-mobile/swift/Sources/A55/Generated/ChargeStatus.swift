// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `ChargeStatus`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .issued`); `rawValue` is the wire text.
public struct ChargeStatus: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `issued`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// Whether no further change is expected (a terminal status).
    public var isTerminal: Bool { ["refunded", "refund_error", "chargeback", "chargeback_reversed", "chargeback_refunded", "canceled", "error", "expired"].contains(rawValue) }

    /// `issued`
    public static let issued = ChargeStatus(rawValue: "issued")
    /// `pending`
    public static let pending = ChargeStatus(rawValue: "pending")
    /// `confirmed`
    public static let confirmed = ChargeStatus(rawValue: "confirmed")
    /// `pre_captured`
    public static let preCaptured = ChargeStatus(rawValue: "pre_captured")
    /// `paid`
    public static let paid = ChargeStatus(rawValue: "paid")
    /// `refunded`
    public static let refunded = ChargeStatus(rawValue: "refunded")
    /// `refund_error`
    public static let refundError = ChargeStatus(rawValue: "refund_error")
    /// `pre_chargeback_resolution`
    public static let preChargebackResolution = ChargeStatus(rawValue: "pre_chargeback_resolution")
    /// `chargeback_requested`
    public static let chargebackRequested = ChargeStatus(rawValue: "chargeback_requested")
    /// `chargeback`
    public static let chargeback = ChargeStatus(rawValue: "chargeback")
    /// `chargeback_reversed`
    public static let chargebackReversed = ChargeStatus(rawValue: "chargeback_reversed")
    /// `chargeback_refunded`
    public static let chargebackRefunded = ChargeStatus(rawValue: "chargeback_refunded")
    /// `canceled`
    public static let canceled = ChargeStatus(rawValue: "canceled")
    /// `error`
    public static let error = ChargeStatus(rawValue: "error")
    /// `expired`
    public static let expired = ChargeStatus(rawValue: "expired")

    /// Every value this version knows.
    public static let known: [ChargeStatus] = [.issued, .pending, .confirmed, .preCaptured, .paid, .refunded, .refundError, .preChargebackResolution, .chargebackRequested, .chargeback, .chargebackReversed, .chargebackRefunded, .canceled, .error, .expired]
}
