import Foundation

// Every case of `A55Error` carries the same fields; these accessors read them whatever the case,
// so `catch let e as A55Error { print(e.codes, e.issues) }` needs no `switch`.
extension A55Error: CustomStringConvertible {
    private typealias Fields = (
        detail: String, status: Int32?, codes: [String], requestId: String?,
        idempotencyKey: String?, issues: [Issue], reason: String?, retryAfter: TimeInterval?,
        rawBody: String?
    )

    private var fields: Fields {
        switch self {
        case let .Validation(a, b, c, d, e, f, g, h, i),
             let .Signature(a, b, c, d, e, f, g, h, i),
             let .Authentication(a, b, c, d, e, f, g, h, i),
             let .Permission(a, b, c, d, e, f, g, h, i),
             let .NotFound(a, b, c, d, e, f, g, h, i),
             let .Conflict(a, b, c, d, e, f, g, h, i),
             let .RateLimit(a, b, c, d, e, f, g, h, i),
             let .Server(a, b, c, d, e, f, g, h, i),
             let .Api(a, b, c, d, e, f, g, h, i),
             let .Connection(a, b, c, d, e, f, g, h, i),
             let .Timeout(a, b, c, d, e, f, g, h, i),
             let .UnknownOutcome(a, b, c, d, e, f, g, h, i),
             let .Configuration(a, b, c, d, e, f, g, h, i),
             let .Decode(a, b, c, d, e, f, g, h, i):
            return (a, b, c, d, e, f, g, h, i)
        }
    }

    /// The sentence for people (also `description` and `localizedDescription`).
    public var detail: String { fields.detail }
    /// The HTTP status, when the server answered.
    public var status: Int32? { fields.status }
    /// The error codes, e.g. `["AMOUNT_INVALID"]`.
    public var codes: [String] { fields.codes }
    /// The server's request id (`X-Request-Id`).
    public var requestId: String? { fields.requestId }
    /// The idempotency key of the call: repeat with it after `.UnknownOutcome`.
    public var idempotencyKey: String? { fields.idempotencyKey }
    /// Validation issues, local or from the server.
    public var issues: [Issue] { fields.issues }
    /// Why a webhook did not verify (`signature_mismatch`, …).
    public var reason: String? { fields.reason }
    /// How long the server asked to wait (429).
    public var retryAfter: TimeInterval? { fields.retryAfter }
    /// The response body as received, when it matched no known shape.
    public var rawBody: String? { fields.rawBody }
}
