import EncoursCore

/// How an export writes amounts: `1 234,56` in a French spreadsheet, `1234.56` from a
/// database, `0000000074,70` in an FEC.
///
/// Reading goes through ``Money/init(utf8:)`` once the separators are normalised, so an
/// amount never passes through a floating-point number and the same rules hold (two
/// decimals at most, a bounded range) whatever the layout.
public struct AmountFormat: Sendable, Hashable {
    /// `,` or `.`.
    public var decimalSeparator: UInt8
    /// The grouping characters accepted between digits: spaces (plain, no-break and narrow
    /// no-break), and `.` or `'` when the decimal separator is a comma.
    public var groupingSeparators: Set<Unicode.Scalar>

    public init(decimalSeparator: UInt8, groupingSeparators: Set<Unicode.Scalar>) {
        self.decimalSeparator = decimalSeparator
        self.groupingSeparators = groupingSeparators
    }

    /// `1 234,56`, `1.234,56`, `1234,56`: French and most of continental Europe.
    public static let decimalComma = AmountFormat(
        decimalSeparator: UInt8(ascii: ","),
        groupingSeparators: [" ", "\u{00A0}", "\u{202F}", ".", "'"]
    )
    /// `1,234.56` is not accepted (a comma there is more often a mistaken decimal comma);
    /// `1 234.56` and `1234.56` are.
    public static let decimalPoint = AmountFormat(
        decimalSeparator: UInt8(ascii: "."),
        groupingSeparators: [" ", "\u{00A0}", "\u{202F}", "'"]
    )

    /// The amount `text` writes, signed: a leading `-` or `+`, leading zeros, surrounding
    /// spaces, a euro sign before or after, and grouping characters before the decimal
    /// separator, each between a digit and a group of exactly three digits, are accepted.
    public func amount(_ text: some StringProtocol) throws(MoneyParseError) -> Money {
        if let amount = text.utf8.withContiguousStorageIfAvailable({ plainAmount($0) }) ?? nil { return amount }
        return try generalAmount(text)
    }

    /// ``amount(_:)`` of the UTF-8 bytes of a cell.
    func amount(utf8 text: UnsafeBufferPointer<UInt8>) throws(MoneyParseError) -> Money {
        if let amount = plainAmount(text) { return amount }
        return try generalAmount(String(decoding: text, as: UTF8.self))
    }

    /// The amount of ASCII text the rules accept, read straight from its bytes with the same
    /// rules as ``generalAmount(_:)``; `nil` for anything else (other characters, any text
    /// the rules refuse), which the general reading then reads or refuses in its words.
    private func plainAmount(_ text: UnsafeBufferPointer<UInt8>) -> Money? {
        func isPadding(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        var start = 0
        var end = text.count
        while start < end, isPadding(text[start]) { start += 1 }
        while end > start, isPadding(text[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        func isGroupOfThree(_ index: Int) -> Bool {
            index + 2 < end && isDigit(text[index]) && isDigit(text[index + 1]) && isDigit(text[index + 2])
                && (index + 3 == end || !isDigit(text[index + 3]))
        }
        var index = start
        let negative = text[index] == UInt8(ascii: "-")
        if negative || text[index] == UInt8(ascii: "+") { index += 1 }
        var units: Int64 = 0
        var cents: Int64 = 0
        // Leading zeros do not count towards the twelve integer digits, as in the general reading.
        var significantDigits = 0
        var hasIntegerDigit = false
        var fractionDigits = 0
        var seenDecimal = false
        while index < end {
            let byte = text[index]
            if isDigit(byte) {
                let digit = Int64(byte - 0x30)
                if seenDecimal {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    cents = cents * 10 + digit
                } else {
                    hasIntegerDigit = true
                    if units > 0 || digit > 0 { significantDigits += 1 }
                    guard significantDigits <= 12 else { return nil }
                    units = units * 10 + digit
                }
            } else if byte == decimalSeparator, !seenDecimal, hasIntegerDigit {
                seenDecimal = true
            } else if byte < 0x80, !seenDecimal, index > start, isDigit(text[index - 1]), isGroupOfThree(index + 1),
                groupingSeparators.contains(Unicode.Scalar(byte))
            {
                // A grouping character between a digit and a group of three digits.
            } else {
                return nil
            }
            index += 1
        }
        guard hasIntegerDigit, !seenDecimal || fractionDigits > 0 else { return nil }
        let minor = units * 100 + (fractionDigits == 1 ? cents * 10 : cents)
        return Money(minorUnits: negative ? -minor : minor)
    }

    /// Any amount, or why it is not one: every character the rules know, in every place.
    func generalAmount(_ text: some StringProtocol) throws(MoneyParseError) -> Money {
        // Code points as numbers: ASCII text is not decoded at all.
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        var scalars = isASCII ? text.utf8.map { UInt32($0) } : text.unicodeScalars.map(\.value)
        func isPadding(_ value: UInt32) -> Bool {
            if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
            return value == 0x20AC || Unicode.Scalar(value)?.properties.isWhitespace == true
        }
        while let last = scalars.last, isPadding(last) { scalars.removeLast() }
        var first = 0
        while first < scalars.count, isPadding(scalars[first]) { first += 1 }
        if first > 0 { scalars.removeFirst(first) }
        guard !scalars.isEmpty else { throw .empty }
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && (0x30...0x39).contains(scalars[index])
        }
        func isGroupOfThree(_ start: Int) -> Bool {
            isDigit(start) && isDigit(start + 1) && isDigit(start + 2) && !isDigit(start + 3)
        }
        func isGrouping(_ value: UInt32) -> Bool {
            Unicode.Scalar(value).map { groupingSeparators.contains($0) } ?? false
        }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(scalars.count)
        var seenDecimal = false
        for (index, value) in scalars.enumerated() {
            if (0x30...0x39).contains(value) {
                normalized.append(UInt8(value))
            } else if value == UInt32(decimalSeparator), !seenDecimal {
                seenDecimal = true
                normalized.append(UInt8(ascii: "."))
            } else if index == 0, value == 0x2D || value == 0x2B {
                normalized.append(UInt8(value))
            } else if isGrouping(value), !seenDecimal, isDigit(index - 1), isGroupOfThree(index + 1) {
                // Three digits after a grouping character, or `12.50` read with a decimal
                // comma would silently become 1250.
                continue
            } else {
                throw .notADecimalNumber
            }
        }
        return try Money(utf8: Self.withoutLeadingZeros(normalized))
    }

    /// Zero padding (`0000000074,70`) is not part of the number; it must not count towards
    /// the twelve integer digits ``Money`` allows.
    private static func withoutLeadingZeros(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = 0
        if start < bytes.count, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") { start += 1 }
        var end = start
        while end + 1 < bytes.count, bytes[end] == UInt8(ascii: "0"), bytes[end + 1] != UInt8(ascii: ".") { end += 1 }
        if end == start { return bytes[...] }
        var kept = Array(bytes[0..<start])
        kept.append(contentsOf: bytes[end...])
        return kept[...]
    }
}
