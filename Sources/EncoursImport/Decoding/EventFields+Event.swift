import EncoursCore

extension EventFields {
    /// The event of this type that the fields describe. Exhaustive over `EventType`, so a new
    /// type cannot be added to the core without the reader learning it.
    mutating func event(of type: EventType) -> Event {
        switch type {
        case .customerRegistered: customerRegistered()
        case .customerUpdated: customerUpdated()
        case .creditLimitSet: creditLimitSet()
        case .customerBlocked: .customerBlocked(blockChange())
        case .customerUnblocked: .customerUnblocked(blockChange())
        case .orderPlaced: orderPlaced()
        case .orderCancelled: orderCancelled()
        case .invoiceIssued: invoiceIssued()
        case .creditNoteIssued: creditNoteIssued()
        case .paymentReceived: paymentReceived()
        case .creditApplied: creditApplied()
        case .disputeOpened: disputeOpened()
        case .disputeResolved: disputeResolved()
        case .promiseMade: promiseMade()
        case .reminderSent: reminderSent()
        case .noteLogged: noteLogged()
        }
    }
}
