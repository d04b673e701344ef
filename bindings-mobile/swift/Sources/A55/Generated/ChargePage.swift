// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// One page of a wallet's charges.
public struct ChargePage: Sendable, Hashable {
    /// `page`
    public let page: Int?
    /// `limit`
    public let limit: Int?
    /// `total`
    public let total: Int?
    /// `pages`
    public let pages: Int?
    /// `data`
    public let data: [Charge]
}

extension ChargePage {
    init(json o: JSONObject) throws {
        page = o.count("page")
        limit = o.count("limit")
        total = o.count("total")
        pages = o.count("pages")
        data = try o.objects("data").map { try Charge(json: $0) }
    }
}
