import Foundation
import EncoursCore
import EncoursImport
import EncoursStore
import Hummingbird
import NIOCore

/// `POST /v1/orders/check` (the credit decision on an order, before it is confirmed) and
/// `POST /v1/orders` (one order placed, decided on its way in like any `order.placed`).
extension EncoursAPI {
    /// An order request is one small object; anything larger is a mistake.
    static let orderBodyLimit = 64 * 1024

    func registerOrderRoutes(on router: Router<EncoursRequestContext>) {
        router.post("/v1/orders/check") { request, context in
            try context.require(.reader, toDo: "POST /v1/orders/check")
            let format = try ReportFormat(request.uri.queryParameters)
            let body = try await Self.orderBody(request)
            let check: OrderRequestReader.Check
            switch body.withUnsafeReadableBytes({ OrderRequestReader.check($0) }) {
            case .success(let read): check = read
            case .failure(let error): throw APIError(status: .badRequest, code: "bad_request", message: "\(error)")
            }
            let day = check.on ?? today()
            let rules = settings.current.orderRules
            let text = try database.read { ledger throws(APIError) -> String in
                guard ledger.account(check.customer) != nil else { throw .unknownCustomer(check.customer) }
                guard
                    let decision = ledger.decideOrder(
                        customer: check.customer,
                        amount: check.amount,
                        on: day,
                        rules: rules
                    )
                else { throw .notRegistered(check.customer, on: day) }
                return format.render(json: { decision.json }, table: { decision.table })
            }
            return format.response(text)
        }
        router.post("/v1/orders") { request, context in
            try context.require(.sales, toDo: "POST /v1/orders")
            let body = try await Self.orderBody(request)
            let placed: OrderPlaced
            switch body.withUnsafeReadableBytes({ OrderRequestReader.order($0, today: today()) }) {
            case .success(let read): placed = read
            case .failure(let error): throw APIError(status: .badRequest, code: "bad_request", message: "\(error)")
            }
            let event = Event.orderPlaced(placed)
            try Self.requireRole(toAppend: [event], context, route: "POST /v1/orders")
            // Recorded as the canonical event it stands for, `on` filled in.
            let parsed = [ParsedEvent(line: 1, event: event, payload: CanonicalEventWriter().json(event))]
            let report = try await append(parsed, context)
            return JSONResponse.make(Self.placedOrderJSON(placed, report: report))
        }
    }

    /// The body of an order request: JSON, at most ``orderBodyLimit`` bytes.
    static func orderBody(_ request: Request) async throws -> ByteBuffer {
        let contentType = request.headers[.contentType].map {
            $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        }
        // curl sends form-urlencoded unless told otherwise; the body is read as JSON whatever it claims.
        let accepted = ["application/json", "text/plain", "application/x-www-form-urlencoded"]
        if let contentType, !accepted.contains(contentType) {
            throw APIError(
                status: .unsupportedMediaType,
                code: "unsupported_media_type",
                message: "Content-Type \(contentType) is not accepted: send application/json"
            )
        }
        do {
            return try await request.body.collect(upTo: orderBodyLimit)
        } catch is NIOTooManyBytesError {
            throw APIError(
                status: .contentTooLarge,
                code: "too_large",
                message: "an order request is one JSON object of at most \(orderBodyLimit) bytes"
            )
        }
    }

    /// `{"order", "result", "seq", "decision"}`: `decision` is `null` for an order not
    /// decided (dated before today, or already recorded).
    static func placedOrderJSON(_ placed: OrderPlaced, report: LedgerDatabase.AppendReport) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("order", placed.order.rawValue)
        let outcome = report.outcomes[0]
        switch outcome {
        case .appended: writer.member("result", "appended")
        case .duplicate: writer.member("result", "duplicate")
        }
        writer.key("seq")
        writer.raw(String(outcome.seq))
        writer.optionalMember("override", placed.override)
        writer.key("decision")
        if let screened = report.screenedOrders.first { screened.decision.write(to: &writer) } else { writer.null() }
        writer.endObject()
        return writer.text
    }
}

extension APIError {
    static func notRegistered(_ customer: CustomerID, on day: Day) -> APIError {
        APIError(
            status: .notFound,
            code: "not_registered",
            message: "customer \"\(customer)\" is not registered on \(day)"
        )
    }
}
