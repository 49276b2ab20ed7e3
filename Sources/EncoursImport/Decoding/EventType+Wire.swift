import EncoursCore

extension EventType {
    /// The event type whose wire name is exactly these bytes, found without making a `String`.
    ///
    /// The names are the raw values `EncoursCore` defines; a test checks that every case is
    /// found here by its raw value, so the two lists cannot drift apart.
    init?(wireName bytes: UnsafeRawBufferPointer) {
        let candidates: [EventType]
        switch bytes.count {
        case 11: candidates = [.noteLogged]
        case 12: candidates = [.orderPlaced, .promiseMade]
        case 13: candidates = [.reminderSent]
        case 14: candidates = [.invoiceIssued, .disputeOpened, .creditApplied]
        case 15: candidates = [.orderCancelled]
        case 16: candidates = [.paymentReceived, .customerUpdated, .creditLimitSet, .customerBlocked, .disputeResolved]
        case 18: candidates = [.creditNoteIssued, .customerUnblocked]
        case 19: candidates = [.customerRegistered]
        default: return nil
        }
        for candidate in candidates where bytes.matches(candidate.wireName) {
            self = candidate
            return
        }
        return nil
    }

    /// The wire name as a static string, for byte comparisons and for the writer.
    var wireName: StaticString {
        switch self {
        case .customerRegistered: "customer.registered"
        case .customerUpdated: "customer.updated"
        case .creditLimitSet: "credit_limit.set"
        case .customerBlocked: "customer.blocked"
        case .customerUnblocked: "customer.unblocked"
        case .orderPlaced: "order.placed"
        case .orderCancelled: "order.cancelled"
        case .invoiceIssued: "invoice.issued"
        case .creditNoteIssued: "credit_note.issued"
        case .paymentReceived: "payment.received"
        case .disputeOpened: "dispute.opened"
        case .disputeResolved: "dispute.resolved"
        case .promiseMade: "promise.made"
        case .reminderSent: "reminder.sent"
        case .noteLogged: "note.logged"
        case .creditApplied: "credit.applied"
        }
    }
}
