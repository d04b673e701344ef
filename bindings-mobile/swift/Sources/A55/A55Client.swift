import Foundation

/// The A55 client: `async throws` calls running on the SDK's native core (authentication,
/// validation, retries, idempotency, decoding: every rule is the core's, the same in every
/// language). Make one per process and share it: it pools connections and shares one token. An
/// idle client wakes nothing (no timers run while no call is under way).
///
/// Identifiers are labelled arguments; payloads are A55's JSON as a dictionary (`Decimal` amounts,
/// `A55Date` dates, nested dictionaries and arrays); every result is an `A55Result` of a typed
/// model; every failure an `A55Error`.
///
/// Cancelling the task ends the call at once: a cancelled read throws `CancellationError`, a
/// cancelled write under way (which may have been sent) `A55Error.UnknownOutcome` carrying its
/// idempotency key, and a write cancelled before it began (nothing was sent) `CancellationError`.
public final class A55Client: Sendable, CustomStringConvertible {
    private let native: NativeClient
    private let shown: String

    /// A client; throws `A55Error` for settings the core refuses.
    public init(_ config: ClientConfig) throws {
        native = try NativeClient(settingsJson: config.json())
        shown = config.description
    }

    /// A client whose credentials and URLs come from the environment variables.
    public static func fromEnvironment(_ environment: Environment = .coreManager) throws -> A55Client {
        try A55Client(.fromEnvironment(environment))
    }

    public var description: String { "A55Client(\(shown))" }

    /// Closes the client: later calls throw `A55Error.Configuration`; calls under way finish.
    public func close() {
        native.closeClient()
    }

    /// Starts a call by the core's method name and decodes its answer with `decode`.
    private func call<T: Sendable>(
        _ method: String, args: [String: Any?]? = nil, payload: [String: Any]? = nil,
        options: RequestOptions, maxWait: TimeInterval? = nil, decode: (JSONObject) throws -> T
    ) async throws -> A55Result<T> {
        // One JSON text for the whole call (one buffer across the FFI).
        let argsJson = args.map { JSONText.write($0.compactMapValues { $0 }) } ?? "null"
        let payloadJson = payload.map { JSONText.write($0) } ?? "null"
        let pending = native.start(
            callJson: "{\"method\":\(JSONText.write(method)),\"args\":\(argsJson),"
                + "\"payload\":\(payloadJson),\"options\":\(options.json(maxWait: maxWait))}")
        let text = try await withTaskCancellationHandler {
            try await pending.finish()
        } onCancel: {
            pending.cancel()
        }
        // nil: a read ended by cancellation, or a write cancelled before it began (nothing was
        // sent); a write under way answers its unknown outcome instead.
        guard let text else { throw CancellationError() }
        let answer = try JSONText.readObject(text)
        return A55Result(data: try decode(try answer.requiredObject("data")),
                         meta: try ResponseMeta(json: try answer.requiredObject("meta")))
    }

