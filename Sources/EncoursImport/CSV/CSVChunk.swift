import EncoursCore

/// What one chunk of a CSV export became, on one core: its events, errors and skipped
/// lines in file order, and the customers it names, for the registrations decided after.
struct CSVChunk: Sendable {
    var events: [ParsedEvent] = []
    /// The first errors of the chunk, up to the reader's limit; the rest are only counted.
    var errors: [ImportError] = []
    var omittedErrorCount = 0
    var skipped: [SkippedLine] = []
    /// Each customer the chunk's events name, in the order it first names them (only when
    /// the mapping registers customers).
    var customers: [CSVChunkCustomer] = []
    /// Where each customer is in ``customers``.
    var customerIndex: [CustomerID: Int] = [:]
    /// A byte of the chunk is not text in the mapping's encoding: nothing else of it counts.
    var isUndecodable = false
}

/// A customer as one chunk saw it: where it first appears and its earliest day. Only if the
/// customer needs registering (new to the ledger, and first seen in this chunk) is its
/// profile read, once, from its line, when the chunks are joined.
struct CSVChunkCustomer: Sendable {
    var customer: CustomerID
    /// The index in ``CSVChunk/events`` of the first event naming the customer.
    var firstEvent: Int
    /// The line of that event.
    var record: CSVKeptLine
    var earliest: Day
}

/// A line kept to be read again later, without a copy of its fields when it can be found
/// again in the chunk's text.
enum CSVKeptLine: Sendable {
    /// The line is alone in this range of the chunk's UTF-8 text: see
    /// ``DelimitedRecordSource/span(_:)``.
    case span(Range<Int>, line: Int)
    /// A copy, for a line the CSV library read together with its neighbours.
    case fields(DelimitedText.Record)

    /// The 1-based line the record starts on.
    var line: Int {
        switch self {
        case .span(_, let line): line
        case .fields(let record): record.line
        }
    }

    /// Lends the line to `body` as the chunk's walk lent it, `scanner` being set up alike and
    /// `text` being the chunk's UTF-8 text.
    func withRecord<T>(
        in text: [UInt8],
        scanner: inout DelimitedRecordScanner,
        _ body: (DelimitedRecordView) -> T
    ) -> T? {
        switch self {
        case .fields(let record):
            return DelimitedRecordView.withView(of: record, body)
        case .span(let range, let line):
            var result: T?
            text.withUnsafeBufferPointer { text in
                scanner.forEachRecord(in: UnsafeBufferPointer(rebasing: text[range]), firstLine: line) { record, _ in
                    result = body(record)
                }
            }
            return result
        }
    }
}
