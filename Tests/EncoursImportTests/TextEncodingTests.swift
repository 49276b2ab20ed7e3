import EncoursImport
import Testing

@Suite("Export text encodings")
struct TextEncodingTests {
    private func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws(TextDecodingError) -> String {
        String(decoding: try encoding.utf8(bytes), as: UTF8.self)
    }

    @Test("UTF-8 loses its byte order mark and keeps its accents")
    func utf8WithBOM() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("Société".utf8), as: .utf8) == "Société")
        #expect(try decode(Array("Société".utf8), as: .utf8) == "Société")
    }

    @Test("a Latin-1 byte in a file declared UTF-8 is refused with its line and column")
    func utf8Refusal() {
        let bytes: [UInt8] = Array("a;b\nSoci".utf8) + [0xE9] + Array("t\n".utf8)
        #expect(throws: TextDecodingError.self) { try decode(bytes, as: .utf8) }
        do {
            _ = try decode(bytes, as: .utf8)
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 5)
            #expect(error.byte == 0xE9)
            #expect(error.description.contains("windows-1252"))
        }
    }

    @Test("overlong forms and surrogates are not UTF-8")
    func invalidSequences() {
        #expect(throws: TextDecodingError.self) { try decode([0xC0, 0xAF], as: .utf8) }
        #expect(throws: TextDecodingError.self) { try decode([0xED, 0xA0, 0x80], as: .utf8) }
        #expect(throws: TextDecodingError.self) { try decode([0xE2, 0x82], as: .utf8) }
    }

    @Test("ISO 8859-15 has the euro sign and œ where Latin-1 has ¤ and ½")
    func latin9() throws {
        #expect(try decode([0x43, 0xBD, 0x75, 0x72, 0x20, 0xA4, 0x20, 0xE9], as: .iso8859_15) == "Cœur € é")
        #expect(throws: TextDecodingError.self) { try decode([0x80], as: .iso8859_15) }
    }

    @Test("Windows-1252 has € at 0x80 and typographic quotes; its holes are refused")
    func windows1252() throws {
        #expect(try decode([0x80, 0x20, 0x92, 0x93, 0x94, 0x20, 0xE9], as: .windows1252) == "€ \u{2019}\u{201C}\u{201D} é")
        #expect(throws: TextDecodingError.self) { try decode([0x81], as: .windows1252) }
    }

    @Test("names as people write them")
    func names() {
        #expect(TextEncoding(name: "UTF-8") == .utf8)
        #expect(TextEncoding(name: "latin9") == .iso8859_15)
        #expect(TextEncoding(name: "ISO-8859-15") == .iso8859_15)
        #expect(TextEncoding(name: "CP1252") == .windows1252)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }

    @Test("an FEC is UTF-8 when it reads as UTF-8, Latin-9 otherwise")
    func fecDetection() {
        let ascii = Array("JournalCode|JournalLib".utf8)
        #expect(ascii.withUnsafeBytes { TextEncoding.utf8OrLatin9($0) } == .utf8)
        let latin: [UInt8] = Array("Soci".utf8) + [0xE9]
        #expect(latin.withUnsafeBytes { TextEncoding.utf8OrLatin9($0) } == .iso8859_15)
    }
}
