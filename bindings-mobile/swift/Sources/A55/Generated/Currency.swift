// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `Currency`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .brl`); `rawValue` is the wire text.
public struct Currency: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `BRL`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// `BRL`
    public static let brl = Currency(rawValue: "BRL")
    /// `MXN`
    public static let mxn = Currency(rawValue: "MXN")
    /// `CLP`
    public static let clp = Currency(rawValue: "CLP")
    /// `COP`
    public static let cop = Currency(rawValue: "COP")
    /// `PEN`
    public static let pen = Currency(rawValue: "PEN")
    /// `ARS`
    public static let ars = Currency(rawValue: "ARS")
    /// `USD`
    public static let usd = Currency(rawValue: "USD")
    /// `EUR`
    public static let eur = Currency(rawValue: "EUR")

    /// Every value this version knows.
    public static let known: [Currency] = [.brl, .mxn, .clp, .cop, .pen, .ars, .usd, .eur]
}
