// Generated from the Rust core's response models (a55_core::models::schema) by
// bindings-mobile/tests/models_gen: do not edit.
import Foundation

/// A PIX charge's payment data: the BR Code text and its QR code image.
public struct PixPayload: Sendable, Hashable {
    /// `qr_code_base64`
    public let qrCodeBase64: String?
    /// `copy_paste`
    public let copyPaste: String?
    /// `expiration`
    public let expiration: String?
}

extension PixPayload {
    init(json o: JSONObject) throws {
        qrCodeBase64 = o.text("qr_code_base64")
        copyPaste = o.text("copy_paste")
        expiration = o.text("expiration")
    }
}
