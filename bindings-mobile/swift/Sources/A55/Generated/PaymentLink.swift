// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A payment link (a reusable hosted page).
public struct PaymentLink: Sendable, Hashable {
    /// `payment_link_uuid`
    public let paymentLinkUuid: String?
    /// `status`
    public let status: PaymentLinkStatus?
    /// `url`
    public let url: String?
    /// `local_currency`
    public let localCurrency: Decimal?
    /// `currency`
    public let currency: Currency?
    /// `usd_currency`
    public let usdCurrency: Decimal?
    /// `eur_currency`
    public let eurCurrency: Decimal?
}

extension PaymentLink {
    init(json o: JSONObject) throws {
        paymentLinkUuid = o.text("payment_link_uuid")
        status = o.text("status").map { PaymentLinkStatus(rawValue: $0) }
        url = o.text("url")
        localCurrency = o.amount("local_currency")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        usdCurrency = o.amount("usd_currency")
        eurCurrency = o.amount("eur_currency")
    }
}
