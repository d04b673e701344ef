// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// One entry of a charge's `message` list: why A55 declined or refused it.
public struct ServerMessage: Sendable, Hashable {
    /// `code`
    public let code: String?
    /// `source`
    public let source: String?
    /// `description`
    public let description: String?
    /// `field`
    public let field: String?
}

extension ServerMessage {
    init(json o: JSONObject) throws {
        code = o.text("code")
        source = o.text("source")
        description = o.text("description")
        field = o.text("field")
    }
}
