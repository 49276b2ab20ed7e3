/// The character encodings exports from French invoicing and accounting software come in.
///
/// Everything downstream reads UTF-8, so a file is transcoded before it is read (a CSV
/// export chunk by chunk, on every core). The single-byte encodings are decoded by table
/// rather than through Foundation because Foundation on Linux has no ISO 8859-15 (the euro
/// sign's Latin-9), and because a refusal must name the line and column of the byte at
/// fault, which a `String(data:encoding:)` returning `nil` cannot.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// Latin-9: Latin-1 with the euro sign, Œ, œ, Š, š, Ž, ž and Ÿ.
    case iso8859_15 = "iso-8859-15"
    /// The Windows Western code page: Latin-1 plus typographic quotes, dashes and € in 0x80–0x9F.
    case windows1252 = "windows-1252"

    /// Reads the names people write in mapping files: `UTF-8`, `utf8`, `latin9`, `cp1252`...
    public init?(name: String) {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch folded {
        case "utf8": self = .utf8
        case "iso885915", "latin9", "latin0": self = .iso8859_15
        case "windows1252", "cp1252", "win1252": self = .windows1252
        default: return nil
        }
    }

    /// The names ``init(name:)`` accepts, for error messages.
    public static let acceptedNames = "utf-8, iso-8859-15 (latin9), windows-1252 (cp1252)"

    /// The text as UTF-8 bytes, without a byte order mark.
    ///
    /// Throws at the first byte that is not text in this encoding, naming its line and column,
    /// so that a Windows-1252 file declared as UTF-8 is refused rather than read as mojibake.
    public func utf8(_ bytes: UnsafeRawBufferPointer) throws(TextDecodingError) -> [UInt8] {
        let start = self == .utf8 && Self.hasUTF8ByteOrderMark(bytes) ? 3 : 0
        return try transcoded(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// The text as UTF-8, a byte order mark at its start taken as text: for a part of a file
    /// (the first bytes of a chunk are not the start of the file). An error's line and column
    /// count from the start of `bytes`.
    func transcoded(_ bytes: UnsafeRawBufferPointer) throws(TextDecodingError) -> [UInt8] {
        let count = try utf8Count(bytes)
        return [UInt8](unsafeUninitializedCapacity: count) { output, written in
            transcode(bytes, into: output)
            written = count
        }
    }

    /// How many bytes ``transcoded(_:)`` gives for `bytes`; throws where it would.
    func utf8Count(_ bytes: UnsafeRawBufferPointer) throws(TextDecodingError) -> Int {
        switch self {
        case .utf8:
            if let offset = Self.firstInvalidUTF8Offset(bytes) {
                throw TextDecodingError(encoding: self, bytes: bytes, offset: offset)
            }
            return bytes.count
        case .iso8859_15, .windows1252:
            let table = self == .iso8859_15 ? Self.latin9UTF8 : Self.windows1252UTF8
            var count = bytes.count
            var offset = 0
            while offset < bytes.count {
                offset = Self.afterASCIIWords(bytes, from: offset)
                guard offset < bytes.count else { break }
                let byte = bytes[offset]
                if byte >= 0x80 {
                    let length = Int(table[Int(byte &- 0x80)] >> 24)
                    guard length > 0 else { throw TextDecodingError(encoding: self, bytes: bytes, offset: offset) }
                    count += length - 1
                }
                offset += 1
            }
            return count
        }
    }

    /// Writes the UTF-8 of `bytes` at the start of `output`, which has room for
    /// ``utf8Count(_:)`` bytes (the text was checked there).
    func transcode(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) {
        switch self {
        case .utf8:
            UnsafeMutableRawBufferPointer(output).copyMemory(from: bytes)
        case .iso8859_15, .windows1252:
            let table = self == .iso8859_15 ? Self.latin9UTF8 : Self.windows1252UTF8
            let target = UnsafeMutableRawBufferPointer(output)
            var position = 0
            var offset = 0
            while offset < bytes.count {
                // Runs of ASCII, most of the text, eight bytes at a time.
                if offset + 8 <= bytes.count {
                    let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        target.storeBytes(of: word, toByteOffset: position, as: UInt64.self)
                        position += 8
                        offset += 8
                        continue
                    }
                }
                let byte = bytes[offset]
                offset += 1
                if byte < 0x80 {
                    output[position] = byte
                    position += 1
                } else {
                    let encoded = table[Int(byte &- 0x80)]
                    for index in 0..<Int(encoded >> 24) {
                        output[position] = UInt8(truncatingIfNeeded: encoded >> (8 * UInt32(index)))
                        position += 1
                    }
                }
            }
        }
    }

    /// The UTF-8 of each byte from 0x80 up, packed: its bytes from the lowest, its length in
    /// the top byte (0 where the encoding has no character). Every character of both
    /// encodings takes at most three bytes.
    private static let latin9UTF8 = highByteTable(.iso8859_15)
    private static let windows1252UTF8 = highByteTable(.windows1252)

    private static func highByteTable(_ encoding: TextEncoding) -> [UInt32] {
        (0x80...0xFF).map { byte in
            guard let scalar = encoding.scalar(forHighByte: UInt8(byte)) else { return 0 }
            let utf8 = Array(String(Character(scalar)).utf8)
            var packed = UInt32(utf8.count) << 24
            for (index, unit) in utf8.enumerated() { packed |= UInt32(unit) << (8 * UInt32(index)) }
            return packed
        }
    }

    /// ``utf8(_:)-(UnsafeRawBufferPointer)`` over an array.
    public func utf8(_ bytes: [UInt8]) throws(TextDecodingError) -> [UInt8] {
        try bytes.withUnsafeBytes { raw in Result { () throws(TextDecodingError) in try utf8(raw) } }.get()
    }

    /// The encoding of an FEC file, which the law allows to be UTF-8 or ISO 8859-15: UTF-8
    /// when the bytes are valid UTF-8 (plain ASCII included), Latin-9 otherwise.
    public static func utf8OrLatin9(_ bytes: UnsafeRawBufferPointer) -> TextEncoding {
        let start = hasUTF8ByteOrderMark(bytes) ? 3 : 0
        return firstInvalidUTF8Offset(UnsafeRawBufferPointer(rebasing: bytes[start...])) == nil ? .utf8 : .iso8859_15
    }

    static func hasUTF8ByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The offset after the whole eight-byte words of ASCII from `offset`: runs of ASCII,
    /// the bulk of any export, skip the byte-by-byte work eight bytes at a time.
    @inline(__always)
    static func afterASCIIWords(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
        var offset = offset
        while offset + 8 <= bytes.count,
            bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            offset += 8
        }
        return offset
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = 0
        while offset < bytes.count {
            offset = afterASCIIWords(bytes, from: offset)
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            if byte < 0x80 {
                offset += 1
                continue
            }
            let length: Int
            let lowest: UInt32
            switch byte {
            case 0xC2...0xDF: (length, lowest) = (2, 0x80)
            case 0xE0...0xEF: (length, lowest) = (3, 0x800)
            case 0xF0...0xF4: (length, lowest) = (4, 0x10000)
            default: return offset
            }
            guard offset + length <= bytes.count else { return offset }
            var value = UInt32(byte) & (0xFF >> UInt32(length + 1))
            for next in 1..<length {
                let continuation = bytes[offset + next]
                guard continuation & 0xC0 == 0x80 else { return offset }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if value < lowest || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return offset }
            offset += length
        }
        return nil
    }

    /// The character a byte from 0x80 up stands for, or `nil` when the encoding has none
    /// there (the C1 controls of ISO 8859-15, five holes of Windows-1252): such a byte says
    /// the file is in another encoding.
    private func scalar(forHighByte byte: UInt8) -> Unicode.Scalar? {
        switch self {
        case .utf8:
            return nil
        case .iso8859_15:
            if byte < 0xA0 { return nil }
            let latin9: [UInt8: UInt32] = [
                0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
                0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
            ]
            return Unicode.Scalar(latin9[byte] ?? UInt32(byte))
        case .windows1252:
            if byte >= 0xA0 { return Unicode.Scalar(UInt32(byte)) }
            let value = Self.windows1252Controls[Int(byte - 0x80)]
            return value == 0 ? nil : Unicode.Scalar(value)
        }
    }

    /// Windows-1252 from 0x80 to 0x9F; 0 where the code page defines nothing.
    private static let windows1252Controls: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// A byte that is not text in the declared encoding, with where it is.
public struct TextDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var encoding: TextEncoding
    /// 1-based line and byte column of the offending byte.
    public var line: Int
    public var column: Int
    public var byte: UInt8

    init(encoding: TextEncoding, bytes: UnsafeRawBufferPointer, offset: Int) {
        self.encoding = encoding
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
        self.byte = bytes[offset]
    }

    /// `byte 0xE9 is not UTF-8 text`, plus a hint at the likely encoding.
    public var description: String {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        switch encoding {
        case .utf8:
            return "byte \(hex) is not UTF-8 text: is the file in windows-1252 or iso-8859-15? "
                + "Say so with the mapping's encoding"
        case .iso8859_15:
            return "byte \(hex) is not an iso-8859-15 character: is the file in windows-1252?"
        case .windows1252:
            return "byte \(hex) is not a windows-1252 character"
        }
    }
}
