import Testing

@testable import EncoursImport

/// The JSON layer on its own: what RFC 8259 allows is read, everything else is refused
/// with the right reason at the right offset.
struct JSONParserTests {
    /// Parses `text`, returning the error if any.
    private func parse(_ text: String) -> JSONSyntaxError? {
        parse(Array(text.utf8))
    }

    private func parse(_ bytes: [UInt8]) -> JSONSyntaxError? {
        var parser = JSONParser()
        return bytes.withUnsafeBytes { input -> JSONSyntaxError? in
            do throws(JSONSyntaxError) {
                try parser.parse(input)
                return nil
            } catch {
                return error
            }
        }
    }

    /// The decoded text of the root string value of `text`.
    private func decodedString(_ text: String) throws -> String {
        var parser = JSONParser()
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { input in
            try parser.parse(input)
            return parser.withDocument { document in
                #expect(document.kind(at: 0) == .string)
                return document.string(at: 0)
            }
        }
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #" { "a" : [1, -2.5, 3e10, 0, -0, 1E+2, 1e-2, true, false, null, "x"] } "#,
        #"{"a":{"b":{"c":[[]]}}}"#, "\t\r\n 42 \n", #""""#, #""\u00e9\ud83d\ude00""#,
    ])
    func acceptsValidJSON(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func laysOutATapeWithSkippableContainers() throws {
        var parser = JSONParser()
        let bytes = Array(#"{"a":[1,{"b":2}],"c":"d"}"#.utf8)
        try bytes.withUnsafeBytes { input in
            try parser.parse(input)
            parser.withDocument { document in
                #expect(document.kind(at: 0) == .object)
                #expect(document.nodes[0].count == 2)
                let firstValue = document.firstChild(of: 0) + 1
                #expect(document.kind(at: firstValue) == .array)
                #expect(document.nodes[firstValue].count == 2)
                let secondKey = document.sibling(of: firstValue)
                #expect(document.string(at: secondKey) == "c")
                #expect(document.string(at: secondKey + 1) == "d")
                #expect(document.end(of: 0) == secondKey + 2)
                #expect(String(decoding: document.sourceBytes(at: firstValue), as: UTF8.self) == #"[1,{"b":2}]"#)
            }
        }
    }

    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#""a\\b""#, "a\\b"), (#""a\/b""#, "a/b"), (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"), (#""\ud83d\ude00!""#, "😀!"), (#""\u0000""#, "\u{0}"),
        (#""déjà vu 😀""#, "déjà vu 😀"),
    ])
    func decodesEscapes(json: String, expected: String) throws {
        #expect(try decodedString(json) == expected)
    }

    @Test(arguments: [
        ("{\"a\":\"x\u{01}\"}", JSONSyntaxError.Reason.controlCharacterInString(0x01), 7),
        ("{\"a\":\"x\ty\"}", .controlCharacterInString(0x09), 7),
        (#"{"a":"\x"}"#, .invalidEscape, 6),
        (#"{"a":"\u12G4"}"#, .invalidEscape, 6),
        (#"{"a":"\ud83d"}"#, .loneSurrogate, 6),
        (#"{"a":"\ud83d\u0041"}"#, .loneSurrogate, 6),
        (#"{"a":"\ude00"}"#, .loneSurrogate, 6),
        (#"{"a":01}"#, .invalidNumber("leading zeros are not allowed"), 6),
        (#"{"a":1.}"#, .invalidNumber("a digit must follow the decimal point"), 7),
        (#"{"a":1e}"#, .invalidNumber("a digit must follow the exponent"), 7),
        (#"{"a":-}"#, .unexpectedByte(UInt8(ascii: "}"), expected: "a digit"), 6),
        (#"{"a":.5}"#, .unexpectedByte(UInt8(ascii: "."), expected: "a value"), 5),
        (#"{"a":NaN}"#, .unexpectedByte(UInt8(ascii: "N"), expected: "a value"), 5),
        (#"{"a":tru}"#, .unexpectedByte(UInt8(ascii: "t"), expected: "a value"), 5),
        (#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"), expected: "a string key"), 7),
        (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"), expected: "':' after an object key"), 5),
        (#"{'a':1}"#, .unexpectedByte(UInt8(ascii: "'"), expected: "a string key or '}'"), 1),
        (#"[1 2]"#, .unexpectedByte(UInt8(ascii: "2"), expected: "',' or ']'"), 3),
        (#"{"a":1} x"#, .trailingCharacters(UInt8(ascii: "x")), 8),
        (#"{"a":1}{}"#, .trailingCharacters(UInt8(ascii: "{")), 7),
        (#"{"a":"x"#, .unexpectedEnd(expected: "'\"' closing the string"), 7),
        (#"{"a":"#, .unexpectedEnd(expected: "a value"), 5),
        ("", .unexpectedEnd(expected: "a value"), 0),
        (#"{"a":1,"b":2,"a":3}"#, .duplicateKey("a"), 13),
        (#"{"amount":1,"am\u006fu\u006et":2}"#, .duplicateKey("amount"), 12),
    ])
    func refusesInvalidJSON(text: String, reason: JSONSyntaxError.Reason, offset: Int) {
        #expect(parse(text) == JSONSyntaxError(reason: reason, offset: offset))
    }

    @Test(
        arguments: [
            [0xC3],  // truncated two-byte sequence
            [0xC0, 0xAF],  // overlong '/'
            [0xE0, 0x80, 0xAF],  // overlong three-byte
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate encoded in UTF-8
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xFF],
            [0x80],  // a lone continuation byte
        ] as [[UInt8]]
    )
    func refusesInvalidUTF8InStrings(sequence: [UInt8]) {
        let bytes = Array(#"{"a":"ok "#.utf8) + sequence + Array(#" ok"}"#.utf8)
        #expect(parse(bytes) == JSONSyntaxError(reason: .invalidUTF8, offset: 9))
    }

    @Test func duplicateKeysAreFoundInLargeObjects() {
        let members = (0..<40).map { "\"k\($0)\":\($0)" } + ["\"k7\":0"]
        let error = parse("{" + members.joined(separator: ",") + "}")
        #expect(error?.reason == .duplicateKey("k7"))
    }

    @Test func duplicateKeysInNestedObjectsAreFound() {
        #expect(parse(#"{"a":[{"x":1,"x":2}]}"#)?.reason == .duplicateKey("x"))
        #expect(parse(#"{"a":{"x":1},"b":{"x":2}}"#) == nil)
    }

    @Test func limitsNestingDepth() {
        let limit = JSONParser.defaultMaximumDepth
        #expect(parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) == nil)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(parse(tooDeep) == JSONSyntaxError(reason: .tooDeep(limit: limit), offset: limit))
    }

    @Test func keepsTheLiteralTextOfNumbers() throws {
        var parser = JSONParser()
        let bytes = Array(#"[1234.50,-0.01,1e3]"#.utf8)
        try bytes.withUnsafeBytes { input in
            try parser.parse(input)
            parser.withDocument { document in
                let texts = [1, 2, 3].map { String(decoding: document.rawBytes(at: $0), as: UTF8.self) }
                #expect(texts == ["1234.50", "-0.01", "1e3"])
                #expect(document.nodes[1].flags == JSONNode.Flags.fraction)
                #expect(document.nodes[2].flags == JSONNode.Flags.fraction | JSONNode.Flags.negative)
                #expect(document.nodes[3].flags == JSONNode.Flags.exponent)
            }
        }
    }

    @Test func messagesNameTheProblem() {
        #expect(
            JSONSyntaxError(reason: .unexpectedByte(UInt8(ascii: "}"), expected: "a string key"), offset: 0).message
                == "expected a string key, found '}'"
        )
        #expect(JSONSyntaxError(reason: .controlCharacterInString(0x0A), offset: 0).message.contains("0x0A"))
        #expect(JSONSyntaxError.describe(0xC3) == "byte 0xC3")
        #expect(JSONSyntaxError.describe(0x20) == "a space")
    }
}
