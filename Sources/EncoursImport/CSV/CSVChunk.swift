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
}

/// A customer as one chunk saw it: where it first appears and its earliest day. The line
/// is kept whole: only if the customer needs registering (new to the ledger, and first seen
/// in this chunk) is its profile read, once, when the chunks are joined.
struct CSVChunkCustomer: Sendable {
    var customer: CustomerID
    /// The index in ``CSVChunk/events`` of the first event naming the customer.
    var firstEvent: Int
    /// The line of that event.
    var record: DelimitedText.Record
    var earliest: Day
}
