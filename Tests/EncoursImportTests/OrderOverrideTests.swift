import EncoursCore
import EncoursImport
import Testing

/// `order.placed`'s `override` (finance's reason for letting a refused order pass) and the
/// bodies of the order routes, read and written as strictly as every other field.
struct OrderOverrideTests {
    let placed =
        #"{"type":"order.placed","customer":"C1","order":"O1","amount":"1234.50","on":"2026-03-02","override":"director agreed"}"#

    @Test func theOverrideIsReadWrittenAndReadBack() {
        let read = Fixtures.read(placed)
        let expected = Event.orderPlaced(
            OrderPlaced(
                customer: "C1",
                order: "O1",
                amount: Money(minorUnits: 123_450),
                on: Fixtures.day,
                override: "director agreed"
            )
        )
        #expect(read.events.map(\.event) == [expected])
        let written = CanonicalEventWriter().json(expected)
        #expect(written == placed)
        #expect(Fixtures.read(written).events.map(\.event) == [expected])
    }

    @Test func anOrderWithoutOverrideIsWrittenAsBefore() {
        let event = Event.orderPlaced(OrderPlaced(customer: "C1", order: "O1", amount: .zero, on: Fixtures.day))
        #expect(
            CanonicalEventWriter().json(event)
                == #"{"type":"order.placed","customer":"C1","order":"O1","amount":"0.00","on":"2026-03-02"}"#
        )
    }

    @Test(arguments: [
        (#""""#, #"field "override": must not be empty"#),
        ("true", #"field "override": expected a string, found a boolean"#),
    ])
    func aBadOverrideIsNamed(json: String, message: String) {
        let line =
            #"{"type":"order.placed","customer":"C1","order":"O1","amount":1,"on":"2026-03-02","override":"#
            + json + "}"
        #expect(Fixtures.read(line).errorReport == ["events.ndjson:1: order.placed: \(message)"])
    }

    @Test func aCheckRequestIsReadWithEveryProblemNamed() throws {
        func check(_ json: String) -> Result<OrderRequestReader.Check, OrderRequestError> {
            Array(json.utf8).withUnsafeBytes { OrderRequestReader.check($0) }
        }
        #expect(
            try check(#"{"customer":"C1","amount":1234.5,"on":"2026-03-02","note":"ignored"}"#).get()
                == OrderRequestReader.Check(customer: "C1", amount: Money(minorUnits: 123_450), on: Fixtures.day)
        )
        #expect(try check(#"{"customer":"C1","amount":"0.01"}"#).get().on == nil)
        let problems: [(String, String)] = [
            (#"{"amount":"1.00"}"#, #"field "customer": required but missing"#),
            (#"{"customer":"C1","amount":"0.00"}"#, #"field "amount": "0.00" is not above 0"#),
            (
                #"{"customer":"C1","amount":"12,50","on":"2026-02-30"}"#,
                #"field "amount": "12,50" is not a decimal number; field "on": "2026-02-30" is not a date (YYYY-MM-DD)"#
            ),
            ("[1]", "not a JSON object: found an array"),
            ("{", "not a JSON object: unexpected end of input, expected a string key or '}' at byte 2"),
        ]
        for (json, message) in problems {
            guard case .failure(let error) = check(json) else {
                Issue.record("\(json) was read")
                continue
            }
            #expect(error.description == message, "\(json)")
        }
    }

    @Test func anOrderRequestIsDatedTodayUnlessItSaysOtherwise() throws {
        let body = #"{"customer":"C1","order":"O9","amount":"10.00","override":"paid in advance"}"#
        let order = try Array(body.utf8).withUnsafeBytes { OrderRequestReader.order($0, today: Fixtures.later) }.get()
        #expect(
            order
                == OrderPlaced(
                    customer: "C1",
                    order: "O9",
                    amount: Money(minorUnits: 1000),
                    on: Fixtures.later,
                    override: "paid in advance"
                )
        )
        let missing = Array(#"{"customer":"C1","amount":"10.00"}"#.utf8).withUnsafeBytes {
            OrderRequestReader.order($0, today: Fixtures.later)
        }
        #expect(missing == .failure(OrderRequestError(field: "order", message: "required but missing")))
    }
}
