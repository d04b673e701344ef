// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// One installment of a charge.
public struct Installment: Sendable, Hashable {
    /// `local_currency`
    public let localCurrency: Decimal?
    /// `currency`
    public let currency: Currency?
    /// `usd_currency`
    public let usdCurrency: Decimal?
    /// `eur_currency`
    public let eurCurrency: Decimal?
    /// `due_date`
    public let dueDate: A55Date?
    /// `status`
    public let status: ChargeStatus?
    /// `installment_number`
    public let installmentNumber: Int?
}

extension Installment {
    init(json o: JSONObject) throws {
        localCurrency = o.amount("local_currency")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        usdCurrency = o.amount("usd_currency")
        eurCurrency = o.amount("eur_currency")
        dueDate = o.date("due_date")
        status = o.text("status").map { ChargeStatus(rawValue: $0) }
        installmentNumber = o.count("installment_number")
    }
}
