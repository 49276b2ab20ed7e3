import EncoursCore
import Hummingbird
import HummingbirdCore

/// `GET /v1/dunning/worklist` and `GET /v1/promises`: the day's dunning actions and the
/// promises to pay (docs/api.md, "Dunning worklist" and "Promises to pay"), with the
/// scenario and grace of the configuration in force.
extension EncoursAPI {
    func registerDunningRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/dunning/worklist") { request, context in
            try context.require(.reader, toDo: "GET /v1/dunning/worklist")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let day = try ReportQuery.day(parameters, "on") ?? today()
            let owner = try Self.owner(parameters)
            let format = try ReportFormat(parameters)
            let current = settings.current
            let body = try await withLedger(knownAt: query.knownAt) { ledger throws(APIError) in
                let worklist = ledger.dunningWorklist(
                    on: day,
                    scenario: current.dunningScenario,
                    promiseGraceDays: current.promiseGraceDays,
                    customer: try query.checkedCustomer(in: ledger),
                    owner: owner
                )
                return format.render(json: { worklist.json }, table: { worklist.table })
            }
            return format.response(body)
        }
        router.get("/v1/promises") { request, context in
            try context.require(.reader, toDo: "GET /v1/promises")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            let graceDays = settings.current.promiseGraceDays
            let body = try await withLedger(knownAt: query.knownAt) { ledger throws(APIError) in
                let report = ledger.promises(
                    asOf: query.asOf,
                    graceDays: graceDays,
                    customer: try query.checkedCustomer(in: ledger)
                )
                return format.render(json: { report.json }, table: { report.table })
            }
            return format.response(body)
        }
    }

    private static func owner(_ parameters: FlatDictionary<Substring, Substring>) throws(APIError) -> DunningOwner? {
        guard let text = try ReportQuery.text(parameters, "owner") else { return nil }
        guard let owner = DunningOwner(rawValue: text) else {
            throw APIError.badField("owner", "\"\(text)\" is not sales or finance")
        }
        return owner
    }
}
