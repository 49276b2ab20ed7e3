extension JSONParser {
    /// Validates a number against the JSON grammar (`-? int frac? exp?`) and appends its node.
    ///
    /// The number is not converted: its literal text is what amounts are parsed from
    /// (exactly, by `Money(utf8:)`), so it never passes through a binary floating point.
    mutating func number() throws(JSONSyntaxError) {
        let start = position
        var flags: UInt8 = 0
        if input[position] == .minus {
            flags |= JSONNode.Flags.negative
            position &+= 1
        }
        guard position < input.count, input[position].isDigit else {
            throw unexpected("a digit")
        }
        if input[position] == .digitZero {
            position &+= 1
            if position < input.count, input[position].isDigit {
                throw failure(.invalidNumber("leading zeros are not allowed"))
            }
        } else {
            skipDigits()
        }
        if position < input.count, input[position] == .dot {
            flags |= JSONNode.Flags.fraction
            position &+= 1
            guard position < input.count, input[position].isDigit else {
                throw failure(.invalidNumber("a digit must follow the decimal point"))
            }
            skipDigits()
        }
        if position < input.count, input[position] | 0x20 == UInt8(ascii: "e") {
            flags |= JSONNode.Flags.exponent
            position &+= 1
            if position < input.count, input[position] == .plus || input[position] == .minus {
                position &+= 1
            }
            guard position < input.count, input[position].isDigit else {
                throw failure(.invalidNumber("a digit must follow the exponent"))
            }
            skipDigits()
        }
        appendLeaf(.number, flags: flags, start: start)
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < input.count, input[position].isDigit {
            position &+= 1
        }
    }
}
