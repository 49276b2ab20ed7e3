import EncoursCore

/// Reads the fields of one FEC line into a ``FECCustomerLine``, or says why it is skipped
/// or wrong.
///
/// Every line is checked for what makes it an accounting entry (journal, entry number and
/// date, account, amounts), whatever its account: a value that does not read there means a
/// broken export, and importing the rest of it would hide that. The other columns are read
/// on customer lines only.
struct FECLineReader: Sendable {
    let header: FECHeader
    let file: String
    /// The header's line: the first record of the file, not an entry.
    let headerLine: Int

    /// The accounts of customers: `411…` in the French chart of accounts (PCG).
    static let customerAccountPrefix = "411"
    static let otherAccountCategory = "not a customer account (\(customerAccountPrefix)*)"

    /// Reads a chunk's records; `errorLimit` bounds the errors kept, the others are counted.
    func read(_ records: [DelimitedText.Record], errorLimit: Int) -> FECChunk {
        var chunk = FECChunk()
        var otherAccountReasons: [Substring: String] = [:]
        func keep(_ error: ImportError) {
            if chunk.errors.count < errorLimit { chunk.errors.append(error) } else { chunk.omittedErrorCount += 1 }
        }
        for record in records where record.line > headerLine {
            let fields = record.fields
            var problem: ImportError?
            func fail(_ column: Int?, _ code: ImportError.Code, _ message: String) {
                if problem == nil {
                    problem = ImportError(
                        file: file,
                        line: record.line,
                        column: column.map { header.names[$0] },
                        code: code,
                        message: message
                    )
                }
            }
            guard hasExpectedFields(fields) else {
                keep(fieldCountError(fields, line: record.line))
                continue
            }
            let account = fields[header.account].trimmingFECPadding
            let journal = fields[header.journalCode].trimmingFECPadding
            let entryNumber = fields[header.entryNumber].trimmingFECPadding
            if account.isEmpty { fail(header.account, .emptyValue, "the account number is empty") }
            if journal.isEmpty { fail(header.journalCode, .emptyValue, "the journal code is empty") }
            if entryNumber.isEmpty { fail(header.entryNumber, .emptyValue, "the entry number is empty") }
            let entryDate = day(fields, header.entryDate, required: true, fail: fail)
            let amount = signedAmount(fields, fail: fail)
            if let problem {
                keep(problem)
                continue
            }
            guard account.hasPrefix(Self.customerAccountPrefix) else {
                let reason: String
                if let known = otherAccountReasons[account] {
                    reason = known
                } else {
                    reason = "account \(account) is not a customer account (\(Self.customerAccountPrefix)*)"
                    otherAccountReasons[account] = reason
                }
                chunk.skipped.append(
                    SkippedLine(file: file, line: record.line, reason: reason, category: Self.otherAccountCategory)
                )
                continue
            }
            let pieceDate = day(fields, header.pieceDate, required: false, fail: fail)
            if let problem {
                keep(problem)
                continue
            }
            let auxiliary = fields[header.auxiliaryAccount].trimmingFECPadding
            let customer = auxiliary.isEmpty ? account : auxiliary
            let name = (auxiliary.isEmpty ? fields[header.accountLabel] : fields[header.auxiliaryLabel])
                .trimmingFECPadding
            chunk.customerLines.append(
                FECCustomerLine(
                    line: record.line,
                    journal: String(journal),
                    journalLabel: String(fields[header.journalLabel].trimmingFECPadding),
                    entryNumber: String(entryNumber),
                    entryDateText: String(fields[header.entryDate].trimmingFECPadding),
                    entryDate: entryDate!,
                    pieceDate: pieceDate,
                    account: String(account),
                    customer: String(customer),
                    customerName: String(name),
                    lettering: String(fields[header.lettering].trimmingFECPadding),
                    amount: amount!
                )
            )
        }
        return chunk
    }

    /// Whether the line has a field for every named column, and nothing but padding after
    /// them (a trailing separator adds an empty field; a `|` inside a label adds a real one,
    /// which would shift every column after it).
    private func hasExpectedFields(_ fields: [String]) -> Bool {
        guard fields.count >= header.namedCount else { return false }
        for index in header.namedCount..<fields.count where !fields[index].trimmingFECPadding.isEmpty { return false }
        return true
    }

    private func fieldCountError(_ fields: [String], line: Int) -> ImportError {
        let count = fields.count
        let named = header.namedCount
        let hint =
            count < named
            ? "a separator is missing or the line is cut short"
            : "a label holds the separator, or a separator is doubled"
        return ImportError(
            file: file,
            line: line,
            code: .wrongFieldCount,
            message: "the line has \(count) fields where the header names \(named) columns: \(hint)"
        )
    }

    private func day(
        _ fields: [String],
        _ index: Int,
        required: Bool,
        fail: (Int?, ImportError.Code, String) -> Void
    ) -> Day? {
        let text = fields[index].trimmingFECPadding
        if text.isEmpty {
            if required { fail(index, .invalidDate, "the date is empty") }
            return nil
        }
        guard let day = FECValues.day(text) else {
            fail(index, .invalidDate, "\"\(text)\" is not a date written YYYYMMDD")
            return nil
        }
        return day
    }

    /// Debit minus credit, or the amount signed by its direction.
    private func signedAmount(_ fields: [String], fail: (Int?, ImportError.Code, String) -> Void) -> Money? {
        switch header.amounts {
        case .debitAndCredit(let debitIndex, let creditIndex):
            let debit = amount(fields, debitIndex, emptyIsZero: true, fail: fail)
            let credit = amount(fields, creditIndex, emptyIsZero: true, fail: fail)
            guard let debit, let credit else { return nil }
            return debit - credit
        case .amountAndDirection(let amountIndex, let directionIndex):
            let amount = amount(fields, amountIndex, emptyIsZero: false, fail: fail)
            let direction = fields[directionIndex].trimmingFECPadding
            let sign: Int64
            switch direction.uppercased() {
            case "D", "+1", "1", "+": sign = 1
            case "C", "-1", "-": sign = -1
            default:
                fail(directionIndex, .invalidChoice, "\"\(direction)\" is not a direction: D or C, +1 or -1")
                return nil
            }
            guard let amount else { return nil }
            return Money(minorUnits: amount.minorUnits * sign)
        }
    }

    /// An amount with a decimal comma (`0000000074,70`) or, from some exporters, a point.
    private func amount(
        _ fields: [String],
        _ index: Int,
        emptyIsZero: Bool,
        fail: (Int?, ImportError.Code, String) -> Void
    ) -> Money? {
        let text = fields[index].trimmingFECPadding
        if text.isEmpty, emptyIsZero { return .zero }
        do {
            return try FECValues.amount(text)
        } catch {
            fail(index, .invalidAmount, "\"\(text)\" \(EventFields.predicate(error))")
            return nil
        }
    }
}
