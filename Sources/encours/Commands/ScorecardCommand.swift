import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours scorecard`: what each sales rep is measured on over a period.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Sales reps' scorecards: receivables, overdue, disputes, DSO, cash collected, commission held.",
        discussion: """
            Balances (receivables, overdue, DSO, commission held) are read at --to; flows (sales, cash \
            collected, disputes opened and resolved, commission earned and released) are summed from --from \
            to --to, both days included. A customer counts for the rep named on its file at --to. Commission \
            is earned on each invoice, held until the invoice is fully paid and released on that day; see \
            docs/definitions.md.

            Offline (--db), --commission-rate gives the rate; the daemon uses its [commission] configuration.

            Examples:
              encours scorecard                                  # every rep, this month to date
              encours scorecard R07 --from 2026-01-01 --to 2026-03-31
              encours scorecard --db ./var/encours.db --commission-rate 2.5 --format csv
            """
    )

    @Argument(help: "A sales rep's id (default: every rep).")
    var salesRep: String?

    @Option(help: "First day of the period, YYYY-MM-DD (default: the first of --to's month).")
    var from: Day?

    @Option(help: "Last day of the period, YYYY-MM-DD (default: today).")
    var to: Day?

    @Option(
        name: .customLong("commission-rate"),
        help: "Commission rate in percent, like 2.5, for a database read offline (--db). Default: 0."
    )
    var commissionRate: CommissionRate?

    @OptionGroup var location: LedgerSourceOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let end = to ?? .today
        let start = from ?? end.firstOfMonth
        guard let period = ScorecardPeriod(from: start, to: end) else {
            throw CommandFailure("error: --from \(start) is after --to \(end)", exitCode: 2)
        }
        let source = location.source
        switch source {
        case .socket(let path):
            if commissionRate != nil {
                throw CommandFailure(
                    "error: --commission-rate applies to a database read offline (--db); the daemon uses its "
                        + "[commission] configuration (docs/configuration.md)",
                    exitCode: 2
                )
            }
            try DaemonClient(socketPath: path).printReport(
                salesRep.map { "/v1/sales-reps/\($0)/scorecard" } ?? "/v1/scorecards",
                ["format": format.rawValue, "from": period.from.description, "to": period.to.description]
            )
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            let plan = CommissionPlan(standard: commissionRate ?? .zero)
            let report = ledger.scorecards(period: period, plan: plan, salesRep: salesRep.map { SalesRepID($0) })
            if let salesRep {
                guard let card = report.salesReps.first else {
                    throw CommandFailure("error: no customer in \(path) has \"\(salesRep)\" as its sales rep on \(end)")
                }
                format.print(json: card.json(), table: card.table)
            } else {
                format.print(json: report.json(), table: report.table)
            }
        }
    }
}

extension CommissionRate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(percent: argument)
    }
}
