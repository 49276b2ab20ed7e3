import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours order`: the credit decision on an order, before it is confirmed or as it is placed.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Credit decisions on orders: check one before confirming it, or place it through the daemon.",
        discussion: """
            The decision is accept, warn or refuse, by the customer's policy (alert: over the limit passes \
            with a warning; block: refused; a blocked customer is always refused), with the causes and the \
            ways out; see docs/definitions.md, "Order decisions".
            """,
        subcommands: [OrderCheckCommand.self, OrderPlaceCommand.self]
    )
}

/// An amount given on the command line: exact, two decimals at most.
struct AmountArgument: ExpressibleByArgument {
    var money: Money

    init?(argument: String) {
        guard let money = try? Money(parsing: argument) else { return nil }
        self.money = money
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `encours order check`: what the credit check says of an order, without placing it.
struct OrderCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The credit decision on an order of an amount for a customer, with its causes and ways out.",
        discussion: """
            Asks the daemon (POST /v1/orders/check), which uses its [orders] settings; with --db, reads the \
            file offline with the default settings. Nothing is recorded.

            Examples:
              encours order check --customer C000042 --amount 1234.50
              encours order check --customer C000042 --amount 25000 --on 2026-12-01 --format json
            """
    )

    @OptionGroup var location: LedgerSourceOptions

    @Option(help: "The customer's id.")
    var customer: String

    @Option(help: "The order's amount, like 1234.50 (above 0, at most 2 decimals).")
    var amount: AmountArgument

    @Option(help: "The order's date, YYYY-MM-DD (default: today).")
    var on: Day?

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        guard amount.money.isPositive else { throw ValidationError("--amount must be above 0") }
    }

    func run() throws {
        let day = on ?? .today
        switch location.source {
        case .socket(let path):
            var body = JSONWriter()
            body.beginObject()
            body.member("customer", customer)
            body.member("amount", amount.money)
            body.member("on", day.description)
            body.endObject()
            let reply = try DaemonClient(socketPath: path).post(
                "/v1/orders/check?format=\(format.rawValue)",
                body: Data(body.text.utf8),
                contentType: "application/json"
            )
            guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
            Terminal.write(reply.body)
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            let id = CustomerID(customer)
            guard ledger.account(id) != nil else {
                throw CommandFailure("error: customer \"\(customer)\" is not in the ledger \(path)")
            }
            guard let decision = ledger.decideOrder(customer: id, amount: amount.money, on: day) else {
                throw CommandFailure("error: customer \"\(customer)\" is not registered on \(day)")
            }
            switch format {
            case .json: Terminal.write(decision.json + "\n")
            case .table: Terminal.write(decision.table.text)
            case .csv: Terminal.write(decision.table.csv)
            }
        }
    }
}

/// `encours order place`: one order through the daemon, decided on its way in.
struct OrderPlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place one order through the daemon (POST /v1/orders); a refused order is not recorded.",
        discussion: """
            The order is checked like any order.placed dated today or later: refused (exit 1, nothing \
            recorded) when the credit check refuses it, unless a finance user gives --override with the \
            reason, which is recorded on the event. Needs the sales role (finance with --override).

            Examples:
              encours order place --customer C000042 --order CMD-7 --amount 1234.50
              encours order place --customer C000042 --order CMD-8 --amount 25000 --override "director agreed, deposit paid"
            """
    )

    @Option(help: "The daemon's socket. Default: /run/encours/encours.sock or ./var/encours.sock.")
    var socket: String?

    @Option(help: "The customer's id.")
    var customer: String

    @Option(help: "The order's id (its idempotency key: placing it again is a no-op).")
    var order: String

    @Option(help: "The order's amount, like 1234.50 (at most 2 decimals).")
    var amount: AmountArgument

    @Option(help: "The order's date, YYYY-MM-DD (default: the daemon's today).")
    var on: Day?

    @Option(help: "Finance only: why the order passes even if the credit check refuses it.")
    var override: String?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("--format must be table or json") }
        if override?.isEmpty == true { throw ValidationError("--override needs a reason") }
    }

    func run() throws {
        let path = try DaemonSocket.path(given: socket)
        var body = JSONWriter()
        body.beginObject()
        body.member("customer", customer)
        body.member("order", order)
        body.member("amount", amount.money)
        if let on { body.member("on", on.description) }
        if let override { body.member("override", override) }
        body.endObject()
        let reply = try DaemonClient(socketPath: path).post(
            "/v1/orders",
            body: Data(body.text.utf8),
            contentType: "application/json"
        )
        guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
        if format == .json {
            Terminal.write(reply.body)
            return
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(reply.body.utf8))) as? [String: Any] ?? [:]
        let result = object["result"] as? String ?? "?"
        let seq = object["seq"].map { "\($0)" } ?? "?"
        var line = "order \(order): \(result) (seq \(seq))"
        if let decision = object["decision"] as? [String: Any] {
            line += ", decision \(decision["decision"] as? String ?? "?")"
            let causes = (decision["causes"] as? [[String: Any]] ?? []).compactMap { $0["cause"] as? String }
            if !causes.isEmpty { line += ": " + causes.joined(separator: ", ") }
        } else {
            line += ", not decided (dated before today, or already recorded)"
        }
        if let reason = object["override"] as? String { line += "; override: \(reason)" }
        Terminal.write(line + "\n")
    }
}
