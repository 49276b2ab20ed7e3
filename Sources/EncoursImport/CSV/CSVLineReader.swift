import EncoursCore

/// Reads the values of one line of a CSV export, keeping every problem it meets so that a
/// line with three bad cells gets three errors, each naming its column and value.
struct CSVLineReader {
    let file: String
    let fields: [String]
    /// The 1-based line the record starts on.
    let line: Int
    let amountFormat: AmountFormat
    let dayFormat: DayFormat
    private(set) var errors: [ImportError] = []

    init(file: String, record: DelimitedText.Record, amountFormat: AmountFormat, dayFormat: DayFormat) {
        self.file = file
        self.fields = record.fields
        self.line = record.line
        self.amountFormat = amountFormat
        self.dayFormat = dayFormat
    }

    mutating func add(_ column: CSVColumn, _ type: EventType?, _ code: ImportError.Code, _ message: String) {
        errors.append(
            ImportError(file: file, line: line, column: column.label, eventType: type, code: code, message: message)
        )
    }

    /// The cell without its padding, or `nil` (an error) when the line is too short to have it.
    mutating func cell(_ column: CSVColumn, _ type: EventType?) -> Substring? {
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

    /// An id or name that must be there: `what` says which, when the cell is empty.
    mutating func requiredText(_ column: CSVColumn, _ type: EventType, _ what: String) -> String? {
        guard let text = cell(column, type) else { return nil }
        guard !text.isEmpty else {
            add(column, type, .emptyValue, "\(what) is empty")
            return nil
        }
        return String(text)
    }

    /// An optional value: an empty cell is no value.
    mutating func optionalText(_ column: CSVColumn, _ type: EventType) -> String? {
        guard let text = cell(column, type), !text.isEmpty else { return nil }
        return String(text)
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

    private mutating func day(_ text: Substring, _ column: CSVColumn, _ type: EventType) -> Day? {
        guard let day = dayFormat.day(text) else {
            add(column, type, .invalidDate, "\"\(text)\" is not a date written \(dayFormat)")
            return nil
        }
        return day
    }

    /// A signed amount; below zero is an error unless `negativeAllowed`.
    mutating func amount(_ column: CSVColumn, _ type: EventType, negativeAllowed: Bool = false) -> Money? {
        guard let text = cell(column, type) else { return nil }
        guard !text.isEmpty else {
            add(column, type, .emptyValue, "the amount is empty")
            return nil
        }
        let amount: Money
        do {
            amount = try amountFormat.amount(text)
        } catch {
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
            add(column, type, .negativeAmount, "\"\(text)\" is negative\(hint)")
            return nil
        }
        return amount
    }
}
