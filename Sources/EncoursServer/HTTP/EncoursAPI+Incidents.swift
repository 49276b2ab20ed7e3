import EncoursCore
import EncoursStore
import Hummingbird
import HummingbirdCore

/// `GET /v1/customers/{id}/incidents`: the customer's late payments, disputes, broken
/// promises, reminders, blocks and notes, newest first (docs/api.md, "Incident history").
extension EncoursAPI {
    func registerIncidentRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/customers/:id/incidents") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}/incidents")
            let customer = CustomerID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let day = try ReportQuery.day(parameters, "as_of") ?? today()
            let format = try ReportFormat(parameters)
            let grace = settings.current.promiseGraceDays
            let body = try database.read { ledger throws(APIError) -> String in
                guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
                guard let history = ledger.incidents(of: customer, asOf: day, promiseGraceDays: grace) else {
                    throw APIError(
                        status: .notFound,
                        code: "not_registered",
                        message: "customer \"\(customer)\" is not registered on \(day)"
                    )
                }
                return format.render(json: { history.json }, table: { history.table })
            }
            return format.response(body)
        }
    }
}
