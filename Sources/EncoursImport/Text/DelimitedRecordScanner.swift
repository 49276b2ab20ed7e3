/// Walks the records of CSV text (RFC 4180) and lends each to a reader as a
/// ``DelimitedRecordView``: the bytes of its fields, no string made.
///
/// Three kinds of lines, from the commonest:
/// - a line without quotes (nor a carriage return but the one ending it) is split at its
///   separators, since there is nothing to unquote;
/// - a line whose quoted fields are well formed (opened at the start of the field, closed
///   right before a separator or the end of the record, inner quotes doubled) is cut at
///   the separators outside quotes, and CSV.swift unquotes the fields of the selected
///   columns, the only ones a reader looks at;
/// - consecutive lines any of which has a quote elsewhere go to CSV.swift whole, which
///   decides where their records and fields are.
/// The first two give what the library would give for those lines; doing them here saves
/// reading every character through the library, many times slower.
struct DelimitedRecordScanner {
    let separator: Unicode.Scalar
    let selection: Selection
    /// The separator as a byte, or `nil` when it is not ASCII: then every line goes to the
    /// library, which compares characters.
    let splitter: UInt8?
    /// Reused from record to record: where the current record's fields are.
    var ranges: [Range<Int>] = []
    /// Reused: the current record's fields when they are not all in the walked text as
    /// they are (unquoted values, records read by the library).
    var scratch: [UInt8] = []
    /// Reused: which of the current record's fields are quoted.
    var quotedFields: [Int] = []
    /// Reused: the lines with quotes since the last plain line, with the line each starts on.
    var run: [(range: Range<Int>, line: Int)] = []

    /// ``isSpecial(_:)``'s bytes, as bits: those below 64, those from 64 to 127.
    private let specials: (low: UInt64, high: UInt64)

    init(separator: Unicode.Scalar, selection: Selection) {
        self.separator = separator
        self.selection = selection
        let splitter = separator.isASCII ? UInt8(separator.value) : nil
        self.splitter = splitter
        var specials: (low: UInt64, high: UInt64) = (1 << 0x22 | 1 << 0x0A | 1 << 0x0D, 0)
        if let splitter {
            if splitter < 64 {
                specials.low |= 1 << UInt64(splitter)
            } else {
                specials.high |= 1 << UInt64(splitter - 64)
            }
        }
        self.specials = specials
    }

    /// Hands every record of `text` to `body` in order, blank lines left out; `firstLine` is
    /// the line `text` starts on.
    mutating func forEachRecord(
        in text: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
    ) {
        var line = firstLine
        var start = 0
        run.removeAll(keepingCapacity: true)
        while start < text.count {
            var end = start
            var inQuotes = false
            var plain = true
            var lineFeedsInside = 0
            // A plain line's fields are found on the way; for other lines they are dropped.
            ranges.removeAll(keepingCapacity: true)
            var fieldStart = start
            while end < text.count {
                let byte = text[end]
                if !isSpecial(byte) {
                    end += 1
                    continue
                }
                if byte == splitter {
                    ranges.append(fieldStart..<end)
                    fieldStart = end + 1
                } else if byte == 0x22 {
                    inQuotes.toggle()
                    plain = false
                } else if byte == 0x0A {
                    if !inQuotes { break }
                    lineFeedsInside += 1
                } else if byte == 0x0D, inQuotes || (end + 1 < text.count && text[end + 1] != 0x0A) {
                    plain = false
                }
                end += 1
            }
            if plain, let splitter {
                let content = start..<Self.contentEnd(text, start, end)
                if run.isEmpty {
                    ranges.append(fieldStart..<content.upperBound)
                } else {
                    flushRun(text, body)
                    splitPlain(text, content, separator: splitter)
                }
                if !content.isEmpty { lend(line: line, bytes: text, source: .span(start..<end), body) }
            } else {
                run.append((start..<end, line))
            }
            line += 1 + lineFeedsInside
            start = end + 1
        }
        flushRun(text, body)
    }

    /// Whether the walk must look at `byte`: a separator, a quote, a line feed or a carriage
    /// return. Every other byte is part of a field.
    private func isSpecial(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        return byte < 64 ? specials.low & bit != 0 : byte < 128 && specials.high & bit != 0
    }

    /// Where a record's content ends: before the carriage return of a CRLF.
    static func contentEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        end > start && text[end - 1] == 0x0D ? end - 1 : end
    }

    func lend(
        line: Int,
        bytes: UnsafeBufferPointer<UInt8>,
        source: DelimitedRecordSource,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
    ) {
        ranges.withUnsafeBufferPointer { ranges in
            body(DelimitedRecordView(line: line, bytes: bytes, ranges: ranges), source)
        }
    }

    mutating func splitPlain(_ text: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, separator: UInt8) {
        ranges.removeAll(keepingCapacity: true)
        var fieldStart = content.lowerBound
        for index in content where text[index] == separator {
            ranges.append(fieldStart..<index)
            fieldStart = index + 1
        }
        ranges.append(fieldStart..<content.upperBound)
    }
}
