/// One record of delimited text as the bytes of its fields, lent for one call of the walk
/// that found it (``DelimitedRecordScanner``).
///
/// Reading a line of an export this way makes no `String` per field: only the values an
/// event keeps become strings, and amounts and dates are read from the bytes. A view must
/// not outlive the call it is handed to; ``materialized()`` copies it when it must.
struct DelimitedRecordView {
    /// The 1-based line the record starts on.
    let line: Int
    /// The UTF-8 the field ranges point into.
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: UnsafeBufferPointer<Range<Int>>

    /// No record: what a reader holds before its first line.
    static var none: DelimitedRecordView {
        DelimitedRecordView(
            line: 0,
            bytes: UnsafeBufferPointer(start: nil, count: 0),
            ranges: UnsafeBufferPointer(start: nil, count: 0)
        )
    }

    var count: Int { ranges.count }

    /// The UTF-8 of field `index`, as written (a quoted field outside the scanner's selected
    /// columns keeps its doubled quotes).
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[ranges[index]])
    }

    /// The record as strings, to keep beyond the call.
    func materialized() -> DelimitedText.Record {
        DelimitedText.Record(line: line, fields: ranges.map { String(decoding: bytes[$0], as: UTF8.self) })
    }

    /// Lends a view of a record already made of strings.
    static func withView<T>(of record: DelimitedText.Record, _ body: (DelimitedRecordView) -> T) -> T {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(record.fields.count)
        for field in record.fields {
            let start = bytes.count
            bytes.append(contentsOf: field.utf8)
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeBufferPointer { bytes in
            ranges.withUnsafeBufferPointer { ranges in
                body(DelimitedRecordView(line: record.line, bytes: bytes, ranges: ranges))
            }
        }
    }
}

/// Where a record handed over by ``DelimitedRecordScanner`` came from, so that a reader can
/// come back to it later without keeping a copy of every line.
enum DelimitedRecordSource {
    /// The record is the only one in this range of the walked text: walking the range
    /// again gives it back, field for field.
    case span(Range<Int>)
    /// The record was read by the CSV library together with its neighbours (quotes it does
    /// not read as RFC 4180 says): only a copy (``DelimitedRecordView/materialized()``)
    /// gives it back.
    case library
}
