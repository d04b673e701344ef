import Foundation

/// The open enums of the SDK (`ChargeStatus`, `Currency`, …): a wire text, known or not.
public protocol A55OpenEnum: RawRepresentable, Hashable, Sendable where RawValue == String {}

/// A JSON object as `JSONSerialization` reads it.
typealias JSONObject = [String: Any]

/// The JSON the client exchanges with the native library.
///
/// Writing (payloads, identifiers, options): numbers that are not integers are written as a tagged
/// text that the native side turns into JSON by the core's rule — a `Decimal` exactly, a `Double`
/// through its shortest round-trip text — so no amount goes through a binary float here. A value
/// with no JSON form is tagged with its type's name and refused by the core, naming the field.
/// Reading: the core's answers in the host shape (amounts and dates as text). No rule lives here.
enum JSONText {
    static func write(_ value: Any?) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any?, into out: inout String) {
        guard let value else {
            out += "null"
            return
        }
        switch value {
        case let v as String: string(v, into: &out)
        case let v as Bool: out += v ? "true" : "false"
        case let v as Int: out += String(v)
        case let v as Int32: out += String(v)
        case let v as Int64: out += String(v)
        case let v as UInt: out += String(v)
        case let v as Decimal: tagged("\u{0}decimal", v.description, into: &out)
        case let v as Double: tagged("\u{0}float", "\(v)", into: &out)
        case let v as Float: tagged("\u{0}float", "\(v)", into: &out)
        case let v as A55Date: string(v.rawValue, into: &out)
        case let v as any A55OpenEnum: string(v.rawValue, into: &out)
        case let v as [String: Any?]:
            out += "{"
            for (i, (k, item)) in v.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out += "," }
                string(k, into: &out)
                out += ":"
                write(item, into: &out)
            }
            out += "}"
        case let v as [String: Any]:
            write(v.mapValues { Optional($0) }, into: &out)
        case let v as [Any?]:
            out += "["
            for (i, item) in v.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case let v as [Any]:
            write(v.map { Optional($0) }, into: &out)
        default:
            // An optional inside `Any` (`["x": maybe]`): its value, or null.
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                write(mirror.children.first?.value, into: &out)
            } else {
                tagged("\u{0}unsupported", String(describing: type(of: value)), into: &out)
            }
        }
    }

    private static func tagged(_ tag: String, _ text: String, into out: inout String) {
        out += "{"
        string(tag, into: &out)
        out += ":"
        string(text, into: &out)
        out += "}"
    }

    private static func string(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Reads the core's answer, always a JSON object.
    static func readObject(_ text: String) throws -> JSONObject {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        guard let object = value as? JSONObject else {
            throw A55Error.Decode(
                detail: "the native answer is not a JSON object", status: nil, codes: [], requestId: nil,
                idempotencyKey: nil, issues: [], reason: nil, retryAfter: nil, rawBody: nil)
        }
        return object
    }
}

/// A reading error of the native answer (never expected: the core writes every field).
private func missing(_ name: String) -> A55Error {
    A55Error.Decode(
        detail: "the native answer has no \(name)", status: nil, codes: [], requestId: nil,
        idempotencyKey: nil, issues: [], reason: nil, retryAfter: nil, rawBody: nil)
}

// Field readers of the generated models (`init(json:)`).
extension Dictionary where Key == String, Value == Any {
    func text(_ name: String) -> String? { self[name] as? String }

    func requiredText(_ name: String) throws -> String {
        guard let t = text(name) else { throw missing(name) }
        return t
    }

    func amount(_ name: String) -> Decimal? {
        text(name).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    func date(_ name: String) -> A55Date? { text(name).map { A55Date(rawValue: $0) } }

    func count(_ name: String) -> Int? {
        if let n = self[name] as? Int { return n }
        return (self[name] as? NSNumber)?.intValue
    }

    func object(_ name: String) throws -> JSONObject? { self[name] as? JSONObject }

    func requiredObject(_ name: String) throws -> JSONObject {
        guard let o = self[name] as? JSONObject else { throw missing(name) }
        return o
    }

    func objects(_ name: String) throws -> [JSONObject] {
        (self[name] as? [Any])?.compactMap { $0 as? JSONObject } ?? []
    }

    func texts(_ name: String) -> [String] {
        (self[name] as? [Any])?.compactMap { $0 as? String } ?? []
    }
}
