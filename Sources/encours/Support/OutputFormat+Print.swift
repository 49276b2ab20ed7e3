import EncoursCore

extension OutputFormat {
    /// Prints a report in this format, as ``QueryOptions/print(json:table:)`` does, for
    /// commands with options of their own.
    func print(json: String, table: ReportTable) {
        switch self {
        case .json: Terminal.write(json + "\n")
        case .table: Terminal.write(table.text)
        case .csv: Terminal.write(table.csv)
        }
    }
}

extension LedgerOpener {
    /// The customer asked for, refused when the ledger does not know it (as
    /// ``QueryOptions/checkedCustomer(in:path:)`` does).
    static func checkedCustomer(_ customer: String?, in ledger: Ledger, path: String) throws -> CustomerID? {
        guard let customer else { return nil }
        let id = CustomerID(customer)
        guard ledger.account(id) != nil else {
            throw CommandFailure("error: customer \"\(customer)\" is not in the ledger \(path)")
        }
        return id
    }
}
