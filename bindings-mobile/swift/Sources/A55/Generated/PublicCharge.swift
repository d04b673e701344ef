// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// What the public (no token) charge endpoint says about a charge.
public struct PublicCharge: Sendable, Hashable {
    /// `charge_uuid`
    public let chargeUuid: String?
    /// `status`
    public let status: ChargeStatus
    /// `redirect_url`
    public let redirectUrl: String?
    /// `value`
    public let value: Decimal?
    /// `currency`
    public let currency: Currency?
    /// `type_charge`
    public let typeCharge: TypeCharge?
    /// `installment_count`
    public let installmentCount: Int?
    /// `message`
    public let message: [ServerMessage]
}

extension PublicCharge {
    init(json o: JSONObject) throws {
        chargeUuid = o.text("charge_uuid")
        status = ChargeStatus(rawValue: try o.requiredText("status"))
        redirectUrl = o.text("redirect_url")
        value = o.amount("value")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        typeCharge = o.text("type_charge").map { TypeCharge(rawValue: $0) }
        installmentCount = o.count("installment_count")
        message = try o.objects("message").map { try ServerMessage(json: $0) }
    }
}
