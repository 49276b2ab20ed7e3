import EncoursCore
import EncoursImport
import Testing

/// Dates, ids, choices, whole numbers, arrays: each field kind's rules and messages.
struct FieldValueTests {
    @Test(arguments: [
        ("on", "\"2026-02-30\"", #"field "on": "2026-02-30" is not a date (YYYY-MM-DD)"#, ImportError.Code.invalidDate),
        ("on", "\"2026-3-02\"", #"field "on": "2026-3-02" is not a date (YYYY-MM-DD)"#, .invalidDate),
        ("on", "\"02/03/2026\"", #"field "on": "02/03/2026" is not a date (YYYY-MM-DD)"#, .invalidDate),
        (
            "on", "\"2026-03-02T10:00:00Z\"", #"field "on": "2026-03-02T10:00:00Z" is not a date (YYYY-MM-DD)"#,
            .invalidDate
        ),
        ("on", "20260302", #"field "on": expected a date string (YYYY-MM-DD), found a number"#, .wrongType),
        ("due_on", "\"2026-13-01\"", #"field "due_on": "2026-13-01" is not a date (YYYY-MM-DD)"#, .invalidDate),
        ("invoice", "\"\"", #"field "invoice": must not be empty"#, .emptyValue),
        ("invoice", "42", #"field "invoice": expected a string, found a number"#, .wrongType),
        ("customer", "[\"C1\"]", #"field "customer": expected a string, found an array"#, .wrongType),
        ("order", "\"\"", #"field "order": must not be empty"#, .emptyValue),
        ("order", "false", #"field "order": expected a string, found a boolean"#, .wrongType),
    ])
    func refusesBadInvoiceFields(field: String, json: String, message: String, code: ImportError.Code) {
        let result = Fixtures.read(Fixtures.invoice(field, json))
        #expect(result.errorReport == ["events.ndjson:1: invoice.issued: \(message)"])
        #expect(result.errors.map(\.code) == [code])
        #expect(result.errors.first?.field == field)
    }

    @Test func nullOptionalFieldsAreAbsent() {
        let line =
            #"{"type":"invoice.issued","customer":"C1","invoice":"F1","amount":1,"on":"2026-03-02","due_on":null,"order":null}"#
        #expect(
            Fixtures.read(line).events.map(\.event) == [
                .invoiceIssued(
                    InvoiceIssued(customer: "C1", invoice: "F1", amount: Money(minorUnits: 100), on: Fixtures.day)
                )
            ]
        )
    }

    @Test func defaultsAreNotFilledIn() {
        let line = #"{"type":"customer.registered","customer":"C1","legal_name":"ACME","on":"2026-03-02"}"#
        guard case .customerRegistered(let event)? = Fixtures.read(line).events.first?.event else {
            Issue.record("not read")
            return
        }
        #expect(event.profile.termsDays == nil)
        #expect(event.profile.policy == nil)
        #expect(event.profile.creditLimit == nil)
    }

    @Test(
        arguments: [
            ("0", 0), ("30", 30), ("3650", 3650),
        ] as [(String, Int)]
    )
    func readsTermsDays(json: String, days: Int) {
        let line = #"{"type":"customer.updated","customer":"C1","terms_days":\#(json),"on":"2026-03-02"}"#
        guard case .customerUpdated(let event)? = Fixtures.read(line).events.first?.event else {
            Issue.record("not read")
            return
        }
        #expect(event.profile.termsDays == days)
    }

    @Test(arguments: [
        ("\"30\"", "expected a whole number, found a string", ImportError.Code.wrongType),
        ("30.5", "30.5 is not a whole number of days from 0 to 3650", .invalidInteger),
        ("30.0", "30.0 is not a whole number of days from 0 to 3650", .invalidInteger),
        ("-1", "-1 is not a whole number of days from 0 to 3650", .invalidInteger),
        ("3651", "3651 is not a whole number of days from 0 to 3650", .invalidInteger),
        ("1e2", "1e2 is not a whole number of days from 0 to 3650", .invalidInteger),
        ("99999999999999999999", "99999999999999999999 is not a whole number of days from 0 to 3650", .invalidInteger),
    ])
    func refusesBadTermsDays(json: String, message: String, code: ImportError.Code) {
        let line = #"{"type":"customer.updated","customer":"C1","terms_days":\#(json),"on":"2026-03-02"}"#
        let result = Fixtures.read(line)
        #expect(result.errorReport == [#"events.ndjson:1: customer.updated: field "terms_days": "# + message])
        #expect(result.errors.map(\.code) == [code])
    }

    @Test func policyAndOutcomeAreClosedLists() {
        let policy =
            #"{"type":"customer.registered","customer":"C1","legal_name":"A","policy":"soft","on":"2026-03-02"}"#
        let outcome = #"{"type":"dispute.resolved","dispute":"D1","outcome":"won","on":"2026-03-02"}"#
        #expect(
            Fixtures.errors(policy) == [
                #"events.ndjson:1: customer.registered: field "policy": "soft" is not one of: alert, block"#
            ]
        )
        #expect(
            Fixtures.errors(outcome) == [
                #"events.ndjson:1: dispute.resolved: field "outcome": "won" is not one of: rejected, upheld"#
            ]
        )
        #expect(Fixtures.read(outcome).errors.map(\.code) == [.invalidChoice])
    }

    @Test func explicitIDsMustBeNonEmptyStrings() {
        let empty = #"{"type":"note.logged","id":"","customer":"C1","text":"x","on":"2026-03-02"}"#
        let number = #"{"type":"credit.applied","id":7,"customer":"C1","invoice":"F1","amount":1,"on":"2026-03-02"}"#
        #expect(Fixtures.errors(empty) == [#"events.ndjson:1: note.logged: field "id": must not be empty"#])
        #expect(
            Fixtures.errors(number) == [
                #"events.ndjson:1: credit.applied: field "id": expected a string, found a number"#
            ]
        )
    }

    @Test func requiredTextsMustNotBeEmpty() {
        let line = #"{"type":"reminder.sent","customer":"C1","level":"","on":"2026-03-02"}"#
        #expect(Fixtures.errors(line) == [#"events.ndjson:1: reminder.sent: field "level": must not be empty"#])
    }

    @Test func allocationsAreCheckedElementByElement() {
        let line =
            #"{"type":"payment.received","customer":"C1","payment":"P1","amount":10,"on":"2026-03-02","#
            + #""allocations":[{"invoice":"F1","amount":"1,5"},{"invoice":"F2"},3,{"invoice":"","amount":-1}]}"#
        #expect(
            Fixtures.errors(line) == [
                #"events.ndjson:1: payment.received: field "allocations[0].amount": "1,5" is not a decimal number"#,
                #"events.ndjson:1: payment.received: field "allocations[1].amount": required but missing"#,
                #"events.ndjson:1: payment.received: field "allocations[2]": expected an object, found a number"#,
                #"events.ndjson:1: payment.received: field "allocations[3].invoice": must not be empty"#,
                #"events.ndjson:1: payment.received: field "allocations[3].amount": -1 must not be negative"#,
            ]
        )
    }

    @Test func allocationsAreRead() {
        let line =
            #"{"type":"payment.received","customer":"C1","payment":"P1","amount":10,"on":"2026-03-02","#
            + #""allocations":[{"invoice":"F1","amount":"7.5","memo":"ignored"},{"amount":2.5,"invoice":"F2"}]}"#
        let expected = Event.paymentReceived(
            PaymentReceived(
                customer: "C1",
                payment: "P1",
                amount: Money(minorUnits: 1000),
                on: Fixtures.day,
                allocations: [
                    Allocation(invoice: "F1", amount: Money(minorUnits: 750)),
                    Allocation(invoice: "F2", amount: Money(minorUnits: 250)),
                ]
            )
        )
        #expect(Fixtures.read(line).events.map(\.event) == [expected])
    }

    @Test(arguments: [#""allocations":[]"#, #""allocations":null"#, ""])
    func emptyOrAbsentAllocationsAreNoAllocations(member: String) {
        let extra = member.isEmpty ? "" : "," + member
        let line = #"{"type":"payment.received","customer":"C1","payment":"P1","amount":10,"on":"2026-03-02"\#(extra)}"#
        guard case .paymentReceived(let payment)? = Fixtures.read(line).events.first?.event else {
            Issue.record("not read")
            return
        }
        #expect(payment.allocations.isEmpty)
    }

    @Test func arraysOfStringsAreChecked() {
        let allocations =
            #"{"type":"payment.received","customer":"C1","payment":"P1","amount":1,"on":"2026-03-02","allocations":{}}"#
        let invoices =
            #"{"type":"reminder.sent","customer":"C1","level":"r1","invoices":["F1",2,""],"on":"2026-03-02"}"#
        let tags = #"{"type":"note.logged","customer":"C1","text":"x","tags":"call","on":"2026-03-02"}"#
        let tagElements = #"{"type":"note.logged","customer":"C1","text":"x","tags":["a",null],"on":"2026-03-02"}"#
        #expect(
            Fixtures.errors(allocations) == [
                #"events.ndjson:1: payment.received: field "allocations": expected an array, found an object"#
            ]
        )
        #expect(
            Fixtures.errors(invoices) == [
                #"events.ndjson:1: reminder.sent: field "invoices[1]": expected a string, found a number"#,
                #"events.ndjson:1: reminder.sent: field "invoices[2]": must not be empty"#,
            ]
        )
        #expect(
            Fixtures.errors(tags) == [#"events.ndjson:1: note.logged: field "tags": expected an array, found a string"#]
        )
        #expect(
            Fixtures.errors(tagElements) == [
                #"events.ndjson:1: note.logged: field "tags[1]": expected a string, found null"#
            ]
        )
    }

    @Test func everyProblemOfALineIsReported() {
        let line = #"{"type":"invoice.issued","customer":"","invoice":"F1","amount":"12,50","on":"2026-02-30"}"#
        #expect(
            Fixtures.errors(line) == [
                #"events.ndjson:1: invoice.issued: field "customer": must not be empty"#,
                #"events.ndjson:1: invoice.issued: field "amount": "12,50" is not a decimal number"#,
                #"events.ndjson:1: invoice.issued: field "on": "2026-02-30" is not a date (YYYY-MM-DD)"#,
            ]
        )
    }

    @Test func unknownFieldsAreIgnoredAndKeptInThePayload() {
        let line =
            #"{"type":"order.cancelled","order":"O1","on":"2026-03-02","source":{"erp":"SAGE","n":[1,2]},"amount":"x"}"#
        let result = Fixtures.read(line)
        #expect(result.errorReport == [])
        #expect(result.events.first?.event == .orderCancelled(OrderCancelled(order: "O1", on: Fixtures.day)))
        #expect(result.events.first?.payload == line)
    }

    @Test func optionalCustomerOfDocumentEventsIsRead() {
        let cancelled = #"{"type":"order.cancelled","order":"O1","customer":"C9","on":"2026-03-02"}"#
        let opened = #"{"type":"dispute.opened","invoice":"F1","dispute":"D1","customer":"C9","on":"2026-03-02"}"#
        #expect(Fixtures.read(cancelled).events.first?.event.namedCustomer == "C9")
        #expect(Fixtures.read(opened).events.first?.event.namedCustomer == "C9")
    }

    @Test func unicodeEscapesAreDecoded() {
        let line =
            #"{"type":"customer.registered","customer":"C\u002D1","legal_name":"Caf\u00e9 \ud83d\ude00 \"L\u00e0\"","on":"2026-03-02"}"#
        guard case .customerRegistered(let event)? = Fixtures.read(line).events.first?.event else {
            Issue.record("not read")
            return
        }
        #expect(event.customer == "C-1")
        #expect(event.profile.legalName == "Café 😀 \"Là\"")
    }

    @Test func escapedKeysAndTypesAreMatchedByTheirText() {
        let line =
            #"{"typ\u0065":"invoice\u002eissued","customer":"C1","invoice":"F1","\u0061mount":1,"on":"2026-03-02"}"#
        #expect(Fixtures.read(line).events.map(\.event.type) == [.invoiceIssued])
    }
}