    /// Creates a wallet (A55's fields; the answer carries its credentials once).
    public func createWallet(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<Wallet> {
        try await call("create_wallet", payload: payload, options: options) { try Wallet(json: $0) }
    }

    /// Reads a wallet by one of `walletUuid`, `email` or `customerId` (and `currency`).
    public func getWallet(
        walletUuid: String? = nil, email: String? = nil, customerId: String? = nil, currency: String? = nil,
        options: RequestOptions = .init()
    ) async throws -> A55Result<Wallet> {
        try await call("get_wallet", args: ["wallet_uuid": walletUuid, "email": email, "customer_id": customerId,
                                            "currency": currency], options: options) { try Wallet(json: $0) }
    }

    /// Creates a card, boleto or other charge. A declined card is a result (status `.error`).
    public func createCharge(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<Charge> {
        try await call("create_charge", payload: payload, options: options) { try Charge(json: $0) }
    }

    /// Creates a PIX charge (`data.pixPayload` holds the BR Code).
    public func createPixCharge(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<Charge> {
        try await call("create_pix_charge", payload: payload, options: options) { try Charge(json: $0) }
    }

    /// Creates a subscription; the answer is its first charge.
    public func createSubscription(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<Charge> {
        try await call("create_subscription", payload: payload, options: options) { try Charge(json: $0) }
    }

    /// Reads a charge.
    public func getCharge(chargeUuid: String, walletUuid: String, options: RequestOptions = .init()) async throws -> A55Result<Charge> {
        try await call("get_charge", args: ids(chargeUuid, walletUuid), options: options) { try Charge(json: $0) }
    }

    /// One page of a wallet's charges, filtered by `status` and dates.
    public func listCharges(
        walletUuid: String, page: Int? = nil, limit: Int? = nil, status: ChargeStatus? = nil,
        dateStart: A55Date? = nil, dateEnd: A55Date? = nil, options: RequestOptions = .init()
    ) async throws -> A55Result<ChargePage> {
        try await call("list_charges", args: listArgs(walletUuid, page, limit, status, dateStart, dateEnd),
                       options: options) { try ChargePage(json: $0) }
    }

    /// Every charge of a wallet, one page request at a time as the stream is read (starting at
    /// `page`, `limit` per page). Nothing is requested ahead of the reader; ending the loop ends
    /// the requests.
    public func listAllCharges(
        walletUuid: String, page: Int? = nil, limit: Int? = nil, status: ChargeStatus? = nil,
        dateStart: A55Date? = nil, dateEnd: A55Date? = nil, options: RequestOptions = .init()
    ) -> AsyncThrowingStream<Charge, Error> {
        let args = JSONText.write(listArgs(walletUuid, page, limit, status, dateStart, dateEnd).compactMapValues { $0 })
        let optionsJson = options.json()
        let native = self.native
        let pager = PagerBox()
        return AsyncThrowingStream(unfolding: {
            let pages = try pager.get { try native.pager(argsJson: args, optionsJson: optionsJson) }
            guard let text = try await pages.next() else { return nil }
            return try Charge(json: try JSONText.readObject(text))
        })
    }

    /// Refunds a charge: `["amount": …, "reason": …]`, or nothing for a full refund.
    public func refundCharge(
        chargeUuid: String, walletUuid: String, payload: [String: Any] = [:], options: RequestOptions = .init()
    ) async throws -> A55Result<Charge> {
        try await call("refund_charge", args: ids(chargeUuid, walletUuid), payload: payload, options: options) { try Charge(json: $0) }
    }

    /// Cancels a charge, with an optional `reason`.
    public func cancelCharge(
        chargeUuid: String, walletUuid: String, reason: String? = nil, options: RequestOptions = .init()
    ) async throws -> A55Result<Charge> {
        var args = ids(chargeUuid, walletUuid)
        args["reason"] = reason
        return try await call("cancel_charge", args: args, options: options) { try Charge(json: $0) }
    }

    /// Captures a pre-authorized charge: `["amount": …]`, or nothing for the whole amount.
    public func captureCharge(
        chargeUuid: String, walletUuid: String, payload: [String: Any] = [:], options: RequestOptions = .init()
    ) async throws -> A55Result<Charge> {
        try await call("capture_charge", args: ids(chargeUuid, walletUuid), payload: payload, options: options) { try Charge(json: $0) }
    }

    /// Polls a charge until its status is terminal, for at most `maxWait` seconds (60).
    public func waitForCharge(
        chargeUuid: String, walletUuid: String, maxWait: TimeInterval? = nil, options: RequestOptions = .init()
    ) async throws -> A55Result<Charge> {
        try await call("wait_for_charge", args: ids(chargeUuid, walletUuid), options: options, maxWait: maxWait) {
            try Charge(json: $0)
        }
    }

    /// Reads a subscription.
    public func getSubscription(
        subscriptionUuid: String, walletUuid: String, options: RequestOptions = .init()
    ) async throws -> A55Result<Subscription> {
        try await call("get_subscription", args: ["subscription_uuid": subscriptionUuid, "wallet_uuid": walletUuid],
                       options: options) { try Subscription(json: $0) }
    }

    /// Cancels a subscription.
    public func cancelSubscription(
        subscriptionUuid: String, walletUuid: String, options: RequestOptions = .init()
    ) async throws -> A55Result<Subscription> {
        try await call("cancel_subscription", args: ["subscription_uuid": subscriptionUuid, "wallet_uuid": walletUuid],
                       options: options) { try Subscription(json: $0) }
    }

    /// Creates a hosted checkout session: send the payer to `data.checkoutUrl`.
    public func createCheckout(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<CheckoutSession> {
        try await call("create_checkout", payload: payload, options: options) { try CheckoutSession(json: $0) }
    }

    /// Creates a payment link.
    public func createPaymentLink(_ payload: [String: Any], options: RequestOptions = .init()) async throws -> A55Result<PaymentLink> {
        try await call("create_payment_link", payload: payload, options: options) { try PaymentLink(json: $0) }
    }

    /// Reads a charge through the public endpoint: no token needed (an app may call it).
    public func getPublicCharge(chargeUuid: String, options: RequestOptions = .init()) async throws -> A55Result<PublicCharge> {
        try await call("get_public_charge", args: ["charge_uuid": chargeUuid], options: options) { try PublicCharge(json: $0) }
    }

    /// Pays a charge through the public endpoint with a card: no token needed (an app may call it).
    public func payPublicCharge(
        chargeUuid: String, payload: [String: Any], options: RequestOptions = .init()
    ) async throws -> A55Result<Charge> {
        try await call("pay_public_charge", args: ["charge_uuid": chargeUuid], payload: payload, options: options) {
            try Charge(json: $0)
        }
    }

    private func ids(_ chargeUuid: String, _ walletUuid: String) -> [String: Any?] {
        ["charge_uuid": chargeUuid, "wallet_uuid": walletUuid]
    }

    private func listArgs(
        _ walletUuid: String, _ page: Int?, _ limit: Int?, _ status: ChargeStatus?, _ dateStart: A55Date?,
        _ dateEnd: A55Date?
    ) -> [String: Any?] {
        ["wallet_uuid": walletUuid, "page": page, "limit": limit, "status": status?.rawValue,
         "date_start": dateStart?.rawValue, "date_end": dateEnd?.rawValue]
    }
}

/// The native pager of one `listAllCharges` stream, made when the stream is first read.
private final class PagerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var pager: NativePager?

    func get(_ make: () throws -> NativePager) throws -> NativePager {
        lock.lock()
        defer { lock.unlock() }
        if let pager { return pager }
        let made = try make()
        pager = made
        return made
    }
}
