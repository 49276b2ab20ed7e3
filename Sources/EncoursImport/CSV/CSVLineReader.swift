import EncoursCore

/// Reads the values of one line of a CSV export, keeping every problem it meets so that a
/// line with three bad cells gets three errors, each naming its column and value.
///
/// Cells are read from the line's bytes: a string is made only for a value an event keeps,
/// or an error quotes.
///
/// One reader serves a whole chunk (``start(_:)`` for each line), so that its file name and
/// formats are not copied line after line.
struct CSVLineReader {
    let file: String
    private(set) var fields: DelimitedRecordView
    /// The 1-based line the record starts on.
    private(set) var line: Int
    let amountFormat: AmountFormat
    let dayFormat: DayFormat
    private(set) var errors: [ImportError] = []

    init(file: String, record: DelimitedRecordView, amountFormat: AmountFormat, dayFormat: DayFormat) {
        self.file = file
        self.fields = record
        self.line = record.line
        self.amountFormat = amountFormat
        self.dayFormat = dayFormat
    }

    /// Reads `record` from now on, its errors alone.
    mutating func start(_ record: DelimitedRecordView) {
        fields = record
        line = record.line
        errors.removeAll(keepingCapacity: true)
    }

    mutating func add(_ column: CSVColumn, _ type: EventType?, _ code: ImportError.Code, _ message: String) {
        errors.append(
            ImportError(file: file, line: line, column: column.label, eventType: type, code: code, message: message)
        )
    }

    /// The cell without its padding, or `nil` (an error) when the line is too short to have it.
    mutating func cell(_ column: CSVColumn, _ type: EventType?) -> UnsafeBufferPointer<UInt8>? {
        guard column.index < fields.count else {
            let count = fields.count == 1 ? "1 field" : "\(fields.count) fields"
            add(
                column,
                type,
                .missingColumn,
                "the line ends before this column (column \(column.index + 1); it has \(count))"
            )
            return nil
        }
        return CSVText.trimmed(fields[column.index])
    }

    /// A cell's value as a string: for what an event keeps, or an error quotes.
    static func text(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: cell, as: UTF8.self)
    }

    /// An id or name that must be there: `what` says which, when the cell is empty.
    mutating func requiredText(_ column: CSVColumn, _ type: EventType, _ what: String) -> String? {
        guard let text = cell(column, type) else { return nil }
        guard !text.isEmpty else {
            add(column, type, .emptyValue, "\(what) is empty")
            return nil
        }
        return Self.text(text)
    }

    /// An optional value: an empty cell is no value.
    mutating func optionalText(_ column: CSVColumn, _ type: EventType) -> String? {
        guard let text = cell(column, type), !text.isEmpty else { return nil }
        return Self.text(text)
    }

    mutating func requiredDay(_ column: CSVColumn, _ type: EventType, _ what: String) -> Day? {
        guard let text = cell(column, type) else { return nil }
        guard !text.isEmpty else {
            add(column, type, .emptyValue, "\(what) is empty")
            return nil
        }
        return day(text, column, type)
    }

    mutating func optionalDay(_ column: CSVColumn, _ type: EventType) -> Day? {
        guard let text = cell(column, type), !text.isEmpty else { return nil }
        return day(text, column, type)
    }

    private mutating func day(_ text: UnsafeBufferPointer<UInt8>, _ column: CSVColumn, _ type: EventType) -> Day? {
        guard let day = dayFormat.day(utf8: text) else {
            add(column, type, .invalidDate, "\"\(Self.text(text))\" is not a date written \(dayFormat)")
            return nil
        }
        return day
    }

    /// A signed amount; below zero is an error unless `negativeAllowed`.
    mutating func amount(_ column: CSVColumn, _ type: EventType, negativeAllowed: Bool = false) -> Money? {
        guard let cell = cell(column, type) else { return nil }
        guard !cell.isEmpty else {
            add(column, type, .emptyValue, "the amount is empty")
            return nil
        }
        let amount: Money
        do {
            amount = try amountFormat.amount(utf8: cell)
        } catch {
            let text = Self.text(cell)
            switch error {
            case .empty, .notADecimalNumber: add(column, type, .invalidAmount, "\"\(text)\" is not an amount")
            case .tooManyDecimals, .outOfRange:
                add(column, type, .invalidAmount, "\"\(text)\" is not an amount: \(error.reason)")
            }
            return nil
        }
        guard negativeAllowed || !amount.isNegative else {
            let hint =
                type == .invoiceIssued
                ? ": if the export writes credit notes as negative invoices, say invoice.negative_amount = "
                    + "\"credit_note\" in the mapping"
                : ": amounts are positive in the ledger"
            add(column, type, .negativeAmount, "\"\(Self.text(cell))\" is negative\(hint)")
            return nil
        }
        return amount
    }
}
