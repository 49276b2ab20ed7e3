import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours dunning`: the day's dunning worklist ("relances du jour").
struct DunningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dunning",
        abstract: "The dunning worklist: the steps due on a day per customer, most urgent first.",
        discussion: """
            One action per customer and step due: the invoices at that step, their open amounts, days late, \
            days since the step came due, the last contact and the customer's pending promise. A step stays on \
            the list from its day until a reminder.sent records it. Invoices in dispute, or covered by a \
            promise to pay not yet broken, are listed as paused. See docs/definitions.md, "Dunning".

            The daemon uses the scenario and promise grace of its [dunning] configuration; a database read \
            offline (--db) uses the standard scenario (pre_due at due-5 days, reminder_1 at due+3 with the \
            statement of account, reminder_2 ten days after reminder_1, formal_notice at due+30, litigation at \
            due+45) and 3 days of grace.

            Examples:
              encours dunning                                    # today's list
              encours dunning --on 2026-03-02 --owner sales      # the calls to make
              encours dunning --customer C000042 --format json
            """
    )

    @Option(help: "The day of the worklist, YYYY-MM-DD (default: today).")
    var on: Day?

    @Option(help: "Only the steps of this owner: sales or finance.")
    var owner: DunningOwner?

    @Option(help: "Only this customer.")
    var customer: String?

    @OptionGroup var location: LedgerSourceOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let day = on ?? .today
        switch location.source {
        case .socket(let path):
            var parameters = ["on": day.description, "format": format.rawValue]
            if let owner { parameters["owner"] = owner.rawValue }
            if let customer { parameters["customer"] = customer }
            try DaemonClient(socketPath: path).printReport("/v1/dunning/worklist", parameters)
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            let worklist = ledger.dunningWorklist(
                on: day,
                customer: try LedgerOpener.checkedCustomer(customer, in: ledger, path: path),
                owner: owner
            )
            format.print(json: worklist.json, table: worklist.table)
        }
    }
}

extension DunningOwner: ExpressibleByArgument {}

/// `encours promises`: promises to pay, kept, broken and pending.
struct PromisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promises",
        abstract: "Promises to pay: kept, broken and pending, per customer and in all (count and amount).",
        discussion: """
            A promise is kept once the payments after it, dated by its due date + the grace days, reach its \
            amount; broken once that day has passed without; pending until then. Each payment counts toward \
            one promise, the earliest made. The table has one line per customer; --format json also lists \
            every promise with what was paid toward it. See docs/definitions.md, "Promises to pay".

            The daemon uses the grace of its [dunning] configuration; a database read offline (--db) uses 3 days.

            Examples:
              encours promises --as-of 2026-03-31
              encours promises --customer C000042 --format json
            """
    )

    @OptionGroup var query: QueryOptions

    func run() throws {
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/promises")
        }
        let ledger = try LedgerOpener.open(path)
        let report = ledger.promises(asOf: query.day, customer: try query.checkedCustomer(in: ledger, path: path))
        query.print(json: report.json, table: report.table)
    }
}
