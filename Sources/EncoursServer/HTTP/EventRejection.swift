import EncoursCore
import EncoursImport
import EncoursStore
import Hummingbird

/// The 4xx answers of `POST /v1/events`, each listing every event at fault with its line
/// and field, as the importer does for a file. Nothing was appended in any of them.
enum EventRejection {
    /// Unreadable events: 400 `invalid_events`.
    static func invalid(_ result: EventReadResult) -> APIError {
        var writer = JSONWriter()
        writer.beginArray()
        for error in result.errors {
            writer.beginObject()
            writer.key("line")
            writer.raw(String(error.line))
            writer.optionalMember("type", error.eventType?.rawValue)
            writer.optionalMember("field", error.field)
            writer.member("code", error.code.rawValue)
            writer.member("message", error.description)
            writer.endObject()
        }
        writer.endArray()
        let count = result.errors.count + result.omittedErrorCount
        var message = "\(count.counted("error")) in the request body; nothing was appended"
        if result.omittedErrorCount > 0 { message += " (the first \(result.errors.count) are listed)" }
        return APIError(status: .badRequest, code: "invalid_events", message: message, detailsJSON: writer.text)
    }

    /// Key conflicts (409 `conflict`) and ledger violations (422 `rejected`).
    static func apiError(_ error: LedgerDatabaseError, parsed: [ParsedEvent]) -> APIError {
        func place(_ index: Int) -> String {
            "\(EncoursAPI.bodySource):\(parsed[index].line): \(parsed[index].event.type.rawValue)"
        }
        var writer = JSONWriter()
        writer.beginArray()
        switch error {
        case .conflicts(let conflicts):
            for conflict in conflicts {
                let differences =
                    conflict.holderEvent.map {
                        EventDifference.between(recorded: $0, new: parsed[conflict.index].event)
                    } ?? []
                let changes = differences.isEmpty ? "" : ": " + differences.map(\.description).joined(separator: "; ")
                writer.beginObject()
                writer.key("line")
                writer.raw(String(parsed[conflict.index].line))
                writer.member("type", parsed[conflict.index].event.type.rawValue)
                writer.member("key", conflict.key)
                switch conflict.holder {
                case .logged(let seq):
                    writer.key("recorded_seq")
                    writer.raw(String(seq))
                    writer.member(
                        "message",
                        "\(place(conflict.index)): key \"\(conflict.key)\" is already recorded (seq \(seq)) with different content"
                            + changes
                    )
                case .batch(let first):
                    writer.key("first_line")
                    writer.raw(String(parsed[first].line))
                    writer.member(
                        "message",
                        "\(place(conflict.index)): key \"\(conflict.key)\" is already used at \(place(first)) with different content"
                            + changes
                    )
                }
                writer.key("differences")
                writer.beginArray()
                for difference in differences {
                    writer.beginObject()
                    writer.member("field", difference.field)
                    writer.key("recorded")
                    if let recorded = difference.recorded { writer.string(recorded) } else { writer.null() }
                    writer.key("new")
                    if let new = difference.new { writer.string(new) } else { writer.null() }
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            return APIError(
                status: .conflict,
                code: "conflict",
                message: "\(conflicts.count.counted("event")) reuse the key of a different event; nothing was appended",
                detailsJSON: writer.text
            )
        case .rejected(let items):
            for item in items.prefix(CanonicalEventReader.defaultErrorLimit) {
                writer.beginObject()
                writer.key("line")
                if let index = item.index { writer.raw(String(parsed[index].line)) } else { writer.null() }
                writer.optionalMember("type", item.index.map { parsed[$0].event.type.rawValue })
                writer.optionalMember("field", item.violation.field)
                writer.member("code", item.violation.code.rawValue)
                writer.member("message", item.index.map { "\(place($0)): \(item.violation)" } ?? "\(item.violation)")
                writer.endObject()
            }
            writer.endArray()
            return APIError(
                status: .unprocessableContent,
                code: "rejected",
                message: "\(items.count.counted("event")) break the ledger's rules; nothing was appended",
                detailsJSON: writer.text
            )
        case .ordersRefused(let orders):
            return refused(orders, lines: orders.map { parsed[$0.index].line })
        default:
            return .storeFailure(code: error.code, message: "nothing was appended: \(error)")
        }
    }

    /// Orders the credit check refuses: 409 `order_refused`, each with its decision.
    static func refused(_ orders: [ScreenedOrder], lines: [Int]) -> APIError {
        var writer = JSONWriter()
        writer.beginArray()
        for (order, line) in zip(orders, lines) {
            writer.beginObject()
            writer.key("line")
            writer.raw(String(line))
            writer.member("type", EventType.orderPlaced.rawValue)
            writer.member("order", order.order.rawValue)
            writer.key("decision")
            order.decision.write(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        let named = orders.map { order in
            let causes = order.decision.causes.map(\.kind.rawValue).joined(separator: ", ")
            return "order \"\(order.order)\" of customer \"\(order.decision.customer)\" (\(causes))"
        }
        return APIError(
            status: .conflict,
            code: "order_refused",
            message: "the credit check refuses \(named.joined(separator: "; ")); nothing was appended "
                + "(finance may let an order pass with \"override\": the reason)",
            detailsJSON: writer.text
        )
    }
}

extension APIError {
    /// The log failed or refused: 500 `internal`, with the store's own code in `details`
    /// for the operator (`sqlite`, `corrupt`, …).
    static func storeFailure(code: String, message: String) -> APIError {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("store_code", code)
        writer.endObject()
        return APIError(status: .internalServerError, code: "internal", message: message, detailsJSON: writer.text)
    }
}

extension Int {
    /// `1 event`, `2 events`.
    func counted(_ noun: String) -> String {
        "\(self) \(noun)\(self == 1 ? "" : "s")"
    }
}
