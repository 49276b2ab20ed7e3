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

            The shipped table holds the ECB rates of 2015-H1 to 2026-H2. Offline (--db), --ecb-rate adds a \
            half-year or corrects one and --margin changes the 10 points; the daemon uses its [penalties] \
            configuration instead.

            Examples:
              encours penalties --as-of 2025-12-31
              encours penalties --customer C000042 --format json
              encours penalties --db ./var/encours.db --as-of 2027-03-31 --ecb-rate 2027-H1=2.15
            """
    )

    @OptionGroup var query: QueryOptions
    @OptionGroup var penaltyRates: PenaltyRateOptions

    func run() throws {
        try penaltyRates.checkOffline(query.source)
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/penalties")
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report: PenaltyReport
        do {
            report = try ledger.penalties(asOf: query.day, customer: customer, rates: penaltyRates.rates)
        } catch {
            throw CommandFailure.penaltyRateMissing(error)
        }
        query.print(json: report.json, table: report.table)
    }
}

extension CommandFailure {
    /// A day to charge falls in a half-year the table lacks: the user gives its rate.
    static func penaltyRateMissing(_ missing: PenaltyRateMissing) -> CommandFailure {
        CommandFailure("error: \(missing): give it with --ecb-rate \(missing.halfYear)=PERCENT")
    }
}
