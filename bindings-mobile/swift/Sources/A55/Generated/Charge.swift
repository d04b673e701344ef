// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A charge, as create, get, list, refund, cancel and capture describe it.
public struct Charge: Sendable, Hashable {
    /// `charge_uuid`
    public let chargeUuid: String?
    /// `status`
    public let status: ChargeStatus
    /// `local_currency`
    public let localCurrency: Decimal?
    /// `currency`
    public let currency: Currency?
    /// `usd_currency`
    public let usdCurrency: Decimal?
    /// `eur_currency`
    public let eurCurrency: Decimal?
    /// `type_charge`
    public let typeCharge: TypeCharge?
    /// `date`
    public let date: String?
    /// `description`
    public let description: String?
    /// `due_date`
    public let dueDate: A55Date?
    /// `installment_count`
    public let installmentCount: Int?
    /// `installments`
    public let installments: [Installment]
    /// `charge_payment_url`
    public let chargePaymentUrl: String?
    /// `url_3ds`
    public let url3ds: String?
    /// `message`
    public let message: [ServerMessage]
    /// `subscription`
    public let subscription: SubscriptionInfo?
    /// `pix_payload`
    public let pixPayload: PixPayload?
    /// `boleto_url`
    public let boletoUrl: String?
    /// `barcode`
    public let barcode: String?
    /// `wallet_uuid`
    public let walletUuid: String?
    /// `refunded_amount`
    public let refundedAmount: Decimal?
}

extension Charge {
    init(json o: JSONObject) throws {
        chargeUuid = o.text("charge_uuid")
        status = ChargeStatus(rawValue: try o.requiredText("status"))
        localCurrency = o.amount("local_currency")
        currency = o.text("currency").map { Currency(rawValue: $0) }
        usdCurrency = o.amount("usd_currency")
        eurCurrency = o.amount("eur_currency")
        typeCharge = o.text("type_charge").map { TypeCharge(rawValue: $0) }
        date = o.text("date")
        description = o.text("description")
        dueDate = o.date("due_date")
        installmentCount = o.count("installment_count")
        installments = try o.objects("installments").map { try Installment(json: $0) }
        chargePaymentUrl = o.text("charge_payment_url")
        url3ds = o.text("url_3ds")
        message = try o.objects("message").map { try ServerMessage(json: $0) }
        subscription = try o.object("subscription").map { try SubscriptionInfo(json: $0) }
        pixPayload = try o.object("pix_payload").map { try PixPayload(json: $0) }
        boletoUrl = o.text("boleto_url")
        barcode = o.text("barcode")
        walletUuid = o.text("wallet_uuid")
        refundedAmount = o.amount("refunded_amount")
    }
}
