import EncoursCore
import Hummingbird
import HummingbirdCore

/// `GET /v1/customers/{id}/risk` (one customer's risk file) and `GET /v1/risk` (every
/// customer's, or only the flagged ones): what a credit manager checks before setting or
/// raising a limit (docs/definitions.md, "Customer risk file").
extension EncoursAPI {
    func registerRiskRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/customers/:id/risk") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}/risk")
            let customer = CustomerID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            let body = try await withLedger(knownAt: query.knownAt) { ledger throws(APIError) in
                guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
                guard let file = ledger.riskFile(customer, asOf: query.asOf) else {
                    throw .customerNotRegistered(customer, on: query.asOf)
                }
                return format.render(json: { file.json }, table: { file.table })
            }
            return format.response(body)
        }
        router.get("/v1/risk") { request, context in
            try context.require(.reader, toDo: "GET /v1/risk")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            let flaggedOnly = try Self.flag(parameters, "flagged")
            // Every customer's file takes some 50 ms on 10,000 customers (Scripts/bench):
            // done on a copy, as the penalties are, without holding the writer back.
            let body = try await withLedger(knownAt: query.knownAt, onACopy: query.customer == nil) {
                ledger throws(APIError) in
                let report = ledger.risk(
                    asOf: query.asOf,
                    customer: try query.checkedCustomer(in: ledger),
                    flaggedOnly: flaggedOnly
                )
                return format.render(json: { report.json }, table: { report.table })
            }
            return format.response(body)
        }
    }

    /// `true` or `false`; absent: `false`.
    static func flag(_ parameters: FlatDictionary<Substring, Substring>, _ name: String) throws(APIError) -> Bool {
        guard let text = try ReportQuery.text(parameters, name) else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .badField(name, "\"\(text)\" is not true or false")
        }
    }
}
