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
        // Transcoding is done chunk by chunk, on every core; the refusals come in the order
        // they would if the whole file were transcoded first: a byte that is not text before
        // anything else, then an empty file, the header, the mapping's columns, the quotes.
        func refused(_ errors: [ImportError]) -> EventReadResult {
            if case .failure(let error) = CSVText.utf8(bytes, mapping.encoding) {
                return failure([encodingError(error, bytes: bytes, file: file)])
            }
            return failure(errors)
        }
        let hasMark = mapping.encoding == .utf8 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
        return bytes.withUnsafeBufferPointer { whole in
            let body = UnsafeBufferPointer(rebasing: whole[(hasMark ? 3 : 0)...])
            // Only ASCII white space is blank, in every encoding: such a file transcodes.
            guard body.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }) else {
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
            let delimited = DelimitedText(separator: mapping.separator, quoting: .rfc4180)
            var header: DelimitedText.Record?
            if mapping.hasHeader {
                let written = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: body[..<Self.headerEnd(body)]))
                guard let utf8 = try? mapping.encoding.transcoded(written) else { return refused([]) }
                do throws(DelimitedTextError) {
                    header = try delimited.records(utf8).first
                } catch {
                    return refused([Self.quoteError(error, file: file)])
                }
            }
            let columns: CSVColumns<CSVColumn>
            switch mapping.resolve(header: header, file: file) {
            case .success(let resolved): columns = resolved
            case .failure(let errors): return refused(errors.errors)
            }
            let chunks: [DelimitedText.Chunk]
            do throws(DelimitedTextError) {
                chunks = try delimited.cut(body)
            } catch {
                return refused([Self.quoteError(error, file: file)])
            }
            let converted = convert(body, chunks, columns: columns, firstDataLine: (header?.line ?? 0) + 1, file: file)
            if converted.contains(where: \.isUndecodable) { return refused([]) }
            // The buffer outlives the merge, which reads chunks again on every core.
            nonisolated(unsafe) let written = body
            return merge(converted, columns: columns, file: file) { [self] in text(of: chunks[$0], written) }
        }
    }

    /// Where the first record ends: after the first line end outside quotes that follows
    /// something other than blank lines, so the header is read before the chunks are cut.
    static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var inQuotes = false
        var sawContent = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == 0x0A, !inQuotes, sawContent {
                return index + 1
            }
            if byte != 0x0A && byte != 0x0D { sawContent = true }
        }
        return bytes.count
    }

    /// The first record of UTF-8 text (see ``headerEnd(_:)``).
    static func header(of utf8: [UInt8], _ text: DelimitedText) throws(DelimitedTextError) -> DelimitedText.Record? {
        let end = utf8.withUnsafeBufferPointer { headerEnd($0) }
        return try text.records(Array(utf8[..<end])).first
    }

    static func quoteError(_ error: DelimitedTextError, file: String) -> ImportError {
        switch error {
        case .unterminatedQuote(let line):
            ImportError(file: file, line: line, code: .unterminatedQuote, message: error.description)
        }
    }
}
