/// Why a text is not valid JSON, and where: the byte offset from the start of the input.
///
/// The parser's only error. It stays small and allocation-free until a message is asked for,
/// because a rejected line is rare and the happy path must not pay for error text.
struct JSONSyntaxError: Error, Sendable, Equatable {
    enum Reason: Sendable, Equatable {
        case unexpectedEnd(expected: String)
        case unexpectedByte(UInt8, expected: String)
        case trailingCharacters(UInt8)
        case controlCharacterInString(UInt8)
        case invalidEscape
        case loneSurrogate
        case invalidUTF8
        case invalidNumber(String)
        case tooDeep(limit: Int)
        case duplicateKey(String)
        case tooLarge
    }

    var reason: Reason
    /// Bytes from the start of the parsed input to the offending byte.
    var offset: Int

    /// The problem in words, without its position: `expected ':' after an object key, found '}'`.
    var message: String {
        switch reason {
        case .unexpectedEnd(let expected): "unexpected end of input, expected \(expected)"
        case .unexpectedByte(let byte, let expected): "expected \(expected), found \(Self.describe(byte))"
        case .trailingCharacters(let byte): "unexpected \(Self.describe(byte)) after the JSON value"
        case .controlCharacterInString(let byte): "control character \(Self.hex(byte)) in a string must be escaped"
        case .invalidEscape: "invalid escape sequence in a string"
        case .loneSurrogate: "\\u escape is an unpaired UTF-16 surrogate"
        case .invalidUTF8: "invalid UTF-8"
        case .invalidNumber(let detail): "invalid number: \(detail)"
        case .tooDeep(let limit): "nested deeper than \(limit) levels"
        case .duplicateKey(let key): "duplicate key \"\(key)\""
        case .tooLarge: "input larger than 4 GiB"
        }
    }

    /// A byte as a user can recognise it: `'x'` when printable ASCII, else `byte 0xC3`.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        if byte == .space { return "a space" }
        return "byte \(hex(byte))"
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}
