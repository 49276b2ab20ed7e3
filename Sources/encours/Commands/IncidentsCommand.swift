import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours incidents C`: one customer's incident history, newest first.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "A customer's history: late payments, disputes, broken promises, reminders, blocks, notes.",
        discussion: """
            Newest first. A late payment is an invoice whose last cent was settled after its due date; a \
            promise is broken the day after its promised date plus the grace days (offline: \
            --promise-grace-days; the daemon uses [dunning] promise_grace_days). See docs/definitions.md.

            Examples:
              encours incidents C000042
              encours incidents C000042 --as-of 2025-12-31 --format json
            """
    )

    @Argument(help: "The customer's id.")
    var customer: String

    @OptionGroup var location: LedgerSourceOptions

    @Option(name: .customLong("as-of"), help: "Business date, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(
        name: .customLong("promise-grace-days"),
        help: "Days after its date a promise can still be kept, for a database read offline (--db). Default: 3."
    )
    var promiseGraceDays: Int?

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if let promiseGraceDays, !(0...365).contains(promiseGraceDays) {
            throw ValidationError("--promise-grace-days must be from 0 to 365")
        }
    }

    func run() throws {
        let day = asOf ?? .today
        let source = location.source
        switch source {
        case .socket(let path):
            if promiseGraceDays != nil {
                throw CommandFailure(
                    "error: --promise-grace-days applies to a database read offline (--db); the daemon uses its "
                        + "[dunning] configuration (docs/configuration.md)",
                    exitCode: 2
                )
            }
            try DaemonClient(socketPath: path).printReport(
                "/v1/customers/\(customer)/incidents",
                ["as_of": day.description, "format": format.rawValue]
            )
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            // Not nil: the customer is given.
            let id = try LedgerOpener.checkedCustomer(customer, in: ledger, path: path)!
            guard let history = ledger.incidents(of: id, asOf: day, promiseGraceDays: promiseGraceDays ?? PromiseOutcome.standardGraceDays) else {
                throw CommandFailure("error: customer \"\(customer)\" is not registered on \(day)")
            }
            format.print(json: history.json, table: history.table)
        }
    }
}
