extension CSVExportReader {
    /// A byte that is not text in the mapping's encoding, with the column it falls in: the
    /// operator sees which field of which line carries the stray character.
    func encodingError(_ error: TextDecodingError, bytes: [UInt8], file: String) -> ImportError {
        ImportError(
            file: file,
            line: error.line,
            column: columnLabel(ofLine: error.line, byte: error.column, in: bytes),
            code: .invalidEncoding,
            message: error.description
        )
    }

    /// The column a byte (1-based line and byte of that line) falls in: its header when the
    /// byte is past the header, its number otherwise. Quotes are followed from the start of
    /// the file, so that a separator inside a quoted field is not counted.
    func columnLabel(ofLine line: Int, byte column: Int, in bytes: [UInt8]) -> String {
        // The decoder counts UTF-8 positions after a byte order mark.
        let hasMark = mapping.encoding == .utf8 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let start = hasMark ? 3 : 0
        let separator = UInt8(truncatingIfNeeded: mapping.separator.value)
        var currentLine = 1
        var field = 0
        var records = 0
        var recordHasContent = false
        var inQuotes = false
        var headerEnd = start
        var offset = start
        while offset < bytes.count {
            if currentLine == line { break }
            let byte = bytes[offset]
            if byte == 0x0A { currentLine += 1 }
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == 0x0A, !inQuotes {
                if recordHasContent {
                    records += 1
                    if records == 1 { headerEnd = offset + 1 }
                }
                field = 0
                recordHasContent = false
            } else if byte == separator, !inQuotes {
                field += 1
            }
            if byte != 0x0A && byte != 0x0D { recordHasContent = true }
            offset += 1
        }
        let target = min(bytes.count, offset + column - 1)
        while offset < target {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == separator, !inQuotes {
                field += 1
            }
            if byte != 0x0D { recordHasContent = true }
            offset += 1
        }
        let number = String(field + 1)
        guard mapping.hasHeader, records >= 1 else { return number }
        let text = DelimitedText(separator: mapping.separator, quoting: .rfc4180)
        guard case .success(let utf8) = CSVText.utf8(Array(bytes[..<headerEnd]), mapping.encoding),
            let header = try? Self.header(of: utf8, text),
            field < header.fields.count
        else { return number }
        let name = CSVText.trimmed(header.fields[field])
        return name.isEmpty ? number : String(name)
    }
}
