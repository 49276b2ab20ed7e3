import EncoursCore

/// Amounts and dates as an FEC writes them, read without detours.
///
/// A million-line FEC has two amounts and a date or two on every line, nearly all in the
/// same plain shapes (`0000000074,70`, `20230109`); those are read straight from the bytes.
/// Anything else goes through ``AmountFormat`` and ``DayFormat``, which accept the rarer
/// spellings and say what is wrong, so the fast path changes no answer, only the time.
enum FECValues {
    /// The amount `text` writes (already trimmed): a decimal comma, or a point.
    static func amount(_ text: Substring) throws(MoneyParseError) -> Money {
        if let money = plainAmount(text.utf8) { return money }
        let format: AmountFormat = text.utf8.contains(UInt8(ascii: ",")) ? .decimalComma : .decimalPoint
        return try format.amount(text)
    }

    /// The day `text` writes as `YYYYMMDD`, or `nil`.
    static func day(_ text: Substring) -> Day? {
        let utf8 = text.utf8
        guard utf8.count == 8 else { return DayFormat.compact.day(text) }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return Day(year: value / 10000, month: value / 100 % 100, day: value % 100)
    }

    /// `[-+]digits[(,|.)d[d]]` with at most twelve digits once leading zeros are dropped;
    /// `nil` for anything else (which ``AmountFormat`` then reads or refuses).
    private static func plainAmount(_ utf8: Substring.UTF8View) -> Money? {
        var index = utf8.startIndex
        guard index < utf8.endIndex else { return nil }
        var negative = false
        if utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            negative = utf8[index] == UInt8(ascii: "-")
            utf8.formIndex(after: &index)
        }
        var units: Int64 = 0
        var integerDigits = 0
        var significantDigits = 0
        while index < utf8.endIndex, let digit = digit(utf8[index]) {
            integerDigits += 1
            if units > 0 || digit > 0 { significantDigits += 1 }
            units = units * 10 + digit
            utf8.formIndex(after: &index)
            if significantDigits > 12 { return nil }
        }
        guard integerDigits > 0 else { return nil }
        var cents: Int64 = 0
        if index < utf8.endIndex {
            guard utf8[index] == UInt8(ascii: ",") || utf8[index] == UInt8(ascii: ".") else { return nil }
            utf8.formIndex(after: &index)
            var decimals = 0
            while index < utf8.endIndex, let digit = digit(utf8[index]) {
                decimals += 1
                cents = cents * 10 + digit
                utf8.formIndex(after: &index)
            }
            guard index == utf8.endIndex, decimals == 1 || decimals == 2 else { return nil }
            if decimals == 1 { cents *= 10 }
        }
        let minor = units * 100 + cents
        return Money(minorUnits: negative ? -minor : minor)
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
