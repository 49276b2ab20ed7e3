import EncoursCore
import EncoursImport

/// Events and lines shared by the tests: one minimal and one complete event of every type.
enum Fixtures {
    static let day = Day(year: 2026, month: 3, day: 2)!
    static let later = Day(year: 2026, month: 4, day: 1)!

    /// For each type, a line with exactly its required fields, and the names of those fields.
    static let minimalLines: [(type: EventType, line: String, required: [String])] = [
        (
            .customerRegistered,
            #"{"type":"customer.registered","customer":"C1","legal_name":"ACME SAS","on":"2026-03-02"}"#,
            ["customer", "legal_name", "on"]
        ),
        (.customerUpdated, #"{"type":"customer.updated","customer":"C1","on":"2026-03-02"}"#, ["customer", "on"]),
        (
            .creditLimitSet, #"{"type":"credit_limit.set","customer":"C1","limit":"5000","on":"2026-03-02"}"#,
            ["customer", "limit", "on"]
        ),
        (.customerBlocked, #"{"type":"customer.blocked","customer":"C1","on":"2026-03-02"}"#, ["customer", "on"]),
        (.customerUnblocked, #"{"type":"customer.unblocked","customer":"C1","on":"2026-03-02"}"#, ["customer", "on"]),
        (
            .orderPlaced, #"{"type":"order.placed","customer":"C1","order":"O1","amount":100,"on":"2026-03-02"}"#,
            ["customer", "order", "amount", "on"]
        ),
        (.orderCancelled, #"{"type":"order.cancelled","order":"O1","on":"2026-03-02"}"#, ["order", "on"]),
        (
            .invoiceIssued,
            #"{"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"12.50","on":"2026-03-02"}"#,
            ["customer", "invoice", "amount", "on"]
        ),
        (
            .creditNoteIssued,
            #"{"type":"credit_note.issued","customer":"C1","credit_note":"AV1","amount":5,"on":"2026-03-02"}"#,
            ["customer", "credit_note", "amount", "on"]
        ),
        (
            .paymentReceived,
            #"{"type":"payment.received","customer":"C1","payment":"P1","amount":"10","on":"2026-03-02"}"#,
            ["customer", "payment", "amount", "on"]
        ),
        (
            .disputeOpened, #"{"type":"dispute.opened","invoice":"F1","dispute":"D1","on":"2026-03-02"}"#,
            ["invoice", "dispute", "on"]
        ),
        (.disputeResolved, #"{"type":"dispute.resolved","dispute":"D1","on":"2026-03-02"}"#, ["dispute", "on"]),
        (
            .promiseMade,
            #"{"type":"promise.made","customer":"C1","promise":"PR1","amount":"10","due_on":"2026-04-01","on":"2026-03-02"}"#,
            ["customer", "promise", "amount", "due_on", "on"]
        ),
        (
            .reminderSent, #"{"type":"reminder.sent","customer":"C1","level":"reminder_1","on":"2026-03-02"}"#,
            ["customer", "level", "on"]
        ),
        (
            .noteLogged, #"{"type":"note.logged","customer":"C1","text":"Called","on":"2026-03-02"}"#,
            ["customer", "text", "on"]
        ),
        (
            .creditApplied,
            #"{"type":"credit.applied","customer":"C1","invoice":"F1","amount":"3.20","on":"2026-03-02"}"#,
            ["customer", "invoice", "amount", "on"]
        ),
    ]

    /// One event of each type with every optional field set, strings chosen to need escaping.
    static let complete: [Event] = [
        .customerRegistered(
            CustomerRegistered(
                customer: "C1",
                profile: CustomerProfile(
                    legalName: "ACME \"Industries\" SAS",
                    tradeName: "Acmé\u{1F600}",
                    siren: "123456789",
                    incorporatedOn: Day(year: 1999, month: 12, day: 31),
                    salesRep: "rep-7",
                    termsDays: 45,
                    creditLimit: Money(minorUnits: 5_000_000),
                    policy: .block
                ),
                on: day
            )
        ),
        .customerUpdated(
            CustomerUpdated(
                customer: "C1",
                profile: CustomerProfile(
                    legalName: "ACME",
                    tradeName: "",
                    siren: "987654321",
                    incorporatedOn: day,
                    salesRep: "rep-8",
                    termsDays: 0,
                    creditLimit: .zero,
                    policy: .alert
                ),
                on: day,
                id: "upd-1"
            )
        ),
        .creditLimitSet(
            CreditLimitSet(
                customer: "C1",
                limit: Money(minorUnits: 1_000_050),
                until: later,
                reason: "season\npeak",
                on: day,
                id: "lim-1"
            )
        ),
        .customerBlocked(CustomerBlockChange(customer: "C1", reason: "tab\there", on: day, id: "blk-1")),
        .customerUnblocked(CustomerBlockChange(customer: "C1", reason: "back\\slash", on: day, id: "unb-1")),
        .orderPlaced(OrderPlaced(customer: "C1", order: "O1", amount: Money(minorUnits: 99_999_999_999_999), on: day)),
        .orderCancelled(OrderCancelled(order: "O1", customer: "C1", on: day)),
        .invoiceIssued(
            InvoiceIssued(
                customer: "C1",
                invoice: "F1",
                amount: Money(minorUnits: 123_450),
                on: day,
                dueOn: later,
                order: "O1"
            )
        ),
        .creditNoteIssued(
            CreditNoteIssued(customer: "C1", creditNote: "AV1", amount: Money(minorUnits: 1), invoice: "F1", on: day)
        ),
        .paymentReceived(
            PaymentReceived(
                customer: "C1",
                payment: "P1",
                amount: Money(minorUnits: 20_000),
                on: day,
                allocations: [
                    Allocation(invoice: "F1", amount: Money(minorUnits: 15_000)),
                    Allocation(invoice: "F2", amount: Money(minorUnits: 5_000)),
                ]
            )
        ),
        .disputeOpened(
            DisputeOpened(
                invoice: "F1",
                dispute: "D1",
                amount: Money(minorUnits: 700),
                reason: "\u{01}control\u{1F}",
                customer: "C1",
                on: day
            )
        ),
        .disputeResolved(DisputeResolved(dispute: "D1", outcome: .upheld, customer: "C1", on: day)),
        .promiseMade(
            PromiseMade(
                customer: "C1",
                promise: "PR1",
                amount: Money(minorUnits: 10_000),
                dueOn: later,
                invoices: ["F1", "F2"],
                on: day
            )
        ),
        .reminderSent(
            ReminderSent(
                customer: "C1",
                level: "mise_en_demeure",
                channel: "email",
                invoices: ["F1"],
                note: "sent\r\n",
                on: day,
                id: "rem-1"
            )
        ),
        .noteLogged(
            NoteLogged(
                customer: "C1",
                text: "Promised \u{2028} soon",
                tags: ["call", "", "promise"],
                on: day,
                id: "n-1"
            )
        ),
        .creditApplied(
            CreditApplied(customer: "C1", invoice: "F1", amount: Money(minorUnits: 320), on: day, id: "ca-1")
        ),
    ]

    /// One event of each type with every optional field absent (or empty).
    static let minimal: [Event] = [
        .customerRegistered(CustomerRegistered(customer: "C1", profile: CustomerProfile(legalName: "ACME"), on: day)),
        .customerUpdated(CustomerUpdated(customer: "C1", profile: CustomerProfile(), on: day)),
        .creditLimitSet(CreditLimitSet(customer: "C1", limit: .zero, on: day)),
        .customerBlocked(CustomerBlockChange(customer: "C1", on: day)),
        .customerUnblocked(CustomerBlockChange(customer: "C1", on: day)),
        .orderPlaced(OrderPlaced(customer: "C1", order: "O1", amount: .zero, on: day)),
        .orderCancelled(OrderCancelled(order: "O1", on: day)),
        .invoiceIssued(InvoiceIssued(customer: "C1", invoice: "F1", amount: Money(minorUnits: 1), on: day)),
        .creditNoteIssued(CreditNoteIssued(customer: "C1", creditNote: "AV1", amount: Money(minorUnits: 1), on: day)),
        .paymentReceived(PaymentReceived(customer: "C1", payment: "P1", amount: Money(minorUnits: 1), on: day)),
        .disputeOpened(DisputeOpened(invoice: "F1", dispute: "D1", on: day)),
        .disputeResolved(DisputeResolved(dispute: "D1", on: day)),
        .promiseMade(PromiseMade(customer: "C1", promise: "PR1", amount: Money(minorUnits: 1), dueOn: later, on: day)),
        .reminderSent(ReminderSent(customer: "C1", level: "pre_due", on: day)),
        .noteLogged(NoteLogged(customer: "C1", text: "x", on: day)),
        .creditApplied(CreditApplied(customer: "C1", invoice: "F1", amount: Money(minorUnits: 1), on: day)),
    ]

    /// Reads `text` as the file `events.ndjson`.
    static func read(_ text: String, errorLimit: Int = CanonicalEventReader.defaultErrorLimit) -> EventReadResult {
        CanonicalEventReader(errorLimit: errorLimit).readNDJSON(Array(text.utf8), file: "events.ndjson")
    }

    /// The error lines for `text` read as `events.ndjson`.
    static func errors(_ text: String) -> [String] {
        read(text).errorReport
    }

    /// A minimal invoice line with `field` set to the JSON text `value`.
    static func invoice(_ field: String, _ value: String) -> String {
        var members = [
            "\"customer\":\"C1\"", "\"invoice\":\"F1\"", "\"amount\":\"12.50\"", "\"on\":\"2026-03-02\"",
        ]
        members.removeAll { $0.hasPrefix("\"\(field)\":") }
        members.append("\"\(field)\":\(value)")
        return "{\"type\":\"invoice.issued\"," + members.joined(separator: ",") + "}"
    }
}
