import EncoursCore

extension EventFields {
    /// A date: a string `YYYY-MM-DD` naming a real day (`2026-02-30` is refused).
    mutating func day(at node: Int, _ path: FieldPath) -> Day? {
        guard document.kind(at: node) == .string else {
            recordWrongType(path, node: node, expected: "a date string (YYYY-MM-DD)")
            return nil
        }
        guard let day = Self.isoDay(document.rawBytes(at: node)) else {
            record(path, .invalidDate, "\(document.excerpt(at: node)) is not a date (YYYY-MM-DD)")
            return nil
        }
        return day
    }

    /// `YYYY-MM-DD` exactly as `Day(isoUTF8:)` reads it (a test holds the two to the same
    /// answers), without its generic walk over the bytes: called through a module boundary,
    /// that walk is not specialised and took a third of the reading time.
    static func isoDay(_ bytes: UnsafeRawBufferPointer) -> Day? {
        guard bytes.count == 10, bytes[4] == .minus, bytes[7] == .minus else { return nil }
        var values = (year: 0, month: 0, day: 0)
        for index in 0..<10 where index != 4 && index != 7 {
            let byte = bytes[index]
            guard byte.isDigit else { return nil }
            let digit = Int(byte &- .digitZero)
            switch index {
            case 0..<4: values.year = values.year * 10 + digit
            case 5, 6: values.month = values.month * 10 + digit
            default: values.day = values.day * 10 + digit
            }
        }
        return Day(year: values.year, month: values.month, day: values.day)
    }

    mutating func requiredDay(_ field: WireField) -> Day {
        guard let node = required(field) else { return Day(daysSinceEpoch: 0) }
        return day(at: node, FieldPath(field)) ?? Day(daysSinceEpoch: 0)
    }

    mutating func optionalDay(_ field: WireField) -> Day? {
        guard let node = optional(field) else { return nil }
        return day(at: node, FieldPath(field))
    }
}
