import EncoursCore
import EncoursStore
import Hummingbird

/// `GET /v1/customers/{id}/limits`: finance's decisions on one customer's credit, each with
/// who recorded it and when, and where the customer stands.
extension EncoursAPI {
    func registerLimitRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/customers/:id/limits") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}/limits")
            let customer = CustomerID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let day = try ReportQuery.day(parameters, "as_of") ?? today()
            let format = try ReportFormat(parameters)
            let limits = try database.read { ledger throws(APIError) -> LimitHistory in
                guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
                guard let limits = ledger.limitHistory(of: customer, asOf: day) else {
                    throw .notRegistered(customer, on: day)
                }
                return limits
            }
            let rows: [StoredEvent]
            do throws(EventLogError) {
                rows = try history.events(sequences: limits.sequences)
            } catch {
                throw APIError.storeFailure(code: error.code, message: error.message)
            }
            let attributions = Dictionary(
                uniqueKeysWithValues: rows.map {
                    ($0.seq, LimitHistory.Attribution(recordedAt: $0.recordedAt, actor: $0.actor))
                }
            )
            return format.response(
                format.render(
                    json: { limits.json(attributions: attributions) },
                    table: { limits.table(attributions: attributions) }
                )
            )
        }
    }
}
