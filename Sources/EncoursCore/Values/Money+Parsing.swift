/// Why a text is not an amount, in words a user can act on.
public enum MoneyParseError: Error, Sendable, Equatable {
    case empty
    case notADecimalNumber
    case tooManyDecimals
    case outOfRange

    /// The reason as a short phrase, to follow the quoted text: `"1.005": has more than 2 decimals`.
    public var reason: String {
        switch self {
        case .empty: "empty, not a decimal number"
        case .notADecimalNumber: "not a decimal number"
        case .tooManyDecimals: "has more than 2 decimals"
        case .outOfRange: "out of range (at most 999999999999.99)"
        }
    }
}

extension Money {
    /// Parses a decimal amount exactly: `1234`, `1234.5`, `1234.50`, `-20.00`, `+3`.
    ///
    /// This is also how a JSON number's literal text is read, so `1234.5` in a JSON event never
    /// passes through a `Double`. Refused: a decimal comma (`12,50`), exponents, more than two
    /// decimals (`1.005`, even `1.500`: the contract allows two), `NaN`, and amounts beyond
    /// ``maximumInput``.
    public init(parsing text: some StringProtocol) throws(MoneyParseError) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Parses the UTF-8 bytes of a decimal amount; see ``init(parsing:)``.
    public init(utf8 bytes: some Collection<UInt8>) throws(MoneyParseError) {
        var iterator = bytes.makeIterator()
        guard var byte = iterator.next() else { throw .empty }
        var negative = false
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            guard let next = iterator.next() else { throw .notADecimalNumber }
            byte = next
        }
        var units: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var cents: Int64 = 0
        var seenPoint = false
        var current: UInt8? = byte
        while let value = current {
            switch value {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(value - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { throw .tooManyDecimals }
                    cents = cents * 10 + digit
                } else {
                    integerDigits += 1
                    if integerDigits > 12 { throw .outOfRange }
                    units = units * 10 + digit
                }
            case UInt8(ascii: "."):
                if seenPoint || integerDigits == 0 { throw .notADecimalNumber }
                seenPoint = true
            default:
                throw .notADecimalNumber
            }
            current = iterator.next()
        }
        if integerDigits == 0 || (seenPoint && fractionDigits == 0) { throw .notADecimalNumber }
        if fractionDigits == 1 { cents *= 10 }
        let minor = units * 100 + cents
        self.init(minorUnits: negative ? -minor : minor)
    }
}
