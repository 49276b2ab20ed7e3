import EncoursCore
import Hummingbird

/// `GET /v1/ageing`, `/v1/exposure`, `/v1/dso`: the JSON of DESIGN §6, byte for byte what
/// `encours … --format json` prints; `format=csv|table` gives the CLI's other formats.
extension EncoursAPI {
    func registerReportRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/exposure") { request, context in
            try context.require(.reader, toDo: "GET /v1/exposure")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            let body = try await withLedger(knownAt: query.knownAt) { ledger throws(APIError) in
                let report = ledger.exposure(asOf: query.asOf, customer: try query.checkedCustomer(in: ledger))
                return format.render(json: { report.json }, table: { report.table })
            }
            return format.response(body)
        }
        router.get("/v1/ageing") { request, context in
            try context.require(.reader, toDo: "GET /v1/ageing")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            var buckets = settings.current.ageingBuckets
            if let text = try ReportQuery.text(parameters, "buckets") {
                let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map { bound in
                    bound.allSatisfy(\.isASCII) && bound.allSatisfy(\.isNumber) ? Int(bound) : nil
                }
                guard !bounds.contains(nil), let chosen = AgeingBuckets(boundaries: bounds.compactMap { $0 }) else {
                    throw APIError.badField(
                        "buckets",
                        "\"\(text)\" is not increasing positive day counts like 30,60,90"
                    )
                }
                buckets = chosen
            }
            let body = try await withLedger(knownAt: query.knownAt) { [buckets] ledger throws(APIError) in
                let customer = try query.checkedCustomer(in: ledger)
                let report = ledger.ageing(asOf: query.asOf, customer: customer, buckets: buckets)
                return format.render(json: { report.json }, table: { report.table })
            }
            return format.response(body)
        }
        router.get("/v1/dso") { request, context in
            try context.require(.reader, toDo: "GET /v1/dso")
            let parameters = request.uri.queryParameters
            let query = try ReportQuery(parameters, today: today())
            let format = try ReportFormat(parameters)
            var method = DSOMethod.countback
            if let text = try ReportQuery.text(parameters, "method") {
                guard let chosen = DSOMethod(rawValue: text) else {
                    throw APIError.badField("method", "\"\(text)\" is not countback or simple")
                }
                method = chosen
            }
            let body = try await withLedger(knownAt: query.knownAt) { [method] ledger throws(APIError) in
                let report = ledger.dso(
                    asOf: query.asOf,
                    method: method,
                    customer: try query.checkedCustomer(in: ledger)
                )
                return format.render(json: { report.json }, table: { report.table })
            }
            return format.response(body)
        }
    }
}
