import CSV

/// The lines with quotes: cut here when well formed, read by CSV.swift otherwise.
extension DelimitedRecordScanner {
    /// Lends the pending lines with quotes: split here when every one is well formed, read
    /// by the library together otherwise (one malformed line can change how the library
    /// reads the lines after it, up to the next plain line).
    mutating func flushRun(
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
