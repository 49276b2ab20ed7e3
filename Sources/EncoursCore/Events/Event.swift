/// One business fact about a customer account: the unit the log records and replays.
///
/// Each case carries the fields DESIGN §4 defines for its `type`. Events are values; the
/// ledger never mutates one, it only applies it. The rarer, larger cases are `indirect` so
/// that the common ones (invoices, payments) keep a million events in memory small.
public enum Event: Sendable, Hashable {
    indirect case customerRegistered(CustomerRegistered)
    indirect case customerUpdated(CustomerUpdated)
    indirect case creditLimitSet(CreditLimitSet)
    indirect case customerBlocked(CustomerBlockChange)
    indirect case customerUnblocked(CustomerBlockChange)
    case orderPlaced(OrderPlaced)
    case orderCancelled(OrderCancelled)
    case invoiceIssued(InvoiceIssued)
    case creditNoteIssued(CreditNoteIssued)
    case paymentReceived(PaymentReceived)
    indirect case disputeOpened(DisputeOpened)
    indirect case disputeResolved(DisputeResolved)
    indirect case promiseMade(PromiseMade)
    indirect case reminderSent(ReminderSent)
    indirect case noteLogged(NoteLogged)
    case creditApplied(CreditApplied)
}

extension Event {
    public var type: EventType {
        switch self {
        case .customerRegistered: .customerRegistered
        case .customerUpdated: .customerUpdated
        case .creditLimitSet: .creditLimitSet
        case .customerBlocked: .customerBlocked
        case .customerUnblocked: .customerUnblocked
        case .orderPlaced: .orderPlaced
        case .orderCancelled: .orderCancelled
        case .invoiceIssued: .invoiceIssued
        case .creditNoteIssued: .creditNoteIssued
        case .paymentReceived: .paymentReceived
        case .disputeOpened: .disputeOpened
        case .disputeResolved: .disputeResolved
        case .promiseMade: .promiseMade
        case .reminderSent: .reminderSent
        case .noteLogged: .noteLogged
        case .creditApplied: .creditApplied
        }
    }

    /// The business date: the event takes effect on this day.
    public var on: Day {
        switch self {
        case .customerRegistered(let event): event.on
        case .customerUpdated(let event): event.on
        case .creditLimitSet(let event): event.on
        case .customerBlocked(let event), .customerUnblocked(let event): event.on
        case .orderPlaced(let event): event.on
        case .orderCancelled(let event): event.on
        case .invoiceIssued(let event): event.on
        case .creditNoteIssued(let event): event.on
        case .paymentReceived(let event): event.on
        case .disputeOpened(let event): event.on
        case .disputeResolved(let event): event.on
        case .promiseMade(let event): event.on
        case .reminderSent(let event): event.on
        case .noteLogged(let event): event.on
        case .creditApplied(let event): event.on
        }
    }

    /// The customer the event names, when it names one. `order.cancelled` and `dispute.*`
    /// may leave it out: the ledger finds it through the document they name.
    public var namedCustomer: CustomerID? {
        switch self {
        case .customerRegistered(let event): event.customer
        case .customerUpdated(let event): event.customer
        case .creditLimitSet(let event): event.customer
        case .customerBlocked(let event), .customerUnblocked(let event): event.customer
        case .orderPlaced(let event): event.customer
        case .orderCancelled(let event): event.customer
        case .invoiceIssued(let event): event.customer
        case .creditNoteIssued(let event): event.customer
        case .paymentReceived(let event): event.customer
        case .disputeOpened(let event): event.customer
        case .disputeResolved(let event): event.customer
        case .promiseMade(let event): event.customer
        case .reminderSent(let event): event.customer
        case .noteLogged(let event): event.customer
        case .creditApplied(let event): event.customer
        }
    }

    /// The id this event is known by: its own document for the types that name one,
    /// else the explicit `id` when the sender gave one.
    public var identity: String? {
        switch self {
        case .customerRegistered(let event): event.customer.rawValue
        case .customerUpdated(let event): event.id
        case .creditLimitSet(let event): event.id
        case .customerBlocked(let event), .customerUnblocked(let event): event.id
        case .orderPlaced(let event): event.order.rawValue
        case .orderCancelled(let event): event.order.rawValue
        case .invoiceIssued(let event): event.invoice.rawValue
        case .creditNoteIssued(let event): event.creditNote.rawValue
        case .paymentReceived(let event): event.payment.rawValue
        case .disputeOpened(let event): event.dispute.rawValue
        case .disputeResolved(let event): event.dispute.rawValue
        case .promiseMade(let event): event.promise.rawValue
        case .reminderSent(let event): event.id
        case .noteLogged(let event): event.id
        case .creditApplied(let event): event.id
        }
    }

    /// The idempotency key when the event has an identity (`invoice.issued:FA-2026-0042`);
    /// `nil` when the key must be derived from the event's content.
    public var naturalKey: String? {
        identity.map { "\(type.rawValue):\($0)" }
    }
}
