import CSV

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
    /// The columns whose quoted fields are unquoted; the others are lent as written.
    struct Selection {
        /// For each column number, whether it is selected; past the end, `remaining`.
        private var selected: [Bool]
        private var remaining: Bool

        /// Every column: for readers that keep every field (a header, tests).
        static let all = Selection(selected: [], remaining: true)

        /// The columns at `indices` (0-based).
        init(_ indices: some Sequence<Int>) {
            var selected: [Bool] = []
            for index in indices {
                if index >= selected.count {
                    selected.append(contentsOf: repeatElement(false, count: index + 1 - selected.count))
                }
                selected[index] = true
            }
            self.init(selected: selected, remaining: false)
        }

        private init(selected: [Bool], remaining: Bool) {
            self.selected = selected
            self.remaining = remaining
        }

        func contains(_ index: Int) -> Bool {
            index < selected.count ? selected[index] : remaining
        }
    }

    let separator: Unicode.Scalar
    let selection: Selection
    /// The separator as a byte, or `nil` when it is not ASCII: then every line goes to the
    /// library, which compares characters.
    private let splitter: UInt8?
    /// Reused from record to record: where the current record's fields are.
    private var ranges: [Range<Int>] = []
    /// Reused: the current record's fields when they are not all in the walked text as
    /// they are (unquoted values, records read by the library).
    private var scratch: [UInt8] = []
    /// Reused: which of the current record's fields are quoted.
    private var quotedFields: [Int] = []
    /// Reused: the lines with quotes since the last plain line, with the line each starts on.
    private var run: [(range: Range<Int>, line: Int)] = []

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
    private static func contentEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        end > start && text[end - 1] == 0x0D ? end - 1 : end
    }

    private func lend(
        line: Int,
        bytes: UnsafeBufferPointer<UInt8>,
        source: DelimitedRecordSource,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
    ) {
        ranges.withUnsafeBufferPointer { ranges in
            body(DelimitedRecordView(line: line, bytes: bytes, ranges: ranges), source)
        }
    }

    private mutating func splitPlain(_ text: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, separator: UInt8) {
        ranges.removeAll(keepingCapacity: true)
        var fieldStart = content.lowerBound
        for index in content where text[index] == separator {
            ranges.append(fieldStart..<index)
            fieldStart = index + 1
        }
        ranges.append(fieldStart..<content.upperBound)
    }

    // MARK: - Lines with quotes

    /// Lends the pending lines with quotes: split here when every one is well formed, read
    /// by the library together otherwise (one malformed line can change how the library
    /// reads the lines after it, up to the next plain line).
    private mutating func flushRun(
        _ text: UnsafeBufferPointer<UInt8>,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
    ) {
        guard let first = run.first, let last = run.last else { return }
        defer { run.removeAll(keepingCapacity: true) }
        var wellFormed = splitter != nil
        for record in run where wellFormed {
            wellFormed = splitQuoted(text, record.range)
        }
        if wellFormed {
            for record in run {
                _ = splitQuoted(text, record.range)
                lendQuoted(text, line: record.line, source: .span(record.range), body)
            }
            return
        }
        let runEnd = min(last.range.upperBound + 1, text.count)
        libraryRecords(
            UnsafeBufferPointer(rebasing: text[first.range.lowerBound..<runEnd]),
            firstLine: first.line,
            body
        )
    }

    /// Splits one record at the separators outside quotes into ``ranges`` (a quoted field's
    /// range without its outer quotes, and its index in ``quotedFields``); `false` when a
    /// quote is anywhere but around a whole field, or a carriage return is loose outside
    /// quotes: the library's reading of such a line is its own.
    private mutating func splitQuoted(
        _ text: UnsafeBufferPointer<UInt8>,
        _ record: Range<Int>
    ) -> Bool {
        guard let separator = splitter else { return false }
        let end = Self.contentEnd(text, record.lowerBound, record.upperBound)
        ranges.removeAll(keepingCapacity: true)
        quotedFields.removeAll(keepingCapacity: true)
        var index = record.lowerBound
        while true {
            if index < end && text[index] == 0x22 {
                let contentStart = index + 1
                index = contentStart
                while true {
                    guard index < end else { return false }
                    if text[index] == 0x22 {
                        if index + 1 < end && text[index + 1] == 0x22 {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                quotedFields.append(ranges.count)
                ranges.append(contentStart..<index)
                index += 1
            } else {
                let fieldStart = index
                while index < end && text[index] != separator {
                    if text[index] == 0x22 || text[index] == 0x0D { return false }
                    index += 1
                }
                ranges.append(fieldStart..<index)
            }
            if index == end { return true }
            guard text[index] == separator else { return false }
            index += 1
        }
    }

    /// Lends a record split by ``splitQuoted``, its selected quoted fields unquoted by the
    /// library. A record of one empty field is a blank line to the library, and skipped.
    private mutating func lendQuoted(
        _ text: UnsafeBufferPointer<UInt8>,
        line: Int,
        source: DelimitedRecordSource,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
    ) {
        if ranges.count == 1 && ranges[0].isEmpty { return }
        let selected = quotedFields.filter { selection.contains($0) }
        guard !selected.isEmpty else {
            lend(line: line, bytes: text, source: source, body)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for index in ranges.indices {
            let start = scratch.count
            if selected.contains(index) {
                // The field with its quotes, as the library reads it.
                let written = (ranges[index].lowerBound - 1)..<(ranges[index].upperBound + 1)
                scratch.append(contentsOf: Self.unquoted(UnsafeBufferPointer(rebasing: text[written]), separator).utf8)
            } else {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[ranges[index]]))
            }
            ranges[index] = start..<scratch.count
        }
        scratch.withUnsafeBufferPointer { scratch in lend(line: line, bytes: scratch, source: source, body) }
    }

    /// A well-formed quoted field's value, read by CSV.swift.
    private static func unquoted(_ field: UnsafeBufferPointer<UInt8>, _ separator: Unicode.Scalar) -> String {
        let text = String(decoding: field, as: UTF8.self)
        // Only the string initialiser fails, on a header it cannot read; there is none here.
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: separator) else { return "" }
        // One field, well formed: the library gives it back whole, unquoted.
        return reader.next()?.first ?? ""
    }

    /// Records read by CSV.swift from consecutive lines: quoted fields, doubled quotes, line
    /// breaks inside fields, and whatever it makes of quotes elsewhere.
    private mutating func libraryRecords(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        _ body: (DelimitedRecordView, DelimitedRecordSource) -> Void
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
            scratch.removeAll(keepingCapacity: true)
            ranges.removeAll(keepingCapacity: true)
            for field in fields {
                let fieldStart = scratch.count
                scratch.append(contentsOf: field.utf8)
                ranges.append(fieldStart..<scratch.count)
            }
            scratch.withUnsafeBufferPointer { scratch in lend(line: start, bytes: scratch, source: .library, body) }
        }
    }
}
