import Foundation

/// A call's typed result and what came with it.
public struct A55Result<T: Sendable>: Sendable {
    /// The model: a `Charge`, a `Wallet` …
    public let data: T
    /// Request id, idempotency key, attempts, rate limit, warnings, raw JSON.
    public let meta: ResponseMeta
}

/// The rate-limit headers of an answer.
public struct RateLimit: Sendable, Hashable {
    /// `X-RateLimit-Limit`.
    public let limit: Int64?
    /// `X-RateLimit-Remaining`.
    public let remaining: Int64?
    /// `X-RateLimit-Reset`, Unix seconds.
    public let reset: Int64?
}

/// What came with a result besides its data. Its `description` leaves out the raw JSON (it holds
/// whatever the server sent, a wallet's client secret included).
public struct ResponseMeta: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The HTTP status.
    public let status: Int
    /// The server's request id (`X-Request-Id`).
    public let requestId: String?
    /// The idempotency key sent (writes).
    public let idempotencyKey: String?
    /// Whether the server replayed an earlier answer for this key.
    public let replayed: Bool
    /// Attempts made (1 + retries).
    public let attempts: Int
    /// The rate-limit headers.
    public let rateLimit: RateLimit
    /// Local validation warnings (`AMOUNT_ROUNDED`, `CARD_NUMBER_CHECKSUM`, `UNKNOWN_FIELD`).
    public let warnings: [Issue]
    /// The answer's body exactly as received, unknown fields included.
    public let rawJson: String

    init(json o: JSONObject) throws {
        let rate = try o.object("rate_limit") ?? [:]
        func int64(_ v: Any?) -> Int64? { (v as? NSNumber)?.int64Value ?? (v as? Int).map(Int64.init) }
        status = o.count("status") ?? 0
        requestId = o.text("request_id")
        idempotencyKey = o.text("idempotency_key")
        replayed = (o["replayed"] as? Bool) ?? false
        attempts = o.count("attempts") ?? 0
        rateLimit = RateLimit(limit: int64(rate["limit"]), remaining: int64(rate["remaining"]), reset: int64(rate["reset"]))
        warnings = try o.objects("warnings").map {
            Issue(code: try $0.requiredText("code"), severity: $0.text("severity") == "warning" ? .warning : .error,
                  field: try $0.requiredText("field"), description: try $0.requiredText("description"))
        }
        rawJson = o.text("raw_json") ?? ""
    }

    public var description: String {
        "ResponseMeta(status: \(status), requestId: \(requestId ?? "nil"), idempotencyKey: \(idempotencyKey ?? "nil"), "
            + "replayed: \(replayed), attempts: \(attempts), warnings: \(warnings.count), rawJson: <\(rawJson.utf8.count) bytes>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
