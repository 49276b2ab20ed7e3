extension JSONParser {
    /// Scans a string starting at its opening quote, validating escapes and UTF-8, and
    /// appends its node. The text itself is not decoded here: most strings of an event are
    /// ids copied as they are, and keys are only ever compared.
    mutating func string() throws(JSONSyntaxError) {
        position &+= 1
        let start = position
        var flags: UInt8 = 0
        while true {
            skipPlainStringBytes()
            guard position < input.count else { throw failure(.unexpectedEnd(expected: "'\"' closing the string")) }
            let byte = input[position]
            if byte == .quote { break }
            if byte == .backslash {
                flags = JSONNode.Flags.escaped
                try escape()
            } else if byte < 0x20 {
                throw failure(.controlCharacterInString(byte))
            } else {
                try multibyteScalar(lead: byte)
            }
        }
        appendLeaf(.string, flags: flags, start: start)
        position &+= 1
    }

    /// Skips the bytes that need no attention (printable ASCII other than `"` and `\`), eight
    /// at a time while it can: ids and names are mostly such bytes.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position &+ 8 <= input.count {
            let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            // A byte is special if it is a quote, a backslash, below 0x20 or above 0x7F; the
            // classic "has a zero byte" test (x - 0x01…) & ~x & 0x80… finds each kind.
            let quotes = word ^ (ones &* UInt64(UInt8.quote))
            let backslashes = word ^ (ones &* UInt64(UInt8.backslash))
            let special =
                ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word) | word
            guard special & highs == 0 else { break }
            position &+= 8
        }
        while position < input.count {
            let byte = input[position]
            guard byte >= 0x20, byte < 0x80, byte != .quote, byte != .backslash else { return }
            position &+= 1
        }
    }

    /// Validates one escape sequence starting at its backslash (RFC 8259 §7), pairing
    /// UTF-16 surrogates so the decoded text is always valid Unicode.
    private mutating func escape() throws(JSONSyntaxError) {
        guard position &+ 1 < input.count else { throw failure(.invalidEscape) }
        switch input[position &+ 1] {
        case .quote, .backslash, .slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            position &+= 2
        case UInt8(ascii: "u"):
            guard let unit = hexQuad(at: position &+ 2) else { throw failure(.invalidEscape) }
            if unit >= 0xDC00, unit <= 0xDFFF { throw failure(.loneSurrogate) }
            if unit >= 0xD800, unit <= 0xDBFF {
                guard position &+ 7 < input.count,
                    input[position &+ 6] == .backslash, input[position &+ 7] == UInt8(ascii: "u"),
                    let low = hexQuad(at: position &+ 8), low >= 0xDC00, low <= 0xDFFF
                else { throw failure(.loneSurrogate) }
                position &+= 12
            } else {
                position &+= 6
            }
        default:
            throw failure(.invalidEscape)
        }
    }

    /// The value of the four hex digits at `offset`, or `nil` when they are not four hex digits.
    func hexQuad(at offset: Int) -> UInt32? {
        guard offset &+ 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<(offset &+ 4) {
            guard let digit = JSONParser.hexValue(input[index]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case .digitZero ... .digitNine: UInt32(byte &- .digitZero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence starting at `lead` (Unicode Table 3-7): no
    /// overlong forms, no surrogates, nothing above U+10FFFF.
    private mutating func multibyteScalar(lead: UInt8) throws(JSONSyntaxError) {
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw failure(.invalidUTF8)
        }
        guard position &+ length <= input.count else { throw failure(.invalidUTF8) }
        let second = input[position &+ 1]
        guard second >= secondLow, second <= secondHigh else { throw failure(.invalidUTF8) }
        var index = position &+ 2
        while index < position &+ length {
            guard input[index] & 0xC0 == 0x80 else { throw failure(.invalidUTF8) }
            index &+= 1
        }
        position &+= length
    }
}
