import ArgumentParser
import EncoursCore

/// `encours penalties`: late-payment penalties (Code de commerce L441-10).
struct PenaltiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalties",
        abstract: "Late-payment penalties: interest on overdue amounts and the 40 EUR indemnity, per invoice.",
        discussion: """
            Interest at the ECB main refinancing rate of each day's half-year + 10 points, days/365, on each \
            overdue amount from the day after its due date to its payment (or the date); plus 40.00 per \
            invoice not fully paid by its due date. One line per late invoice; see docs/definitions.md.

            Examples:
              encours penalties --as-of 2025-12-31
              encours penalties --customer C000042 --format json
            """
    )

    @OptionGroup var query: QueryOptions

    func run() throws {
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/penalties")
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report: PenaltyReport
        do {
            report = try ledger.penalties(asOf: query.day, customer: customer)
        } catch {
            throw CommandFailure("error: \(error): this version of encours has no ECB rate for that half-year")
        }
        query.print(json: report.json, table: report.table)
    }
}
