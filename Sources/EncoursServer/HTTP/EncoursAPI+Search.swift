import EncoursCore
import EncoursStore
import Hummingbird
import HummingbirdCore

/// `GET /v1/search?q=…`: full-text search over notes, dispute reasons, reminder notes,
/// finance's reasons and customer names (docs/api.md, "Search").
extension EncoursAPI {
    static let searchLimitDefault = 50
    static let searchLimitMax = 500

    func registerSearchRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/search") { request, context in
            try context.require(.reader, toDo: "GET /v1/search")
            let parameters = request.uri.queryParameters
            guard let text = try ReportQuery.text(parameters, "q") else {
                throw APIError.badField("q", "is missing: give the words to search for, like q=retard+paiement")
            }
            guard let query = SearchQuery(text) else {
                throw APIError.badField(
                    "q",
                    "must hold at least one word and at most \(SearchQuery.maximumLength) characters"
                )
            }
            let customer = try ReportQuery.text(parameters, "customer")
            let limit = try Self.number(
                parameters,
                "limit",
                default: Int64(Self.searchLimitDefault),
                min: 1,
                max: Int64(Self.searchLimitMax)
            )
            let format = try ReportFormat(parameters)
            let hits: [SearchHit]
            do throws(EventLogError) {
                hits = try history.search(query, customer: customer, limit: Int(limit))
            } catch {
                throw APIError.storeFailure(code: error.code, message: error.message)
            }
            let results = database.read { ledger in
                SearchResults(query: query.words.joined(separator: " "), hits: hits) {
                    ledger.account(CustomerID($0))?.state.profile.legalName
                }
            }
            return format.response(format.render(json: { results.json }, table: { results.table }))
        }
    }
}
