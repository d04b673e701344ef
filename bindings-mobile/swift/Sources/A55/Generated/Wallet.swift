// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A wallet.
public struct Wallet: Sendable, Hashable {
    /// `wallet_uuid`
    public let walletUuid: String?
    /// `entity_uuid`
    public let entityUuid: String?
    /// `merchant_uuid`
    public let merchantUuid: String?
    /// `customer_id`
    public let customerId: String?
    /// `currency`
    public let currency: Currency?
    /// `name`
    public let name: String?
    /// `email`
    public let email: String?
    /// `credentials`
    public let credentials: WalletCredentials?
}

extension Wallet {
    init(json o: JSONObject) throws {
        walletUuid = o.text("wallet_uuid")
        entityUuid = o.text("entity_uuid")
        merchantUuid = o.text("merchant_uuid")
        customerId = o.text("customer_id")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        name = o.text("name")
        email = o.text("email")
        credentials = try o.object("credentials").map { try WalletCredentials(json: $0) }
    }
}
