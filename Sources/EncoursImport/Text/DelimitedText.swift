import CSV
import Dispatch
import Synchronization

/// Reads delimited text (CSV, or an FEC's tab- or pipe-separated lines) into records,
/// each with the line it starts on, on every core.
///
/// Fields are split and unquoted by CSV.swift (RFC 4180: quoted fields holding separators,
/// doubled quotes and line breaks). This type only cuts the text into chunks of whole
/// records, which needs to know where quotes open and close, and numbers the lines; that
/// pass also catches what the library forgives: a file cut inside a quoted field.
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
        var chunks: [Chunk] = []
        var chunkStart = 0
        var chunkLine = 1
        var line = 1
        var inQuotes = false
        var quoteOpenedOnLine = 0
        let quote = UInt8(ascii: "\"")
        let quotes = quoting == .rfc4180
        utf8.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
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
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOnLine) }
        if chunkStart < utf8.count { chunks.append(Chunk(range: chunkStart..<utf8.count, firstLine: chunkLine)) }
        return chunks
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

    /// Records of CSV text. A line without any quote (nor a carriage return but the one
    /// ending it) is split at its separators here, since there is nothing to unquote: that
    /// is most lines of most exports, and the library reads text a character at a time, many
    /// times slower. Every run of other lines goes to the library whole.
    private static func quotedRecords(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        separator: Unicode.Scalar
    ) -> [Record] {
        var records: [Record] = []
        var line = firstLine
        var start = 0
        let splitter = separator.isASCII ? UInt8(separator.value) : nil
        // The lines not split here yet, since the first of them.
        var run: (start: Int, line: Int)?
        while start < bytes.count {
            var end = start
            var inQuotes = false
            var plain = true
            var lineFeedsInside = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte == 0x22 {
                    inQuotes.toggle()
                    plain = false
                } else if byte == 0x0A {
                    if !inQuotes { break }
                    lineFeedsInside += 1
                } else if byte == 0x0D, inQuotes || (end + 1 < bytes.count && bytes[end + 1] != 0x0A) {
                    plain = false
                }
                end += 1
            }
            if plain, let splitter {
                if let pending = run {
                    libraryRecords(
                        UnsafeBufferPointer(rebasing: bytes[pending.start..<start]),
                        firstLine: pending.line,
                        separator: separator,
                        into: &records
                    )
                    run = nil
                }
                var contentEnd = end
                if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if contentEnd > start {
                    let content = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
                    records.append(Record(line: line, fields: fields(content, separator: splitter)))
                }
            } else if run == nil {
                run = (start, line)
            }
            line += 1 + lineFeedsInside
            start = end + 1
        }
        if let pending = run {
            libraryRecords(
                UnsafeBufferPointer(rebasing: bytes[pending.start...]),
                firstLine: pending.line,
                separator: separator,
                into: &records
            )
        }
        return records
    }

    /// Records read by CSV.swift: quoted fields, doubled quotes, line breaks inside fields.
    private static func libraryRecords(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        separator: Unicode.Scalar,
        into records: inout [Record]
    ) {
        let text = String(decoding: bytes, as: UTF8.self)
        // Only the string initialiser fails, on a header it cannot read; there is none here.
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: separator) else { return }
        var line = firstLine
        while let fields = reader.next() {
            let start = line
            line += 1
            for field in fields { line += field.utf8.count(where: { $0 == 0x0A }) }
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
            records.append(Record(line: start, fields: fields))
        }
    }

    /// The fields of one line without quotes: every separator ends one.
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> [String] {
        var fields: [String] = []
        var fieldStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
            fieldStart = index + 1
        }
        return fields
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
