// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A `TypeCharge`: one of the values this version knows (the static constants) or a value it does
/// not, kept as received. Compare with the constants (`x == .creditCard`); `rawValue` is the wire text.
public struct TypeCharge: A55OpenEnum, CustomStringConvertible {
    /// The wire text, e.g. `credit_card`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The wire text.
    public var description: String { rawValue }

    /// Whether this version of the SDK knows the value.
    public var isKnown: Bool { Self.known.contains(self) }

    /// `credit_card`
    public static let creditCard = TypeCharge(rawValue: "credit_card")
    /// `debit_card`
    public static let debitCard = TypeCharge(rawValue: "debit_card")
    /// `boleto`
    public static let boleto = TypeCharge(rawValue: "boleto")
    /// `pix`
    public static let pix = TypeCharge(rawValue: "pix")
    /// `spei`
    public static let spei = TypeCharge(rawValue: "spei")
    /// `oxxo`
    public static let oxxo = TypeCharge(rawValue: "oxxo")
    /// `e_wallet`
    public static let eWallet = TypeCharge(rawValue: "e_wallet")
    /// `qra`
    public static let qra = TypeCharge(rawValue: "qra")
    /// `pfc`
    public static let pfc = TypeCharge(rawValue: "pfc")
    /// `applepay`
    public static let applepay = TypeCharge(rawValue: "applepay")
    /// `googlepay`
    public static let googlepay = TypeCharge(rawValue: "googlepay")

    /// Every value this version knows.
    public static let known: [TypeCharge] = [.creditCard, .debitCard, .boleto, .pix, .spei, .oxxo, .eWallet, .qra, .pfc, .applepay, .googlepay]
}
