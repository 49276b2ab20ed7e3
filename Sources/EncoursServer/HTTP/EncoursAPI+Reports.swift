import EncoursCore
import Hummingbird
import HummingbirdCore

/// `GET /v1/ageing`, `/v1/exposure`, `/v1/dso`, `/v1/penalties`: the JSON of DESIGN §6, byte for byte what
/// `encours … --format json` prints; `format=csv|table` gives the CLI's other formats.
extension EncoursAPI {
    func registerReportRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/exposure") { request, context in
            try context.require(.reader, toDo: "GET /v1/exposure")
            return try await serveReport(request, context) { ledger, query, customer in
                ledger.exposure(asOf: query.asOf, customer: customer)
            }
        }
        router.get("/v1/ageing") { request, context in
            try context.require(.reader, toDo: "GET /v1/ageing")
            var buckets = settings.current.ageingBuckets
            if let text = try ReportQuery.text(request.uri.queryParameters, "buckets") {
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
            return try await serveReport(request, context) { [buckets] ledger, query, customer in
                ledger.ageing(asOf: query.asOf, customer: customer, buckets: buckets)
            }
        }
        router.get("/v1/dso") { request, context in
            try context.require(.reader, toDo: "GET /v1/dso")
            var method = DSOMethod.countback
            if let text = try ReportQuery.text(request.uri.queryParameters, "method") {
                guard let chosen = DSOMethod(rawValue: text) else {
                    throw APIError.badField("method", "\"\(text)\" is not countback or simple")
                }
                method = chosen
            }
            return try await serveReport(request, context) { [method] ledger, query, customer in
                ledger.dso(asOf: query.asOf, method: method, customer: customer)
            }
        }
        router.get("/v1/penalties") { request, context in
            try context.require(.reader, toDo: "GET /v1/penalties")
            // Penalties rerun every late customer's timeline: on a whole ledger that takes
            // long enough to be done on a copy, without holding the writer back.
            let wholeLedger = request.uri.queryParameters["customer"] == nil
            let rates = settings.current.penaltyRates
            return try await serveReport(request, context, onACopy: wholeLedger) {
                ledger,
                query,
                customer throws(APIError) in
                do throws(PenaltyRateMissing) {
                    return try ledger.penalties(asOf: query.asOf, customer: customer, rates: rates)
                } catch {
                    throw APIError.penaltyRateMissing(error)
                }
            }
        }
    }

    /// What the report routes share once the role is checked: `as_of`, `customer`,
    /// `known_at` and `format`, the ledger lent (or rebuilt as known then), and the answer
    /// in its format.
    private func serveReport(
        _ request: Request,
        _ context: EncoursRequestContext,
        onACopy: Bool = false,
        build: @escaping @Sendable (Ledger, ReportQuery, CustomerID?) throws(APIError) -> any ServedReport
    ) async throws -> Response {
        let parameters = request.uri.queryParameters
        let query = try ReportQuery(parameters, today: today())
        let format = try ReportFormat(parameters)
        let body = try await withLedger(knownAt: query.knownAt, onACopy: onACopy) { ledger throws(APIError) in
            let report = try build(ledger, query, try query.checkedCustomer(in: ledger))
            return format.render(json: { report.json }, table: { report.table })
        }
        return format.response(body)
    }
}

/// A report the API serves in every format: the JSON of the contract, or the table the
/// CLI prints (text or CSV).
protocol ServedReport {
    var json: String { get }
    var table: ReportTable { get }
}

extension APIError {
    /// A day to charge falls in a half-year the rate table lacks: the operator adds it to
    /// `[penalties] ecb_rates`; the figure is never given with a 0 rate.
    static func penaltyRateMissing(_ missing: PenaltyRateMissing) -> APIError {
        APIError(
            status: .internalServerError,
            code: "penalty_rate_missing",
            message: "\(missing): add the ECB rate of \(missing.halfYear) to [penalties] ecb_rates in the "
                + "configuration and reload (docs/configuration.md)"
        )
    }
}

extension ExposureReport: ServedReport {}
extension AgeingReport: ServedReport {}
extension DSOReport: ServedReport {}
extension PenaltyReport: ServedReport {}
