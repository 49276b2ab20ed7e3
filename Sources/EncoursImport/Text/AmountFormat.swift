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
        var scalars = Array(text.unicodeScalars)
        func trim() {
            while let last = scalars.last, last.properties.isWhitespace || last == "€" { scalars.removeLast() }
            while let first = scalars.first, first.properties.isWhitespace || first == "€" { scalars.removeFirst() }
        }
        trim()
        guard !scalars.isEmpty else { throw .empty }
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
        }
        func isGroupOfThree(_ start: Int) -> Bool {
            isDigit(start) && isDigit(start + 1) && isDigit(start + 2) && !isDigit(start + 3)
        }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(scalars.count)
        var seenDecimal = false
        for (index, scalar) in scalars.enumerated() {
            if ("0"..."9").contains(scalar) {
                normalized.append(UInt8(scalar.value))
            } else if scalar.isASCII, UInt8(scalar.value) == decimalSeparator, !seenDecimal {
                seenDecimal = true
                normalized.append(UInt8(ascii: "."))
            } else if index == 0, scalar == "-" || scalar == "+" {
                normalized.append(UInt8(scalar.value))
            } else if groupingSeparators.contains(scalar), !seenDecimal, isDigit(index - 1), isGroupOfThree(index + 1) {
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
