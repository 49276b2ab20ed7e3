import EncoursCore

/// Reads an FEC (Fichier des Écritures Comptables, article A47 A-1 of the Livre des
/// procédures fiscales) into canonical events: the receivables side of the books, for a
/// company whose accounting software exports nothing else.
///
/// Lines are read on every core into compact customer lines (``FECLineReader``); lettering
/// needs the whole file, so turning them into events (``FECConversion``) comes after. A file
/// with any error gives no events, only every error (up to the limit).
///
/// ```swift
/// let result = FECReader(options: FECOptions(termsDays: 45)).read(bytes, file: "FEC.txt")
/// ```
public struct FECReader: Sendable {
    public var options: FECOptions
    public var knownCustomers: KnownCustomers
    /// How many errors are kept; further ones are only counted.
    public var errorLimit: Int

    public init(
        options: FECOptions = FECOptions(),
        knownCustomers: KnownCustomers = .none,
        errorLimit: Int = CanonicalEventReader.defaultErrorLimit
    ) {
        self.options = options
        self.knownCustomers = knownCustomers
        self.errorLimit = errorLimit
    }

    public func read(_ bytes: [UInt8], file: String) -> EventReadResult {
        func failure(_ errors: [ImportError]) -> EventReadResult {
            var collector = ErrorCollector(limit: errorLimit)
            for error in errors { collector.add(error) }
            return EventReadResult(
                file: file,
                events: [],
                errors: collector.errors,
                omittedErrorCount: collector.omittedCount
            )
        }
        let text: FECText
        do {
            text = try FECText.decode(bytes, file: file)
        } catch {
            return failure([error])
        }
        // The header is read alone first: a file without the columns is refused before its
        // lines are split, and the chunks need the header to read theirs.
        let (headerFields, headerLine) = Self.headerFields(text)
        let header: FECHeader
        do {
            header = try FECHeader(names: headerFields, file: file, line: headerLine)
        } catch {
            return failure(error.errors)
        }
        let lineReader = FECLineReader(header: header, file: file, headerLine: headerLine)
        let limit = errorLimit
        let chunks: [FECChunk]
        do {
            chunks = try DelimitedText(separator: text.separator, quoting: .none).mapChunks(text.utf8) { records in
                lineReader.read(records, errorLimit: limit)
            }
        } catch {
            return failure([ImportError(file: file, line: 0, code: .unterminatedQuote, message: error.description)])
        }
        var errors = ErrorCollector(limit: errorLimit)
        var omitted = 0
        var lines: [FECCustomerLine] = []
        var skipped: [SkippedLine] = []
        lines.reserveCapacity(chunks.reduce(0) { $0 + $1.customerLines.count })
        for chunk in chunks {
            for error in chunk.errors { errors.add(error) }
            omitted += chunk.omittedErrorCount
            lines += chunk.customerLines
            skipped += chunk.skipped
        }
        omitted += errors.omittedCount
        guard errors.errors.isEmpty else {
            return EventReadResult(file: file, events: [], errors: errors.errors, omittedErrorCount: omitted)
        }
        let converted = FECConversion(file: file, options: options, knownCustomers: knownCustomers).convert(lines)
        return EventReadResult(
            file: file,
            events: converted.events,
            errors: [],
            omittedErrorCount: 0,
            skipped: (skipped + converted.skipped).sorted { $0.line < $1.line }
        )
    }

    /// The fields of the first non-blank line, and its 1-based number.
    private static func headerFields(_ text: FECText) -> ([String], Int) {
        var line = 1
        var start = 0
        let bytes = text.utf8
        while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D {
            if bytes[start] == 0x0A { line += 1 }
            start += 1
        }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let header = String(decoding: bytes[start..<end], as: UTF8.self)
        let fields = header.unicodeScalars.split(separator: text.separator, omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        return (fields, line)
    }
}
