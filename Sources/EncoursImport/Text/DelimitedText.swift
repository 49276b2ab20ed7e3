import Dispatch
import Synchronization

/// Reads delimited text (CSV, or an FEC's tab- or pipe-separated lines) into records,
/// each with the line it starts on, on every core.
///
/// CSV fields are split by ``DelimitedRecordScanner`` and unquoted by CSV.swift (RFC 4180:
/// quoted fields holding separators, doubled quotes and line breaks). This type cuts the
/// text into chunks of whole records, which needs to know where quotes open and close, and
/// numbers the lines; that pass also catches what the library forgives: a file cut inside
/// a quoted field.
public struct DelimitedText: Sendable {
    /// Whether `"` quotes fields.
    public enum Quoting: Sendable, Hashable {
        /// CSV: a field may be quoted, and then hold separators, `""` and line breaks.
        case rfc4180
        /// FEC (article A47 A-1): no quoting; a `"` is an ordinary character.
        case none
    }

    /// One record: the line it starts on (1-based) and its fields as written.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public var separator: Unicode.Scalar
    public var quoting: Quoting

    public init(separator: Unicode.Scalar, quoting: Quoting) {
        self.separator = separator
        self.quoting = quoting
    }

    /// About this many bytes per chunk: enough work per task to outweigh the handing over,
    /// small enough that both cores stay busy to the end of a file.
    static let chunkBytes = 1 << 20

    /// Cuts `utf8` into chunks of whole records and hands each chunk's records, blank lines
    /// left out, to `transform`, chunks running concurrently. The results come back in file
    /// order.
    ///
    /// Throws when the text ends inside a quoted field (a truncated file), naming the line
    /// the field opened on.
    public func mapChunks<T: Sendable>(
        _ utf8: [UInt8],
        _ transform: @Sendable ([Record]) -> T
    ) throws(DelimitedTextError) -> [T] {
        let chunks = try cut(utf8)
        let results = Mutex<[T?]>(Array(repeating: nil, count: chunks.count))
        let text = utf8
        let separator = separator
        let quoting = quoting
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            let records = text.withUnsafeBufferPointer { buffer in
                Self.records(
                    UnsafeBufferPointer(rebasing: buffer[chunk.range]),
                    firstLine: chunk.firstLine,
                    separator: separator,
                    quoting: quoting
                )
            }
            let result = transform(records)
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Every record of `utf8`, in order, on the calling thread: for small inputs and tests.
    public func records(_ utf8: [UInt8]) throws(DelimitedTextError) -> [Record] {
        try mapChunks(utf8) { $0 }.flatMap { $0 }
    }

    struct Chunk: Sendable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Chunk boundaries: after a line feed that is outside quotes, once a chunk is big enough.
    func cut(_ utf8: [UInt8]) throws(DelimitedTextError) -> [Chunk] {
        try utf8.withUnsafeBufferPointer { bytes in
            Result { () throws(DelimitedTextError) in try cut(bytes) }
        }.get()
    }

    /// ``cut(_:)-([UInt8])`` over any text whose quotes and line feeds are single ASCII bytes
    /// (UTF-8, and the single-byte encodings before they are transcoded).
    func cut(_ bytes: UnsafeBufferPointer<UInt8>) throws(DelimitedTextError) -> [Chunk] {
        var chunks: [Chunk] = []
        var chunkStart = 0
        var chunkLine = 1
        var line = 1
        var inQuotes = false
        var quoteOpenedOnLine = 0
        let quote = UInt8(ascii: "\"")
        let quotes = quoting == .rfc4180
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index < bytes.count {
            // Eight bytes at a time while none is a line feed or a quote: most of the text.
            if index + 8 <= bytes.count,
                !Self.hasLineFeedOrQuote(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), quotes: quotes)
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                if !inQuotes && index + 1 - chunkStart >= Self.chunkBytes {
                    chunks.append(Chunk(range: chunkStart..<(index + 1), firstLine: chunkLine))
                    chunkStart = index + 1
                    chunkLine = line
                }
            } else if quotes && byte == quote {
                // `""` inside quotes toggles twice: the state stays right without lookahead.
                inQuotes.toggle()
                if inQuotes { quoteOpenedOnLine = line }
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOnLine) }
        if chunkStart < bytes.count { chunks.append(Chunk(range: chunkStart..<bytes.count, firstLine: chunkLine)) }
        return chunks
    }

    /// Whether any of the eight bytes of `word` is a line feed, or a quote when `quotes`.
    private static func hasLineFeedOrQuote(_ word: UInt64, quotes: Bool) -> Bool {
        func hasZeroByte(_ word: UInt64) -> Bool {
            (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        return hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) || (quotes && hasZeroByte(word ^ 0x2222_2222_2222_2222))
    }

    static func records(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        separator: Unicode.Scalar,
        quoting: Quoting
    ) -> [Record] {
        switch quoting {
        case .rfc4180: quotedRecords(bytes, firstLine: firstLine, separator: separator)
        case .none: plainRecords(bytes, firstLine: firstLine, separator: UInt8(separator.value))
        }
    }

    /// Records of CSV text, every field unquoted: see ``DelimitedRecordScanner``.
    private static func quotedRecords(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        separator: Unicode.Scalar
    ) -> [Record] {
        var records: [Record] = []
        var scanner = DelimitedRecordScanner(separator: separator, selection: .all)
        scanner.forEachRecord(in: bytes, firstLine: firstLine) { record, _ in records.append(record.materialized()) }
        return records
    }

    private static func plainRecords(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, separator: UInt8) -> [Record] {
        var records: [Record] = []
        var line = firstLine
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd > start {
                var fields: [String] = []
                var fieldStart = start
                for index in start...contentEnd where index == contentEnd || bytes[index] == separator {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                    fieldStart = index + 1
                }
                records.append(Record(line: line, fields: fields))
            }
            line += 1
            start = end + 1
        }
        return records
    }
}

/// Why delimited text could not be cut into records.
public enum DelimitedTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text ends inside a quoted field: the file was cut short, or a quote is unbalanced.
    case unterminatedQuote(line: Int)

    public var description: String {
        switch self {
        case .unterminatedQuote(let line):
            "the quoted field opened on line \(line) is never closed: the file is cut short, or a \" is unbalanced"
        }
    }
}
