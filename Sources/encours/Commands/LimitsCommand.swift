import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours limits`: finance's decisions on one customer's credit, who took them and why.
struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "A customer's credit history: every limit, policy, block and unblock, with who recorded it.",
        discussion: """
            Lists, in the order they take effect, every registration or update that gave a limit or a policy, \
            every credit_limit.set (with until and reason), every block and unblock (with reason), each with \
            its seq, date, actor and time of recording; then the limit, policy and status on the date.

            Examples:
              encours limits C000042
              encours limits C000042 --as-of 2026-06-30 --format json
            """
    )

    @OptionGroup var location: LedgerSourceOptions

    @Option(name: .customLong("as-of"), help: "Date of the limit and status shown, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @Argument(help: "The customer's id.")
    var customer: String

    func run() throws {
        let day = asOf ?? .today
        switch location.source {
        case .socket(let path):
            let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            let segment = customer.addingPercentEncoding(withAllowedCharacters: unreserved) ?? customer
            let reply = try DaemonClient(socketPath: path).get(
                "/v1/customers/\(segment)/limits?as_of=\(day)&format=\(format.rawValue)"
            )
            guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
            Terminal.write(reply.body)
        case .database(let path):
            // Opened whole, not just replayed: who recorded each decision is in the log's rows.
            let database = try LedgerOpener.existingDatabase(at: path)
            let id = CustomerID(customer)
            guard database.ledger.account(id) != nil else {
                throw CommandFailure("error: customer \"\(customer)\" is not in the ledger \(path)")
            }
            guard let limits = database.ledger.limitHistory(of: id, asOf: day) else {
                throw CommandFailure("error: customer \"\(customer)\" is not registered on \(day)")
            }
            let rows: [StoredEvent]
            do {
                rows = try database.log.storedEvents(sequences: limits.sequences)
            } catch {
                throw CommandFailure("error: \(path): \(error)")
            }
            let attributions = Dictionary(
                uniqueKeysWithValues: rows.map {
                    ($0.seq, LimitHistory.Attribution(recordedAt: $0.recordedAt, actor: $0.actor))
                }
            )
            switch format {
            case .json: Terminal.write(limits.json(attributions: attributions) + "\n")
            case .table: Terminal.write(limits.table(attributions: attributions).text)
            case .csv: Terminal.write(limits.table(attributions: attributions).csv)
            }
        }
    }
}
