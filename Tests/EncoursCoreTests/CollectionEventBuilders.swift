import EncoursCore
import EncoursTestSupport

// Builders for the collection events the dunning and promise tests write by hand.

/// A `reminder.sent` event; `invoices` empty: the reminder names none.
func reminder(
    _ customer: CustomerID,
    _ level: String,
    on: String,
    invoices: [InvoiceID] = [],
    channel: String? = nil,
    id: String? = nil
) -> Event {
    .reminderSent(
        ReminderSent(
            customer: customer,
            level: level,
            channel: channel,
            invoices: invoices,
            on: day(on),
            id: id ?? "\(level)-\(on)-\(invoices.map(\.rawValue).joined(separator: "+"))"
        )
    )
}

/// A `promise.made` event.
func promise(
    _ id: PromiseID,
    _ customer: CustomerID,
    _ amount: String,
    on: String,
    due: String,
    invoices: [InvoiceID] = []
) -> Event {
    .promiseMade(
        PromiseMade(
            customer: customer,
            promise: id,
            amount: eur(amount),
            dueOn: day(due),
            invoices: invoices,
            on: day(on)
        )
    )
}

/// A `note.logged` event.
func note(_ customer: CustomerID, _ text: String, on: String) -> Event {
    .noteLogged(NoteLogged(customer: customer, text: text, on: day(on), id: "\(text)-\(on)"))
}

/// A `dispute.opened` event.
func disputeOpened(_ id: DisputeID, _ invoice: InvoiceID, amount: String? = nil, on: String) -> Event {
    .disputeOpened(DisputeOpened(invoice: invoice, dispute: id, amount: amount.map(eur), on: day(on)))
}

/// A `dispute.resolved` event.
func disputeResolved(_ id: DisputeID, on: String) -> Event {
    .disputeResolved(DisputeResolved(dispute: id, outcome: .rejected, on: day(on)))
}
