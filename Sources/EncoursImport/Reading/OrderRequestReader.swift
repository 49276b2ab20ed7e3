import EncoursCore

/// The bodies of `POST /v1/orders/check` and `POST /v1/orders`: one JSON object with the
/// fields of `order.placed` (docs/api.md, "Order decisions"), read as strictly as an event
/// (amounts exact, dates real, unknown fields ignored) and with every problem named.
public enum OrderRequestReader {
    /// What a credit check asks: an order of `amount` for `customer` on `on` (absent: today).
    public struct Check: Sendable, Hashable {
        public var customer: CustomerID
        public var amount: Money
        public var on: Day?

        public init(customer: CustomerID, amount: Money, on: Day?) {
            self.customer = customer
            self.amount = amount
            self.on = on
        }
    }

    /// `{"customer", "amount", "on"}`; the amount must be above zero: there is nothing to
    /// decide about an empty order.
    public static func check(_ bytes: UnsafeRawBufferPointer) -> Result<Check, OrderRequestError> {
        read(bytes) { fields in
            let customer: CustomerID = fields.requiredID(.customer)
            let amountNode = fields.optional(.amount)
            let amount = fields.requiredAmount(.amount)
            if let amountNode, fields.problems.isEmpty, !amount.isPositive {
                let text = fields.document.excerpt(at: amountNode)
                fields.record(FieldPath(.amount), .invalidAmount, "\(text) is not above 0")
            }
            let on = fields.optionalDay(.on)
            return Check(customer: customer, amount: amount, on: on)
        }
    }

    /// `{"customer", "order", "amount", "on", "override"}`: the `order.placed` event it
    /// describes, dated `today` when `on` is absent.
    public static func order(_ bytes: UnsafeRawBufferPointer, today: Day) -> Result<OrderPlaced, OrderRequestError> {
        read(bytes) { fields in
            OrderPlaced(
                customer: fields.requiredID(.customer),
                order: fields.requiredID(.order),
                amount: fields.requiredAmount(.amount),
                on: fields.optionalDay(.on) ?? today,
                override: fields.optionalNonEmptyText(.override)
            )
        }
    }

    private static func read<Value>(
        _ bytes: UnsafeRawBufferPointer,
        _ body: (inout EventFields) -> Value
    ) -> Result<Value, OrderRequestError> {
        var parser = JSONParser()
        do {
            try parser.parse(bytes)
        } catch {
            return .failure(
                OrderRequestError(
                    field: nil,
                    message: "not a JSON object: \(error.message) at byte \(error.offset + 1)"
                )
            )
        }
        var slots = [Int32](repeating: -1, count: WireField.count)
        return parser.withDocument { document in
            guard document.kind(at: 0) == .object else {
                return .failure(
                    OrderRequestError(
                        field: nil,
                        message: "not a JSON object: found \(document.kind(at: 0).nameWithArticle)"
                    )
                )
            }
            return slots.withUnsafeMutableBufferPointer { slots in
                var fields = EventFields(document: document, object: 0, slots: slots)
                let value = body(&fields)
                if let problem = fields.problems.first {
                    let more = fields.problems.dropFirst().map { "field \"\($0.field)\": \($0.message)" }
                    return .failure(
                        OrderRequestError(
                            field: problem.field,
                            message: ([problem.message] + more).joined(separator: "; ")
                        )
                    )
                }
                return .success(value)
            }
        }
    }
}

/// Why an order request's body cannot be read: the first field at fault (`nil`: the body as
/// a whole) and every problem in words.
public struct OrderRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    /// `field "amount": "12,50" is not a decimal number`, as the API's `bad_request` says it.
    public var description: String {
        field.map { "field \"\($0)\": \(message)" } ?? message
    }
}
