/// Where each column the import reads stands in an FEC, from its header line.
///
/// Built once per file, so that reading a line is indexing its fields, and so that a file
/// missing a column is refused before any line is read, naming every column it lacks.
struct FECHeader: Sendable {
    /// How the file writes amounts: article A47 A-1 allows both layouts.
    enum Amounts: Sendable, Hashable {
        /// `Debit` and `Credit`, one of them zero (or empty) on each line.
        case debitAndCredit(debit: Int, credit: Int)
        /// `Montant` and `Sens` (`D`/`C`, or `+1`/`-1`).
        case amountAndDirection(amount: Int, direction: Int)
    }

    /// The column names as the file writes them, to name a column in an error.
    let names: [String]
    /// How many fields a line has up to its last named column: the header may end with a
    /// separator, as lines may, which adds an empty field that names nothing.
    let namedCount: Int
    let journalCode: Int
    let journalLabel: Int
    let entryNumber: Int
    let entryDate: Int
    let account: Int
    let accountLabel: Int
    let auxiliaryAccount: Int
    let auxiliaryLabel: Int
    let pieceDate: Int
    let lettering: Int
    let amounts: Amounts

    /// Every column the file lacks, one error each, so that a wrong file is diagnosed in one run.
    struct MissingColumns: Error, Sendable {
        var errors: [ImportError]
    }

    /// Reads the header line's fields (line `line` of `file`).
    init(names rawNames: [String], file: String, line: Int) throws(MissingColumns) {
        let names = rawNames.map { String($0.trimmingFECPadding) }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            let folded = name.lowercased()
            if positions[folded] == nil { positions[folded] = index }
        }
        func position(_ column: FECColumn) -> Int? { positions[column.rawValue.lowercased()] }

        var missing: [FECColumn] = FECColumn.required.filter { position($0) == nil }
        let amounts: Amounts
        if let debit = position(.debit), let credit = position(.credit) {
            amounts = .debitAndCredit(debit: debit, credit: credit)
        } else if let amount = position(.amount), let direction = position(.direction) {
            amounts = .amountAndDirection(amount: amount, direction: direction)
        } else {
            // Name the columns of the layout the file seems to attempt; Debit/Credit otherwise.
            let signed = position(.amount) != nil || position(.direction) != nil
            missing += (signed ? [FECColumn.amount, .direction] : [.debit, .credit]).filter { position($0) == nil }
            amounts = .debitAndCredit(debit: 0, credit: 0)
        }
        guard missing.isEmpty else {
            let anyKnown = FECColumn.allCases.contains { position($0) != nil }
            throw MissingColumns(
                errors: missing.map { column in
                    ImportError(
                        file: file,
                        line: line,
                        column: column.rawValue,
                        code: .missingColumn,
                        message: anyKnown
                            ? "the header has no column \(column.rawValue) (FEC, article A47 A-1)"
                            : "the header has no column \(column.rawValue): the first line names no FEC column "
                                + "(article A47 A-1); is this an FEC?"
                    )
                }
            )
        }
        self.names = names
        self.namedCount = (names.lastIndex(where: { !$0.isEmpty }) ?? -1) + 1
        journalCode = position(.journalCode)!
        journalLabel = position(.journalLabel)!
        entryNumber = position(.entryNumber)!
        entryDate = position(.entryDate)!
        account = position(.account)!
        accountLabel = position(.accountLabel)!
        auxiliaryAccount = position(.auxiliaryAccount)!
        auxiliaryLabel = position(.auxiliaryLabel)!
        pieceDate = position(.pieceDate)!
        lettering = position(.lettering)!
        self.amounts = amounts
    }
}

extension String {
    /// The field without the spaces fixed-width exporters pad it with (tabs and carriage
    /// returns too): `"VE  "` is the journal `VE`. Works on the UTF-8 view: every line of a
    /// million-line file goes through it.
    var trimmingFECPadding: Substring {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isFECPadding(utf8[start]) { utf8.formIndex(after: &start) }
        while end > start {
            let before = utf8.index(before: end)
            guard Self.isFECPadding(utf8[before]) else { break }
            end = before
        }
        return self[start..<end]
    }

    private static func isFECPadding(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
