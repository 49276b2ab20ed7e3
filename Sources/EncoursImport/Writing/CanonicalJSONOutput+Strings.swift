extension Array where Element == UInt8 {
    /// A JSON string literal for `text` (RFC 8259 §7): quote, backslash and every control
    /// character escaped, everything else (all of Unicode) written as its UTF-8.
    mutating func appendJSONString(_ text: String) {
        append(.quote)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaping($0) }
        if done == nil { appendEscaping(Array(text.utf8)) }
        append(.quote)
    }

    private mutating func appendEscaping(_ bytes: some Collection<UInt8>) {
        // Most texts need no escape at all: copy them in one go.
        guard bytes.contains(where: { $0 < 0x20 || $0 == .quote || $0 == .backslash }) else {
            append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case .quote, .backslash:
                append(.backslash)
                append(byte)
            case .lineFeed: appendEscape("n")
            case .carriageReturn: appendEscape("r")
            case .tab: appendEscape("t")
            case 0x08: appendEscape("b")
            case 0x0C: appendEscape("f")
            case 0..<0x20:
                let hexDigits: StaticString = "0123456789abcdef"
                append(contentsOf: [.backslash, UInt8(ascii: "u"), .digitZero, .digitZero])
                append(hexDigits.utf8Start[Int(byte >> 4)])
                append(hexDigits.utf8Start[Int(byte & 0xF)])
            default:
                append(byte)
            }
        }
    }

    private mutating func appendEscape(_ letter: Unicode.Scalar) {
        append(.backslash)
        append(UInt8(ascii: letter))
    }
}
