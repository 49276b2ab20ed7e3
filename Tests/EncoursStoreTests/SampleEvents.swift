import EncoursCore
import EncoursStore

/// Events of every type, with every optional field present or every one absent: the
/// inputs of the codec round trips and of the log tests.
enum SampleEvents {
    static let day = Day(year: 2026, month: 11, day: 23)!

    static func all(fullyPopulated: Bool) -> [Event] {
        fullyPopulated ? populated : minimal
    }

    static let populated: [Event] = [
        .customerRegistered(
            CustomerRegistered(
                customer: "C-001",
                profile: CustomerProfile(
                    legalName: "Dupont SARL",
                    tradeName: "Dupont & Fils",
                    siren: "123456789",
                    incorporatedOn: Day(year: 1998, month: 3, day: 1)!,
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
                customer: "C-001",
                profile: CustomerProfile(
                    legalName: "Dupont SAS",
                    tradeName: "Dupont",
                    siren: "987654321",
                    incorporatedOn: Day(year: 1, month: 1, day: 1)!,
                    salesRep: "rep-8",
                    termsDays: -3,
                    creditLimit: Money(minorUnits: 0),
                    policy: .alert
                ),
                on: day,
                id: "upd-1"
            )
        ),
        .creditLimitSet(
            CreditLimitSet(
                customer: "C-001",
                limit: Money(minorUnits: 99_999_999_999_999),
                until: day.adding(days: 30),
                reason: "Fin d'année",
                on: day,
                id: "lim-1"
            )
        ),
        .customerBlocked(CustomerBlockChange(customer: "C-001", reason: "impayés", on: day, id: "blk-1")),
        .customerUnblocked(CustomerBlockChange(customer: "C-001", reason: "réglé", on: day, id: "unb-1")),
        .orderPlaced(OrderPlaced(customer: "C-001", order: "CMD-1", amount: Money(minorUnits: 123_456), on: day)),
        .orderCancelled(OrderCancelled(order: "CMD-1", customer: "C-001", on: day)),
        .invoiceIssued(
            InvoiceIssued(
                customer: "C-001",
                invoice: "FA-2026-0042",
                amount: Money(minorUnits: 1_234_50),
                on: day,
                dueOn: day.adding(days: 30),
                order: "CMD-1"
            )
        ),
        .creditNoteIssued(
            CreditNoteIssued(
                customer: "C-001",
                creditNote: "AV-1",
                amount: Money(minorUnits: 10_000),
                invoice: "FA-2026-0042",
                on: day
            )
        ),
        .paymentReceived(
            PaymentReceived(
                customer: "C-001",
                payment: "PAY-1",
                amount: Money(minorUnits: 200_000),
                on: day,
                allocations: [
                    Allocation(invoice: "FA-2026-0042", amount: Money(minorUnits: 123_450)),
                    Allocation(invoice: "FA-2026-0043", amount: Money(minorUnits: -1)),
                ]
            )
        ),
        .disputeOpened(
            DisputeOpened(
                invoice: "FA-2026-0042",
                dispute: "LIT-1",
                amount: Money(minorUnits: 5_000),
                reason: "colis abîmé",
                customer: "C-001",
                on: day
            )
        ),
        .disputeResolved(DisputeResolved(dispute: "LIT-1", outcome: .upheld, customer: "C-001", on: day)),
        .promiseMade(
            PromiseMade(
                customer: "C-001",
                promise: "PR-1",
                amount: Money(minorUnits: 50_000),
                dueOn: day.adding(days: 7),
                invoices: ["FA-2026-0042", "FA-2026-0043"],
                on: day
            )
        ),
        .reminderSent(
            ReminderSent(
                customer: "C-001",
                level: "relance 1",
                channel: "email",
                invoices: ["FA-2026-0042"],
                note: "avec relevé de compte",
                on: day,
                id: "rem-1"
            )
        ),
        .noteLogged(
            NoteLogged(
                customer: "C-001",
                text: "Appel: promet 🙂 un virement",
                tags: ["appel", "promesse"],
                on: day,
                id: "note-1"
            )
        ),
        .creditApplied(
            CreditApplied(
                customer: "C-001",
                invoice: "FA-2026-0042",
                amount: Money(minorUnits: 700),
                on: day,
                id: "app-1"
            )
        ),
    ]

    static let minimal: [Event] = [
        .customerRegistered(CustomerRegistered(customer: "C-002", profile: CustomerProfile(), on: day)),
        .customerUpdated(CustomerUpdated(customer: "C-002", profile: CustomerProfile(), on: day)),
        .creditLimitSet(CreditLimitSet(customer: "C-002", limit: .zero, on: day)),
        .customerBlocked(CustomerBlockChange(customer: "C-002", on: day)),
        .customerUnblocked(CustomerBlockChange(customer: "C-002", on: day)),
        .orderPlaced(OrderPlaced(customer: "C-002", order: "", amount: .zero, on: day)),
        .orderCancelled(OrderCancelled(order: "CMD-2", on: day)),
        .invoiceIssued(InvoiceIssued(customer: "C-002", invoice: "FA-2", amount: Money(minorUnits: 1), on: day)),
        .creditNoteIssued(
            CreditNoteIssued(customer: "C-002", creditNote: "AV-2", amount: Money(minorUnits: 1), on: day)
        ),
        .paymentReceived(PaymentReceived(customer: "C-002", payment: "PAY-2", amount: Money(minorUnits: 1), on: day)),
        .disputeOpened(DisputeOpened(invoice: "FA-2", dispute: "LIT-2", on: day)),
        .disputeResolved(DisputeResolved(dispute: "LIT-2", on: day)),
        .promiseMade(
            PromiseMade(customer: "C-002", promise: "PR-2", amount: Money(minorUnits: 1), dueOn: day, on: day)
        ),
        .reminderSent(ReminderSent(customer: "C-002", level: "pré-relance", on: day)),
        .noteLogged(NoteLogged(customer: "C-002", text: "", on: day)),
        .creditApplied(CreditApplied(customer: "C-002", invoice: "FA-2", amount: Money(minorUnits: 1), on: day)),
    ]

    /// An `invoice.issued` row ready to append; `number` makes its key unique.
    static func invoice(_ number: Int, amountMinorUnits: Int64 = 10_000, customer: String = "C-001") -> NewEvent {
        let event = Event.invoiceIssued(
            InvoiceIssued(
                customer: CustomerID(customer),
                invoice: InvoiceID("FA-\(number)"),
                amount: Money(minorUnits: amountMinorUnits),
                on: day.adding(days: number % 300)
            )
        )
        let payload =
            #"{"type":"invoice.issued","customer":"\#(customer)","invoice":"FA-\#(number)","amount":"\#(Money(minorUnits: amountMinorUnits))","on":"\#(event.on)"}"#
        return NewEvent(event: event, stream: CustomerID(customer), payload: payload, actor: "alice")
    }

    static let recordedAt = "2026-11-23T11:54:40.123Z"
}
