import EncoursCore

/// The pieces of canonical JSON, appended straight into a byte buffer.
///
/// Writing bytes, not `String`s or `Encodable`s, is what lets the writer produce a demo file
/// of a million events in well under a second. Every member after `"type"` is written with
/// its leading comma, because `"type"` always comes first.
extension Array where Element == UInt8 {
    mutating func appendMember(_ field: WireField, string: String) {
        appendKey(field)
        appendJSONString(string)
    }

    mutating func appendMember(_ field: WireField, string: String?) {
        if let string { appendMember(field, string: string) }
    }

    mutating func appendMember<Kind>(_ field: WireField, id: Identifier<Kind>) {
        appendMember(field, string: id.rawValue)
    }

    mutating func appendMember<Kind>(_ field: WireField, id: Identifier<Kind>?) {
        if let id { appendMember(field, string: id.rawValue) }
    }

    /// An amount, as a JSON string with exactly two decimals (`"1234.50"`), the form query
    /// results use too (DESIGN §6).
    mutating func appendMember(_ field: WireField, amount: Money?) {
        guard let amount else { return }
        appendKey(field)
        append(.quote)
        appendDecimal(amount)
        append(.quote)
    }

    /// ``Money/decimalString``'s text (`1234.50`, `-20.00`, `0.00`), its digits written
    /// directly: every event of an import has an amount.
    private mutating func appendDecimal(_ amount: Money) {
        let magnitude = amount.minorUnits.magnitude
        if amount.minorUnits < 0 { append(.minus) }
        var units = magnitude / 100
        // UInt64's largest value has 20 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(truncatingIfNeeded: units % 10) &+ .digitZero
                units /= 10
            } while units > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
        let cents = Int(magnitude % 100)
        append(.dot)
        append(UInt8(truncatingIfNeeded: cents / 10) &+ .digitZero)
        append(UInt8(truncatingIfNeeded: cents % 10) &+ .digitZero)
    }

    /// A day as `"YYYY-MM-DD"`; its digits are written directly, without building a `String`.
    mutating func appendMember(_ field: WireField, day: Day?) {
        guard let day else { return }
        appendKey(field)
        let (year, month, dayOfMonth) = day.civil
        // Written whole into twelve bytes, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { text in
            text[0] = .quote
            Self.writeDigits(year, count: 4, into: text, at: 1)
            text[5] = .minus
            Self.writeDigits(month, count: 2, into: text, at: 6)
            text[8] = .minus
            Self.writeDigits(dayOfMonth, count: 2, into: text, at: 9)
            text[11] = .quote
            append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// `value` with `count` digits, zero-padded, from `start`; the value is known to fit.
    private static func writeDigits(
        _ value: Int,
        count: Int,
        into text: UnsafeMutableBufferPointer<UInt8>,
        at start: Int
    ) {
        var rest = value
        for index in (start..<(start + count)).reversed() {
            text[index] = UInt8(truncatingIfNeeded: rest % 10) &+ .digitZero
            rest /= 10
        }
    }

    mutating func appendMember(_ field: WireField, integer: Int?) {
        guard let integer else { return }
        appendKey(field)
        append(contentsOf: String(integer).utf8)
    }

    /// An array of strings; an empty array is left out, as absent and empty mean the same.
    mutating func appendMember(_ field: WireField, strings: [String]) {
        guard !strings.isEmpty else { return }
        appendKey(field)
        append(.openBracket)
        for (index, string) in strings.enumerated() {
            if index > 0 { append(.comma) }
            appendJSONString(string)
        }
        append(.closeBracket)
    }

    mutating func appendMember<Kind>(_ field: WireField, ids: [Identifier<Kind>]) {
        appendMember(field, strings: ids.map(\.rawValue))
    }

    /// `,"name":`, appended at once.
    mutating func appendKey(_ field: WireField) {
        let name = field.name
        let count = name.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 4) { key in
            key[0] = .comma
            key[1] = .quote
            _ = UnsafeMutableBufferPointer(rebasing: key[2..<(count + 2)])
                .initialize(from: UnsafeBufferPointer(start: name.utf8Start, count: count))
            key[count + 2] = .quote
            key[count + 3] = .colon
            append(contentsOf: UnsafeBufferPointer(key))
        }
    }

    /// A name known to need no escaping, in quotes.
    mutating func appendStaticString(_ text: StaticString) {
        append(.quote)
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        append(.quote)
    }
}
