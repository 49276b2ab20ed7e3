import HummingbirdCore
import EncoursCore
import EncoursStore
import Hummingbird

/// `GET /v1/customers/{id}` (what a sales rep checks before taking an order) and
/// `GET /v1/customers/{id}/events` (its history, in log order, paged).
extension EncoursAPI {
    static let historyPageDefault = 100
    static let historyPageMax = 1000

    func registerCustomerRoutes(on router: Router<EncoursRequestContext>) {
        router.get("/v1/customers/:id") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}")
            let customer = CustomerID(try context.parameters.require("id"))
            let day = try ReportQuery.day(request.uri.queryParameters, "as_of") ?? today()
            let json = try database.read { ledger throws(APIError) -> String in
                guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
                guard let detail = ledger.customerDetail(customer, asOf: day) else {
                    throw APIError(
                        status: .notFound,
                        code: "not_registered",
                        message: "customer \"\(customer)\" is not registered on \(day)"
                    )
                }
                return detail.json
            }
            return JSONResponse.make(json)
        }
        router.get("/v1/customers/:id/events") { request, context in
            try context.require(.reader, toDo: "GET /v1/customers/{id}/events")
            let customer = CustomerID(try context.parameters.require("id"))
            let parameters = request.uri.queryParameters
            let after = try Self.number(parameters, "after", default: 0, min: 0, max: Int64.max)
            let limit = try Self.number(
                parameters,
                "limit",
                default: Int64(Self.historyPageDefault),
                min: 1,
                max: Int64(Self.historyPageMax)
            )
            let sequences = try database.read { ledger throws(APIError) -> [Int64] in
                guard let account = ledger.account(customer) else { throw .unknownCustomer(customer) }
                return account.entryPositions.map { ledger.entries[Int($0)].sequence }.filter { $0 > after }.sorted()
            }
            let page = Array(sequences.prefix(Int(limit)))
            let rows: [StoredEvent]
            do throws(EventLogError) {
                rows = try history.events(sequences: page)
            } catch {
                throw APIError.storeFailure(code: error.code, message: error.message)
            }
            return JSONResponse.make(Self.historyJSON(customer, rows: rows, hasMore: sequences.count > page.count))
        }
    }

    static func number(
        _ parameters: FlatDictionary<Substring, Substring>,
        _ name: String,
        default value: Int64,
        min: Int64,
        max: Int64
    ) throws(APIError) -> Int64 {
        guard let text = try ReportQuery.text(parameters, name) else { return value }
        guard let number = Int64(text), number >= min, number <= max else {
            throw APIError.badField(name, "\"\(text)\" is not a whole number from \(min) to \(max)")
        }
        return number
    }

    static func historyJSON(_ customer: CustomerID, rows: [StoredEvent], hasMore: Bool) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("customer", customer.rawValue)
        writer.key("events")
        writer.beginArray()
        for row in rows {
            writer.beginObject()
            writer.key("seq")
            writer.raw(String(row.seq))
            writer.member("type", row.type)
            writer.member("on", row.occurredOnText)
            writer.member("recorded_at", row.recordedAt)
            writer.member("actor", row.actor)
            writer.member("key", row.key)
            // The payload is the event as it was received, already checked to be a JSON object.
            writer.key("event")
            writer.raw(row.payload)
            writer.endObject()
        }
        writer.endArray()
        writer.key("next_after")
        if hasMore, let last = rows.last { writer.raw(String(last.seq)) } else { writer.null() }
        writer.endObject()
        return writer.text
    }
}
