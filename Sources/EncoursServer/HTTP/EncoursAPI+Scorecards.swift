import EncoursCore
import Hummingbird
import HummingbirdCore

/// `GET /v1/scorecards` and `GET /v1/sales-reps/{id}/scorecard`: what each sales rep is
/// measured on over a period (docs/api.md, "Sales scorecards").
extension EncoursAPI {
    func registerScorecardRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/scorecards") { request, context in
            try context.require(.reader, toDo: "GET /v1/scorecards")
            let parameters = request.uri.queryParameters
            let period = try scorecardPeriod(parameters)
            let format = try ReportFormat(parameters)
            let knownAt = try ReportQuery(parameters, today: today()).knownAt
            let plan = settings.current.commissionPlan
            let body = try await withLedger(knownAt: knownAt) { ledger in
                let report = ledger.scorecards(period: period, plan: plan)
                return format.render(json: { report.json() }, table: { report.table })
            }
            return format.response(body)
        }
        router.get("/v1/sales-reps/:id/scorecard") { request, context in
            try context.require(.reader, toDo: "GET /v1/sales-reps/{id}/scorecard")
            let rep = SalesRepID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let period = try scorecardPeriod(parameters)
            let format = try ReportFormat(parameters)
            let knownAt = try ReportQuery(parameters, today: today()).knownAt
            let plan = settings.current.commissionPlan
            let body = try await withLedger(knownAt: knownAt) { ledger throws(APIError) in
                guard let card = ledger.scorecards(period: period, plan: plan, salesRep: rep).salesReps.first else {
                    throw APIError.unknownSalesRep(rep, on: period.to)
                }
                return format.render(json: { card.json() }, table: { card.table })
            }
            return format.response(body)
        }
    }

    /// `from` and `to`, both optional: `to` defaults to today, `from` to the first of its month.
    private func scorecardPeriod(_ parameters: FlatDictionary<Substring, Substring>) throws(APIError)
        -> ScorecardPeriod
    {
        let to = try ReportQuery.day(parameters, "to") ?? today()
        let from = try ReportQuery.day(parameters, "from") ?? to.firstOfMonth
        guard let period = ScorecardPeriod(from: from, to: to) else {
            throw APIError.badField("from", "\(from) is after to (\(to))")
        }
        return period
    }
}

extension APIError {
    /// No customer names this rep: an empty scorecard would look like a rep with nothing owed.
    static func unknownSalesRep(_ rep: SalesRepID, on day: Day) -> APIError {
        APIError(
            status: .notFound,
            code: "unknown_sales_rep",
            message: "no customer registered by \(day) has \"\(rep)\" as its sales rep"
        )
    }
}
