// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// OAuth credentials issued with a wallet: shown once, store the secret.
public struct WalletCredentials: Sendable, Hashable {
    /// `client_id`
    public let clientId: String?
    /// `client_secret`
    public let clientSecret: String?
    /// `grant_type`
    public let grantType: String?
    /// `scopes`
    public let scopes: [String]
}

extension WalletCredentials {
    init(json o: JSONObject) throws {
        clientId = o.text("client_id")
        clientSecret = o.text("client_secret")
        grantType = o.text("grant_type")
        scopes = o.texts("scopes")
    }
}

// The secret is never shown: `***` when set (print, debugPrint, dump).
extension WalletCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "WalletCredentials(clientId: \(String(describing: clientId)), clientSecret: \(clientSecret == nil ? "nil" : "***"), grantType: \(String(describing: grantType)), scopes: \(String(describing: scopes)))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [("clientId", clientId as Any), ("clientSecret", clientSecret == nil ? "nil" : "***"), ("grantType", grantType as Any), ("scopes", scopes as Any)])
    }
}
