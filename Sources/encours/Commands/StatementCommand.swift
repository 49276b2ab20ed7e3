import ArgumentParser
import EncoursCore
import EncoursDocuments
import EncoursStore
import Foundation

/// `encours statement`: one customer's statement of account ("relevé de compte"), as a
/// reminder letter encloses it.
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Statement of account: open invoices, unapplied credits, ageing, penalties and the total due.",
        discussion: """
            text and html come from the statement templates (the daemon's [statements] templates, or \
            --templates offline), json is the API's answer, csv one row per document. Penalties are shown \
            apart from the total due. See docs/definitions.md, "Statement of account".

            Examples:
              encours statement C000042
              encours statement C000042 --as-of 2026-06-30 --format html > releve-C000042.html
              encours statement C000042 --db ./var/encours.db --company-name "Encours SA" \\
                --company-address "1 rue de la Paix" --company-address "75002 Paris"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case html
        case json
        case csv
    }

    @Argument(help: "The customer.")
    var customer: String

    @OptionGroup var location: LedgerSourceOptions

    @Option(name: .customLong("as-of"), help: "Business date of the statement, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(help: "text, html, json or csv.")
    var format: Format = .text

    @Option(help: "Offline: a folder with statement.txt.mustache and/or statement.html.mustache.")
    var templates: String?

    @Option(name: .customLong("company-name"), help: "Offline: the sender's name on the letterhead.")
    var companyName: String?

    @Option(name: .customLong("company-address"), help: "Offline: a line of the sender's address; repeatable.")
    var companyAddress: [String] = []

    @OptionGroup var penaltyRates: PenaltyRateOptions

    func run() throws {
        let day = asOf ?? .today
        let source = location.source
        try penaltyRates.checkOffline(source)
        switch source {
        case .socket(let path):
            guard templates == nil, companyName == nil, companyAddress.isEmpty else {
                throw CommandFailure(
                    "error: --templates, --company-name and --company-address apply to a database read offline "
                        + "(--db); the daemon uses its [statements] and [company] configuration",
                    exitCode: 2
                )
            }
            var components = URLComponents()
            components.path = "/v1/customers/\(customer)/statement"
            components.queryItems = [
                URLQueryItem(name: "as_of", value: day.description), URLQueryItem(name: "format", value: format.rawValue),
            ]
            let reply = try DaemonClient(socketPath: path).get(components.string ?? components.path)
            guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
            Terminal.write(reply.body)
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            let id = CustomerID(customer)
            guard ledger.account(id) != nil else {
                throw CommandFailure("error: customer \"\(customer)\" is not in the ledger \(path)")
            }
            let letterhead = StatementLetterhead(name: companyName, address: companyAddress)
            let found: AccountStatement?
            do {
                found = try ledger.statement(of: id, asOf: day, rates: penaltyRates.rates, letterhead: letterhead)
            } catch {
                throw CommandFailure.penaltyRateMissing(error)
            }
            guard let statement = found else {
                throw CommandFailure("error: customer \"\(customer)\" is not registered on \(day)")
            }
            switch format {
            case .json: Terminal.write(statement.json + "\n")
            case .csv: Terminal.write(statement.table.csv)
            case .text, .html:
                let chosen: StatementTemplates
                do {
                    chosen = try templates.map { try StatementTemplates(folder: $0) } ?? .embedded
                } catch {
                    throw CommandFailure("error: --templates: \(error)")
                }
                Terminal.write(chosen.render(statement, as: format == .text ? .text : .html))
            }
        }
    }
}
