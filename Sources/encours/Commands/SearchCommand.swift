import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours search`: the customers and incidents whose words match.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over notes, dispute reasons, reminder notes, finance's reasons and names.",
        discussion: """
            Every word must match, each as the start of a word, accents and case ignored: "relance paiem" \
            finds "Relancé pour le paiement". Lists the customers the matches are on (a match on a customer's \
            name lists the customer only), then the matching incidents, best match first.

            Examples:
              encours search retard paiement
              encours search "mise en demeure" --customer C000042
              encours search litige --format json --limit 200
            """
    )

    @Argument(help: "The words to search for.")
    var words: [String]

    @Option(help: "Only this customer's file.")
    var customer: String?

    @Option(help: "At most this many matches, 1 to 500.")
    var limit: Int = 50

    @OptionGroup var location: LedgerSourceOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be from 1 to 500") }
        guard SearchQuery(text) != nil else {
            throw ValidationError("give at least one word, and at most \(SearchQuery.maximumLength) characters")
        }
    }

    private var text: String { words.joined(separator: " ") }

    func run() throws {
        let query = SearchQuery(text)!
        switch location.source {
        case .socket(let path):
            var parameters = ["q": text, "limit": String(limit), "format": format.rawValue]
            if let customer { parameters["customer"] = customer }
            try DaemonClient(socketPath: path).printReport("/v1/search", parameters)
        case .database(let path):
            let ledger = try LedgerOpener.open(path)
            let hits: [SearchHit]
            do {
                let log = try EventLog(path: path)
                defer { try? log.close() }
                hits = try log.search(query, customer: customer, limit: limit)
            } catch {
                throw CommandFailure("error: \(path): \(error)")
            }
            let results = SearchResults(query: query.words.joined(separator: " "), hits: hits) {
                ledger.account(CustomerID($0))?.state.profile.legalName
            }
            format.print(json: results.json, table: results.table)
        }
    }
}
