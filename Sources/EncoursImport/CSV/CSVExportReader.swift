import EncoursCore

/// Reads an invoicing tool's CSV export into canonical events, as its ``CSVMapping`` says.
///
/// The steps, each reporting errors with the file, line, column and value: transcode to
/// UTF-8 (a byte that is not text in the declared encoding stops there), find the mapping's
/// columns in the header, convert the lines on every core, then register the customers the
/// ledger does not know, each just before its first document.
public struct CSVExportReader: Sendable {
    public var mapping: CSVMapping
    public var knownCustomers: KnownCustomers
    public var errorLimit: Int

    public init(
        mapping: CSVMapping,
        knownCustomers: KnownCustomers = .none,
        errorLimit: Int = CanonicalEventReader.defaultErrorLimit
    ) {
        self.mapping = mapping
        self.knownCustomers = knownCustomers
        self.errorLimit = errorLimit
    }

    /// The events of a whole export, or every error in it (up to ``errorLimit``).
    ///
    /// An empty file (no byte but blank lines) is an error: a nightly export that failed
    /// often leaves one, and importing "nothing" would hide that. A header and no line is a
    /// day without documents: no event, no error.
    public func read(_ bytes: [UInt8], file: String) -> EventReadResult {
        func failure(_ errors: [ImportError]) -> EventReadResult {
            EventReadResult(file: file, events: [], errors: errors, omittedErrorCount: 0)
        }
        // Read as Windows-1252, a byte order mark would become "ï»¿" glued to the first header.
        if mapping.encoding != .utf8 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return failure([
                ImportError(
                    file: file,
                    line: 1,
                    code: .invalidEncoding,
                    message: "the file starts with a UTF-8 byte order mark, but \(mapping.source) reads it as "
                        + "\(mapping.encoding.rawValue): is file.encoding = \"utf-8\" meant?"
                )
            ])
        }
        let utf8: [UInt8]
        switch CSVText.utf8(bytes, mapping.encoding) {
        case .success(let text): utf8 = text
        case .failure(let error): return failure([encodingError(error, bytes: bytes, file: file)])
        }
        guard utf8.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }) else {
            return failure([
                ImportError(
                    file: file,
                    line: 0,
                    code: .emptyFile,
                    message: "the file is empty"
                        + (mapping.hasHeader ? ", without even its header line" : "")
                        + ": was the export cut short? Nothing is imported from it"
                )
            ])
        }
        let text = DelimitedText(separator: mapping.separator, quoting: .rfc4180)
        let header: DelimitedText.Record?
        do {
            header = mapping.hasHeader ? try Self.header(of: utf8, text) : nil
        } catch {
            return failure([Self.quoteError(error, file: file)])
        }
        let columns: CSVColumns<CSVColumn>
        switch mapping.resolve(header: header, file: file) {
        case .success(let resolved): columns = resolved
        case .failure(let errors): return failure(errors.errors)
        }
        let chunks: [CSVChunk]
        do {
            let mapping = mapping
            let firstDataLine = (header?.line ?? 0) + 1
            let errorLimit = errorLimit
            chunks = try text.mapChunks(utf8) { records in
                var converter = CSVChunkConverter(
                    mapping: mapping,
                    columns: columns,
                    file: file,
                    firstDataLine: firstDataLine,
                    errorLimit: errorLimit
                )
                for record in records { converter.convert(record) }
                return converter.chunk
            }
        } catch {
            return failure([Self.quoteError(error, file: file)])
        }
        return merge(chunks, customerColumns: columns.customer, file: file)
    }

    /// The first record: the bytes up to the first line end outside quotes after something
    /// other than blank lines, so the header is read before the chunks are cut.
    static func header(of utf8: [UInt8], _ text: DelimitedText) throws(DelimitedTextError) -> DelimitedText.Record? {
        var inQuotes = false
        var sawContent = false
        var end = utf8.count
        for (index, byte) in utf8.enumerated() {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == 0x0A, !inQuotes, sawContent {
                end = index + 1
                break
            }
            if byte != 0x0A && byte != 0x0D { sawContent = true }
        }
        return try text.records(Array(utf8[..<end])).first
    }

    static func quoteError(_ error: DelimitedTextError, file: String) -> ImportError {
        switch error {
        case .unterminatedQuote(let line):
            ImportError(file: file, line: line, code: .unterminatedQuote, message: error.description)
        }
    }
}
