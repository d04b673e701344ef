import Foundation

/// A calendar date without time or zone, as the A55 API writes it: `YYYY-MM-DD`.
///
/// `A55Date` holds the text itself. It never checks it: the Rust core does, in every function that
/// takes a date, and answers text that is not a real `YYYY-MM-DD` date with
/// `A55Error.Validation` (`INVALID_DATE`). So a date read from a form, a file or JSON can be passed as
/// it is, and every language of the SDK refuses the same inputs.
///
/// ```swift
/// let due = A55Date(year: 2026, month: 12, day: 31)      // "2026-12-31"
/// let same: A55Date = "2026-12-31"
/// let dates = try installmentDueDates(firstDueDate: due, count: 3)
/// // ["2026-12-31", "2027-01-31", "2027-02-28"]
/// ```
public struct A55Date: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral {
    /// The date as text, `YYYY-MM-DD` for a valid date.
    public let rawValue: String

    /// A date from its text. Never fails; the core checks the text when the date is used.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A date from a string literal: `let d: A55Date = "2026-12-31"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// A date from its parts, written `YYYY-MM-DD` with zero padding. The parts are not checked
    /// here: `A55Date(year: 2026, month: 2, day: 30)` is refused by the core as `INVALID_DATE`.
    public init(year: Int, month: Int, day: Int) {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n.magnitude)
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            return n < 0 ? "-" + padded : padded
        }
        self.rawValue = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The text, `YYYY-MM-DD`.
    public var description: String { rawValue }

    /// Orders by text, which is chronological for valid `YYYY-MM-DD` dates.
    public static func < (lhs: A55Date, rhs: A55Date) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Encodes as the bare `YYYY-MM-DD` string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Decodes from a bare string.
    public init(from decoder: Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
}
