import Foundation

/// A small JSON reader for the vectors that keeps what Foundation's readers lose: the exact text of
/// every number and of every value (so `validate` gets the payload exactly as the file wrote it).
struct JSONValue {
    enum Kind {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([(String, JSONValue)])
    }

    let kind: Kind
    /// The value's source text.
    let raw: String

    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = kind else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    var isNull: Bool { if case .null = kind { return true } else { return false } }
    var string: String? { if case let .string(s) = kind { return s } else { return nil } }
    var array: [JSONValue]? { if case let .array(a) = kind { return a } else { return nil } }
    var members: [(String, JSONValue)]? { if case let .object(m) = kind { return m } else { return nil } }
    var numberText: String? { if case let .number(n) = kind { return n } else { return nil } }
    /// A JSON number without fraction or exponent.
    var isInteger: Bool { numberText.map { !$0.contains(where: { ".eE".contains($0) }) } ?? false }
    var int64: Int64? { numberText.flatMap { Int64($0) } }
    /// Present and not null.
    var present: JSONValue? { isNull ? nil : self }

    static func parse(_ data: Data) throws -> JSONValue {
        var reader = Reader(bytes: [UInt8](data))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.i == reader.bytes.count else { throw reader.fail("trailing text") }
        return value
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        func fail(_ what: String) -> ParseError { ParseError(description: "JSON: \(what) at byte \(i)") }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[i]) { i += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end") }
            let start = i
            let kind: Kind
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(String, JSONValue)] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "}") { i += 1 } else {
                    while true {
                        skipSpace()
                        guard case let .string(key) = try value().kind else { throw fail("key") }
                        skipSpace()
                        try expect(":")
                        members.append((key, try value()))
                        skipSpace()
                        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                        try expect("}")
                        break
                    }
                }
                kind = .object(members)
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONValue] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "]") { i += 1 } else {
                    while true {
                        items.append(try value())
                        skipSpace()
                        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                        try expect("]")
                        break
                    }
                }
                kind = .array(items)
            case UInt8(ascii: "\""):
                kind = .string(try string())
            case UInt8(ascii: "t"): try word("true"); kind = .bool(true)
            case UInt8(ascii: "f"): try word("false"); kind = .bool(false)
            case UInt8(ascii: "n"): try word("null"); kind = .null
            default:
                while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
                guard i > start else { throw fail("unexpected character") }
                kind = .number(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            return JSONValue(kind: kind, raw: String(decoding: bytes[start..<i], as: UTF8.self))
        }

        mutating func expect(_ c: Character) throws {
            guard i < bytes.count, bytes[i] == c.asciiValue else { throw fail("expected \(c)") }
            i += 1
        }

        mutating func word(_ w: String) throws {
            for b in w.utf8 {
                guard i < bytes.count, bytes[i] == b else { throw fail("expected \(w)") }
                i += 1
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count,
                  let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
            else { throw fail("bad \\u escape") }
            i += 4
            return v
        }

        mutating func string() throws -> String {
            i += 1 // opening quote
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") { break }
                guard b == UInt8(ascii: "\\") else { out.append(b); continue }
                guard i < bytes.count else { throw fail("bad escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count,
                       bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let s = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "\u{FFFD}"
                    out.append(contentsOf: Array(s.utf8))
                default: out.append(e) // \" \\ \/
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
