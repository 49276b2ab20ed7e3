import EncoursCore
import EncoursDocuments
import Hummingbird
import HummingbirdCore
import NIOCore

/// `GET /v1/customers/{id}/statement`: the statement of account a reminder letter encloses,
/// as the contract's JSON, one CSV row per document, or the text and HTML of the statement
/// templates (docs/api.md, "Statement of account").
extension EncoursAPI {
    func registerStatementRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/customers/:id/statement") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}/statement")
            let customer = CustomerID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try StatementFormat(parameters)
            let current = settings.current
            let body = try await withLedger(knownAt: query.knownAt) { ledger throws(APIError) in
                guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
                let statement: AccountStatement?
                do throws(PenaltyRateMissing) {
                    statement = try ledger.statement(
                        of: customer,
                        asOf: query.asOf,
                        buckets: current.ageingBuckets,
                        rates: current.penaltyRates,
                        letterhead: current.letterhead
                    )
                } catch {
                    throw .penaltyRateMissing(error)
                }
                guard let statement else { throw .customerNotRegistered(customer, on: query.asOf) }
                return format.render(statement, templates: current.statementTemplates)
            }
            return format.response(body)
        }
    }
}

/// The forms of a statement: `json` (default, the contract), `csv`, and `text` and `html`
/// from the statement templates.
enum StatementFormat: String {
    case json
    case csv
    case text
    case html

    init(_ parameters: FlatDictionary<Substring, Substring>) throws(APIError) {
        guard let text = try ReportQuery.text(parameters, "format") else {
            self = .json
            return
        }
        guard let format = StatementFormat(rawValue: text) else {
            throw .badField("format", "\"\(text)\" is not json, csv, text or html")
        }
        self = format
    }

    func render(_ statement: AccountStatement, templates: StatementTemplates) -> String {
        switch self {
        case .json: statement.json
        case .csv: statement.table.csv
        case .text: templates.render(statement, as: .text)
        case .html: templates.render(statement, as: .html)
        }
    }

    func response(_ body: String) -> Response {
        let contentType: String
        switch self {
        case .json: return JSONResponse.make(body)
        case .csv: contentType = "text/csv; charset=utf-8"
        case .text: contentType = "text/plain; charset=utf-8"
        case .html: contentType = "text/html; charset=utf-8"
        }
        var buffer = ByteBuffer()
        buffer.writeString(body)
        return Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }
}

extension APIError {
    /// A customer the ledger knows, registered after the date asked about.
    static func customerNotRegistered(_ customer: CustomerID, on day: Day) -> APIError {
        APIError(status: .notFound, code: "not_registered", message: "customer \"\(customer)\" is not registered on \(day)")
    }
}
