import Foundation

/// Where the client talks to: A55's environments.
public enum Environment: String, Sendable {
    /// `https://core-manager.a55.tech` (the default).
    case coreManager = "core-manager"
    /// `https://api.a55.tech`.
    case production
    /// `https://sandbox.api.a55.tech`.
    case sandbox
}

/// A client's settings. Give `clientId` + `clientSecret` (tokens fetched and refreshed for you) or
/// an `accessToken`; or none, for the public endpoints only (`getPublicCharge`, `payPublicCharge`:
/// what an app may call). `ClientConfig.fromEnvironment()` reads them from the environment. Every
/// value is checked by the SDK's core when the client is made: a mistake is an `A55Error` naming it.
///
/// `description` never shows the secret or the token.
public struct ClientConfig: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var clientId: String?
    public var clientSecret: String?
    public var accessToken: String?
    public var environment: Environment
    /// Overrides the environment's API URL (an emulator's `http://127.0.0.1:PORT`).
    public var baseUrl: String?
    /// Overrides the environment's OAuth2 token URL.
    public var tokenUrl: String?
    /// Per attempt (30 s).
    public var timeout: TimeInterval?
    /// For the whole call, retries included (60 s).
    public var deadline: TimeInterval?
    /// Retries after the first attempt (2).
    public var maxRetries: Int?
    /// Validate requests locally before sending them (true).
    public var validate: Bool?
    /// "Today" for validation (default: the date at UTC−12).
    public var today: A55Date?
    /// Plain http to a host that is not loopback (an emulator in a container).
    public var allowInsecureHttp: Bool
    /// Read the credentials (and URL overrides) from the environment variables.
    public var fromEnvironment: Bool
    /// Wait for the rate budget (A55: 100 requests a minute per client) instead of drawing a 429
    /// (true).
    public var pacing: Bool?
    /// Share the rate budget and the access token with every process naming the same store:
    /// `redis://host:port/db` (else `A55_SHARED_STORE`; `""` for none). See docs/fleet.md.
    public var sharedStore: String?

    public init(
        clientId: String? = nil, clientSecret: String? = nil, accessToken: String? = nil,
        environment: Environment = .coreManager, baseUrl: String? = nil, tokenUrl: String? = nil,
        timeout: TimeInterval? = nil, deadline: TimeInterval? = nil, maxRetries: Int? = nil,
        validate: Bool? = nil, today: A55Date? = nil, allowInsecureHttp: Bool = false,
        fromEnvironment: Bool = false, pacing: Bool? = nil, sharedStore: String? = nil
    ) {
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.accessToken = accessToken
        self.environment = environment
        self.baseUrl = baseUrl
        self.tokenUrl = tokenUrl
        self.timeout = timeout
        self.deadline = deadline
        self.maxRetries = maxRetries
        self.validate = validate
        self.today = today
        self.allowInsecureHttp = allowInsecureHttp
        self.fromEnvironment = fromEnvironment
        self.pacing = pacing
        self.sharedStore = sharedStore
    }

    /// Settings from the environment variables: `A55_CLIENT_ID` + `A55_CLIENT_SECRET`, or
    /// `A55_ACCESS_TOKEN` (alias `A55_API_TOKEN`); `A55_API_URL` and `A55_AUTH_URL` override the
    /// environment's URLs.
    public static func fromEnvironment(_ environment: Environment = .coreManager) -> ClientConfig {
        ClientConfig(environment: environment, fromEnvironment: true)
    }

    public var description: String {
        "ClientConfig(clientId: \(clientId ?? "nil"), clientSecret: \(clientSecret == nil ? "nil" : "***"), "
            + "accessToken: \(accessToken == nil ? "nil" : "***"), environment: \(environment.rawValue), "
            + "baseUrl: \(baseUrl ?? "nil"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }

    /// The settings in the core's names.
    func json() -> String {
        var m: [String: Any?] = [
            "environment": environment.rawValue,
            "user_agent_suffix": "swift/\(sdkVersion)",
            "client_id": clientId, "client_secret": clientSecret, "access_token": accessToken,
            "base_url": baseUrl, "token_url": tokenUrl, "max_retries": maxRetries,
            "validate": validate, "today": today?.rawValue, "pacing": pacing,
            "shared_store": sharedStore,
        ]
        if let timeout { m["timeout_ms"] = timeout * 1000 }
        if let deadline { m["deadline_ms"] = deadline * 1000 }
        if allowInsecureHttp { m["allow_insecure_http"] = true }
        if fromEnvironment { m["from_env"] = true }
        return JSONText.write(m.compactMapValues { $0 })
    }
}

/// The package's version, sent in the user agent.
let sdkVersion = "0.1.0"

/// Per-call options. Writes take all of them; reads (and `cancelSubscription`, a DELETE) take
/// `timeout`, `deadline` and `maxRetries` only: an option a method would ignore is refused with
/// `A55Error.Validation` naming it, and nothing is sent.
public struct RequestOptions: Sendable {
    /// The exact `Idempotency-Key` to send (repeat a call after `.UnknownOutcome`).
    public var idempotencyKey: String?
    /// Your own id for this operation (an order id): the key is derived from it, so a re-run of
    /// your job cannot charge twice.
    public var idempotencyFrom: String?
    /// Per attempt (the client's, 30 s by default).
    public var timeout: TimeInterval?
    /// For the whole call, retries included (the client's, 60 s by default).
    public var deadline: TimeInterval?
    /// Retries after the first attempt (the client's, 2 by default).
    public var maxRetries: Int?
    /// Send without local validation (the server still validates).
    public var skipValidation: Bool

    public init(
        idempotencyKey: String? = nil, idempotencyFrom: String? = nil, timeout: TimeInterval? = nil,
        deadline: TimeInterval? = nil, maxRetries: Int? = nil, skipValidation: Bool = false
    ) {
        self.idempotencyKey = idempotencyKey
        self.idempotencyFrom = idempotencyFrom
        self.timeout = timeout
        self.deadline = deadline
        self.maxRetries = maxRetries
        self.skipValidation = skipValidation
    }

    /// The options in the core's names, with `max_wait_ms` for `waitForCharge`.
    func json(maxWait: TimeInterval? = nil) -> String {
        var m: [String: Any?] = [
            "idempotency_key": idempotencyKey, "idempotency_from": idempotencyFrom,
            "max_retries": maxRetries,
        ]
        if let timeout { m["timeout_ms"] = timeout * 1000 }
        if let deadline { m["deadline_ms"] = deadline * 1000 }
        if let maxWait { m["max_wait_ms"] = maxWait * 1000 }
        if skipValidation { m["skip_validation"] = true }
        return JSONText.write(m.compactMapValues { $0 })
    }
}
